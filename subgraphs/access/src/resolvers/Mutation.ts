import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { createApiKey, revokeApiKey } from '../keys.ts';

export const Mutation: MutationResolvers = {
  createApiKey: (_root, { input }, ctx) => createApiKey(ctx, input),
  revokeApiKey: (_root, { id }, ctx) => revokeApiKey(ctx, id),
};
