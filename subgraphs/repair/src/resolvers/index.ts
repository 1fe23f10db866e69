import { DateScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditSubject } from './CreditSubject.ts';
import { RepairRecord } from './RepairRecord.ts';

/** The repair subgraph's resolver map, one object type per file. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  CreditSubject,
  RepairRecord,
};
