/**
 * Event dispatch on two replicas (issue 19), the embedded bus: two processes each run the relay and the same two
 * consumers (one event at a time, and batched fan-out) on one database while a writer commits a steady stream; the
 * replica doing the work is SIGKILLed mid-stream. Every event reaches each consumer exactly once in effect, in each
 * subject's order, and nothing is lost: the relay's bus lock, each consumer's cursor row (one worker at a time) and
 * the dedup rows committing with the handler's writes make the second replica a plain stand-by that takes over.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { consumerLag, outboxBacklog } from '../src/events/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';
import { CONSUMERS, RECEIPTS_TABLE, replicas, runScenario, type Replicas } from './support/replica-scenario.ts';

let tdb: TestDatabase;
let set: Replicas;

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.pool.query(RECEIPTS_TABLE);
  set = replicas([tdb.url]);
});
after(async () => {
  for (const child of set.children) child.kill('SIGKILL');
  await tdb.drop();
});

describe('event dispatch on two replicas (embedded bus)', { timeout: 240_000 }, () => {
  it('one replica killed mid-stream: each consumer gets every event once, in order per subject', async (t) => {
    const pool = tdb.db.pool;
    const result = await runScenario(pool, set, async () => {
      if (Object.values(await outboxBacklog(pool)).some((n) => n > 0)) return false;
      for (const consumer of CONSUMERS) if ((await consumerLag(pool, consumer)) > 0) return false;
      return true;
    });
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events.event');
    assert.equal(rows[0]!.n, result.total, 'each event once on the bus, whichever replica relayed it');
    t.diagnostic(
      `receipts by replica: ${JSON.stringify(result.byPid)}; killed ${result.killedPid} at ${JSON.stringify(result.atKill)}`,
    );
  });
});
