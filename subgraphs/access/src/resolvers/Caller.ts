import type { CallerResolvers } from '../__generated__/resolvers-types.ts';
import { apiScopes } from '../rules.ts';

export const Caller: CallerResolvers = {
  scopes: (c) => apiScopes(c.scopes),
};
