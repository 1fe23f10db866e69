/**
 * Consumers of the platform bus (`events.event`). A consumer has a name (by convention `<department>.<purpose>`,
 * e.g. `evaluation.refresh`), the event types it wants and a handler. Each batch runs in one transaction that
 *   - claims the consumer's cursor row (FOR UPDATE SKIP LOCKED: one worker per consumer at a time, so the
 *     consumer sees events in bus order, which keeps order per subject),
 *   - records every event id in `events.consumed` before calling the handler (an id seen before is skipped:
 *     idempotent by event id, also across replays and the NATS path),
 *   - runs the handler with the transaction's `Sql`, so the handler's own writes commit with the cursor.
 * A handler that throws rolls back to a savepoint before that event: the events before it commit, the failing one
 * is retried with backoff, and after `maxAttempts` it goes to `events.dead_letter` and the consumer moves on.
 *
 * Batched fan-out: a consumer that can take many events in a few statements defines `handleBatch` as well; a batch's
 * new events then go to it at once, in bus order, in the batch's transaction. If it throws, the batch rolls back and
 * is run again event by event through `handle` (the careful path above), so one bad event is retried and
 * dead-lettered alone while the events before it commit.
 */
import type pg from 'pg';
import { pgSql, type Sql } from '../db/sql.ts';
import type { EventType } from './catalogue.ts';
import type { DeliveredEvent, OutboxSchema } from './envelope.ts';
import { BUS_CHANNEL } from './relay.ts';
import { BusPrunedError, HORIZON_SQL } from './retention.ts';
import { waker } from './waker.ts';

export interface ConsumerDefinition {
  /** Unique per consumer: `<department>.<purpose>`. Its cursor and dedup rows are kept under this name. */
  name: string;
  /**
   * Types to receive; others are passed over (the cursor still advances past them). The filter runs in PostgreSQL:
   * only the wanted events' payloads are read out of the bus.
   */
  types: readonly EventType[];
  /** Runs inside the consumer's transaction; throw to have the event retried. */
  handle(event: DeliveredEvent, sql: Sql): Promise<void>;
  /**
   * Optional: the batch's new events of the wanted types at once (bus order; already deduplicated by id), in the
   * batch's transaction. Must do what `handle` would do for each, in order. A throw rolls the batch back and the
   * events are handled one by one with `handle`, so a failure is isolated to its event.
   */
  handleBatch?(events: readonly DeliveredEvent[], sql: Sql): Promise<void>;
  /** Events per transaction (default 200). */
  batchSize?: number;
  /** Failures before an event is dead-lettered (default 10). */
  maxAttempts?: number;
  /** Backoff of the n-th retry in ms (default 1 s · 2^(n−1), at most 10 min). */
  retryDelayMs?: (attempt: number) => number;
}

export interface ConsumerRun {
  /** Events handled (newly: duplicates are not counted). */
  handled: number;
  /** Events passed over because already consumed. */
  duplicates: number;
  /** Events of other types the cursor moved past: a run that passed some made progress, and the next comes at once. */
  passed: number;
  /** True when the consumer stopped at a failing event waiting for its retry. */
  blocked: boolean;
  /** True when another worker holds this consumer's cursor. */
  busy: boolean;
}

const defaultDelay = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 600_000);

interface EventRow {
  position: string;
  id: string;
  type: EventType;
  version: number;
  subject_code: string | null;
  person_key: string | null;
  department: string;
  source: OutboxSchema;
  occurred_at: Date;
  payload: unknown;
}

const toEvent = (r: EventRow): DeliveredEvent => ({
  position: Number(r.position),
  id: r.id,
  type: r.type,
  version: r.version,
  subjectCode: r.subject_code,
  personKey: r.person_key,
  department: r.department,
  source: r.source,
  occurredAt: r.occurred_at,
  payload: r.payload,
});

/**
 * Bus positions one batch looks at, per event it may take: a consumer of a rare type (a department's repair consumer
 * takes one type in a hundred) moves its cursor this far in one transaction instead of reading every payload.
 */
const SCAN_FACTOR = 10;

/**
 * The consumer's next events after `after`: those of its types among the next `batchSize × SCAN_FACTOR` bus positions,
 * at most `batchSize` of them, and `to`, where the cursor goes once all of them are handled (the last one taken when
 * the batch is full, else the end of the scan). The type filter is PostgreSQL's, so the other events' payloads never
 * leave the server: every consumer read every payload before (docs/adr/0132).
 */
async function nextEvents(
  client: pg.PoolClient,
  def: ConsumerDefinition,
  after: string,
): Promise<{ rows: EventRow[]; to: string | null; passed: number }> {
  const size = def.batchSize ?? 200;
  const { rows } = await client.query<EventRow & { to_position: string | null; passed: number }>(
    `WITH scanned AS (
       SELECT position, type = ANY($3::text[]) AS wanted FROM events.event
        WHERE position > $1 ORDER BY position LIMIT $4
     ), picked AS (
       SELECT position FROM scanned WHERE wanted ORDER BY position LIMIT $2
     ), reach AS (
       SELECT CASE WHEN (SELECT count(*) FROM picked) = $2 THEN (SELECT max(position) FROM picked)
                   ELSE (SELECT max(position) FROM scanned) END AS to_position
     )
     SELECT reach.to_position,
            (SELECT count(*) FROM scanned WHERE NOT wanted AND position <= reach.to_position)::int AS passed,
            e.position, e.id, e.type, e.version, e.subject_code, e.person_key, e.department, e.source, e.occurred_at,
            e.payload
       FROM reach LEFT JOIN (picked JOIN events.event e USING (position)) ON true
      ORDER BY e.position`,
    [after, size, def.types, size * SCAN_FACTOR],
  );
  const head = rows[0];
  return {
    rows: rows.filter((r) => r.position !== null),
    to: head?.to_position ?? null,
    passed: head?.passed ?? 0,
  };
}

/**
 * Locks the consumer's cursor for this batch and gives the position to read after (null: another worker holds it). A
 * cursor before the bus's pruned prefix was passed by the retention as retired (retention.ts): going on would skip the
 * pruned events unseen, so the batch refuses instead. A cursor at 0 has handled nothing: a consumer new to a pruned bus
 * starts after the horizon (below it only other consumers' dead letters are left).
 */
async function claimCursor(client: pg.PoolClient, consumer: string): Promise<string | null> {
  const cursor = await client.query<{ position: string; horizon: string }>(
    `SELECT position, ${HORIZON_SQL} AS horizon
       FROM events.cursor WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
    [consumer],
  );
  const row = cursor.rows[0];
  if (!row) return null;
  if (row.position === '0') return row.horizon;
  if (Number(row.position) < Number(row.horizon))
    throw new BusPrunedError(Number(row.position), Number(row.horizon), consumer);
  return row.position;
}

/** Handles one event exactly once for `consumer` inside the caller's transaction; false if seen before. */
export async function consumeOnce(
  sql: Sql,
  consumer: string,
  event: DeliveredEvent,
  handle: (event: DeliveredEvent, sql: Sql) => Promise<void>,
): Promise<boolean> {
  const fresh = await sql.execute(
    'INSERT INTO events.consumed (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING',
    [consumer, event.id],
  );
  if (fresh === 0) return false;
  await handle(event, sql);
  return true;
}

/** One batch for a consumer: what `startConsumer` runs in its loop, and what tests call to process deterministically. */
export async function runConsumerOnce(pool: pg.Pool, def: ConsumerDefinition): Promise<ConsumerRun> {
  await pool.query('INSERT INTO events.cursor (consumer) VALUES ($1) ON CONFLICT DO NOTHING', [def.name]);
  const fast = await runBatchFast(pool, def);
  if ('failed' in fast) return runBatchCarefully(pool, def, fast.failed);
  return fast;
}

/** The event a fast batch failed on: the careful run records this failure instead of calling the handler again. */
interface KnownFailure {
  id: string;
  message: string;
}

/**
 * The usual batch: dedup rows for the whole batch in one statement, handlers without savepoints, one commit. Null
 * (everything rolled back) when a handler throws or an event of the batch is waiting for a retry: the batch is then
 * run again event by event (`runBatchCarefully`), which commits the events before the failing one.
 */
async function runBatchFast(
  pool: pg.Pool,
  def: ConsumerDefinition,
): Promise<ConsumerRun | { failed: KnownFailure | null }> {
  const run: ConsumerRun = { handled: 0, duplicates: 0, passed: 0, blocked: false, busy: false };
  const client = await pool.connect();
  const sql = pgSql(client);
  try {
    await client.query('BEGIN');
    const cursor = await claimCursor(client, def.name);
    if (cursor === null) {
      await client.query('ROLLBACK');
      return { ...run, busy: true };
    }
    const batch = await nextEvents(client, def, cursor);
    if (batch.to === null) {
      await client.query('ROLLBACK');
      return run;
    }
    run.passed = batch.passed;
    const mine = batch.rows.map((r) => r.id);
    let fresh = new Set<string>();
    if (mine.length > 0) {
      const retrying = await client.query(
        'SELECT 1 FROM events.failure WHERE consumer = $1 AND event_id = ANY($2::uuid[]) LIMIT 1',
        [def.name, mine],
      );
      if (retrying.rows.length > 0) {
        await client.query('ROLLBACK');
        return { failed: null };
      }
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO events.consumed (consumer, event_id) SELECT $1, unnest($2::uuid[])
         ON CONFLICT DO NOTHING RETURNING event_id::text AS id`,
        [def.name, mine],
      );
      fresh = new Set(inserted.rows.map((r) => r.id));
    }
    const handleBatch = def.handleBatch;
    if (handleBatch) {
      const events = batch.rows.filter((r) => fresh.has(r.id)).map(toEvent);
      run.duplicates += mine.length - events.length;
      try {
        if (events.length > 0) await handleBatch(events, sql);
      } catch {
        // Which event failed is not known: the careful run calls `handle` for each and records that one's failure.
        await client.query('ROLLBACK');
        return { failed: null };
      }
      run.handled += events.length;
    } else
      for (const row of batch.rows) {
        if (!fresh.has(row.id)) {
          run.duplicates += 1;
          continue;
        }
        try {
          await def.handle(toEvent(row), sql);
        } catch (error) {
          await client.query('ROLLBACK');
          return { failed: { id: row.id, message: error instanceof Error ? error.message : String(error) } };
        }
        run.handled += 1;
      }
    await client.query('UPDATE events.cursor SET position = $2, updated_at = now() WHERE consumer = $1', [
      def.name,
      batch.to,
    ]);
    await client.query('COMMIT');
    return run;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Event by event, each under a savepoint: commits what precedes a failing event, records the failure, waits at it. */
async function runBatchCarefully(
  pool: pg.Pool,
  def: ConsumerDefinition,
  known: KnownFailure | null = null,
): Promise<ConsumerRun> {
  const run: ConsumerRun = { handled: 0, duplicates: 0, passed: 0, blocked: false, busy: false };
  const client = await pool.connect();
  const sql = pgSql(client);
  try {
    await client.query('BEGIN');
    const cursor = await claimCursor(client, def.name);
    if (cursor === null) {
      await client.query('ROLLBACK');
      return { ...run, busy: true };
    }
    let position = cursor;
    const batch = await nextEvents(client, def, position);
    for (const row of batch.rows) {
      const failure = await client.query<{ attempts: number; due: boolean }>(
        'SELECT attempts, next_attempt_at <= now() AS due FROM events.failure WHERE consumer = $1 AND event_id = $2',
        [def.name, row.id],
      );
      const previous = failure.rows[0];
      if (previous && !previous.due) {
        run.blocked = true;
        break;
      }
      await client.query('SAVEPOINT one_event');
      try {
        // The fast run just saw this handler fail: that was this attempt (a handler is not run twice for one).
        if (known?.id === row.id) {
          const message = known.message;
          known = null;
          throw new Error(message);
        }
        const fresh = await consumeOnce(sql, def.name, toEvent(row), def.handle);
        if (fresh) run.handled += 1;
        else run.duplicates += 1;
        await client.query('RELEASE SAVEPOINT one_event');
        if (previous)
          await client.query('DELETE FROM events.failure WHERE consumer = $1 AND event_id = $2', [def.name, row.id]);
        position = row.position;
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT one_event');
        const attempts = (previous?.attempts ?? 0) + 1;
        const message = error instanceof Error ? error.message : String(error);
        if (attempts >= (def.maxAttempts ?? 10)) {
          await client.query(
            `INSERT INTO events.dead_letter (consumer, event_id, attempts, last_error) VALUES ($1, $2, $3, $4)
             ON CONFLICT (consumer, event_id) DO UPDATE SET attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error, dead_at = now()`,
            [def.name, row.id, attempts, message.slice(0, 2000)],
          );
          await client.query('DELETE FROM events.failure WHERE consumer = $1 AND event_id = $2', [def.name, row.id]);
          position = row.position;
          continue;
        }
        const delay = (def.retryDelayMs ?? defaultDelay)(attempts);
        await client.query(
          `INSERT INTO events.failure (consumer, event_id, attempts, last_error, next_attempt_at)
           VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')
           ON CONFLICT (consumer, event_id) DO UPDATE SET attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,
             next_attempt_at = EXCLUDED.next_attempt_at`,
          [def.name, row.id, attempts, message.slice(0, 2000), delay],
        );
        run.blocked = true;
        break;
      }
    }
    // Every event taken was handled (or dead-lettered): past the scan's other events too. Stopped at a failing event:
    // the cursor stays before it, and the other events after the last one handled are scanned again next time.
    if (!run.blocked && batch.to !== null) {
      position = batch.to;
      run.passed = batch.passed;
    }
    await client.query('UPDATE events.cursor SET position = $2, updated_at = now() WHERE consumer = $1', [
      def.name,
      position,
    ]);
    await client.query('COMMIT');
    return run;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs batches until the consumer has nothing left (or is blocked by a retry); returns the total handled. */
export async function drainConsumer(pool: pg.Pool, def: ConsumerDefinition): Promise<number> {
  let total = 0;
  for (;;) {
    const run = await runConsumerOnce(pool, def);
    total += run.handled;
    if (run.blocked || run.busy || run.handled + run.duplicates + run.passed === 0) {
      const left = await consumerLag(pool, def.name);
      if (run.blocked || run.busy || left === 0) return total;
    }
  }
}

/**
 * SQL for the bus position after which the consumer named by the parameter `param` reads (as `claimCursor` decides):
 * its cursor, or the pruned horizon while it has handled nothing.
 */
export const readsAfterSql = (param: string) =>
  `(SELECT CASE WHEN coalesce(c.p, 0) = 0
                THEN ${HORIZON_SQL} ELSE c.p END
      FROM (SELECT (SELECT position FROM events.cursor WHERE consumer = ${param}) AS p) c)`;

/** Bus events after the consumer's place (all types): its lag. */
export async function consumerLag(pool: pg.Pool, name: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events.event WHERE position > ${readsAfterSql('$1')}`,
    [name],
  );
  return rows[0]!.n;
}

export interface RunningConsumer {
  name: string;
  /** Resolves once the consumer has caught up with the bus as it is now (tests wait on this, never on time). */
  caughtUp(): Promise<void>;
  /** Cuts the consumer's sleep short: what a bus notification does (the backbone's shared listener calls it). */
  wake(): void;
  stop(): Promise<void>;
}

export interface ConsumerLoopOptions {
  /** Poll interval besides the notifications (default 1 s): retries and missed notifications. */
  pollMs?: number;
  /**
   * Hold a connection of its own that LISTENs on the bus channel (default true). False where the caller listens
   * once for all its consumers and calls `wake()` (the backbone): a listening connection is held for the
   * consumer's whole life, so one per consumer would take a pool connection per consumer away for good, and a
   * pool smaller than the number of consumers would have no connection left for any batch.
   */
  listen?: boolean;
}

/**
 * Starts a consumer loop: woken by the relay's NOTIFY, and by a poll (`pollMs`, default 1 s) for retries and
 * missed notifications. Several processes may start the same consumer; one works at a time.
 */
export function startConsumer(
  pool: pg.Pool,
  def: ConsumerDefinition,
  { pollMs = 1000, listen = true }: ConsumerLoopOptions = {},
): RunningConsumer {
  let stopped = false;
  const wake = waker();
  const waiters: (() => void)[] = [];
  let listener: pg.PoolClient | null = null;
  if (listen)
    void pool
      .connect()
      .then(async (client) => {
        if (stopped) return client.release();
        listener = client;
        client.on('notification', () => wake.signal());
        await client.query(`LISTEN ${BUS_CHANNEL}`);
      })
      .catch(() => undefined);

  const loop = (async () => {
    while (!stopped) {
      let idle = false;
      try {
        const run = await runConsumerOnce(pool, def);
        idle = run.blocked || run.busy || run.handled + run.duplicates + run.passed === 0;
        // Caught up, or held at a failing event until its retry: either way nothing more comes by waiting now.
        if (idle && waiters.length && (run.blocked || (await consumerLag(pool, def.name)) === 0))
          waiters.splice(0).forEach((w) => w());
      } catch (error) {
        if (!stopped) console.error(`event consumer ${def.name}:`, error);
        idle = true;
      }
      if (idle && !stopped) await wake.sleep(pollMs);
    }
  })();

  return {
    name: def.name,
    caughtUp: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        wake.signal();
      }),
    wake: () => wake.signal(),
    stop: async () => {
      stopped = true;
      wake.signal();
      await loop;
      if (listener) {
        await listener.query(`UNLISTEN ${BUS_CHANNEL}`).catch(() => undefined);
        listener.release();
      }
    },
  };
}
