/**
 * Event backbone figures (`npm run bench`, or `npm run bench -- --only events`), in this process against a database
 * of its own on the bench's PostgreSQL, loopback only, bounded in count:
 *   - steady flow: events committed by writers in transactions of 100 while the embedded backbone runs; events/s
 *     from the first commit until the consumer has handled the last, and commit-to-handler latency p50/p99;
 *   - backlog drain: 100,000 events already in the outboxes (the hub was down), then the backbone starts: time until
 *     they are relayed to the bus and until the consumer has handled them all;
 *   - with `--nats <url>` (a JetStream server on this machine): the same backlog relayed to JetStream and drained by
 *     a durable consumer.
 * The consumer writes one row per event in its transaction (what a real consumer's smallest reaction costs).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inPgTransaction, migrate } from '@credit-hub/kit/db';
import {
  consumerLag,
  drainConsumer,
  recordEvents,
  relayAll,
  startEventBackbone,
  type ConsumerDefinition,
  type NewEvent,
} from '@credit-hub/kit/events';
import { connectNats, relayAllToNats, runNatsConsumerOnce } from '@credit-hub/kit/events/nats';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function events(count: number, from: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const source = (['tax', 'court', 'market'] as const)[n % 3]!;
    return {
      source,
      type: 'list.entry.removed',
      department: source,
      subjectCode: `91330100MA${String(n % 5000).padStart(7, '0')}X`,
      payload: {
        list: 'MAJOR_TAX_VIOLATOR',
        entryId: String(n),
        removedOn: '2026-03-15',
        cause: 'REMOVED',
        ground: null,
      },
    };
  });
}

export async function runEventsBench(
  url: string,
  { backlog = 100_000, steady = 5_000, rate = 500, natsUrl = '' } = {},
) {
  await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  pool.on('error', () => undefined); // idle connections cut when the bench's server stops
  try {
    await measure(pool, { backlog, steady, rate, natsUrl });
  } finally {
    await pool.end();
  }
}

async function measure(
  pool: pg.Pool,
  { backlog, steady, rate, natsUrl }: { backlog: number; steady: number; rate: number; natsUrl: string },
) {
  await pool.query('CREATE TABLE IF NOT EXISTS public.bench_receipts (event_id uuid, latency_ms float8)');
  const clean = () =>
    pool.query(
      `TRUNCATE tax.outbox, court.outbox, market.outbox, events.event, events.cursor, events.consumed, public.bench_receipts`,
    );
  await clean();
  const consumer = (name: string): ConsumerDefinition => ({
    name,
    types: ['list.entry.removed'],
    batchSize: 500,
    async handle(event, sql) {
      await sql.execute('INSERT INTO public.bench_receipts (event_id, latency_ms) VALUES ($1, $2)', [
        event.id,
        Date.now() - event.occurredAt.getTime(),
      ]);
    },
  });

  // Steady flow: writers commit while the backbone runs (woken by NOTIFY).
  {
    const def = consumer('bench.steady');
    const backbone = await startEventBackbone(pool, { consumers: [def], pollMs: 200 });
    const started = performance.now();
    // Paced at `rate` events/s (a transaction of 100 every 100,000/rate ms), as busy departments would write.
    for (let i = 0; i < steady; i += 100) {
      const due = started + (i / rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await inPgTransaction(pool, (sql) => recordEvents(sql, events(100, i)));
    }
    const committed = performance.now();
    for (let i = 0; i < 600 && (await consumerLag(pool, def.name)) + (await backlogOf(pool)) > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    const done = performance.now();
    await backbone.stop();
    const latencies = (
      await pool.query<{ latency_ms: number }>('SELECT latency_ms FROM public.bench_receipts ORDER BY 1')
    ).rows.map((r) => r.latency_ms);
    console.log(
      `  steady flow, ${fmt(steady)} events written at ${fmt(rate)}/s in transactions of 100 ` +
        `(${fmt(steady / ((committed - started) / 1000))}/s achieved), all handled ${((done - committed) / 1000).toFixed(1)} s after the last commit, ` +
        `commit→handler latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms` +
        (latencies.length === steady ? '' : ` (only ${latencies.length} handled)`),
    );
  }

  // Backlog drain: the events are in the outboxes before anything runs.
  await clean();
  for (let i = 0; i < backlog; i += 5000) await inPgTransaction(pool, (sql) => recordEvents(sql, events(5000, i)));
  {
    const def = consumer('bench.backlog');
    const t0 = performance.now();
    await relayAll(pool, { batch: 5000 });
    const t1 = performance.now();
    const handled = await drainConsumer(pool, def);
    const t2 = performance.now();
    console.log(
      `  backlog drain, ${fmt(backlog)} events: relay to the bus ${((t1 - t0) / 1000).toFixed(1)} s (${fmt(backlog / ((t1 - t0) / 1000))}/s), ` +
        `consumer ${((t2 - t1) / 1000).toFixed(1)} s (${fmt(handled / ((t2 - t1) / 1000))}/s), total ${((t2 - t0) / 1000).toFixed(1)} s`,
    );
    // The same bus again, for a consumer with batched fan-out: the batch's rows in one statement (handleBatch).
    const batched: ConsumerDefinition = {
      ...consumer('bench.backlog.batched'),
      async handleBatch(list, sql) {
        await sql.execute(
          'INSERT INTO public.bench_receipts (event_id, latency_ms) SELECT unnest($1::uuid[]), unnest($2::float8[])',
          [list.map((e) => e.id), list.map((e) => Date.now() - e.occurredAt.getTime())],
        );
      },
    };
    const t3 = performance.now();
    const handledBatched = await drainConsumer(pool, batched);
    const t4 = performance.now();
    console.log(
      `  backlog drain, same ${fmt(backlog)} events, consumer with batched fan-out (handleBatch, batches of ${batched.batchSize}): ` +
        `${((t4 - t3) / 1000).toFixed(1)} s (${fmt(handledBatched / ((t4 - t3) / 1000))}/s)`,
    );
  }

  if (natsUrl) {
    await clean();
    for (let i = 0; i < backlog; i += 5000) await inPgTransaction(pool, (sql) => recordEvents(sql, events(5000, i)));
    const run = randomBytes(4).toString('hex');
    const bus = await connectNats(natsUrl, { stream: `CREDIT_BENCH_${run}`, prefix: `credit_bench_${run}` });
    try {
      const t0 = performance.now();
      await relayAllToNats(pool, bus, { batch: 1000 });
      const t1 = performance.now();
      const def = { ...consumer('bench.nats'), batchSize: 1000 };
      let handled = 0;
      for (let i = 0; i < 10_000 && handled < backlog; i++)
        handled += (await runNatsConsumerOnce(pool, bus, def)).handled;
      const t2 = performance.now();
      console.log(
        `  NATS JetStream, ${fmt(backlog)} events: relay ${((t1 - t0) / 1000).toFixed(1)} s (${fmt(backlog / ((t1 - t0) / 1000))}/s), ` +
          `durable consumer ${((t2 - t1) / 1000).toFixed(1)} s (${fmt(handled / ((t2 - t1) / 1000))}/s)`,
      );
    } finally {
      await bus.jsm.streams.delete(bus.stream).catch(() => undefined);
      await bus.close();
    }
  }
}

async function backlogOf(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM tax.outbox WHERE relayed_at IS NULL) + (SELECT count(*) FROM court.outbox WHERE relayed_at IS NULL)
          + (SELECT count(*) FROM market.outbox WHERE relayed_at IS NULL) AS n`,
  );
  return Number(rows[0]!.n);
}
