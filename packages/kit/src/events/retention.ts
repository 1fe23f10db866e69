/**
 * Retention of the backbone's bookkeeping (保留期限): `events.consumed` gains a row per consumer and event, and every
 * outbox keeps its rows after they were relayed; both only matter for a while. The dedup rows guard against a
 * redelivery (a crash between commit and acknowledgement, a NATS redelivery, a replay from a moved cursor), and an
 * outbox row's `unique_key` keeps a time-made event from being recorded twice while its rule still looks back at
 * its day (7 days). Older rows are deleted by the scheduler (`startTimeEvents`, `retentionDays`), the cut-off taken
 * from the kit's clock.
 *
 * The bus (`events.event`) is pruned too, but only as a prefix: events every live consumer's cursor has passed AND
 * relayed before the cut-off, walked in position order and stopped at the first younger one, so what stays is always a
 * contiguous tail (apart from dead-lettered events, kept for an operator to replay). A consumer is live while its
 * cursor has moved within the window: a running consumer moves it with every batch, past the events of other types
 * too, and one held at a failing event moves on within its retries (hours), so a cursor that stood still for the whole
 * window (at least 8 days) while the bus went on belongs to a consumer that was retired or renamed, or to a service
 * down for longer than the window. Such a cursor used to hold the prefix for ever. It is passed now, named in the
 * report, and the consumer, should it run again, refuses to go on past the gap (`runConsumerOnce` throws
 * BusPrunedError) rather than skip the pruned events unseen. How far it was pruned is
 * recorded in `events.bus_horizon`; a replay that would start before that horizon is refused (`assertReplayable`)
 * instead of silently skipping what is gone. Pruning and such a replay serialise on one advisory lock, so a cursor
 * moved back by a replay is never overtaken by a prune that read it before the move. The dead letters are kept.
 */
import type pg from 'pg';
import { clock } from '../clock.ts';
import type { Sql } from '../db/sql.ts';
import { OUTBOX_SCHEMAS } from './envelope.ts';

/** The shortest window accepted: longer than the time rules' 7-day look-back, so no ending is announced twice. */
export const MIN_RETENTION_DAYS = 8;

export interface RetentionReport {
  /** Rows deleted from events.consumed. */
  consumed: number;
  /** Relayed rows deleted from the departments' outboxes. */
  outbox: number;
  /** Events deleted from the bus (events.event): passed by every live consumer and relayed before the cut-off. */
  bus: number;
  /**
   * Consumers whose cursor stood still for the whole window and now lies before the pruned prefix's end: taken as
   * retired. Each refuses to run on until an operator moves or deletes its cursor (docs/events.md, "Retention").
   */
  retired: string[];
  /** The cut-off: rows consumed or relayed before it were deleted. */
  before: Date;
}

const DAY = 86_400_000;

/** SQL: the highest bus position pruned so far (0: never pruned). */
export const HORIZON_SQL = 'coalesce((SELECT pruned_through FROM events.bus_horizon WHERE id = 1), 0)';

/**
 * Deletes dedup rows consumed, and outbox rows relayed, more than `retentionDays` before the kit's clock now, in
 * chunks of `chunk` rows (short transactions: writers and consumers are never held up for long).
 */
export async function pruneEvents(
  pool: pg.Pool,
  { retentionDays, now = clock.now(), chunk = 5000 }: { retentionDays: number; now?: Date; chunk?: number },
): Promise<RetentionReport> {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS)
    throw new RangeError(`retentionDays must be a whole number of at least ${MIN_RETENTION_DAYS}`);
  const before = new Date(now.getTime() - retentionDays * DAY);
  const report: RetentionReport = { consumed: 0, outbox: 0, bus: 0, retired: [], before };
  const inChunks = async (statement: string): Promise<number> => {
    let total = 0;
    for (;;) {
      const deleted = (await pool.query(statement, [before, chunk])).rowCount ?? 0;
      total += deleted;
      if (deleted < chunk) return total;
    }
  };
  report.consumed = await inChunks(
    `DELETE FROM events.consumed WHERE ctid = ANY (ARRAY(
       SELECT ctid FROM events.consumed WHERE consumed_at < $1 LIMIT $2))`,
  );
  // Schema names from OUTBOX_SCHEMAS, never from input. Only relayed rows: a waiting row is never lost.
  for (const schema of OUTBOX_SCHEMAS)
    report.outbox += await inChunks(
      `DELETE FROM "${schema}".outbox WHERE position = ANY (ARRAY(
         SELECT position FROM "${schema}".outbox WHERE relayed_at < $1 LIMIT $2))`,
    );
  for (;;) {
    const step = await pruneBusChunk(pool, before, chunk);
    report.bus += step.deleted;
    if (step.done) break;
  }
  // Every run, not only one that pruned: such a cursor stays named (and warned of) until an operator moves it.
  const { rows } = await pool.query<{ consumer: string }>(
    `SELECT consumer FROM events.cursor WHERE position > 0 AND position < ${HORIZON_SQL} ORDER BY consumer`,
  );
  report.retired = rows.map((r) => r.consumer);
  return report;
}

/** Pruning the bus and replays that move a cursor back take this lock ('CHHZ'), so neither overtakes the other. */
export const BUS_HORIZON_LOCK = 0x43_48_48_5a;

/**
 * One chunk of the bus prefix, in one short transaction: the next `chunk` events after the horizon up to the lowest
 * live cursor (moved at or after `before`), cut at the first one relayed at or after `before`. Done when the chunk was
 * short or was cut. No live cursor at all (the NATS tier, where the bus is unused, or a hub without consumers) prunes
 * nothing.
 */
async function pruneBusChunk(pool: pg.Pool, before: Date, chunk: number): Promise<{ deleted: number; done: boolean }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [BUS_HORIZON_LOCK]);
    const { rows } = await client.query<{ scanned: number; deleted: number; cut: boolean }>(
      `WITH batch AS (
         SELECT position, id, relayed_at FROM events.event
          WHERE position > ${HORIZON_SQL}
            AND position <= (SELECT min(position) FROM events.cursor WHERE updated_at >= $1)
          ORDER BY position LIMIT $2
       ), cut AS (
         SELECT min(position) AS p FROM batch WHERE relayed_at >= $1
       ), doomed AS (
         SELECT position, id FROM batch WHERE position < coalesce((SELECT p FROM cut), 9223372036854775807)
       ), gone AS (
         DELETE FROM events.event e USING doomed d
          WHERE e.position = d.position AND NOT EXISTS (SELECT 1 FROM events.dead_letter l WHERE l.event_id = d.id)
         RETURNING e.position
       ), horizon AS (
         INSERT INTO events.bus_horizon (id, pruned_through, pruned_at)
         SELECT 1, max(position), $3 FROM doomed HAVING count(*) > 0
         ON CONFLICT (id) DO UPDATE SET pruned_through = greatest(events.bus_horizon.pruned_through,
           EXCLUDED.pruned_through), pruned_at = EXCLUDED.pruned_at
       )
       SELECT (SELECT count(*) FROM batch)::int AS scanned, (SELECT count(*) FROM gone)::int AS deleted,
              (SELECT p FROM cut) IS NOT NULL AS cut`,
      [before, chunk, clock.now()],
    );
    await client.query('COMMIT');
    const r = rows[0]!;
    return { deleted: r.deleted, done: r.cut || r.scanned < chunk };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A replay asked to start inside the pruned prefix of the bus: the events it would need are gone. */
export class BusPrunedError extends Error {
  readonly code = 'EVENTS_BUS_PRUNED';
  constructor(
    readonly from: number,
    readonly prunedThrough: number,
    /** A consumer whose cursor the pruning passed (taken as retired); absent for a replay. */
    readonly consumer?: string,
  ) {
    super(
      consumer
        ? `event consumer ${consumer} stopped at bus position ${from}, and the bus is pruned through ${prunedThrough}: ` +
            'its cursor stood still for the whole retention window (EVENTS_RETENTION_DAYS) and was taken as retired. ' +
            'It does not go on past the gap: move its cursor to the horizon (events.cursor), or delete it'
        : `the event bus is pruned through position ${prunedThrough} (EVENTS_RETENTION_DAYS); a replay from ${from} ` +
            "would miss events: start from the horizon, or rebuild from the departments' state (snapshot backfill)",
    );
    this.name = 'BusPrunedError';
  }
}

/** Positions up to this one may have been pruned from the bus (0: never pruned). */
export async function busHorizon(sql: Sql): Promise<number> {
  const rows = (await sql.rows('SELECT pruned_through::text AS p FROM events.bus_horizon WHERE id = 1')) as {
    p: string;
  }[];
  return rows.length === 0 ? 0 : Number(rows[0]!.p);
}

/**
 * Call inside the transaction that moves a cursor back to `from` (a replay reads the events after it): takes the
 * horizon lock, so no prune runs until that transaction ends, and refuses a start inside the pruned prefix.
 */
export async function assertReplayable(sql: Sql, from: number): Promise<void> {
  // Selected as a constant: the lock function returns void, which not every driver reads back.
  await sql.rows('SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock($1::bigint)) l', [BUS_HORIZON_LOCK]);
  const horizon = await busHorizon(sql);
  if (from < horizon) throw new BusPrunedError(from, horizon);
}
