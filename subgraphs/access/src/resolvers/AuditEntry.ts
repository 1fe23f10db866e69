import type { AuditEntryResolvers } from '../__generated__/resolvers-types.ts';

export const AuditEntry: AuditEntryResolvers = {
  seq: (e) => e.seq.toString(),
  role: (e) => e.role as 'PUBLIC',
  action: (e) => e.action as 'READ',
};
