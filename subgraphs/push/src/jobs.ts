/**
 * The webhook dispatcher (推送投递): takes due deliveries from push.delivery and POSTs them, signed per the Standard
 * Webhooks spec (`standardwebhooks`), to their subscriptions' endpoints.
 *
 * - **Per-subject order.** Each subscription and subject with waiting deliveries has one queue row naming its earliest
 *   waiting delivery (push.queue); the dispatcher takes queue heads, never what waits behind them, so a subject's next
 *   event waits for the previous one through all its retries, and a claim reads one row per waiting subject.
 * - **At least once, across crashes.** A taken head is leased (`leased_until`, PUSH_LEASE_SECONDS) in the same
 *   statement that picks it (`FOR UPDATE SKIP LOCKED`, so several dispatchers share the work); its result is written
 *   when the receiver answers. A dispatcher killed mid-batch leaves leases that lapse: the deliveries are sent again
 *   (the receiver deduplicates by webhook-id) and, since they were never marked delivered, their subjects' later
 *   events still wait for them.
 * - **Retries** follow rules.ts (`retryDelayMs`, `outcomeOf`); 410 disables the subscription at once, the last
 *   failed attempt makes a dead letter and disables it too.
 * - **Time** is the hub clock (due times, leases, signatures), so tests run the schedule with a fake clock; only the
 *   network timeout and the idle poll are real time.
 * - **SSRF.** Unless private URLs are allowed, every address a host resolves to is checked at connection time (a
 *   name that pointed at a public address when subscribed cannot be turned to the hub's own network later).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { clock, z } from '@credit-hub/kit';
import { inPgTransaction, pgSql, type Db } from '@credit-hub/kit/db';
import { recordEvents } from '@credit-hub/kit/events';
import { Webhook } from 'standardwebhooks';
import { deliveryFinishedEvent } from './events.ts';
import { isNonPublicAddress, outcomeOf, retryDelayMs, webhookBody, type Outcome, type PushConfig } from './rules.ts';

export interface Dispatcher {
  /** Sends every delivery due now (hub clock), in order per subject, until none is due; returns the attempts made. */
  runOnce(): Promise<number>;
  /** Runs in the background: woken by new events (LISTEN push_delivery) and every PUSH_POLL_MS. */
  start(): void;
  /** Stops the background loop after the attempts in flight. */
  stop(): Promise<void>;
}

const claimed = z.object({
  subscriptionId: z.string(),
  eventSeq: z.coerce.bigint(),
  orderKey: z.string(),
  attempts: z.coerce.number(),
  url: z.string(),
  secret: z.string(),
  id: z.string(),
  type: z.string(),
  subjectCode: z.string().nullable(),
  department: z.string(),
  occurredAt: z.coerce.date(),
  payloadVersion: z.coerce.number(),
  payload: z.unknown(),
  subscriberDepartment: z.string().nullable(),
});
type Claimed = z.infer<typeof claimed>;

/** What one attempt came to, before it is written. */
interface Answer {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export function createDispatcher(
  db: Db,
  config: PushConfig,
  options: { random?: () => number; log?: (line: string) => void } = {},
): Dispatcher {
  if (config.leaseMs <= config.timeoutMs)
    throw new Error('push: PUSH_LEASE_SECONDS must be longer than PUSH_TIMEOUT_MS, or a slow delivery is sent twice');
  const sql = pgSql(db.pool);
  const random = options.random ?? Math.random;
  const log = options.log ?? ((line: string) => console.error(`push dispatcher: ${line}`));
  const signers = new Map<string, Webhook>();
  const signer = (secret: string) => {
    let w = signers.get(secret);
    if (!w) signers.set(secret, (w = new Webhook(secret)));
    return w;
  };

  /**
   * Leases up to `limit` due queue heads (one per subscription and subject, so never two events of a subject at once),
   * with what is needed to send them.
   */
  async function claim(limit: number): Promise<Claimed[]> {
    const now = clock.now();
    const rows = await sql.rows(
      `WITH due AS (
         SELECT q.subscription_id, q.order_key FROM push.queue q
           JOIN push.subscription s ON s.id = q.subscription_id AND s.status = 'ACTIVE'
          WHERE q.next_at <= $1 AND (q.leased_until IS NULL OR q.leased_until <= $1)
          ORDER BY q.next_at
          LIMIT $2
          FOR UPDATE OF q SKIP LOCKED),
       leased AS (
         UPDATE push.queue q SET leased_until = $3 FROM due
          WHERE q.subscription_id = due.subscription_id AND q.order_key = due.order_key
         RETURNING q.subscription_id, q.order_key, q.head_seq)
       SELECT d.subscription_id::text AS "subscriptionId", d.event_seq AS "eventSeq", d.order_key AS "orderKey",
              d.attempts, s.url, s.secret, e.id::text AS id, e.type, e.subject_code AS "subjectCode", e.department,
              e.occurred_at AS "occurredAt", e.payload_version AS "payloadVersion", e.payload,
              s.department AS "subscriberDepartment"
         FROM leased l
         JOIN push.delivery d ON d.subscription_id = l.subscription_id AND d.event_seq = l.head_seq
                             AND d.status = 'PENDING'
         JOIN push.event e ON e.seq = d.event_seq
         JOIN push.subscription s ON s.id = d.subscription_id`,
      [now, limit, new Date(now.getTime() + config.leaseMs)],
    );
    return z
      .array(claimed)
      .parse(rows)
      .sort((a, b) => (a.eventSeq < b.eventSeq ? -1 : 1));
  }

  /** POSTs one delivery and writes its outcome (delivery, attempt, and the subscription when it is disabled). */
  async function deliver(c: Claimed): Promise<void> {
    const at = clock.now();
    const body = webhookBody({ ...c, payload: c.payload });
    const signature = signer(c.secret).sign(c.id, at, body);
    const answer = await post(c.url, body, {
      'content-type': 'application/json',
      'user-agent': 'credit-hub-push/1',
      'webhook-id': c.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    });
    const attempt = c.attempts + 1;
    const outcome = outcomeOf(answer.statusCode, attempt);
    await record(c, attempt, outcome, answer);
  }

  /** An attempt's outcome waiting to be written, and the delivery waiting for it. */
  interface Result {
    c: Claimed;
    attempt: number;
    outcome: Outcome;
    answer: Answer;
    at: Date;
    done: () => void;
    failed: (error: unknown) => void;
  }
  const results: Result[] = [];
  let writing = false;

  /**
   * Writes an attempt's outcome; resolves once it is stored. Outcomes that finish while a write is running are
   * written together by the next one (one transaction for many deliveries under load, one for one when idle).
   */
  function record(c: Claimed, attempt: number, outcome: Outcome, answer: Answer): Promise<void> {
    return new Promise((done, failed) => {
      results.push({ c, attempt, outcome, answer, at: clock.now(), done, failed });
      flush();
    });
  }

  function flush(): void {
    if (writing || results.length === 0) return;
    writing = true;
    const batch = results.splice(0);
    writeResults(batch)
      .then(
        () => batch.forEach((r) => r.done()),
        (error: unknown) => batch.forEach((r) => r.failed(error)),
      )
      .finally(() => {
        writing = false;
        flush();
      });
  }

  /**
   * Writes outcomes in one transaction: the deliveries, the attempts, the subscriptions disabled, and the subjects'
   * queues (a retry keeps the head with its new due time; otherwise the head moves to the subject's next waiting
   * delivery, or the queue row goes). The queue rows are locked first (in key order: no deadlock between
   * dispatchers), so a fan-out adding a subject's next event (which locks the row too) is either seen by the statement
   * after the lock or finds the row gone and makes it. A delivery is written only while it is pending: a lapsed
   * lease's late answer cannot undo a later one.
   */
  async function writeResults(batch: readonly Result[]): Promise<void> {
    const rows = batch.map((r) => {
      const wait = r.outcome === 'RETRY' ? retryDelayMs(r.attempt, random()) : null;
      return {
        sub: r.c.subscriptionId,
        seq: r.c.eventSeq,
        key: r.c.orderKey,
        status: r.outcome === 'DELIVERED' ? 'DELIVERED' : r.outcome === 'RETRY' ? 'PENDING' : 'DEAD',
        attempts: r.attempt,
        nextAt: wait === null ? r.at : new Date(r.at.getTime() + wait),
        code: r.answer.statusCode,
        error: r.answer.error ?? (r.outcome === 'DELIVERED' ? null : `HTTP ${r.answer.statusCode}`),
        deliveredAt: r.outcome === 'DELIVERED' ? r.at : null,
        started: new Date(r.at.getTime() - r.answer.durationMs),
        duration: Math.round(r.answer.durationMs),
        outcome: r.outcome,
        disable: r.outcome === 'GONE' ? 'GONE' : r.outcome === 'DEAD' ? 'DEAD_LETTER' : null,
      };
    });
    const column = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    await inPgTransaction(db.pool, async (tx) => {
      await tx.rows(
        `SELECT 1 AS locked FROM push.queue q
           JOIN unnest($1::uuid[], $2::text[]) AS k(sub, key) ON q.subscription_id = k.sub AND q.order_key = k.key
          ORDER BY q.subscription_id, q.order_key FOR UPDATE OF q`,
        [column('sub'), column('key')],
      );
      const [written] = await tx.rows(
        `WITH r AS (
           SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::timestamptz[],
                                $7::int[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::int[], $12::text[],
                                $13::text[])
                  AS r(sub, seq, key, status, attempts, next_at, code, error, delivered_at, started, duration,
                       outcome, disable)),
         upd AS (
           UPDATE push.delivery d SET status = r.status::push."PushDeliveryStatus", attempts = r.attempts,
                  next_at = r.next_at, last_status_code = r.code, last_error = r.error, delivered_at = r.delivered_at
             FROM r WHERE d.subscription_id = r.sub AND d.event_seq = r.seq AND d.status = 'PENDING'
           RETURNING d.subscription_id::text AS sub, d.event_seq::text AS seq, d.status::text AS status),
         att AS (
           INSERT INTO push.attempt (subscription_id, event_seq, attempt, at, duration_ms, status_code, error, outcome)
           SELECT sub, seq, attempts, started, duration, code, error, outcome FROM r RETURNING 1),
         dis AS (
           UPDATE push.subscription s SET status = 'DISABLED', disabled_reason = r.disable, disabled_at = $14
             FROM r WHERE s.id = r.sub AND r.disable IS NOT NULL AND s.status = 'ACTIVE' RETURNING 1),
         retry AS (
           UPDATE push.queue q SET next_at = r.next_at, leased_until = NULL
             FROM r WHERE r.status = 'PENDING' AND q.subscription_id = r.sub AND q.order_key = r.key
              AND q.head_seq = r.seq RETURNING 1),
         fin AS (SELECT sub, key, seq FROM r WHERE status <> 'PENDING'),
         nxt AS (
           SELECT DISTINCT ON (fin.sub, fin.key) fin.sub, fin.key, d.event_seq, d.next_at
             FROM fin JOIN push.delivery d ON d.subscription_id = fin.sub AND d.order_key = fin.key
                   AND d.status = 'PENDING' AND d.event_seq <> fin.seq
            ORDER BY fin.sub, fin.key, d.event_seq),
         moved AS (
           UPDATE push.queue q SET head_seq = nxt.event_seq, next_at = nxt.next_at, leased_until = NULL
             FROM nxt WHERE q.subscription_id = nxt.sub AND q.order_key = nxt.key RETURNING 1),
         gone AS (
           DELETE FROM push.queue q USING fin
            WHERE q.subscription_id = fin.sub AND q.order_key = fin.key
              AND NOT EXISTS (SELECT 1 FROM nxt WHERE nxt.sub = fin.sub AND nxt.key = fin.key) RETURNING 1)
         SELECT (SELECT count(*) FROM upd) AS updated,
                (SELECT coalesce(json_agg(upd.sub || ':' || upd.seq), '[]'::json) FROM upd WHERE upd.status <> 'PENDING')
                  AS finished`,
        [
          column('sub'),
          column('seq'),
          column('key'),
          column('status'),
          column('attempts'),
          column('nextAt'),
          column('code'),
          column('error'),
          column('deliveredAt'),
          column('started'),
          column('duration'),
          column('outcome'),
          column('disable'),
          clock.now(),
        ],
      );
      // The finished deliveries (delivered or given up; those a lapsed lease already wrote excluded) as
      // `push.delivery.finished`, for the supervisors' 推送投递数 and 同步及时率 (docs/metrics.md).
      const finished = new Set(z.object({ finished: z.array(z.string()) }).parse(written).finished);
      await recordEvents(
        tx,
        batch
          .filter((r) => r.outcome !== 'RETRY' && finished.has(`${r.c.subscriptionId}:${r.c.eventSeq}`))
          .map((r) =>
            deliveryFinishedEvent(
              r.c,
              r.outcome as 'DELIVERED' | 'DEAD' | 'GONE',
              r.attempt,
              r.at,
              config.syncSlaSeconds * 1000,
            ),
          ),
      );
    });
  }

  /** Every subject with waiting deliveries has a queue head (at start: heals a queue left inconsistent by hand). */
  async function heal(): Promise<void> {
    await sql.execute(
      `INSERT INTO push.queue (subscription_id, order_key, head_seq, next_at)
       SELECT DISTINCT ON (subscription_id, order_key) subscription_id, order_key, event_seq, next_at
         FROM push.delivery WHERE status = 'PENDING' ORDER BY subscription_id, order_key, event_seq
       ON CONFLICT (subscription_id, order_key) DO NOTHING`,
    );
  }

  const lookup: LookupFunction = (hostname, opts, callback) => {
    dns.lookup(hostname, { family: opts.family, hints: opts.hints, all: true }, (error, list) => {
      if (error) return callback(error, '', 4);
      const bad = list.find((a) => isNonPublicAddress(a.address));
      if (bad)
        return callback(
          Object.assign(new Error(`${hostname} resolves to a non-public address (${bad.address})`), {
            code: 'PRIVATE_ADDRESS',
          }),
          '',
          4,
        );
      if (opts.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };

  // Connections are kept alive per receiver (a busy receiver is not made to accept a connection per event); new ones
  // resolve through the SSRF guard unless private URLs are allowed.
  const agentOptions = {
    keepAlive: true,
    maxSockets: config.concurrency,
    ...(config.allowPrivateUrls ? {} : { lookup }),
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  /** One POST with an overall deadline; never throws: a failure is an answer without status. */
  function post(target: string, body: string, headers: Record<string, string>): Promise<Answer> {
    const started = performance.now();
    const done = (statusCode: number | null, error: string | null): Answer => ({
      statusCode,
      error,
      durationMs: performance.now() - started,
    });
    return new Promise((resolve) => {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return resolve(done(null, 'invalid URL'));
      }
      if (!config.allowPrivateUrls && (url.protocol !== 'https:' || isNonPublicAddress(url.hostname)))
        return resolve(done(null, 'refused: non-public address or plain http (PUSH_ALLOW_PRIVATE_URLS is not set)'));
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: url.protocol === 'https:' ? agents.https : agents.http,
      });
      const timer = setTimeout(() => req.destroy(new Error(`timeout after ${config.timeoutMs} ms`)), config.timeoutMs);
      req.on('response', (res) => {
        // The answer's body is not read beyond draining it: only the status counts.
        res.resume();
        res.on('end', () => {
          clearTimeout(timer);
          resolve(done(res.statusCode ?? null, null));
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          resolve(done(res.statusCode ?? null, error.message));
        });
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        resolve(done(null, error.message));
      });
      req.end(body);
    });
  }

  async function runOnce(): Promise<number> {
    let sent = 0;
    const inflight = new Set<Promise<void>>();
    for (;;) {
      // Claims go in batches (each claim walks the waiting deliveries): when half the slots are free, or none is busy.
      const room = config.concurrency - inflight.size;
      const batch = room >= Math.max(1, config.concurrency / 2) || inflight.size === 0 ? await claim(room) : [];
      for (const c of batch) {
        const p: Promise<void> = deliver(c)
          .catch((error: unknown) => log(`delivery ${c.id} → ${c.subscriptionId}: ${(error as Error).message}`))
          .finally(() => inflight.delete(p));
        inflight.add(p);
        sent += 1;
      }
      if (batch.length === 0 && inflight.size === 0) return sent;
      if (inflight.size > 0 && (batch.length === 0 || inflight.size > config.concurrency / 2))
        await Promise.race(inflight);
    }
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let unlisten: (() => void) | null = null;

  async function listen() {
    try {
      const listener = await db.pool.connect();
      unlisten = () => listener.release();
      listener.on('notification', () => wake?.());
      // A lost LISTEN connection leaves the poll: deliveries are found within PUSH_POLL_MS.
      listener.on('error', () => undefined);
      await listener.query('LISTEN push_delivery');
    } catch (error) {
      log(`LISTEN failed, polling only: ${(error as Error).message}`);
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        await heal().catch((error: unknown) => log(`queue check failed: ${(error as Error).message}`));
        await listen();
        while (running) {
          try {
            await runOnce();
          } catch (error) {
            log((error as Error).message);
          }
          if (!running) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, config.pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      agents.http.destroy();
      agents.https.destroy();
      unlisten?.();
      unlisten = null;
    },
  };
}
