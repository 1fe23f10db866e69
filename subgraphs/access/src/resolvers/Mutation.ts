import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { createApiKey, revokeApiKey } from '../writes.ts';

// Who may call these is declared in schema.graphql (@access ADMIN: administrators only).
export const Mutation: MutationResolvers = {
  createApiKey: (_root, { input }, ctx) => createApiKey(ctx, input),
  revokeApiKey: (_root, args, ctx) => revokeApiKey(ctx, args),
};
