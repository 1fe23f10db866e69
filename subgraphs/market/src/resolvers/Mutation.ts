import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { abnormalMutations } from '../abnormal/resolvers/Mutation.ts';
import { seriousMutations } from '../serious/resolvers/Mutation.ts';
import { registerMarketSubject } from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the market department only).
export const Mutation: MutationResolvers = {
  registerMarketSubject: (_root, { input }, ctx) => registerMarketSubject(ctx, input),
  ...abnormalMutations,
  ...seriousMutations,
};
