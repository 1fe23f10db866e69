import type { Connection } from '@credit-hub/kit';
import type { AuditAction, Role } from '../__generated__/types.ts';

/**
 * An entry of the audit trail (audit.entry) as read back: `fields` decoded from its JSON text, role and action
 * checked against the schema's enums (audit-log/reads.ts parses every row).
 */
export interface AuditEntryMapper {
  seq: bigint;
  at: Date;
  actor: string;
  role: Role;
  department: string | null;
  action: AuditAction;
  subjectCode: string | null;
  fields: string[];
  detail: string | null;
  purpose: string | null;
  client: string;
  requestId: string;
  subgraph: string;
  hash: string;
}

/** A page of the trail, newest first. */
export type AuditEntryConnectionMapper = Connection<AuditEntryMapper>;
