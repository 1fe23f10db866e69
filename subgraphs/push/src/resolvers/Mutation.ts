import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import {
  acknowledgeLift,
  createSubscription,
  enableSubscription,
  replayEvent,
  replayEvents,
  revokeSubscription,
} from '../writes.ts';

// Who may call these is declared in schema.graphql (@access): administrators, and departments for their own
// measure-lift requests.
export const Mutation: MutationResolvers = {
  createPushSubscription: (_root, { input }, ctx) => createSubscription(ctx, input),
  revokePushSubscription: (_root, { id }, ctx) => revokeSubscription(ctx, id),
  enablePushSubscription: (_root, args, ctx) => enableSubscription(ctx, args),
  replayPushEvent: (_root, args, ctx) => replayEvent(ctx, args),
  replayPushEvents: (_root, args, ctx) => replayEvents(ctx, args),
  acknowledgeMeasureLift: (_root, args, ctx) => acknowledgeLift(ctx, args),
};
