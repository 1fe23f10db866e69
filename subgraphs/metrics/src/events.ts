/**
 * The metrics subgraph on the event backbone (docs/events.md, docs/adr/0100-metrics-fact-store.md):
 *
 * - `metricsFactsConsumer` turns every department event the catalogue uses into facts (rules.ts `factsOf`), in the
 *   consumer's transaction, so a fact is stored exactly once per event (the bus's dedup plus the fact's own unique
 *   key on event, stream and number).
 * - `rebuildFacts` is the backfill: it empties the fact store and replays the platform bus from its first event.
 * - `metrics.alert.fired` is recorded into the metrics outbox by jobs.ts when a threshold rule is breached.
 */
import type { Sql } from '@credit-hub/kit/db';
import {
  drainConsumer,
  type ConsumerDefinition,
  type DeliveredEvent,
  type TimeEventRule,
} from '@credit-hub/kit/events';
import type pg from 'pg';
import { z } from 'zod';
import { alertsDue } from './jobs.ts';
import { rollupUpsertSql } from './rollups.ts';
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
export async function insertFacts(sql: Sql, eventIds: string[], facts: FactRow[]): Promise<number> {
  if (facts.length === 0) return 0;
  const col = <K extends keyof FactRow>(k: K) => facts.map((f) => f[k]);
  const rows = await sql.rows(
    `WITH ins AS (
       INSERT INTO metrics.fact (event_id, stream, seq, day, subject_code, district, city, province, industry, department,
         subject_kind, list, matter, severity, value, weight)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::numeric[], $16::numeric[])
       ON CONFLICT (event_id, stream, seq) DO NOTHING
       RETURNING stream, day, ${DIMS}, value, weight),
     rolled AS (${rollupUpsertSql('ins')} RETURNING 1),
     stocked AS (
       INSERT INTO metrics.stock (stream, ${DIMS}, value)
       SELECT stream, ${DIMS}, sum(value) FROM ins WHERE stream = ANY($17::text[]) GROUP BY stream, ${DIMS}
       ON CONFLICT (stream, province, city, district, industry, department, subject_kind, list, matter, severity)
       DO UPDATE SET value = metrics.stock.value + EXCLUDED.value
       RETURNING 1)
     SELECT (SELECT count(*) FROM ins)::int AS n, (SELECT count(*) FROM stocked)::int AS s,
       (SELECT count(*) FROM rolled)::int AS r`,
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

/** Recomputes the monthly rollups from the facts. */
export async function rebuildRollups(sql: Sql): Promise<void> {
  await sql.execute('DELETE FROM metrics.rollup');
  await sql.execute(rollupUpsertSql('metrics.fact'));
}

export async function recordFactsOf(sql: Sql, event: DeliveredEvent): Promise<number> {
  const code = event.subjectCode ?? event.personKey;
  const known = code ? (await knownSubjects(sql, [code])).get(code) : undefined;
  const facts = factsOf(event, known);
  return insertFacts(
    sql,
    facts.map(() => event.id),
    facts,
  );
}

export const metricsFactsConsumer: ConsumerDefinition = {
  name: METRICS_CONSUMER,
  types: CONSUMED_TYPES,
  handle: async (event, sql) => {
    await recordFactsOf(sql, event);
  },
  batchSize: 500,
};

/**
 * Backfill: empties the fact store and replays the whole platform bus through the consumer. The consumer's cursor row
 * is locked first, so a running consumer waits instead of interleaving; after the reset the replay is the consumer's
 * own catch-up (the same code path as live intake). Returns the events handled.
 */
export async function rebuildFacts(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO events.cursor (consumer) VALUES ($1) ON CONFLICT DO NOTHING', [METRICS_CONSUMER]);
    await client.query('SELECT position FROM events.cursor WHERE consumer = $1 FOR UPDATE', [METRICS_CONSUMER]);
    await client.query('TRUNCATE metrics.fact, metrics.stock, metrics.rollup');
    await client.query('DELETE FROM events.consumed WHERE consumer = $1', [METRICS_CONSUMER]);
    await client.query('DELETE FROM events.failure WHERE consumer = $1', [METRICS_CONSUMER]);
    await client.query('UPDATE events.cursor SET position = 0, updated_at = now() WHERE consumer = $1', [
      METRICS_CONSUMER,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return drainConsumer(pool, metricsFactsConsumer);
}

/**
 * Threshold alerts as a time-made event: the hub's scheduler runs it with the departments' rules; each breach of the
 * last full month is recorded once (unique key per rule and period) into the metrics outbox.
 */
export const metricsTimeRules: readonly TimeEventRule[] = [
  { name: 'metrics.alert.fired', source: 'metrics', type: 'metrics.alert.fired', due: (sql) => alertsDue(sql) },
];
