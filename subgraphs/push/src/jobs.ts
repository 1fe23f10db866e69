/**
 * The webhook dispatcher (推送投递): takes due deliveries from push.delivery and POSTs them, signed per the Standard
 * Webhooks spec (`standardwebhooks`), to their subscriptions' endpoints.
 *
 * - **Per-subject order.** A delivery is taken only when no earlier delivery of the same subscription and subject
 *   is still pending: a subject's next event waits for the previous one, through all its retries.
 * - **At least once, across crashes.** A taken delivery is leased (`leased_until`, PUSH_LEASE_SECONDS) in the same
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
import { pgSql, type Db } from '@credit-hub/kit/db';
import { Webhook } from 'standardwebhooks';
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

  /** Leases up to `limit` due deliveries that head their subject's queue, with what is needed to send them. */
  async function claim(limit: number): Promise<Claimed[]> {
    const now = clock.now();
    const rows = await sql.rows(
      `WITH due AS (
         SELECT d.subscription_id, d.event_seq FROM push.delivery d
           JOIN push.subscription s ON s.id = d.subscription_id
          WHERE d.status = 'PENDING' AND s.status = 'ACTIVE' AND d.next_at <= $1
            AND (d.leased_until IS NULL OR d.leased_until <= $1)
            AND NOT EXISTS (SELECT 1 FROM push.delivery p
                             WHERE p.subscription_id = d.subscription_id AND p.order_key = d.order_key
                               AND p.status = 'PENDING' AND p.event_seq < d.event_seq)
          ORDER BY d.next_at, d.event_seq
          LIMIT $2
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE push.delivery d SET leased_until = $3
         FROM due, push.event e, push.subscription s
        WHERE d.subscription_id = due.subscription_id AND d.event_seq = due.event_seq
          AND e.seq = d.event_seq AND s.id = d.subscription_id
       RETURNING d.subscription_id::text AS "subscriptionId", d.event_seq AS "eventSeq", d.attempts, s.url, s.secret,
                 e.id::text AS id, e.type, e.subject_code AS "subjectCode", e.department, e.occurred_at AS "occurredAt",
                 e.payload_version AS "payloadVersion", e.payload`,
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

  async function record(c: Claimed, attempt: number, outcome: Outcome, answer: Answer): Promise<void> {
    const now = clock.now();
    const wait = outcome === 'RETRY' ? retryDelayMs(attempt, random()) : null;
    const status = outcome === 'DELIVERED' ? 'DELIVERED' : outcome === 'RETRY' ? 'PENDING' : 'DEAD';
    const disable = outcome === 'GONE' ? 'GONE' : outcome === 'DEAD' ? 'DEAD_LETTER' : null;
    const error = answer.error ?? (outcome === 'DELIVERED' ? null : `HTTP ${answer.statusCode}`);
    // Written only while the delivery is pending: a lapsed lease's late answer cannot undo a later delivery.
    await sql.rows(
      `WITH upd AS (
         UPDATE push.delivery SET status = $3::push."PushDeliveryStatus", attempts = $4, next_at = $5,
                leased_until = NULL, last_status_code = $6, last_error = $7, delivered_at = $8
          WHERE subscription_id = $1::uuid AND event_seq = $2::bigint AND status = 'PENDING' RETURNING 1),
       att AS (
         INSERT INTO push.attempt (subscription_id, event_seq, attempt, at, duration_ms, status_code, error, outcome)
         VALUES ($1::uuid, $2::bigint, $4, $9, $10, $6, $7, $11) RETURNING 1),
       dis AS (
         UPDATE push.subscription SET status = 'DISABLED', disabled_reason = $12, disabled_at = $13
          WHERE id = $1::uuid AND $12::text IS NOT NULL AND status = 'ACTIVE' RETURNING 1)
       SELECT (SELECT count(*) FROM upd) AS updated`,
      [
        c.subscriptionId,
        c.eventSeq,
        status,
        attempt,
        wait === null ? now : new Date(now.getTime() + wait),
        answer.statusCode,
        error,
        outcome === 'DELIVERED' ? now : null,
        new Date(now.getTime() - answer.durationMs),
        Math.round(answer.durationMs),
        outcome,
        disable,
        now,
      ],
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
        ...(config.allowPrivateUrls ? {} : { lookup }),
        agent: false,
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
      const room = config.concurrency - inflight.size;
      const batch = room > 0 ? await claim(room) : [];
      for (const c of batch) {
        const p: Promise<void> = deliver(c)
          .catch((error: unknown) => log(`delivery ${c.id} → ${c.subscriptionId}: ${(error as Error).message}`))
          .finally(() => inflight.delete(p));
        inflight.add(p);
        sent += 1;
      }
      if (batch.length === 0 && inflight.size === 0) return sent;
      if (batch.length === 0 || inflight.size >= config.concurrency) await Promise.race(inflight);
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
      unlisten?.();
      unlisten = null;
    },
  };
}
