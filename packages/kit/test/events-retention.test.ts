/**
 * Retention of the backbone's bookkeeping (issue 19): dedup rows (`events.consumed`) and relayed outbox rows older
 * than the window are deleted by the scheduler, the cut-off taken from the kit's clock; rows inside the window, and
 * outbox rows not relayed yet, stay. Crossed on either side of the window with a fixed clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clock, fixClock } from '../src/clock.ts';
import { inPgTransaction } from '../src/db/index.ts';
import {
  drainConsumer,
  pruneEvents,
  recordEvents,
  relayAll,
  startTimeEvents,
  type ConsumerDefinition,
  type NewEvent,
} from '../src/events/index.ts';
import { createTestDatabase, makeUscc, type TestDatabase } from '../src/testing/index.ts';

const DAY = 86_400_000;
let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(async () => {
  await tdb.drop();
});

const removal = (n: number): NewEvent => ({
  source: 'tax',
  type: 'list.entry.removed',
  department: 'tax',
  subjectCode: makeUscc('91', '330100', String(80_000_000 + n)),
  payload: { list: 'MAJOR_TAX_VIOLATOR', entryId: String(n), removedOn: '2026-03-15', cause: 'REMOVED', ground: null },
});
const consumer: ConsumerDefinition = { name: 'test.retention', types: ['list.entry.removed'], handle: async () => {} };

const count = async (sql: string) => Number((await tdb.db.pool.query<{ n: string }>(sql)).rows[0]!.n);
const counts = async () => ({
  consumed: await count(`SELECT count(*) AS n FROM events.consumed WHERE consumer = 'test.retention'`),
  relayed: await count('SELECT count(*) AS n FROM tax.outbox WHERE relayed_at IS NOT NULL'),
  waiting: await count('SELECT count(*) AS n FROM tax.outbox WHERE relayed_at IS NULL'),
});

describe('event retention', () => {
  it('deletes consumed and relayed rows older than the window, on the kit clock, and nothing younger', async () => {
    const pool = tdb.db.pool;
    await inPgTransaction(pool, (sql) => recordEvents(sql, [removal(1), removal(2), removal(3)]));
    await relayAll(pool);
    assert.equal(await drainConsumer(pool, consumer), 3);
    // One more event committed but not relayed: waiting rows are never deleted, however old.
    await inPgTransaction(pool, (sql) => recordEvents(sql, [removal(4)]));
    assert.deepEqual(await counts(), { consumed: 3, relayed: 3, waiting: 1 });
    const { rows } = await pool.query<{ last: Date }>(
      `SELECT greatest((SELECT max(consumed_at) FROM events.consumed), (SELECT max(relayed_at) FROM tax.outbox)) AS last`,
    );
    const last = rows[0]!.last.getTime();
    const windowDays = 30;

    // One minute before the youngest row leaves the window: nothing goes (the scheduler's own run, on the kit clock).
    let restore = fixClock(new Date(last + windowDays * DAY - 60_000));
    try {
      const scheduler = startTimeEvents(pool, [], { everyMs: 3_600_000, retentionDays: windowDays });
      const inside = await scheduler.pruneNow();
      await scheduler.stop();
      assert.ok(inside);
      assert.equal(inside.before.getTime(), last - 60_000);
    } finally {
      restore();
    }
    assert.deepEqual(await counts(), { consumed: 3, relayed: 3, waiting: 1 });

    // One minute after: every consumed and relayed row is past the window and goes; the waiting one stays.
    restore = fixClock(new Date(last + windowDays * DAY + 60_000));
    try {
      const scheduler = startTimeEvents(pool, [], { everyMs: 3_600_000, retentionDays: windowDays });
      // Its first run at start already applied the window; another finds nothing more.
      await scheduler.pruneNow();
      await scheduler.stop();
    } finally {
      restore();
    }
    assert.deepEqual(await counts(), { consumed: 0, relayed: 0, waiting: 1 });

    // The waiting event is relayed and consumed afterwards as usual.
    await relayAll(pool);
    assert.equal(await drainConsumer(pool, consumer), 1);
  });

  it('deletes in chunks and refuses a window shorter than the time rules look back', async () => {
    const pool = tdb.db.pool;
    await inPgTransaction(pool, (sql) =>
      recordEvents(
        sql,
        Array.from({ length: 7 }, (_, i) => removal(10 + i)),
      ),
    );
    await relayAll(pool);
    await drainConsumer(pool, consumer);
    const report = await pruneEvents(pool, {
      retentionDays: 8,
      now: new Date(clock.now().getTime() + 9 * DAY),
      chunk: 2,
    });
    assert.ok(report.consumed >= 7 && report.outbox >= 7, JSON.stringify(report));
    await assert.rejects(() => pruneEvents(pool, { retentionDays: 7 }), RangeError);
    assert.throws(() => startTimeEvents(pool, [], { retentionDays: 3 }), RangeError);
  });
});
