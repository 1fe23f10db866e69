import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditSubject } from './CreditSubject.ts';
import { DischargePermit } from './DischargePermit.ts';
import { EnvironmentalPenalty } from './EnvironmentalPenalty.ts';
import { EnvironmentalRating } from './EnvironmentalRating.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

/** The environment subgraph's resolver map, one object type per file. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CreditSubject,
  EnvironmentalRating,
  EnvironmentalPenalty,
  DischargePermit,
};
