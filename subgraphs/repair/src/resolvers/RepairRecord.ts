import { toIsoDate } from '@credit-hub/kit';
import type { RepairRecordResolvers } from '../__generated__/resolvers-types.ts';

export const RepairRecord: RepairRecordResolvers = {
  id: (r) => String(r.id),
  decidedOn: (r) => toIsoDate(r.decidedOn)!,
};
