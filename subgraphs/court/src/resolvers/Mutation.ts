import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { restrictionMutations } from '../restrictions/resolvers/Mutation.ts';
import { publishCase, recordPerformance, withdrawCase } from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the court department only).
export const Mutation: MutationResolvers = {
  publishDishonestDebtorCase: (_root, { input }, ctx) => publishCase(ctx, input),
  recordPerformance: (_root, args, ctx) => recordPerformance(ctx, args),
  withdrawDishonestDebtorCase: (_root, args, ctx) => withdrawCase(ctx, args),
  ...restrictionMutations,
};
