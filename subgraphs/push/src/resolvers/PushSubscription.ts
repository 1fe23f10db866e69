import type { PushSubscriptionResolvers } from '../__generated__/resolvers-types.ts';
import { attemptsOf, deliveriesOf } from '../reads.ts';

export const PushSubscription: PushSubscriptionResolvers = {
  backlog: async (s, _args, { loaders }) => (await loaders.backlogBySubscription.load(s.id))?.n ?? 0,
  deliveries: (s, args, { db }) => deliveriesOf(db, s.id, args),
  attempts: (s, args, { db }) => attemptsOf(db, s.id, args),
};
