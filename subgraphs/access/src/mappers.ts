import type { Connection } from '@credit-hub/kit';
import type { ApiKey } from '@credit-hub/kit/db';

export type ApiKeyRow = ApiKey;

/** An audit entry as read back, fields decoded. */
export interface AuditEntryRow {
  seq: bigint;
  at: Date;
  actor: string;
  role: string;
  department: string | null;
  action: string;
  subjectCode: string | null;
  fields: string[];
  detail: string | null;
  purpose: string | null;
  client: string;
  requestId: string;
  subgraph: string;
  hash: string;
}

export type AuditConnection = Connection<AuditEntryRow>;

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type ApiKeyMapper = ApiKeyRow;
export type AuditEntryMapper = AuditEntryRow;
export type AuditEntryConnectionMapper = AuditConnection;
