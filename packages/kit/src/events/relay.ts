/**
 * The embedded relay: moves committed outbox rows of every department into the platform's bus table
 * (`events.event`), which consumers read without knowing any department's schema. One relay writes the bus at a
 * time (a transaction-scoped advisory lock), so bus positions become visible in increasing order and a consumer's
 * cursor can never pass a row that commits later. Within one outbox, rows move in `position` order, which is the
 * order their writers' transactions took their sequence numbers (per subject: the writers' own order).
 */
import type pg from 'pg';
import { OUTBOX_SCHEMAS, type OutboxSchema } from './envelope.ts';

/** Announced after a relay batch commits: consumers wake on it instead of waiting for their poll. */
export const BUS_CHANNEL = 'credit_events_bus';
/** The bus writer lock, one per database ('CHEV'); a test holding it holds the relay back. */
export const BUS_LOCK = 0x43_48_45_56;

/** Moves up to `limit` rows of one outbox onto the bus; returns how many moved. */
export async function relayOutbox(pool: pg.Pool, source: OutboxSchema, limit = 1000): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [BUS_LOCK]);
    const moved = await client.query(
      `WITH batch AS (
         SELECT position FROM "${source}".outbox WHERE relayed_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED
       ), moved AS (
         UPDATE "${source}".outbox o SET relayed_at = now() FROM batch WHERE o.position = batch.position
         RETURNING o.*
       )
       INSERT INTO events.event (id, type, version, subject_code, person_key, department, source, occurred_at, payload, recorded_at)
       SELECT id, type, version, subject_code, person_key, department, $2, occurred_at, payload, recorded_at
         FROM moved ORDER BY position
       ON CONFLICT (id) DO NOTHING`,
      [limit, source],
    );
    if ((moved.rowCount ?? 0) > 0) await client.query(`SELECT pg_notify('${BUS_CHANNEL}', $1)`, [source]);
    await client.query('COMMIT');
    return moved.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Relays every outbox until all are empty (or `maxRows` moved); returns the rows moved. */
export async function relayAll(pool: pg.Pool, { batch = 1000, maxRows = Infinity } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    // One cheap look first: a wake-up usually concerns one outbox, and an empty one costs no transaction.
    const pending = await pendingOutboxes(pool);
    let round = 0;
    for (const source of pending) round += await relayOutbox(pool, source, batch);
    total += round;
    if (round === 0 || total >= maxRows) return total;
  }
}

/** The outboxes holding at least one committed row not yet relayed (one statement, an index probe each). */
export async function pendingOutboxes(pool: pg.Pool): Promise<OutboxSchema[]> {
  const parts = OUTBOX_SCHEMAS.map(
    (s) => `SELECT '${s}' AS source WHERE EXISTS (SELECT 1 FROM "${s}".outbox WHERE relayed_at IS NULL)`,
  );
  const { rows } = await pool.query<{ source: OutboxSchema }>(parts.join(' UNION ALL '));
  return rows.map((r) => r.source);
}

/** Committed outbox rows not yet relayed, per outbox (the relay's lag; dashboards and tests read it). */
export async function outboxBacklog(pool: pg.Pool): Promise<Record<OutboxSchema, number>> {
  const parts = OUTBOX_SCHEMAS.map(
    (s) => `SELECT '${s}' AS source, count(*)::int AS n FROM "${s}".outbox WHERE relayed_at IS NULL`,
  );
  const { rows } = await pool.query<{ source: OutboxSchema; n: number }>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.source, r.n])) as Record<OutboxSchema, number>;
}
