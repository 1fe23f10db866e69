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
}

/**
 * Fetches one batch for the department's durable consumer and handles it in order: each event in its own Postgres
 * transaction with its `events.consumed` row (idempotent by event id), then acknowledged. A handler failure naks
 * the message (JetStream redelivers it) and ends the batch, so later events do not overtake it.
 */
export async function runNatsConsumerOnce(
  pool: pg.Pool,
  bus: NatsBus,
  def: ConsumerDefinition,
  { expiresMs = 1000, ackWaitMs = 30_000 } = {},
): Promise<NatsConsumerRun> {
  const run: NatsConsumerRun = { handled: 0, duplicates: 0, skipped: 0 };
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
  const wanted = new Set<string>(def.types);
  const batch = await handleBatch(pool, def, messages, wanted);
  if (batch) {
    // After the commit: if the acknowledgements are lost (connection gone, process killed), JetStream redelivers the
    // events and their events.consumed rows drop them. Acks travel in order: the last one confirmed confirms all.
    messages.slice(0, -1).forEach((m) => m.ack());
    await messages.at(-1)?.ackAck();
    return batch;
  }
  // A handler failed: the batch was rolled back; event by event now, so the ones before the failure commit.
  let failed = false;
  for (const msg of messages) {
    if (failed) {
      msg.nak();
      continue;
    }
    const event = delivered(msg);
    if (!wanted.has(event.type)) {
      run.skipped += 1;
      await msg.ackAck();
      continue;
    }
    const client = await pool.connect();
    let committed = false;
    try {
      await client.query('BEGIN');
      const fresh = await consumeOnce(pgSql(client), def.name, event, def.handle);
      await client.query('COMMIT');
      committed = true;
      if (fresh) run.handled += 1;
      else run.duplicates += 1;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      console.error(`NATS consumer ${def.name}: event ${event.id}:`, error);
      msg.nak(1000);
      failed = true;
    } finally {
      client.release();
    }
    // After the commit: if the acknowledgement is lost (connection gone, process killed), JetStream redelivers the
    // event and its events.consumed row drops it.
    if (committed) await msg.ackAck();
  }
  return run;
}

/** The whole fetched batch in one transaction (dedup rows in one statement); null, rolled back, if a handler throws. */
async function handleBatch(
  pool: pg.Pool,
  def: ConsumerDefinition,
  messages: readonly JsMsg[],
  wanted: ReadonlySet<string>,
): Promise<NatsConsumerRun | null> {
  const run: NatsConsumerRun = { handled: 0, duplicates: 0, skipped: 0 };
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
        return null;
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
        } catch {
          await client.query('ROLLBACK');
          return null;
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
