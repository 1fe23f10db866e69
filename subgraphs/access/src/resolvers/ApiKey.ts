import type { ApiKeyResolvers } from '../__generated__/resolvers-types.ts';
import { apiScopes } from '../rules.ts';

export const ApiKey: ApiKeyResolvers = {
  scopes: (k) => apiScopes(k.scopes),
};
