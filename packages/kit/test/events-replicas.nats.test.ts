/**
 * Event dispatch on two replicas (issue 19), the NATS JetStream tier (TEST_NATS_URL): two processes each run the
 * JetStream relay and the same two durable consumers on one database and one stream while a writer commits a steady
 * stream; the replica doing the work is SIGKILLed mid-stream. Every event reaches each consumer exactly once in
 * effect, in each subject's order, and nothing is lost: the relay's per-outbox lock and Nats-Msg-Id keep the stream
 * free of duplicates, a durable consumer's one outstanding batch (max_ack_pending) makes the replicas take batches
 * one after another, and the killed replica's unacknowledged batch is redelivered after ack_wait, its committed
 * events dropped by their events.consumed rows.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { outboxBacklog } from '../src/events/index.ts';
import { connectNats, durableName, type NatsBus } from '../src/events/nats.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';
import { CONSUMERS, RECEIPTS_TABLE, replicas, runScenario, type Replicas } from './support/replica-scenario.ts';

const natsUrl = process.env.TEST_NATS_URL!;
const run = randomBytes(4).toString('hex');
const busOptions = { stream: `CREDIT_REPLICAS_${run}`, prefix: `credit_replicas_${run}` };

let tdb: TestDatabase;
let set: Replicas;
let admin: NatsBus;

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.pool.query(RECEIPTS_TABLE);
  admin = await connectNats(natsUrl, busOptions);
  set = replicas([tdb.url, natsUrl, busOptions.stream, busOptions.prefix]);
});
after(async () => {
  for (const child of set.children) child.kill('SIGKILL');
  await admin.jsm.streams.delete(busOptions.stream).catch(() => undefined);
  await admin.close();
  await tdb.drop();
});

describe('event dispatch on two replicas (NATS JetStream)', { timeout: 240_000 }, () => {
  it('one replica killed mid-stream: each consumer gets every event once, in order per subject', async (t) => {
    const pool = tdb.db.pool;
    const result = await runScenario(pool, set, async () => {
      if (Object.values(await outboxBacklog(pool)).some((n) => n > 0)) return false;
      for (const consumer of CONSUMERS) {
        const info = await admin.jsm.consumers.info(busOptions.stream, durableName(consumer)).catch(() => null);
        if (!info || info.num_pending > 0 || info.num_ack_pending > 0) return false;
      }
      return true;
    });
    const stream = await admin.jsm.streams.info(busOptions.stream);
    assert.equal(stream.state.messages, result.total, 'each event once in the stream, whichever replica relayed it');
    t.diagnostic(
      `stream holds ${stream.state.messages} messages for ${result.total} events; receipts by replica: ${JSON.stringify(result.byPid)}; killed ${result.killedPid}`,
    );
  });
});
