import { DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { Mutation } from './Mutation.ts';
import { PushSubscription } from './PushSubscription.ts';
import { Query } from './Query.ts';

/** The push subgraph's resolver map, one object type per file (the others are their mappers as they are). */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  PushSubscription,
};
