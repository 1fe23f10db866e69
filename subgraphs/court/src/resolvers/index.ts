import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { ConsumptionRestriction } from '../restrictions/resolvers/ConsumptionRestriction.ts';
import { CreditSubject } from './CreditSubject.ts';
import { DishonestDebtorCase } from './DishonestDebtorCase.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { RegionIntegrity } from './RegionIntegrity.ts';

/** The court's resolver map, one object type per file (a feature folder's types from its own resolvers/). */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CreditSubject,
  DishonestDebtorCase,
  ConsumptionRestriction,
  RegionIntegrity,
};
