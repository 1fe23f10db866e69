/**
 * The 双公示 ingest core: validates a batch of rows in the national exchange format and stores it with
 * set-based statements (never one INSERT per row), shared by the GraphQL mutations and the bulk import.
 *
 * CONTRACT (the bulk import codes against it):
 * - `sql` is the kit's `Sql`: `prismaSql(tx)` over the `tx` of `db.prisma.$transaction(async (tx) => …)` or of the
 *   kit's `audited(event, tx => …)`, or the node-postgres connection of `inPgTransaction` (the bulk import).
 *   Run it INSIDE a transaction together with your own bookkeeping (job progress): ingestRows issues several
 *   statements (records + revisions, quarantine, submission counts) and relies on the caller's transaction for
 *   atomicity. Prisma's interactive transactions default to a 5 s timeout: pass `{ timeout }` for large chunks.
 * - One call issues a constant number of statements whatever the number of rows: one upsert of the record
 *   table with its revisions (one statement), one quarantine insert, one submission upsert.
 * - Duplicate keys (authority code, document number) inside one call: the later row wins; the earlier rows
 *   count as `updated` (each kept as a revision when its content differs from the version before it).
 * - Quarantine rows are keyed by (submissionId, rowNumber) with ON CONFLICT DO NOTHING: re-running a chunk
 *   or a file under the same submissionId never duplicates them.
 * - The `submission` row (id = submissionId) accumulates the counts of every call made with that id.
 * - received = accepted + updated + quarantined, always; `unchanged` ⊆ `updated`.
 */
import { toIsoDate, clock, storableCopy, z } from '@credit-hub/kit';
import type { Sql } from '@credit-hub/kit/db';
import type { DisclosureChannel, DisclosureKind } from '../__generated__/types.ts';
import { COLUMNS, type ColumnType } from '../format/rules.ts';
import { PUBLICITY_RULES, rulesFingerprint } from '../rules.ts';
import {
  contentHash,
  documentPersonKey,
  quarantineKey,
  snake,
  validateRow,
  type NormalizedRecord,
  type Reason,
  type ValidationContext,
} from './rules.ts';
import { recordEvents, type NewEvent } from '@credit-hub/kit/events';
import {
  decisionReceivedEvent,
  penaltyPublishedEvent,
  quarantineResolvedEvent,
  recordQuarantinedEvent,
  recordStoredEvent,
  ruleCodes,
} from '../events.ts';

export interface IngestInput {
  kind: DisclosureKind;
  /** Rows keyed by national column codes (CF_XDR_MC …); values are strings (CSV) or JSON values. */
  rows: { rowNumber: number; raw: Record<string, unknown> }[];
  submitter: { department: string; subject: string /* caller id */; channel: DisclosureChannel };
  /** Groups calls into one submission (a GraphQL call, an import job): keys the quarantine rows. */
  submissionId: string;
  /** Today in China (YYYY-MM-DD); defaults to the real date. Tests pin it. */
  today?: string;
  /** The receipt time recorded on records, revisions and quarantine rows; defaults to now. Tests pin it. */
  receivedAt?: Date;
  /** The quarantine entry this call corrects (resubmitQuarantined): its leaving the backlog is RESUBMITTED. */
  resubmitting?: string;
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
  /** The record each stored row was written to (rows of one key share it). */
  records: { rowNumber: number; id: string }[];
}

/** Options of loadValidationContext: the person-key secret (PERSON_KEY_SECRET) and, for tests, today. */
export interface ValidationOptions {
  personKeySecret: string;
  today?: string;
}

/** Loads the authority register for validation: one statement. */
const registerRows = z.array(z.object({ code: z.string(), department: z.string() }));

export async function loadValidationContext(
  sql: Sql,
  department: string,
  options: ValidationOptions,
): Promise<ValidationContext> {
  const rows = registerRows.parse(await sql.rows('SELECT code, department FROM disclosure.authority'));
  return {
    department,
    authorities: new Map(rows.map((r) => [r.code, { department: r.department }])),
    today: options.today ?? toIsoDate(clock.today())!,
    personKey: documentPersonKey(options.personKeySecret),
  };
}

const SQL_TYPES: Record<ColumnType, string> = {
  text: 'text',
  idNumber: 'text',
  uscc: 'text',
  subjectCategory: 'disclosure."DisclosureSubjectCategory"',
  idType: 'disclosure."DisclosureIdType"',
  date: 'date',
  amount: 'numeric',
  penaltyTypes: 'disclosure."PenaltyType"[]',
  licenceCategory: 'disclosure."LicenceCategory"',
  licenceStatus: 'disclosure."LicenceStatus"',
  penaltyTier: 'disclosure."PenaltyTier"',
};

/** The record table's columns filled from a row, beyond the national ones. */
const DERIVED: Record<DisclosureKind, readonly [column: string, type: string][]> = {
  CF: [
    ['subject_code', 'text'],
    ['department', 'text'],
    ['tier', 'disclosure."PenaltyTier"'],
    ['tier_source', 'disclosure."PenaltyTierSource"'],
    ['sector', 'text'],
    ['publicity_regime', 'text'],
    ['publicity_ends_on', 'date'],
    ['repairable_from', 'date'],
    ['publicity_rules', 'text'],
    ['publicity_note', 'text'],
    ['content_hash', 'text'],
  ],
  XK: [
    ['subject_code', 'text'],
    ['department', 'text'],
    ['content_hash', 'text'],
  ],
};

interface UpsertSql {
  sql: string;
  columns: string[];
}

const upsertSql = new Map<DisclosureKind, UpsertSql>();

/**
 * One statement that upserts a batch of valid rows into the record table, adds a revision for every version
 * that differs from the one before it, and closes open quarantine entries of the same keys (SUPERSEDED). The
 * input is one jsonb array ($1) unpacked by jsonb_to_recordset into typed columns: a constant statement size
 * whatever the batch size, with no per-row parameters.
 */
function recordUpsert(kind: DisclosureKind): UpsertSql {
  const cached = upsertSql.get(kind);
  if (cached) return cached;
  const table = kind === 'CF' ? 'disclosure.penalty' : 'disclosure.licence';
  const national = COLUMNS[kind].map((c) => [snake(c.field), SQL_TYPES[c.type]] as const);
  const all = [...national, ...DERIVED[kind]];
  const columns = all.map(([c]) => c);
  const recordset = ['row_number int', ...all.map(([c, t]) => `${c} ${t}`), 'row jsonb'].join(', ');
  const list = columns.join(', ');
  const updates = [...columns.filter((c) => c !== 'authority_code' && c !== 'document_number'), 'last_received_at']
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  const sql = `
    WITH input AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(${recordset})
    ),
    seq AS (
      SELECT i.*,
        COALESCE(lag(i.content_hash) OVER w, o.content_hash) AS prev_hash,
        o.content_hash IS NOT NULL AS existed,
        row_number() OVER (PARTITION BY i.authority_code, i.document_number ORDER BY i.row_number DESC) = 1 AS wins
      -- A direct join on the unique key: one index probe per input row. (Joining a DISTINCT of the input
      -- instead made the planner re-aggregate the whole batch per row: 7 s per 5,000 existing records.)
      FROM input i
      LEFT JOIN ${table} o ON o.authority_code = i.authority_code AND o.document_number = i.document_number
      WINDOW w AS (PARTITION BY i.authority_code, i.document_number ORDER BY i.row_number)
    ),
    up AS (
      INSERT INTO ${table} (${list}, first_received_at, last_received_at)
      SELECT ${list}, $2::timestamptz, $2::timestamptz FROM seq WHERE wins
      ON CONFLICT (authority_code, document_number) DO UPDATE SET ${updates}
      RETURNING id, authority_code, document_number
    ),
    rev AS (
      INSERT INTO disclosure.revision
        (kind, record_id, authority_code, document_number, submission_id, row_number, department, submitter, channel,
         content_hash, row, received_at)
      SELECT '${kind}', up.id, s.authority_code, s.document_number, $3, s.row_number, $4, $5,
        $6::disclosure."DisclosureChannel", s.content_hash, s.row, $2::timestamptz
      FROM seq s JOIN up USING (authority_code, document_number)
      WHERE s.content_hash IS DISTINCT FROM s.prev_hash
      RETURNING 1
    ),
    superseded AS (
      UPDATE disclosure.quarantine q SET status = 'SUPERSEDED', resolved_at = $2::timestamptz, record_id = up.id
      FROM up
      WHERE q.kind = '${kind}' AND q.status = 'OPEN'
        AND q.authority_code = up.authority_code AND q.document_number = up.document_number
      RETURNING q.id, q.department, q.authority_code, up.id AS record_id
    )
    SELECT s.row_number AS "rowNumber", up.id::text AS id, (s.wins AND NOT s.existed) AS inserted,
      (s.content_hash = s.prev_hash) AS unchanged,
      (SELECT coalesce(json_agg(json_build_object('id', x.id::text, 'department', x.department,
         'authorityCode', x.authority_code, 'recordId', x.record_id::text)), '[]'::json) FROM superseded x) AS superseded
    FROM seq s JOIN up USING (authority_code, document_number)`;
  const built = { sql, columns };
  upsertSql.set(kind, built);
  return built;
}

/** A valid record as the jsonb object the upsert unpacks (keys = table columns). */
function recordJson(
  record: NormalizedRecord,
  rowNumber: number,
  department: string,
  fingerprint: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { row_number: rowNumber };
  const row: Record<string, unknown> = {};
  for (const column of COLUMNS[record.kind]) {
    const value = record.values[column.field] ?? null;
    out[snake(column.field)] = value;
    row[column.code] = value;
  }
  out.subject_code = record.subjectCode;
  out.department = department;
  out.content_hash = contentHash(record);
  if (record.publicity) {
    const p = record.publicity;
    out.tier = p.tier;
    out.tier_source = p.tierSource;
    out.sector = p.sector;
    out.publicity_regime = p.regime;
    out.publicity_ends_on = p.publicityEndsOn;
    out.repairable_from = p.repairableFrom;
    out.publicity_rules = fingerprint;
    // Computed from the row as received: nothing to explain (a note is set only when stored rules are recomputed).
    out.publicity_note = null;
  }
  out.row = row;
  return out;
}

/**
 * Validates and stores one batch; see the contract at the top of this file. `context` is a ValidationContext (from
 * loadValidationContext), which saves the register look-up when a caller ingests many chunks, or the person-key
 * secret the caller was configured with (PERSON_KEY_SECRET), to read the register once for this call.
 */
const supersededEntries = z.array(
  z.object({ id: z.string(), department: z.string(), authorityCode: z.string().nullable(), recordId: z.string() }),
);
const storedRows = z.array(
  z.object({
    rowNumber: z.number().int(),
    id: z.string(),
    inserted: z.boolean(),
    unchanged: z.boolean().nullable(),
    superseded: supersededEntries,
  }),
);

/**
 * The events of a stored batch, in the same transaction (docs/events.md): a new record is `accepted`, a changed one
 * `revised`; a row stored again unchanged tells no one anything. Recorded with the batch's other events, dated at
 * the batch's receipt (the instant the rows keep, so the state snapshot restates the same one: ADR 0130).
 */
function intakeEvents(
  kind: DisclosureKind,
  department: string,
  valid: readonly Record<string, unknown>[],
  stored: z.infer<typeof storedRows>,
  receivedAt: Date,
) {
  const byRow = new Map(valid.map((v) => [v.row_number as number, v]));
  const events: NewEvent[] = [];
  for (const row of stored) {
    if (!row.inserted && row.unchanged) continue;
    const v = byRow.get(row.rowNumber)!;
    const subjectCode = String(v.subject_code);
    const decidedOn = String(v.decided_on).slice(0, 10);
    const r = { subjectCode, recordId: row.id, decisionNumber: String(v.document_number ?? ''), decidedOn };
    events.push(recordStoredEvent(kind, department, r, !row.inserted, receivedAt));
    // A penalty's publicity window and first day of 信用修复 (the repair window keeps them: docs/rules/repair.md).
    if (kind === 'CF' && v.publicity_ends_on !== undefined)
      events.push(
        penaltyPublishedEvent(
          department,
          { ...r, publicityEndsOn: v.publicity_ends_on ? String(v.publicity_ends_on).slice(0, 10) : null },
          v.repairable_from ? String(v.repairable_from).slice(0, 10) : null,
          receivedAt,
        ),
      );
  }
  return events;
}

/** A decision's first receipt in this call: the earliest row of a key neither stored nor quarantined before. */
interface FirstReceipt {
  authorityCode: string;
  documentNumber: string;
  decidedOn: string | null;
  subject: string | null;
  rules: string[];
  declared: boolean;
}

const seenKeys = z.array(
  z.object({ authorityCode: z.string(), documentNumber: z.string(), seen: z.boolean(), declared: z.boolean() }),
);
const day10 = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10) || null);

/**
 * The decisions this batch receives for the first time (docs/disclosure.md, "Quality metrics": a decision is
 * reported by its first receipt, compliant when that receipt passed validation). One statement, before the batch is
 * stored: which identifiable keys were already stored or quarantined, and which are in the declared register.
 */
async function firstReceipts(
  sql: Sql,
  kind: DisclosureKind,
  valid: readonly Record<string, unknown>[],
  invalid: readonly Record<string, unknown>[],
): Promise<FirstReceipt[]> {
  const rows = [
    ...valid.map((v) => ({ v, rules: [] as string[], subject: String(v.subject_code) })),
    ...invalid.map((v) => ({ v, rules: ruleCodes(v.reasons), subject: null })),
  ]
    .filter(({ v }) => typeof v.authority_code === 'string' && typeof v.document_number === 'string')
    .sort((a, b) => Number(a.v.row_number) - Number(b.v.row_number));
  const byKey = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${String(row.v.authority_code)}\u0000${String(row.v.document_number)}`;
    if (!byKey.has(key)) byKey.set(key, row);
  }
  if (byKey.size === 0) return [];
  const candidates = [...byKey.values()];
  const table = kind === 'CF' ? 'disclosure.penalty' : 'disclosure.licence';
  const seen = seenKeys.parse(
    await sql.rows(
      `SELECT k.a AS "authorityCode", k.d AS "documentNumber",
         (EXISTS (SELECT 1 FROM ${table} r WHERE r.authority_code = k.a AND r.document_number = k.d)
          OR EXISTS (SELECT 1 FROM disclosure.quarantine q
                      WHERE q.kind = $3::disclosure."DisclosureKind" AND q.authority_code = k.a AND q.document_number = k.d))
           AS seen,
         EXISTS (SELECT 1 FROM disclosure.declared_decision x
                  WHERE x.kind = $3::disclosure."DisclosureKind" AND x.authority_code = k.a AND x.document_number = k.d)
           AS declared
       FROM unnest($1::text[], $2::text[]) AS k(a, d)`,
      [candidates.map((c) => String(c.v.authority_code)), candidates.map((c) => String(c.v.document_number)), kind],
    ),
  );
  const known = new Map(seen.map((r) => [`${r.authorityCode}\u0000${r.documentNumber}`, r]));
  return candidates.flatMap((c) => {
    const k = known.get(`${String(c.v.authority_code)}\u0000${String(c.v.document_number)}`);
    if (!k || k.seen) return [];
    return [
      {
        authorityCode: String(c.v.authority_code),
        documentNumber: String(c.v.document_number),
        decidedOn: day10(c.v.decided_on),
        subject: c.subject,
        rules: c.rules,
        declared: k.declared,
      },
    ];
  });
}

/** `disclosure.decision.received` once per decision (its unique key: a concurrent first receipt records nothing). */
function firstReceiptEvents(
  kind: DisclosureKind,
  department: string,
  firsts: readonly FirstReceipt[],
  receivedAt: Date,
) {
  return firsts.map((f) => decisionReceivedEvent(kind, department, f, receivedAt));
}

/** `disclosure.record.quarantined` for each entry this call added to the quarantine (a re-run chunk adds none). */
function quarantinedEvents(
  kind: DisclosureKind,
  department: string,
  invalid: readonly Record<string, unknown>[],
  entries: unknown[],
  receivedAt: Date,
) {
  const byRow = new Map(invalid.map((v) => [Number(v.row_number), v]));
  const added = z.array(z.object({ id: z.string(), rowNumber: z.number().int() })).parse(entries);
  return added.map((e) => {
    const v = byRow.get(e.rowNumber)!;
    const q = {
      quarantineId: e.id,
      authorityCode: typeof v.authority_code === 'string' ? v.authority_code : null,
      documentNumber: typeof v.document_number === 'string' ? v.document_number : null,
      decidedOn: day10(v.decided_on),
      rules: ruleCodes(v.reasons),
    };
    return recordQuarantinedEvent(kind, department, q, receivedAt);
  });
}

export async function ingestRows(
  sql: Sql,
  input: IngestInput,
  context: ValidationContext | { personKeySecret: string },
): Promise<IngestResult> {
  const { kind, rows, submitter, submissionId } = input;
  const receivedAt = input.receivedAt ?? clock.now();
  const ctx =
    'personKey' in context
      ? context
      : await loadValidationContext(sql, submitter.department, {
          personKeySecret: context.personKeySecret,
          today: input.today,
        });

  const fingerprint = rulesFingerprint(ctx.publicity ?? PUBLICITY_RULES);
  const valid: Record<string, unknown>[] = [];
  const invalid: Record<string, unknown>[] = [];
  const reasons: IngestResult['reasons'] = [];
  for (const { rowNumber, raw } of rows) {
    const result = validateRow(kind, raw, ctx);
    if (result.ok) {
      valid.push(recordJson(result.record, rowNumber, submitter.department, fingerprint));
    } else {
      reasons.push({ rowNumber, reasons: result.reasons });
      // Kept as received, except characters no database text can hold (the reasons name them).
      const kept = storableCopy(raw) as Record<string, unknown>;
      const key = quarantineKey(kind, kept);
      invalid.push({
        row_number: rowNumber,
        original: kept,
        reasons: storableCopy(result.reasons),
        authority_code: key.authorityCode,
        document_number: key.documentNumber,
        decided_on: key.decidedOn,
      });
    }
  }

  const firsts = await firstReceipts(sql, kind, valid, invalid);
  // Every event of the batch (docs/events.md), recorded in one statement before the submission's counts.
  const events: NewEvent[] = [];
  const records: IngestResult['records'] = [];
  let accepted = 0;
  let updated = 0;
  let unchanged = 0;
  if (valid.length > 0) {
    const { sql: upsert } = recordUpsert(kind);
    const stored = storedRows.parse(
      await sql.rows(upsert, [
        JSON.stringify(valid),
        receivedAt,
        submissionId,
        submitter.department,
        submitter.subject,
        submitter.channel,
      ]),
    );
    if (stored.length !== valid.length)
      throw new Error(`ingestRows: ${valid.length} valid rows but ${stored.length} stored (a row was lost)`);
    events.push(...intakeEvents(kind, submitter.department, valid, stored, receivedAt));
    events.push(
      ...(stored[0]?.superseded ?? []).map((q) =>
        quarantineResolvedEvent(
          kind,
          q.department,
          {
            quarantineId: q.id,
            resolution: q.id === input.resubmitting ? 'RESUBMITTED' : 'SUPERSEDED',
            recordId: q.recordId,
          },
          receivedAt,
        ),
      ),
    );
    for (const row of stored) {
      records.push({ rowNumber: row.rowNumber, id: row.id });
      if (row.inserted) accepted += 1;
      else {
        updated += 1;
        if (row.unchanged) unchanged += 1;
      }
    }
  }
  if (invalid.length > 0) {
    const entries = await sql.rows(
      `INSERT INTO disclosure.quarantine
         (submission_id, row_number, kind, department, submitter, channel, original, reasons,
          authority_code, document_number, decided_on, received_at)
       SELECT $2, t.row_number, $3::disclosure."DisclosureKind", $4, $5, $6::disclosure."DisclosureChannel",
         t.original, t.reasons, t.authority_code, t.document_number, t.decided_on, $7::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS t(row_number int, original jsonb, reasons jsonb,
         authority_code text, document_number text, decided_on date)
       ON CONFLICT (submission_id, row_number) DO NOTHING
       RETURNING id::text AS id, row_number AS "rowNumber"`,
      [
        JSON.stringify(invalid),
        submissionId,
        kind,
        submitter.department,
        submitter.subject,
        submitter.channel,
        receivedAt,
      ],
    );
    events.push(...quarantinedEvents(kind, submitter.department, invalid, entries, receivedAt));
  }
  events.push(...firstReceiptEvents(kind, submitter.department, firsts, receivedAt));
  await recordEvents(sql, events);
  const result: IngestResult = {
    received: rows.length,
    accepted,
    updated,
    unchanged,
    quarantined: invalid.length,
    reasons,
    records: records.sort((a, b) => a.rowNumber - b.rowNumber),
  };
  if (result.received !== result.accepted + result.updated + result.quarantined)
    throw new Error('ingestRows: counts do not reconcile');
  await sql.execute(
    `INSERT INTO disclosure.submission
       (id, kind, department, submitter, channel, received, accepted, updated, unchanged, quarantined, created_at, updated_at)
     VALUES ($1, $2::disclosure."DisclosureKind", $3, $4, $5::disclosure."DisclosureChannel", $6, $7, $8, $9, $10,
       $11::timestamptz, $11::timestamptz)
     ON CONFLICT (id) DO UPDATE SET
       received = submission.received + EXCLUDED.received,
       accepted = submission.accepted + EXCLUDED.accepted,
       updated = submission.updated + EXCLUDED.updated,
       unchanged = submission.unchanged + EXCLUDED.unchanged,
       quarantined = submission.quarantined + EXCLUDED.quarantined,
       updated_at = EXCLUDED.updated_at`,
    [
      submissionId,
      kind,
      submitter.department,
      submitter.subject,
      submitter.channel,
      result.received,
      accepted,
      updated,
      unchanged,
      result.quarantined,
      receivedAt,
    ],
  );
  return result;
}
