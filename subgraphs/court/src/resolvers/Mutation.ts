import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { issueRestriction, liftRestriction, publishCase, recordPerformance, withdrawCase } from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the court department only).
export const Mutation: MutationResolvers = {
  publishDishonestDebtorCase: (_root, { input }, ctx) => publishCase(ctx, input),
  recordPerformance: (_root, args, ctx) => recordPerformance(ctx, args),
  withdrawDishonestDebtorCase: (_root, args, ctx) => withdrawCase(ctx, args),
  issueConsumptionRestriction: (_root, { input }, ctx) => issueRestriction(ctx, input),
  liftConsumptionRestriction: (_root, { id, reason }, ctx) => liftRestriction(ctx, id, reason),
};
