import type { AuditEntryResolvers } from '../../__generated__/resolvers-types.ts';

export const AuditEntry: AuditEntryResolvers = {
  // A bigint in the table; IDs travel as strings.
  seq: (e) => e.seq.toString(),
};
