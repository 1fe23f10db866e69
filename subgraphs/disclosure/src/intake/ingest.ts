/**
 * The 双公示 ingest core: validates a batch of rows in the national exchange format and stores it with
 * set-based statements (never one INSERT per row), shared by the GraphQL mutations and the bulk import.
 *
 * CONTRACT (the bulk import codes against it):
 * - `tx` is an `IngestTx`: anything with Prisma's `$queryRawUnsafe` / `$executeRawUnsafe` — the Prisma client
 *   itself, the `tx` of `db.prisma.$transaction(async (tx) => …)`, or the kit's `audited(event, tx => …)`.
 *   Run it INSIDE a transaction together with your own bookkeeping (job progress): ingestRows issues several
 *   statements (records + revisions, quarantine, submission counts) and relies on the caller's transaction for
 *   atomicity. Interactive transactions default to a 5 s timeout: pass `{ timeout }` for large chunks.
 * - One call issues a constant number of statements whatever the number of rows: one upsert of the record
 *   table with its revisions (one statement), one quarantine insert, one submission upsert.
 * - Duplicate keys (authority code, document number) inside one call: the later row wins; the earlier rows
 *   count as `updated` (each kept as a revision when its content differs from the version before it).
 * - Quarantine rows are keyed by (submissionId, rowNumber) with ON CONFLICT DO NOTHING: re-running a chunk
 *   or a file under the same submissionId never duplicates them.
 * - The `submission` row (id = submissionId) accumulates the counts of every call made with that id.
 * - received = accepted + updated + quarantined, always; `unchanged` ⊆ `updated`.
 */
import type { Db } from '@credit-hub/kit/db';
import type { Reason, ValidationContext } from './validate.ts';

/** A transaction-capable handle: Prisma client or interactive-transaction client. */
export type IngestTx = Pick<Db['prisma'], '$queryRawUnsafe' | '$executeRawUnsafe'>;

export type RecordKind = 'CF' | 'XK';
export type Channel = 'GRAPHQL' | 'FILE' | 'UPLOAD';

export interface IngestInput {
  kind: RecordKind;
  /** Rows keyed by national column codes (CF_XDR_MC …); values are strings (CSV) or JSON values. */
  rows: { rowNumber: number; raw: Record<string, unknown> }[];
  submitter: { department: string; subject: string /* caller id */; channel: Channel };
  /** Groups calls into one submission (a GraphQL call, an import job): keys the quarantine rows. */
  submissionId: string;
  /** Today in China (YYYY-MM-DD); defaults to the real date. Tests pin it. */
  today?: string;
}

export interface IngestResult {
  received: number;
  /** New records. */
  accepted: number;
  /** Rows for an existing key, including identical resubmissions. */
  updated: number;
  /** Of `updated`, those identical to the stored version: no new revision. */
  unchanged: number;
  quarantined: number;
  reasons: { rowNumber: number; reasons: Reason[] }[];
}

/** Loads the authority register for validation: one statement. */
export async function loadValidationContext(
  tx: IngestTx,
  department: string,
  options: { today?: string; personKey: (idNumber: string) => string },
): Promise<ValidationContext> {
  void tx;
  void department;
  void options;
  throw new Error('loadValidationContext: being implemented');
}

/** Validates and stores one batch; see the contract at the top of this file. */
export async function ingestRows(tx: IngestTx, input: IngestInput): Promise<IngestResult> {
  void tx;
  void input;
  throw new Error('ingestRows: being implemented');
}
