import { createHash, hash as digest } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { prismaSql, sqlLiteral, sqlTextArray, type Sql } from '../db/sql.ts';
import type { Identity } from './identity.ts';

/**
 * The audit trail (审计日志): every read of non-public subject data, every unmasked personal-data read
 * and every write. Entries form a hash chain — each entry's hash covers its content and the previous
 * entry's hash — so `npm run audit:verify` detects an altered or deleted entry; a trigger also refuses
 * UPDATE and DELETE on the table.
 */
export type AuditAction = 'READ' | 'READ_PERSONAL' | 'LOOKUP' | 'WRITE';

export interface AuditEvent {
  action: AuditAction;
  subjectCode: string | null;
  /** Fields read (Type.field) or the operation written (Mutation.field). */
  fields: string[];
  detail?: string | null;
}

export interface AuditRow extends AuditEvent {
  seq: bigint;
  at: Date;
  actor: string;
  role: string;
  department: string | null;
  purpose: string | null;
  client: string;
  requestId: string;
  subgraph: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry: its content in a fixed order, chained to the previous entry's hash. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq.toString(),
    row.at.toISOString(),
    row.actor,
    row.role,
    row.department,
    row.action,
    row.subjectCode,
    [...row.fields].sort(),
    row.detail ?? null,
    row.purpose,
    row.client,
    row.requestId,
    row.subgraph,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends events in one transaction. The advisory lock serialises writers across processes so that
 * the chain has no forks; sequence numbers are assigned here, without gaps, so a deleted entry shows.
 */
export async function appendAudit(
  db: Db,
  who: Identity,
  meta: { requestId: string; subgraph: string },
  events: AuditEvent[],
  tx?: Db['prisma'],
  /**
   * NOTIFYs sent in the entries' transaction, so delivered at its commit (a request's outbox rows announced with its
   * trail, ADR 0133). Only with entries to append.
   */
  notifications: readonly Notification[] = [],
): Promise<void> {
  if (events.length === 0) return;
  if (tx) {
    const sql = prismaSql(tx);
    await appendAuditIn(sql, who, meta, events);
    for (const n of notifications) await sql.execute('SELECT pg_notify($1, $2)', [n.channel, n.payload]);
  }
  // On the pool, not Prisma's raw-query path: a batch check of 1,000 subjects appends 1,000 entries, fifteen arrays
  // of 1,000 values, which Prisma's parameter handling takes longer over than PostgreSQL takes to insert (ADR 0120).
  // Two round trips (BEGIN, lock, last entry; insert, COMMIT) instead of five: every audited read — each metric panel
  // — waits for them before its answer leaves (ADR 0125). Appends that arrive while one is being written share the
  // next transaction.
  else await appendAuditTrails(db, [{ who, meta, events, notifications }]);
}

/** Who an entry names: the part of the caller's identity the trail records. */
export type AuditActor = Pick<Identity, 'actor' | 'role' | 'department' | 'purpose' | 'client'>;

/**
 * A request's (or one part of a request's) audit entries and the NOTIFYs to send with them, as written by
 * `appendAuditTrails`. A part of a spread entity fetch hands its trail to the worker that assembles the answer instead
 * of writing it (ADR 0136), so this travels between workers as JSON.
 */
export interface PendingTrail {
  who: AuditActor;
  meta: { requestId: string; subgraph: string };
  events: AuditEvent[];
  notifications: readonly Notification[];
}

/**
 * Appends the trails as one append on the pool, in a transaction it may share with the appends already waiting for it
 * (group commit, ADR 0125): the parts of one spread fetch take the chain's lock once, not once each in a row (ADR
 * 0136). They are written or refused together: if a shared transaction fails, this append is retried alone, as a
 * whole. Trails without entries are skipped (their notifications with them: the caller sends those alone).
 */
export async function appendAuditTrails(db: Db, trails: readonly PendingTrail[]): Promise<void> {
  const parts = trails.filter((t) => t.events.length > 0).map((trail) => ({ trail, prepared: prepare(trail) }));
  if (parts.length === 0) return;
  await new Promise<void>((resolve, reject) => enqueue(db, { parts, resolve, reject }));
}

/** A NOTIFY to send with an append (`pg_notify(channel, payload)`). */
export interface Notification {
  channel: string;
  payload: string;
}

/** Equal notifications share this key: each is sent once per transaction. */
export const notificationKey = (n: Notification) => `${n.channel}\u0000${n.payload}`;

/** An append waiting for the pool path (one trail, or a spread fetch's); settled once committed (or refused). */
interface Waiting {
  parts: { trail: PendingTrail; prepared: Prepared[] }[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * An entry made ready for the chain before the chain's lock is taken: its hash's canonical text (entryHash's) but for
 * the sequence number and time, which open it, and the previous hash, which closes it; and its own columns' values.
 * Under the lock only those three are added and the hash taken. Building whole entries there (objects, the canonical
 * JSON, a JSON document of the rows) held the lock about 30 ms for the 1,000 entries of a batch check (ADR 0136).
 */
interface Prepared {
  canonical: string;
  action: string;
  subjectCode: string | null;
  fields: string;
  detail: string | null;
}

/** A value as JSON.stringify writes it inside an array (undefined as null). */
const asJson = (value: unknown) => JSON.stringify(value ?? null);

function prepare({ who, meta, events }: Pick<PendingTrail, 'who' | 'meta' | 'events'>): Prepared[] {
  const caller = `${asJson(who.actor)},${asJson(who.role)},${asJson(who.department)}`;
  const context = `${asJson(who.purpose)},${asJson(who.client)},${asJson(meta.requestId)},${asJson(meta.subgraph)}`;
  return events.map((e) => ({
    canonical: `${caller},${asJson(e.action)},${asJson(e.subjectCode)},${asJson([...e.fields].sort())},${asJson(e.detail)},${context}`,
    action: e.action,
    subjectCode: e.subjectCode,
    fields: JSON.stringify(e.fields),
    detail: e.detail ?? null,
  }));
}

/**
 * An entry's hash, as entryHash computes it, from its prepared text: the sequence number and time open the canonical
 * array and the previous hash closes it (digits, an ISO time and hex need no escaping). Every write uses this; the
 * verifier recomputes with entryHash from the stored row, so a difference between the two would show as altered.
 */
const linkHash = (seq: bigint, at: string, p: Prepared, prev: string) =>
  digest('sha256', `["${seq}","${at}",${p.canonical},"${prev}"]`, 'hex');

/** Per Db: the appends waiting for the transaction after the one in flight (group commit, ADR 0125). */
const queues = new WeakMap<Db, { waiting: Waiting[]; writing: boolean }>();

function enqueue(db: Db, append: Waiting): void {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], writing: false }));
  queue.waiting.push(append);
  if (!queue.writing) void writeQueued(db, queue);
}

/**
 * Writes what waits, one transaction per round: the dashboard whose eight panels arrive at once takes one lock and
 * one insert instead of eight in a row. A request's answer still waits for its own entries' COMMIT; if a shared
 * transaction fails, each append is retried alone, so one bad entry cannot fail its neighbours' requests.
 */
async function writeQueued(db: Db, queue: { waiting: Waiting[]; writing: boolean }): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) {
      const round = queue.waiting.splice(0, queue.waiting.length);
      try {
        await insertChained(db, round);
        for (const a of round) a.resolve();
      } catch (error) {
        if (round.length === 1) round[0]!.reject(error);
        else for (const a of round) await insertChained(db, [a]).then(a.resolve, a.reject);
      }
    }
  } finally {
    queue.writing = false;
  }
}

/**
 * The round's entries chained after the newest one, in the statement that ends the transaction. The values go as text
 * arrays, one per column, with the callers' columns once per trail: PostgreSQL read a JSON document of the 1,000
 * rows of a batch check (about 550 KB, every caller's column repeated) in about 14 ms, the arrays (about 230 KB) in
 * about 3, both under the lock.
 */
function insertChained(db: Db, appends: Waiting[]): Promise<void> {
  const parts = appends.flatMap((a) => a.parts);
  return db.twoStepTransaction([LOCK, LAST_ENTRY], (last) => {
    const tail = lastEntry.parse(last)[0];
    const first = tail?.seq ?? 0n;
    let seq = first;
    let prev = tail?.hash ?? GENESIS_HASH;
    const at = new Date().toISOString();
    const actions: string[] = [];
    const subjects: (string | null)[] = [];
    const fields: string[] = [];
    const details: (string | null)[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    const callers: number[] = [];
    parts.forEach((part, caller) => {
      for (const p of part.prepared) {
        seq += 1n;
        const hash = linkHash(seq, at, p, prev);
        actions.push(p.action);
        subjects.push(p.subjectCode);
        fields.push(p.fields);
        details.push(p.detail);
        prevs.push(prev);
        hashes.push(hash);
        callers.push(caller + 1);
        prev = hash;
      }
    });
    const column = (pick: (t: PendingTrail) => string | null) => sqlTextArray(parts.map((p) => pick(p.trail)));
    // The round's notifications, once each, in the same text: delivered at this transaction's commit, no round trip.
    const notify = [
      ...new Map(parts.flatMap((p) => p.trail.notifications.map((n) => [notificationKey(n), n] as const))).values(),
    ].map((n) => `;\nSELECT pg_notify(${sqlLiteral(n.channel)}, ${sqlLiteral(n.payload)})`);
    return `INSERT INTO audit.entry (${COLUMNS})
      SELECT ${first}::bigint + e.n, ${sqlLiteral(at)}::timestamptz, c.actor, c.role, c.department, e.action,
        e.subject_code, e.fields, e.detail, c.purpose, c.client, c.request_id, c.subgraph, e.prev_hash, e.hash
      FROM unnest(${sqlTextArray(actions)}, ${sqlTextArray(subjects)}, ${sqlTextArray(fields)},
        ${sqlTextArray(details)}, ${sqlTextArray(prevs)}, ${sqlTextArray(hashes)}, '{${callers.join(',')}}'::int[])
        WITH ORDINALITY AS e(action, subject_code, fields, detail, prev_hash, hash, caller, n)
      JOIN unnest(${column((t) => t.who.actor)}, ${column((t) => t.who.role)}, ${column((t) => t.who.department)},
        ${column((t) => t.who.purpose)}, ${column((t) => t.who.client)}, ${column((t) => t.meta.requestId)},
        ${column((t) => t.meta.subgraph)})
        WITH ORDINALITY AS c(actor, role, department, purpose, client, request_id, subgraph, i) ON c.i = e.caller
      ${notify.join('')}`;
  });
}

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('credit-hub-audit'))`;
const LAST_ENTRY = 'SELECT seq, hash FROM audit.entry ORDER BY seq DESC LIMIT 1';
const COLUMNS = `seq, at, actor, role, department, action, subject_code, fields, detail, purpose, client, request_id,
  subgraph, prev_hash, hash`;
const lastEntry = z.array(z.object({ seq: z.coerce.bigint(), hash: z.string() })).max(1);

/** The entries of `events`, numbered and hash-chained after `last` (the newest entry, none for an empty trail). */
function chained(
  last: { seq: bigint; hash: string } | undefined,
  who: AuditActor,
  meta: { requestId: string; subgraph: string },
  events: AuditEvent[],
): AuditRow[] {
  let seq = last?.seq ?? 0n;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const iso = at.toISOString();
  const prepared = prepare({ who, meta, events });
  return events.map((event, i) => {
    seq += 1n;
    const row = {
      ...event,
      detail: event.detail ?? null,
      seq,
      at,
      actor: who.actor,
      role: who.role,
      department: who.department,
      purpose: who.purpose,
      client: who.client,
      requestId: meta.requestId,
      subgraph: meta.subgraph,
      prevHash,
      hash: linkHash(seq, iso, prepared[i]!, prevHash),
    };
    prevHash = row.hash;
    return row;
  });
}

/**
 * Appends events inside the caller's transaction, on either handle (`Sql`: Prisma's, or one node-postgres
 * connection's, as the bulk import's chunk transactions use), so the entry commits or rolls back with the write.
 */
export async function appendAuditIn(
  sql: Sql,
  who: Identity,
  meta: { requestId: string; subgraph: string },
  events: AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await sql.execute(LOCK);
  const rows = chained(lastEntry.parse(await sql.rows(LAST_ENTRY))[0], who, meta, events);
  await sql.execute(
    `INSERT INTO audit.entry (${COLUMNS})
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
       $15::text[])`,
    [
      rows.map((r) => r.seq),
      rows.map((r) => r.at),
      rows.map((r) => r.actor),
      rows.map((r) => r.role),
      rows.map((r) => r.department),
      rows.map((r) => r.action),
      rows.map((r) => r.subjectCode),
      rows.map((r) => JSON.stringify(r.fields)),
      rows.map((r) => r.detail),
      rows.map((r) => r.purpose),
      rows.map((r) => r.client),
      rows.map((r) => r.requestId),
      rows.map((r) => r.subgraph),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ],
  );
}

/**
 * Collects a request's audit events and writes them once, before the response leaves the subgraph:
 * data is never released without its trail.
 */
export class AuditBuffer {
  private readonly reads = new Map<string, { action: AuditAction; subjectCode: string | null; fields: Set<string> }>();

  record(action: AuditAction, subjectCode: string | null, field: string): void {
    const key = `${action}\u0000${subjectCode ?? ''}`;
    const entry = this.reads.get(key);
    if (entry) entry.fields.add(field);
    else this.reads.set(key, { action, subjectCode, fields: new Set([field]) });
  }

  drain(): AuditEvent[] {
    const entries = [...this.reads.values()];
    this.reads.clear();
    // A field recorded against named subjects needs no second, subject-less entry for the same read.
    const named = new Set(
      entries.filter((e) => e.subjectCode !== null).flatMap((e) => [...e.fields].map((f) => `${e.action}\u0000${f}`)),
    );
    return entries
      .map((e) => ({
        action: e.action,
        subjectCode: e.subjectCode,
        fields: [...e.fields].filter((f) => e.subjectCode !== null || !named.has(`${e.action}\u0000${f}`)).sort(),
      }))
      .filter((e) => e.fields.length > 0);
  }
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: string;
  problems: string[];
}

/** Recomputes the chain from the first entry; reports altered, inserted or deleted entries. */
export async function verifyAudit(db: Db, batch = 5000): Promise<VerifyResult> {
  const problems: string[] = [];
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const rows = await db.prisma.$queryRaw<(Omit<AuditRow, 'fields'> & { fields: string })[]>`
      SELECT seq, at, actor, role, department, action, subject_code AS "subjectCode", fields, detail, purpose, client,
             request_id AS "requestId", subgraph, prev_hash AS "prevHash", hash
      FROM audit.entry WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${batch}`;
    if (rows.length === 0) break;
    for (const raw of rows) {
      const row: AuditRow = { ...raw, fields: JSON.parse(raw.fields) as string[] };
      entries += 1;
      if (row.seq !== expectedSeq) problems.push(`entries ${expectedSeq}–${row.seq - 1n} are missing (deleted)`);
      if (row.prevHash !== prevHash)
        problems.push(`entry ${row.seq} does not follow the previous entry (chain broken)`);
      if (entryHash(row) !== row.hash)
        problems.push(`entry ${row.seq} was altered (its hash does not match its content)`);
      prevHash = row.hash;
      expectedSeq = row.seq + 1n;
    }
  }
  return { ok: problems.length === 0, entries, head: prevHash, problems };
}
