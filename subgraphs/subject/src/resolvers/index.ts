import { DateScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditSubject } from './CreditSubject.ts';
import { Query } from './Query.ts';
import { RegionIntegrity } from './RegionIntegrity.ts';

/** The subject register's resolver map, one object type per file (reference data's fields from reference/resolvers/). */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  CreditSubject,
  RegionIntegrity,
};
