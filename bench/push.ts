/**
 * Benchmark of push (推送): events from a department's outbox to a webhook receiver on loopback, through the whole
 * embedded path — outbox → relay → bus → push consumer (fan-out into push.delivery) → dispatcher → signed HTTP POST
 * → receiver. Prints:
 *
 *   1. latency from commit to delivery (p50/p99) for events committed one per transaction at 50 per second;
 *   2. events per second end to end for a burst committed as fast as the writer can;
 *   3. the drain time of a backlog of 100,000 events (committed while relay, consumer and dispatcher were stopped);
 *   4. the same number of deliveries sent by the dispatcher alone (events taken straight into push).
 *
 *   npm run bench -- --only push                       the three, 100,000-event backlog
 *   npx tsx bench/push.ts --backlog 20000 --pg-port 55473   a smaller backlog, PostgreSQL on another port
 *   npx tsx bench/push.ts --fan-out single             the consumer one event per call (before batched fan-out)
 *
 * Bounded: fixed counts, 127.0.0.1 only. The receiver runs in this process (answers 204 at once and verifies one
 * delivery in 100 with the standardwebhooks verifier), so the figures include its share of the same two cores.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, dataDir, migrate, pgSql, startEmbeddedPostgres, type Db } from '@credit-hub/kit/db';
import { recordEvents, startEventBackbone, type NewEvent } from '@credit-hub/kit/events';
import { Webhook } from 'standardwebhooks';
import {
  createDispatcher,
  DEFAULT_CONFIG,
  pushConsumer,
  takeEvents,
  type PushConfig,
} from '../subgraphs/push/src/index.ts';

const SUBJECTS = 1000;
/** Events per second of the latency phase. */
const RATE = 50;
const subjectOf = (i: number) => `91330106MA2B${String(i % SUBJECTS).padStart(6, '0')}`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function listed(i: number): NewEvent {
  return {
    source: 'market',
    type: 'list.entry.added',
    department: 'market',
    subject: subjectOf(i),
    payload: { list: 'ABNORMAL_OPERATION', entryId: String(i), listedOn: '2026-07-01', endsOn: null, authority: null },
  };
}

/** A loopback receiver: the time each event id first arrived, and a verified sample. */
async function startReceiver(secret: string) {
  const verifier = new Webhook(secret);
  const arrived = new Map<string, number>();
  let verified = 0;
  let failed = 0;
  let waiter: { count: number; resolve: () => void } | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      if (!arrived.has(id)) arrived.set(id, performance.now());
      if (arrived.size % 100 === 0) {
        try {
          verifier.verify(Buffer.concat(chunks).toString('utf8'), {
            'webhook-id': id,
            'webhook-timestamp': String(req.headers['webhook-timestamp']),
            'webhook-signature': String(req.headers['webhook-signature']),
          });
          verified += 1;
        } catch {
          failed += 1;
        }
      }
      res.writeHead(204).end();
      if (waiter && arrived.size >= waiter.count) {
        const w = waiter;
        waiter = null;
        w.resolve();
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    arrived,
    sample: () => ({ verified, failed }),
    /** Resolves when `count` distinct events have arrived (bounded by `limitMs`). */
    waitFor: (count: number, limitMs: number) =>
      new Promise<void>((resolve, reject) => {
        if (arrived.size >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`only ${arrived.size} of ${count} events arrived`)), limitMs);
        waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function consumerOf(config: PushConfig, fanOut: 'batch' | 'single') {
  const { handleBatch: _batched, ...single } = pushConsumer(config);
  // `single` is the consumer as it was before: one event per call, the kit's default batch of 200.
  return fanOut === 'batch' ? pushConsumer(config) : { ...single, batchSize: 200 };
}

async function reset(db: Db) {
  await db.pool.query(`TRUNCATE push.delivery, push.queue, push.attempt, push.event, push.subscription, events.event,
    events.consumed, events.cursor, market.outbox`);
}

/**
 * `fanOut`: `batch` (the push consumer as the hub runs it: a batch of events fanned out in two statements) or
 * `single` (the same consumer without `handleBatch`: one event per call, as before batched fan-out).
 */
export async function benchPush(
  databaseUrl: string,
  backlog: number,
  fanOut: 'batch' | 'single' = 'batch',
): Promise<void> {
  console.log(`push consumer fan-out: ${fanOut === 'batch' ? 'batched (handleBatch)' : 'one event per call'}`);
  await migrate(databaseUrl);
  const db = createDb(databaseUrl, { poolSize: 12, applicationName: 'bench-push' });
  await reset(db);
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const receiver = await startReceiver(secret);
  await db.prisma.pushSubscription.create({
    data: {
      id: randomUUID(),
      name: 'bench receiver',
      ownerKind: 'DEPARTMENT',
      department: 'tax',
      url: receiver.url,
      eventTypes: ['list.entry.added'],
      secret,
      createdBy: 'bench',
      createdAt: new Date(),
    },
  });
  const config: PushConfig = { ...DEFAULT_CONFIG, allowPrivateUrls: true, concurrency: 32, pollMs: 200 };
  const start = async () => ({
    backbone: await startEventBackbone(db.pool, { consumers: [consumerOf(config, fanOut)], pollMs: 200 }),
    dispatcher: (() => {
      const d = createDispatcher(db, config);
      d.start();
      return d;
    })(),
  });
  const sql = pgSql(db.pool);
  let n = 0;
  try {
    // 1. Latency: one event per transaction, 50 per second (below what the path sustains), 1,500 events.
    let running = await start();
    const committed = new Map<string, number>();
    const steady = 1500;
    const began = performance.now();
    for (let i = 0; i < steady; i += 1) {
      const [stored] = await recordEvents(sql, [listed(n++)]);
      committed.set(stored!.id, performance.now());
      const due = began + ((i + 1) * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await receiver.waitFor(steady, 120_000);
    const latencies = [...committed].map(([id, at]) => receiver.arrived.get(id)! - at).sort((a, b) => a - b);
    console.log(
      `push latency, commit → webhook receipt (${steady.toLocaleString('en')} events at ${RATE}/s, one per transaction): ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  max ${latencies.at(-1)!.toFixed(1)} ms`,
    );

    // 2. Throughput: 20,000 events committed in transactions of 100, as fast as the writer goes.
    const burst = 20_000;
    const before = receiver.arrived.size;
    const t0 = performance.now();
    for (let i = 0; i < burst; i += 100)
      await recordEvents(
        sql,
        Array.from({ length: 100 }, () => listed(n++)),
      );
    const committedIn = performance.now() - t0;
    await receiver.waitFor(before + burst, 600_000);
    const burstMs = performance.now() - t0;
    console.log(
      `push throughput, outbox → webhook receipt: ${((burst / burstMs) * 1000).toFixed(0)} events/s ` +
        `(${burst.toLocaleString('en')} events over ${SUBJECTS} subjects; committed in ${(committedIn / 1000).toFixed(1)} s, all received after ${(burstMs / 1000).toFixed(1)} s)`,
    );
    await running.backbone.stop();
    await running.dispatcher.stop();

    // 3. Backlog drain: N events committed while nothing runs, then relay, consumer and dispatcher started.
    const had = receiver.arrived.size;
    for (let i = 0; i < backlog; i += 1000)
      await recordEvents(
        sql,
        Array.from({ length: Math.min(1000, backlog - i) }, () => listed(n++)),
      );
    const t1 = performance.now();
    running = await start();
    await receiver.waitFor(had + backlog, 1_800_000);
    const drainMs = performance.now() - t1;
    console.log(
      `push backlog drain: ${backlog.toLocaleString('en')} events in ${(drainMs / 1000).toFixed(1)} s ` +
        `(${((backlog / drainMs) * 1000).toFixed(0)} events/s, outbox → webhook receipt, ${SUBJECTS} subjects in order)`,
    );
    await running.backbone.stop();
    await running.dispatcher.stop();
    // 4. The dispatcher alone: N events taken straight into push (as the consumer would, 1,000 per statement), then
    // only the dispatcher runs — what the delivery side sustains without the bus in front of it.
    const before4 = receiver.arrived.size;
    for (let i = 0; i < backlog; i += 1000)
      await takeEvents(
        sql,
        Array.from({ length: Math.min(1000, backlog - i) }, () => ({
          id: randomUUID(),
          type: 'list.entry.added',
          subjectCode: subjectOf(n++),
          department: 'market',
          occurredAt: new Date(),
          version: 1,
          payload: {},
        })),
        config,
        new Date(),
      );
    const t2 = performance.now();
    const alone = createDispatcher(db, config);
    alone.start();
    await receiver.waitFor(before4 + backlog, 1_800_000);
    const aloneMs = performance.now() - t2;
    await alone.stop();
    console.log(
      `push dispatcher alone: ${backlog.toLocaleString('en')} queued deliveries sent in ${(aloneMs / 1000).toFixed(1)} s ` +
        `(${((backlog / aloneMs) * 1000).toFixed(0)} deliveries/s)`,
    );
    const { verified, failed } = receiver.sample();
    console.log(`push signatures verified on a 1-in-100 sample: ${verified} verified, ${failed} failed`);
  } finally {
    await receiver.close();
    await db.close();
  }
}

// Run alone: `npx tsx bench/push.ts [--backlog N]`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      backlog: { type: 'string', default: '100000' },
      'pg-port': { type: 'string', default: '54331' },
      'fan-out': { type: 'string', default: 'batch' },
    },
  });
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg-bench'),
    port: Number(values['pg-port']),
  });
  try {
    await benchPush(
      await server.ensureDatabase('bench_push'),
      Math.min(Number(values.backlog), 200_000),
      values['fan-out'] === 'single' ? 'single' : 'batch',
    );
  } finally {
    await server.stop();
  }
}
