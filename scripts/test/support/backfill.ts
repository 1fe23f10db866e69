/**
 * What the metrics-backfill tests share (scripts/test/metrics-backfill*.test.ts): each feeds a store live through the
 * bus, reads its frames as the reference, then backfills and compares. The store and the bus are the real ones; only
 * the reading and feeding steps are written once here.
 */
import type pg from 'pg';
import { pgSql } from '@credit-hub/kit/db';
import { drainConsumer, recordEvents, relayAll, type NewEvent } from '@credit-hub/kit/events';
import { metricsFactsConsumer } from '@credit-hub/subgraph-metrics/events';
import { readFrame } from '@credit-hub/subgraph-metrics/reads';
import { validateQuery, type MetricQueryInput } from '@credit-hub/subgraph-metrics/rules';

/** Every query's frame, as the console would read it (no access restriction). */
export const metricFrames = (pool: pg.Pool, queries: MetricQueryInput[]) => {
  const sql = pgSql(pool);
  return Promise.all(queries.map((q) => readFrame(sql, validateQuery(q, null))));
};

/** The `n` of a `SELECT count(*)::int AS n …` statement. */
export const countOf = async (pool: pg.Pool, query: string) =>
  ((await pool.query<{ n: number }>(query)).rows[0] as { n: number }).n;

/** Facts folded in from snapshot items (not from live events). */
export const SNAPSHOT_FACTS = `SELECT count(*)::int AS n FROM metrics.fact f JOIN events.event e ON e.id = f.event_id
  WHERE e.type = 'state.snapshot'`;

/** Relays every outbox to the bus and lets the metrics consumer take all of it. */
export const toStore = async (pool: pg.Pool) => {
  await relayAll(pool);
  await drainConsumer(pool, metricsFactsConsumer);
};

/** Records events as a department's write would, then carries them into the store. */
export const feedStore = async (pool: pg.Pool, events: NewEvent[]) => {
  await recordEvents(pgSql(pool), events);
  await toStore(pool);
};
