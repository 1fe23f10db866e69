/**
 * The event backbone at scale: a relay from each department's outbox to NATS JetStream, and durable consumers per
 * department (ADR 0070). The outbox stays the source of truth: a row is marked relayed only after JetStream
 * acknowledged storing it, so while the broker is down rows wait in the outbox and nothing is lost. A publish that
 * JetStream stored but whose acknowledgement was lost (the relay's transaction then rolls back) is published again
 * with the same `Nats-Msg-Id` (= event id), which JetStream drops inside its duplicate window; past the window the
 * consumers' `events.consumed` row drops it. Subjects: `credit.<department>.<type>`.
 */
import { connect, type NodeConnectionOptions } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import type pg from 'pg';
import { pgSql } from '../db/sql.ts';
import type { ConsumerDefinition } from './consumer.ts';
import { consumeOnce } from './consumer.ts';
import { waker } from './waker.ts';
import { OUTBOX_SCHEMAS, type DeliveredEvent, type EventJson, type OutboxSchema } from './envelope.ts';

/** One connection, its JetStream client and manager, and the stream it uses: what relay and consumers share. */
export interface NatsBus {
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Stream name (default CREDIT_EVENTS). */
  stream: string;
  /** Subject prefix (default `credit`): subjects are `<prefix>.<department>.<type>`. */
  prefix: string;
  subject(department: string, type: string): string;
  close(): Promise<void>;
}

export interface NatsBusOptions {
  stream?: string;
  prefix?: string;
  /** JetStream's dedup window for Nats-Msg-Id (default 10 min). */
  duplicateWindowMs?: number;
  /** How long a publish waits for JetStream's acknowledgement (default 5 s). */
  timeoutMs?: number;
  connection?: Partial<NodeConnectionOptions>;
}

export async function connectNats(url: string, options: NatsBusOptions = {}): Promise<NatsBus> {
  const stream = options.stream ?? 'CREDIT_EVENTS';
  const prefix = options.prefix ?? 'credit';
  const nc = await connect({
    servers: url,
    name: 'credit-hub-events',
    // Keep trying: a broker restart must not end the hub's relay (the outbox holds the events meanwhile).
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    ...options.connection,
  });
  const jsm = await jetstreamManager(nc, { timeout: options.timeoutMs ?? 5_000 });
  await ensureStream(jsm, stream, prefix, options.duplicateWindowMs ?? 10 * 60_000);
  return {
    js: jetstream(nc, { timeout: options.timeoutMs ?? 5_000 }),
    jsm,
    stream,
    prefix,
    subject: (department, type) => `${prefix}.${department}.${type}`,
    close: () => nc.close(),
  };
}

/** The stream, made once (file storage: it survives a broker restart). */
async function ensureStream(jsm: JetStreamManager, stream: string, prefix: string, duplicateWindowMs: number) {
  try {
    await jsm.streams.info(stream);
  } catch {
    await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`], duplicate_window: duplicateWindowMs * 1_000_000 });
  }
}

interface OutboxRow {
  position: string;
  id: string;
  type: string;
  version: number;
  subject_code: string | null;
  person_key: string | null;
  department: string;
  occurred_at: Date;
  payload: unknown;
}

/**
 * Publishes up to `limit` unrelayed rows of one outbox in order and marks them relayed, in one transaction held
 * while JetStream acknowledges: a failure (broker down, timeout) rolls back, and the rows are tried again later.
 * A per-outbox advisory lock keeps one relay per outbox, so publications keep the outbox's order.
 */
export async function relayOutboxToNats(
  pool: pg.Pool,
  bus: NatsBus,
  source: OutboxSchema,
  limit = 500,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ ok: boolean }>(
      "SELECT pg_try_advisory_xact_lock(hashtext('nats-relay:' || $1)) AS ok",
      [source],
    );
    if (!locked.rows[0]!.ok) {
      await client.query('ROLLBACK');
      return 0;
    }
    const { rows } = await client.query<OutboxRow>(
      `SELECT position, id, type, version, subject_code, person_key, department, occurred_at, payload
         FROM "${source}".outbox WHERE relayed_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE`,
      [limit],
    );
    if (rows.length === 0) {
      await client.query('ROLLBACK');
      return 0;
    }
    // One at a time, each acknowledged before the next: if one fails, none after it is in the stream, so a subject's
    // events can never be stored out of order (pipelining would let a later one in before a retried earlier one).
    let done = 0;
    let failure: unknown = null;
    for (const r of rows) {
      const body: EventJson = {
        id: r.id,
        type: r.type as EventJson['type'],
        version: r.version,
        subjectCode: r.subject_code,
        personKey: r.person_key,
        department: r.department,
        source,
        occurredAt: r.occurred_at.toISOString(),
        payload: r.payload,
      };
      try {
        await bus.js.publish(bus.subject(r.department, r.type), JSON.stringify(body), { msgID: r.id });
        done += 1;
      } catch (error) {
        failure = error;
        break;
      }
    }
    // Rows up to the failure are stored in the stream: mark those; the rest wait for the next round.
    if (done > 0)
      await client.query(`UPDATE "${source}".outbox SET relayed_at = now() WHERE position = ANY($1::bigint[])`, [
        rows.slice(0, done).map((r) => r.position),
      ]);
    await client.query('COMMIT');
    if (failure) throw failure;
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Relays every outbox until empty; throws (leaving the rest in the outboxes) when the broker fails. */
export async function relayAllToNats(pool: pg.Pool, bus: NatsBus, { batch = 500 } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    let round = 0;
    for (const source of OUTBOX_SCHEMAS) round += await relayOutboxToNats(pool, bus, source, batch);
    total += round;
    if (round === 0) return total;
  }
}

export interface RunningNatsRelay {
  /** Relays what is committed now (tests; a broker failure rejects). */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/** The relay loop: every `pollMs`, and on the writers' NOTIFY; a broker failure is logged and retried. */
export async function startNatsRelay(
  pool: pg.Pool,
  bus: NatsBus,
  { pollMs = 1000, log = (line: string) => console.error(line) } = {},
): Promise<RunningNatsRelay> {
  let stopped = false;
  const wake = waker();
  let running: Promise<number> = Promise.resolve(0);
  const flush = () => (running = running.catch(() => 0).then(() => relayAllToNats(pool, bus)));
  const listener = await pool.connect();
  listener.on('notification', () => wake.signal());
  await listener.query('LISTEN credit_events_outbox');
  const loop = (async () => {
    while (!stopped) {
      await flush().catch((error: unknown) =>
        log(`event relay to NATS: ${error instanceof Error ? error.message : String(error)}`),
      );
      if (stopped) break;
      await wake.sleep(pollMs);
    }
  })();
  return {
    flush,
    stop: async () => {
      stopped = true;
      wake.signal();
      await loop;
      await listener.query('UNLISTEN credit_events_outbox').catch(() => undefined);
      listener.release();
    },
  };
}

/** The durable consumer's name for a bus consumer name (`evaluation.refresh` → `evaluation_refresh`). */
export const durableName = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '_');

/** Creates (or keeps) the durable pull consumer of one department's consumer: explicit acks, from the start. */
export async function ensureDurable(bus: NatsBus, name: string, { ackWaitMs = 30_000 } = {}) {
  const durable = durableName(name);
  try {
    await bus.jsm.consumers.info(bus.stream, durable);
  } catch {
    await bus.jsm.consumers.add(bus.stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${bus.prefix}.>`,
      ack_wait: ackWaitMs * 1_000_000,
    });
  }
  return durable;
}

function delivered(msg: JsMsg): DeliveredEvent {
  const body = msg.json<EventJson>();
  return { ...body, occurredAt: new Date(body.occurredAt), position: msg.seq };
}

export interface NatsConsumerRun {
  handled: number;
  duplicates: number;
  skipped: number;
  /** Messages put back (nak) unhandled because an earlier one of the consumer is failing. */
  held: number;
  /** Events given up on after `maxAttempts` (recorded in events.dead_letter, acknowledged). */
  dead: number;
  /** True when the consumer stopped at a failing event waiting for its retry. */
  blocked: boolean;
}

/** How long a message waits before coming back while the failing one it queues behind has not been redelivered. */
const HOLD_RETRY_MS = 250;

/** The consumer's failing event on NATS: every message after it in the stream waits until it is done. */
interface Hold {
  eventId: string;
  seq: number;
  attempts: number;
  /** Milliseconds until its retry is due (0: due now). */
  waitMs: number;
}

async function heldAt(pool: pg.Pool, name: string): Promise<Hold | null> {
  const { rows } = await pool.query<{ id: string; seq: string; attempts: number; wait: number }>(
    `SELECT event_id::text AS id, stream_seq::text AS seq, attempts,
            greatest(0, ceil(extract(epoch FROM next_attempt_at - now()) * 1000))::int AS wait
       FROM events.failure WHERE consumer = $1 AND stream_seq IS NOT NULL ORDER BY stream_seq LIMIT 1`,
    [name],
  );
  const r = rows[0];
  return r ? { eventId: r.id, seq: Number(r.seq), attempts: r.attempts, waitMs: r.wait } : null;
}

/**
 * Fetches one batch for the department's durable consumer and handles it in stream order, keeping the bus path's
 * guarantee: an event that fails holds its consumer at that event. The batch goes to `handleBatch` in one
 * transaction; if that throws, or an event of the consumer is waiting for a retry, it is run again message by
 * message: those before the failing one commit and are acknowledged, the failing one is recorded in
 * `events.failure` with its stream sequence and put back with the backoff, and every message after it is put back
 * unhandled. JetStream's redelivery order cannot be relied on for that (a message put back without a delay, or a new
 * one fetched meanwhile, comes before one put back with a delay), so the hold is kept in Postgres: until the failing
 * message is handled or dead-lettered (after `maxAttempts`, like the bus path), any later message fetched is put back
 * again unhandled, whichever replica fetches it. No later event is ever acknowledged before an earlier failed one.
 */
export async function runNatsConsumerOnce(
  pool: pg.Pool,
  bus: NatsBus,
  def: ConsumerDefinition,
  { expiresMs = 1000, ackWaitMs = 30_000 } = {},
): Promise<NatsConsumerRun> {
  const durable = await ensureDurable(bus, def.name, { ackWaitMs });
  const consumer = await bus.js.consumers.get(bus.stream, durable);
  const fetched = await consumer.fetch({ max_messages: def.batchSize ?? 200, expires: expiresMs });
  // Taken off the wire first, handled after: a long batch of handlers must not starve the fetch's heartbeats.
  const messages: JsMsg[] = [];
  try {
    for await (const msg of fetched) messages.push(msg);
  } catch (error) {
    // A fetch that ends without JetStream's closing status (seen with a 2.9 server) reports missed heartbeats: what
    // arrived is a good batch. Anything else with nothing received is the caller's problem (broker gone).
    const heartbeat = error instanceof Error && /heartbeats missed/.test(error.message);
    if (!heartbeat && messages.length === 0) throw error;
  }
  // Redeliveries and new messages can arrive in one fetch in any order: handled in stream order.
  messages.sort((a, b) => a.seq - b.seq);
  const wanted = new Set<string>(def.types);
  const hold = messages.length > 0 ? await heldAt(pool, def.name) : null;
  let known: KnownFailure | null = null;
  if (!hold) {
    const batch = await handleBatch(pool, def, messages, wanted);
    if ('failed' in batch) known = batch.failed;
    else {
      // After the commit: if the acknowledgements are lost (connection gone, process killed), JetStream redelivers
      // the events and their events.consumed rows drop them. Acks travel in order: the last one confirmed confirms all.
      messages.slice(0, -1).forEach((m) => m.ack());
      await messages.at(-1)?.ackAck();
      return batch;
    }
  }
  return handleOneByOne(pool, bus, durable, def, messages, wanted, hold, known);
}

/** The event a batch failed on (handled one by one, without `handleBatch`): its failure counts as that attempt. */
interface KnownFailure {
  id: string;
  error: unknown;
}

/** The careful path: message by message, each in its own transaction, stopping at a failing one (see above). */
async function handleOneByOne(
  pool: pg.Pool,
  bus: NatsBus,
  durable: string,
  def: ConsumerDefinition,
  messages: readonly JsMsg[],
  wanted: ReadonlySet<string>,
  initialHold: Hold | null,
  initialKnown: KnownFailure | null,
): Promise<NatsConsumerRun> {
  let known = initialKnown;
  const run: NatsConsumerRun = { handled: 0, duplicates: 0, skipped: 0, held: 0, dead: 0, blocked: false };
  let hold = initialHold;
  // Once set, every later message of the batch goes back with this delay (it comes back about when the failing one
  // does; the hold, not the delay, keeps the order).
  let putBackMs: number | null = null;
  if (hold && !messages.some((m) => m.seq === hold!.seq) && messages.some((m) => m.seq > hold!.seq)) {
    // The failing message is not in this fetch. If JetStream has it acknowledged (an operator, a lost race with a
    // dead replica's ack), the hold is stale and would stop the consumer for good: dropped.
    const info = await bus.jsm.consumers.info(bus.stream, durable);
    if (info.ack_floor.stream_seq >= hold.seq) {
      await pool.query('DELETE FROM events.failure WHERE consumer = $1 AND event_id = $2::uuid', [
        def.name,
        hold.eventId,
      ]);
      hold = null;
    }
  }
  for (const msg of messages) {
    if (putBackMs === null && hold && (msg.seq > hold.seq || (msg.seq === hold.seq && hold.waitMs > 0)))
      putBackMs = msg.seq === hold.seq ? hold.waitMs : Math.max(hold.waitMs, HOLD_RETRY_MS);
    if (putBackMs !== null) {
      msg.nak(putBackMs);
      run.held += 1;
      continue;
    }
    const event = delivered(msg);
    const retry = hold?.seq === msg.seq ? hold : null;
    if (retry) hold = null;
    if (!wanted.has(event.type)) {
      if (retry) await clearFailure(pool, def.name, retry.eventId);
      run.skipped += 1;
      await msg.ackAck();
      continue;
    }
    const client = await pool.connect();
    let outcome: 'handled' | 'duplicate' | 'dead' | number;
    try {
      await client.query('BEGIN');
      // The batch just saw this handler fail: that was this attempt (a handler is not run twice for one).
      if (known?.id === event.id) {
        const error = known.error;
        known = null;
        throw error;
      }
      const fresh = await consumeOnce(pgSql(client), def.name, event, def.handle);
      if (retry)
        await client.query('DELETE FROM events.failure WHERE consumer = $1 AND event_id = $2::uuid', [
          def.name,
          event.id,
        ]);
      await client.query('COMMIT');
      outcome = fresh ? 'handled' : 'duplicate';
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      console.error(`NATS consumer ${def.name}: event ${event.id}:`, error);
      outcome = await recordFailure(client, def, event.id, msg.seq, error);
    } finally {
      client.release();
    }
    if (typeof outcome === 'number') {
      // Held here: this one back with its backoff, every later one of the batch after it.
      msg.nak(outcome);
      putBackMs = outcome;
      run.blocked = true;
      continue;
    }
    // After the commit: if the acknowledgement is lost (connection gone, process killed), JetStream redelivers the
    // event and its events.consumed row drops it (a dead letter is tried again, as a replay on the bus would).
    await msg.ackAck();
    if (outcome === 'handled') run.handled += 1;
    else if (outcome === 'duplicate') run.duplicates += 1;
    else run.dead += 1;
  }
  return run;
}

const defaultDelay = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 600_000);

const clearFailure = (pool: pg.Pool, consumer: string, eventId: string) =>
  pool.query('DELETE FROM events.failure WHERE consumer = $1 AND event_id = $2::uuid', [consumer, eventId]);

/**
 * Counts a failed attempt (the count survives a failover: it is in Postgres). Below `maxAttempts` the failure waits
 * with its stream sequence and the backoff in ms is returned; at `maxAttempts` the event is dead-lettered ('dead').
 */
async function recordFailure(
  client: pg.PoolClient,
  def: ConsumerDefinition,
  eventId: string,
  seq: number,
  error: unknown,
): Promise<number | 'dead'> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ attempts: number }>(
      `INSERT INTO events.failure (consumer, event_id, attempts, last_error, next_attempt_at, stream_seq)
       VALUES ($1, $2::uuid, 1, $3, now(), $4)
       ON CONFLICT (consumer, event_id) DO UPDATE SET attempts = events.failure.attempts + 1,
         last_error = EXCLUDED.last_error, stream_seq = EXCLUDED.stream_seq
       RETURNING attempts`,
      [def.name, eventId, message, seq],
    );
    const attempts = rows[0]!.attempts;
    if (attempts >= (def.maxAttempts ?? 10)) {
      await client.query(
        `INSERT INTO events.dead_letter (consumer, event_id, attempts, last_error) VALUES ($1, $2::uuid, $3, $4)
         ON CONFLICT (consumer, event_id) DO UPDATE SET attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,
           dead_at = now()`,
        [def.name, eventId, attempts, message],
      );
      await client.query('DELETE FROM events.failure WHERE consumer = $1 AND event_id = $2::uuid', [def.name, eventId]);
      await client.query('COMMIT');
      return 'dead';
    }
    const delay = (def.retryDelayMs ?? defaultDelay)(attempts);
    await client.query(
      `UPDATE events.failure SET next_attempt_at = now() + $3 * interval '1 millisecond'
        WHERE consumer = $1 AND event_id = $2::uuid`,
      [def.name, eventId, delay],
    );
    await client.query('COMMIT');
    return delay;
  } catch (failure) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw failure;
  }
}

/**
 * The whole fetched batch in one transaction (dedup rows in one statement). Rolled back if a handler throws:
 * `failed` names the event when `handle` threw (null when `handleBatch` did: which event is not known).
 */
async function handleBatch(
  pool: pg.Pool,
  def: ConsumerDefinition,
  messages: readonly JsMsg[],
  wanted: ReadonlySet<string>,
): Promise<NatsConsumerRun | { failed: KnownFailure | null }> {
  const run: NatsConsumerRun = { handled: 0, duplicates: 0, skipped: 0, held: 0, dead: 0, blocked: false };
  const events = messages.map(delivered);
  const mine = events.filter((e) => wanted.has(e.type));
  run.skipped = events.length - mine.length;
  if (mine.length === 0) return run;
  const client = await pool.connect();
  const sql = pgSql(client);
  try {
    await client.query('BEGIN');
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO events.consumed (consumer, event_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING event_id::text AS id`,
      [def.name, mine.map((e) => e.id)],
    );
    const fresh = new Set(inserted.rows.map((r) => r.id));
    if (def.handleBatch) {
      const events = mine.filter((e) => fresh.has(e.id));
      run.duplicates += mine.length - events.length;
      try {
        if (events.length > 0) await def.handleBatch(events, sql);
      } catch {
        await client.query('ROLLBACK');
        return { failed: null };
      }
      run.handled += events.length;
    } else
      for (const event of mine) {
        if (!fresh.has(event.id)) {
          run.duplicates += 1;
          continue;
        }
        try {
          await def.handle(event, sql);
        } catch (error) {
          await client.query('ROLLBACK');
          return { failed: { id: event.id, error } };
        }
        run.handled += 1;
      }
    await client.query('COMMIT');
    return run;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface RunningNatsConsumer {
  stop(): Promise<void>;
}

/**
 * Which replica runs which consumer. Two processes pulling from one durable consumer would each hold a batch and
 * commit them side by side, so a subject's later event could commit before its earlier one. Each consumer is
 * therefore led by one replica at a time: the holder of a session advisory lock named after it, all taken on one
 * connection per process (not one per consumer: the hub's consumers outnumber its pool). The others stand by and
 * try again every `pollMs`; a replica that dies loses its connection and with it its locks.
 */
export interface ConsumerLeadership {
  /** True when this process leads `name` (takes the lock if free). */
  lead(name: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function consumerLeadership(pool: pg.Pool): Promise<ConsumerLeadership> {
  let client: pg.PoolClient | null = null;
  const held = new Set<string>();
  const connection = async () => {
    if (client) return client;
    const next = await pool.connect();
    next.on('error', () => {
      // The connection is gone, and the locks with it: lead nothing until a new one has taken them again.
      held.clear();
      if (client === next) client = null;
      next.release(true);
    });
    client = next;
    return next;
  };
  return {
    lead: async (name) => {
      if (held.has(name)) return true;
      const c = await connection();
      const { rows } = await c.query<{ ok: boolean }>(
        "SELECT pg_try_advisory_lock(hashtext('nats-consumer:' || $1)) AS ok",
        [name],
      );
      if (rows[0]!.ok) held.add(name);
      return rows[0]!.ok;
    },
    close: async () => {
      held.clear();
      const c = client;
      client = null;
      if (c) {
        await c.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
        c.release();
      }
    },
  };
}

/**
 * Waits until the durable consumer has no batch out (`num_ack_pending` 0): a new leader's first fetch must come
 * after the previous leader's unacknowledged batch went back to the stream (at `ack_wait`), which JetStream then
 * redelivers before newer events — so order per subject holds across a failover. Bounded by `limitMs`.
 */
async function untilNothingOut(bus: NatsBus, durable: string, limitMs: number) {
  // Counted in polls, not read from a clock: a moved test clock must not end the wait.
  for (let polls = Math.ceil(limitMs / 200); polls > 0; polls -= 1) {
    const info = await bus.jsm.consumers.info(bus.stream, durable);
    if (info.num_ack_pending === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The consumer loop on JetStream (long-polling fetches; reconnects are the client's). With `leadership`, the loop
 * works only while this process leads the consumer (replicas: one at a time, the others stand by).
 */
export function startNatsConsumer(
  pool: pg.Pool,
  bus: NatsBus,
  def: ConsumerDefinition,
  {
    ackWaitMs = 30_000,
    leadership,
    pollMs = 1000,
  }: { ackWaitMs?: number; leadership?: ConsumerLeadership; pollMs?: number } = {},
): RunningNatsConsumer {
  let stopped = false;
  let leading = !leadership;
  const loop = (async () => {
    while (!stopped) {
      try {
        if (!leading) {
          if (!(await leadership!.lead(def.name))) {
            await new Promise((r) => setTimeout(r, pollMs));
            continue;
          }
          leading = true;
          const durable = await ensureDurable(bus, def.name, { ackWaitMs });
          await untilNothingOut(bus, durable, ackWaitMs + 5000);
        }
        await runNatsConsumerOnce(pool, bus, def, { expiresMs: 2000, ackWaitMs });
        // Lost the lock's connection: stand by again until it is ours once more.
        if (leadership && !(await leadership.lead(def.name))) leading = false;
      } catch (error) {
        if (!stopped) console.error(`NATS consumer ${def.name}:`, error);
        if (leadership) leading = false;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
