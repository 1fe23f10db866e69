import type { ApiKeyResolvers } from '../__generated__/resolvers-types.ts';

export const ApiKey: ApiKeyResolvers = {
  scopes: (k) => k.scopes.map((s) => s.toUpperCase() as 'READ'),
};
