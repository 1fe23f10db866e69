import { toIsoDate } from '@credit-hub/kit';
import type { MetricsRecordResolvers } from '../__generated__/resolvers-types.ts';

export const MetricsRecord: MetricsRecordResolvers = {
  id: (r) => String(r.id),
  decidedOn: (r) => toIsoDate(r.decidedOn)!,
};
