import type { AuthorityResolvers } from '../__generated__/resolvers-types.ts';

/** The register's rows carry every field of the type as it is. */
export const Authority: AuthorityResolvers = {};
