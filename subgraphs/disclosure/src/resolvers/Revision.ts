import type { RevisionResolvers } from '../__generated__/resolvers-types.ts';

export const Revision: RevisionResolvers = {
  id: (r) => r.id.toString(),
};
