import type { MutationResolvers } from '../../__generated__/resolvers-types.ts';
import { issueRestriction, liftRestriction } from '../writes.ts';

/** The 限制消费令 mutations, spread into resolvers/Mutation.ts (who may call them: schema.graphql's @access). */
export const restrictionMutations: Pick<
  MutationResolvers,
  'issueConsumptionRestriction' | 'liftConsumptionRestriction'
> = {
  issueConsumptionRestriction: (_root, { input }, ctx) => issueRestriction(ctx, input),
  liftConsumptionRestriction: (_root, args, ctx) => liftRestriction(ctx, args),
};
