import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { auditLogQuery } from '../audit-log/resolvers/Query.ts';
import { listApiKeys } from '../reads.ts';

// Who may call each field is declared in schema.graphql (@access): me PUBLIC, apiKeys ADMIN, auditLog SUPERVISOR.
export const Query: QueryResolvers = {
  me: (_root, _args, { identity }) => identity,
  apiKeys: (_root, args, { db }) => listApiKeys(db, args),
  ...auditLogQuery,
};
