import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { Query } from './Query.ts';

/** The report subgraph's resolver map, one object type per file (the other types are their mappers' shape). */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
};
