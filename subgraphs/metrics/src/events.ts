/**
 * The metrics subgraph on the event backbone (docs/events.md, docs/adr/0100-metrics-fact-store.md):
 *
 * - `metricsFactsConsumer` turns every department event the catalogue uses into facts (rules.ts `factsOf`), in the
 *   consumer's transaction, so a fact is stored exactly once per event (the bus's dedup plus the fact's own unique
 *   key on event, stream and number).
 * - `rebuildFacts` empties the fact store and replays the platform bus (from its first event, or from the latest
 *   snapshot backfill's start).
 * - `snapshotBackfill` rebuilds the store from the departments' current state (ADR 0113): each department restates it
 *   into its own outbox as `state.snapshot` items, folded in by the same consumer.
 * - `metrics.alert.fired` is recorded into the metrics outbox by jobs.ts when a threshold rule is breached.
 */
import { randomUUID } from 'node:crypto';
import { clock } from '@credit-hub/kit';
import { inPgTransaction, type Sql } from '@credit-hub/kit/db';
import {
  assertReplayable,
  BUS_LOCK,
  drainConsumer,
  HORIZON_SQL,
  OUTBOX_SCHEMAS,
  payloadSchema,
  recordSnapshot,
  relayAll,
  SNAPSHOT_TYPES,
  type ConsumerDefinition,
  type DepartmentSnapshot,
  type DeliveredEvent,
  type OutboxSchema,
  type TimeEventRule,
} from '@credit-hub/kit/events';
import type pg from 'pg';
import { z } from 'zod';
import { alertsDue } from './jobs.ts';
import { rollupUpsertSql, subjectTallySql } from './rollups/rules.ts';
import { SOURCE_FACTS } from './sources/rules.ts';
import { CONSUMED_TYPES, factsOf, STOCK_STREAMS, type FactRow, type SubjectDims } from './rules.ts';

export const METRICS_CONSUMER = 'metrics.facts';

const subjectRow = z.object({ code: z.string(), kind: z.string(), district: z.string(), industry: z.string() });

/** The dimensions the subject directory holds for these codes (metrics' own table). */
export async function knownSubjects(sql: Sql, codes: string[]): Promise<Map<string, SubjectDims>> {
  if (codes.length === 0) return new Map();
  const rows = await sql.rows(
    `SELECT code, kind, district, industry FROM metrics.subject WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(
    rows
      .map((raw) => subjectRow.parse(raw))
      .map((r) => [r.code, { kind: r.kind, district: r.district, industry: r.industry }]),
  );
}

const DIMS = 'district, city, province, industry, department, subject_kind, list, matter, severity';

/**
 * Inserts facts and adds the new ones to the stock levels and the monthly rollups, in one statement; a fact already
 * stored (same event, stream and number) is kept and counted once.
 */
export async function insertFacts(
  sql: Sql,
  eventIds: string[],
  facts: FactRow[],
  options: { derived?: boolean } = {},
): Promise<number> {
  if (facts.length === 0) return 0;
  const col = <K extends keyof FactRow>(k: K) => facts.map((f) => f[k]);
  // derived: false stores the facts alone (a bulk load that runs rebuildStock once at its end).
  const derived = options.derived ?? true;
  const rows = await sql.rows(
    `WITH ins AS (
       INSERT INTO metrics.fact (event_id, stream, seq, day, subject_code, district, city, province, industry, department,
         subject_kind, list, matter, severity, value, weight)
       SELECT u.* FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::numeric[], $16::numeric[])
         AS u(event_id, stream, seq, day, subject_code, district, city, province, industry, department, subject_kind, list,
           matter, severity, value, weight)
       -- The exact cut (ADR 0124): no facts from a live event the latest snapshot run already restates.
       WHERE NOT EXISTS (SELECT 1 FROM metrics.backfill_skip s WHERE s.event_id = u.event_id
         AND s.run_id = (SELECT id FROM metrics.backfill_run ORDER BY started_at DESC, id LIMIT 1))
       ON CONFLICT (event_id, stream, seq) DO NOTHING
       RETURNING stream, day, subject_code, ${DIMS}, value, weight),
     rolled AS (${rollupUpsertSql(derived ? 'ins' : '(SELECT * FROM ins WHERE false) i')} RETURNING 1),
     tallied AS (${subjectTallySql(derived ? 'ins' : '(SELECT * FROM ins WHERE false) i')} RETURNING 1),
     stocked AS (
       INSERT INTO metrics.stock (stream, ${DIMS}, value)
       SELECT stream, ${DIMS}, sum(value) FROM ins WHERE stream = ANY($17::text[]) AND $18::boolean GROUP BY stream, ${DIMS}
       ON CONFLICT (stream, province, city, district, industry, department, subject_kind, list, matter, severity)
       DO UPDATE SET value = metrics.stock.value + EXCLUDED.value
       RETURNING 1)
     SELECT (SELECT count(*) FROM ins)::int AS n, (SELECT count(*) FROM stocked)::int AS s,
       (SELECT count(*) FROM rolled)::int AS r, (SELECT count(*) FROM tallied)::int AS t`,
    [
      eventIds,
      col('stream'),
      col('seq'),
      col('day'),
      col('subjectCode'),
      col('district'),
      col('city'),
      col('province'),
      col('industry'),
      col('department'),
      col('subjectKind'),
      col('list'),
      col('matter'),
      col('severity'),
      col('value'),
      col('weight'),
      STOCK_STREAMS,
      derived,
    ],
  );
  return z.object({ n: z.number() }).parse(rows[0]).n;
}

/** Recomputes the stock levels and the monthly rollups from the facts (a store filled without them, a repair). */
export async function rebuildStock(sql: Sql): Promise<void> {
  await sql.execute('DELETE FROM metrics.stock');
  await sql.execute(
    `INSERT INTO metrics.stock (stream, ${DIMS}, value)
     SELECT stream, ${DIMS}, sum(value) FROM metrics.fact WHERE stream = ANY($1::text[]) GROUP BY stream, ${DIMS}`,
    [STOCK_STREAMS],
  );
  await rebuildRollups(sql);
}

/** Recomputes the monthly rollups and the per-subject tally (ADR 0125) from the facts. */
export async function rebuildRollups(sql: Sql): Promise<void> {
  await sql.execute('DELETE FROM metrics.rollup');
  await sql.execute(rollupUpsertSql('metrics.fact'));
  await sql.execute('DELETE FROM metrics.subject_tally');
  await sql.execute(subjectTallySql('metrics.fact'));
}

export async function recordFactsOf(sql: Sql, event: DeliveredEvent): Promise<number> {
  return recordFactsOfAll(sql, [event]);
}

/**
 * The facts of many events in two statements (the subjects' dimensions, then the facts with their stock and rollup
 * changes), whatever their number: what `recordFactsOf` does for each, since a fact depends only on its event and on
 * the subject directory, which the consumer does not write. Stock and rollups are sums, so one insert of all the
 * facts adds what the events' inserts one by one would.
 */
export async function recordFactsOfAll(sql: Sql, events: readonly DeliveredEvent[]): Promise<number> {
  const codes = [...new Set(events.map((e) => e.subjectCode ?? e.personKey).filter((c): c is string => !!c))];
  const known = await knownSubjects(sql, codes);
  const eventIds: string[] = [];
  const facts: FactRow[] = [];
  for (const event of events) {
    const code = event.subjectCode ?? event.personKey;
    for (const fact of factsOf(event, code ? known.get(code) : undefined, SOURCE_FACTS)) {
      eventIds.push(event.id);
      facts.push(fact);
    }
  }
  return insertFacts(sql, eventIds, facts);
}

const snapshotItem = z.object({
  runId: z.string(),
  type: z.enum(SNAPSHOT_TYPES),
  occurredAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

/** The backfill run whose snapshot items count (the latest), or null. */
async function currentRun(sql: Sql): Promise<string | null> {
  const rows = await sql.rows(`SELECT id::text AS id FROM metrics.backfill_run ORDER BY started_at DESC, id LIMIT 1`);
  return rows[0] ? z.object({ id: z.string() }).parse(rows[0]).id : null;
}

/**
 * A `state.snapshot` item of the current backfill run becomes the facts of the event it restates (its payload checked
 * against the catalogue, its time the original's); items of an earlier run are skipped.
 */
export async function recordSnapshotFacts(sql: Sql, event: DeliveredEvent): Promise<number> {
  const inner = restated(event, await currentRun(sql));
  return inner ? recordFactsOf(sql, inner) : 0;
}

/** The event a snapshot item restates when it belongs to the run `current`; undefined for an earlier run's item. */
function restated(event: DeliveredEvent, current: string | null): DeliveredEvent | undefined {
  const item = snapshotItem.parse(event.payload);
  if (item.runId !== current) return undefined;
  const schema = payloadSchema(item.type, 1);
  return {
    ...event,
    type: item.type,
    version: 1,
    occurredAt: new Date(item.occurredAt),
    payload: schema ? schema.parse(item.payload) : item.payload,
  };
}

export const metricsFactsConsumer: ConsumerDefinition = {
  name: METRICS_CONSUMER,
  types: [...CONSUMED_TYPES, 'state.snapshot'],
  handle: async (event, sql) => {
    if (event.type === 'state.snapshot') await recordSnapshotFacts(sql, event);
    else await recordFactsOf(sql, event);
  },
  // Set-based (ADR 0123): a batch of 500 credit checks was 1,000 statements one event at a time, now 2 (3 with
  // snapshot items). The backfill run is read once per batch: the consumer never writes it, so it is the same for all.
  handleBatch: async (events, sql) => {
    const current = events.some((e) => e.type === 'state.snapshot') ? await currentRun(sql) : null;
    await recordFactsOfAll(
      sql,
      events.flatMap((e) => {
        if (e.type !== 'state.snapshot') return [e];
        const inner = restated(e, current);
        return inner ? [inner] : [];
      }),
    );
  },
  batchSize: 500,
};

/**
 * Backfill: empties the fact store and replays the whole platform bus through the consumer. The consumer's cursor row
 * is locked first, so a running consumer waits instead of interleaving; after the reset the replay is the consumer's
 * own catch-up (the same code path as live intake). Returns the events handled.
 */
export async function rebuildFacts(
  pool: pg.Pool,
  consumer: ConsumerDefinition = metricsFactsConsumer,
): Promise<number> {
  await inPgTransaction(pool, async (sql) => {
    await sql.execute('INSERT INTO events.cursor (consumer) VALUES ($1) ON CONFLICT DO NOTHING', [METRICS_CONSUMER]);
    await sql.rows('SELECT position FROM events.cursor WHERE consumer = $1 FOR UPDATE', [METRICS_CONSUMER]);
    // After a snapshot backfill the history before it is in the snapshot: the replay starts where that run did.
    const start = (await sql.rows(
      `SELECT coalesce((SELECT bus_position FROM metrics.backfill_run ORDER BY started_at DESC, id LIMIT 1), 0)::text
         AS p`,
    )) as { p: string }[];
    // A bus pruned past that start (EVENTS_RETENTION_DAYS) no longer holds the history: refused before anything is
    // emptied (BusPrunedError); the snapshot backfill is then the way to rebuild (docs/metrics.md, "Backfill").
    await assertReplayable(sql, Number(start[0]!.p));
    await sql.execute('TRUNCATE metrics.fact, metrics.stock, metrics.rollup, metrics.subject_tally');
    await sql.execute('DELETE FROM events.consumed WHERE consumer = $1', [METRICS_CONSUMER]);
    await sql.execute('DELETE FROM events.failure WHERE consumer = $1', [METRICS_CONSUMER]);
    await sql.execute('UPDATE events.cursor SET position = $2::bigint, updated_at = now() WHERE consumer = $1', [
      METRICS_CONSUMER,
      start[0]!.p,
    ]);
  });
  // The consumer may be handed in: the tests replay the same bus event by event and batch by batch.
  return drainConsumer(pool, consumer);
}

/** A department's snapshot as the backfill runs it: in the department's own transaction, into its own outbox. */
export interface SnapshotSource {
  /** The department, whose schema (and outbox) has its name. */
  department: OutboxSchema;
  snapshot: DepartmentSnapshot;
}

/**
 * One department's snapshot for run `runId` (bus head `head`), in one REPEATABLE READ transaction so that its state
 * reads and the cut below see the same committed writes: first the cut — the department's events that are not on
 * the bus at or below the head (still in its outbox, or relayed after the head) yet committed before this
 * transaction's view, i.e. events whose change the snapshot will read — then the restatement. Returns the items
 * recorded.
 */
export async function snapshotDepartment(
  pool: pg.Pool,
  source: SnapshotSource,
  runId: string,
  head: string,
  today: string,
): Promise<number> {
  const { department, snapshot } = source;
  // The schema name goes into SQL text: only one of the outboxes the kit knows.
  if (!OUTBOX_SCHEMAS.includes(department)) throw new Error(`snapshot: ${department} has no outbox`);
  return inPgTransaction(pool, async (sql) => {
    await sql.execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await sql.execute(
      `INSERT INTO metrics.backfill_skip (run_id, event_id)
       SELECT $1::uuid, o.id FROM "${department}".outbox o WHERE o.relayed_at IS NULL AND o.type <> 'state.snapshot'
       UNION
       SELECT $1::uuid, e.id FROM events.event e
        WHERE e.position > $2::bigint AND e.source = $3 AND e.type <> 'state.snapshot'
       ON CONFLICT DO NOTHING`,
      [runId, head, department],
    );
    return recordSnapshot(sql, runId, await snapshot(sql, { today }));
  });
}

/**
 * Backfill from the departments' current state (ADR 0113). In one transaction: a new run is recorded with the bus
 * head, the fact store is emptied and the consumer moved to the head (so live events from now on are taken as usual).
 * Each department then restates its state into its own outbox (`state.snapshot` items of the run); the relay carries
 * them and the consumer folds them in. Returns the run id and the items recorded per department.
 */
export async function snapshotBackfill(
  pool: pg.Pool,
  sources: readonly SnapshotSource[],
  options: { today: string; runId?: string },
): Promise<{ runId: string; items: Record<string, number>; facts: number }> {
  const runId = options.runId ?? randomUUID();
  let head = '0';
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO events.cursor (consumer) VALUES ($1) ON CONFLICT DO NOTHING', [METRICS_CONSUMER]);
    await client.query('SELECT position FROM events.cursor WHERE consumer = $1 FOR UPDATE', [METRICS_CONSUMER]);
    // The bus writer's lock: no relay batch is in flight, so every outbox row is either on the bus at or below the
    // head or relayed after it (the cut of each department's snapshot relies on it).
    await client.query('SELECT pg_advisory_xact_lock($1)', [BUS_LOCK]);
    // The horizon counts as well: a bus pruned to its last event is empty, yet its head is not 0.
    const headRows = await client.query<{ p: string }>(
      `SELECT greatest(coalesce(max(position), 0),
         ${HORIZON_SQL})::text AS p FROM events.event`,
    );
    await client.query(
      'INSERT INTO metrics.backfill_run (id, started_at, bus_position) VALUES ($1::uuid, $2, $3::bigint)',
      [runId, clock.now(), headRows.rows[0]!.p],
    );
    await client.query('TRUNCATE metrics.fact, metrics.stock, metrics.rollup, metrics.subject_tally');
    await client.query('DELETE FROM events.consumed WHERE consumer = $1', [METRICS_CONSUMER]);
    await client.query('DELETE FROM events.failure WHERE consumer = $1', [METRICS_CONSUMER]);
    await client.query('UPDATE events.cursor SET position = $2::bigint, updated_at = now() WHERE consumer = $1', [
      METRICS_CONSUMER,
      headRows.rows[0]!.p,
    ]);
    await client.query('COMMIT');
    head = headRows.rows[0]!.p;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const items: Record<string, number> = {};
  for (const source of sources)
    items[source.department] = await snapshotDepartment(pool, source, runId, head, options.today);
  await relayAll(pool);
  await drainConsumer(pool, metricsFactsConsumer);
  await pool.query('UPDATE metrics.backfill_run SET finished_at = $2, items = $3::jsonb WHERE id = $1::uuid', [
    runId,
    clock.now(),
    JSON.stringify(items),
  ]);
  const facts = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM metrics.fact');
  return { runId, items, facts: facts.rows[0]!.n };
}

/**
 * Threshold alerts as a time-made event: the hub's scheduler runs it with the departments' rules; each breach of the
 * last full month is recorded once (unique key per rule and period) into the metrics outbox.
 */
export const metricsTimeRules: readonly TimeEventRule[] = [
  { name: 'metrics.alert.fired', source: 'metrics', type: 'metrics.alert.fired', due: (sql) => alertsDue(sql) },
];
