/**
 * Retention of the backbone's bookkeeping (issue 19): dedup rows (`events.consumed`) and relayed outbox rows older
 * than the window are deleted by the scheduler, the cut-off taken from the kit's clock; rows inside the window, and
 * outbox rows not relayed yet, stay. Crossed on either side of the window with a fixed clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clock, fixClock } from '../src/clock.ts';
import { inPgTransaction, pgSql } from '../src/db/index.ts';
import {
  assertReplayable,
  BusPrunedError,
  busHorizon,
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

  it('prunes the bus prefix every consumer has passed and the window has left, and refuses a replay from before it', async () => {
    const pool = tdb.db.pool;
    const fast: ConsumerDefinition = { name: 'test.bus-fast', types: ['list.entry.removed'], handle: async () => {} };
    const slow: ConsumerDefinition = { ...fast, name: 'test.bus-slow' };
    await drainConsumer(pool, fast); // past the earlier tests' events, which may no longer be on the bus
    await inPgTransaction(pool, (sql) =>
      recordEvents(
        sql,
        Array.from({ length: 6 }, (_, i) => removal(100 + i)),
      ),
    );
    await relayAll(pool);
    const { rows: mine } = await pool.query<{ position: string; id: string; relayed_at: Date }>(
      `SELECT position, id, relayed_at FROM events.event WHERE payload->>'entryId' = ANY($1) ORDER BY position`,
      [Array.from({ length: 6 }, (_, i) => String(100 + i))],
    );
    assert.equal(mine.length, 6);
    const p = mine.map((r) => Number(r.position));
    assert.equal(await drainConsumer(pool, fast), 6);
    await drainConsumer(pool, consumer); // the earlier tests' consumer passes them too
    // The slow consumer has handled up to the third; the second is a dead letter of the fast one (kept for an
    // operator to replay, however old).
    await pool.query('INSERT INTO events.cursor (consumer, position) VALUES ($1, $2)', [slow.name, p[2]]);
    await pool.query(
      `INSERT INTO events.dead_letter (consumer, event_id, attempts, last_error) VALUES ($1, $2::uuid, 10, 'refused')`,
      [fast.name, mine[1]!.id],
    );
    const onBus = async () =>
      (
        await pool.query<{ position: string }>('SELECT position FROM events.event WHERE position = ANY($1::bigint[])', [
          p,
        ])
      ).rows.map((r) => Number(r.position));
    const relayedAt = Math.max(...mine.map((r) => r.relayed_at.getTime()));
    const horizonBefore = await busHorizon(pgSql(pool));

    // One minute before they leave the 30-day window (the scheduler's own run on the kit clock): all stay.
    let restore = fixClock(new Date(relayedAt + 30 * DAY - 60_000));
    try {
      const scheduler = startTimeEvents(pool, [], { everyMs: 3_600_000, retentionDays: 30 });
      await scheduler.pruneNow();
      await scheduler.stop();
    } finally {
      restore();
    }
    assert.deepEqual(await onBus(), p);
    assert.equal(await busHorizon(pgSql(pool)), horizonBefore);

    // One minute after, in chunks of two: what every consumer has passed goes (the first and third), the dead letter
    // stays, and what the slow consumer has not read yet stays however old. The slow consumer is live: its cursor
    // moved within the window (a day before the prune); the others stood still since, and are at the head anyway.
    await pool.query('UPDATE events.cursor SET updated_at = $2 WHERE consumer = $1', [
      slow.name,
      new Date(relayedAt + 29 * DAY),
    ]);
    // Besides these, the earlier tests' events before them go (their consumer stood still since: no live cursor held
    // them, and the earlier tests' prunes left them).
    const earlier = await count(`SELECT count(*) AS n FROM events.event WHERE position < ${p[0]}`);
    restore = fixClock(new Date(relayedAt + 30 * DAY + 60_000));
    try {
      const report = await pruneEvents(pool, { retentionDays: 30, chunk: 2 });
      assert.equal(report.bus, earlier + 2, JSON.stringify(report));
      assert.deepEqual(report.retired, []);
    } finally {
      restore();
    }
    assert.deepEqual(await onBus(), [p[1], p[3], p[4], p[5]]);
    assert.equal(await busHorizon(pgSql(pool)), p[2]);
    assert.equal(await drainConsumer(pool, slow), 3, 'the slow consumer goes on from its place');

    // A replay from before the horizon is refused before anything moves; from the horizon on it is allowed.
    await assert.rejects(
      inPgTransaction(pool, (sql) => assertReplayable(sql, 0)),
      (error: unknown) => error instanceof BusPrunedError && error.code === 'EVENTS_BUS_PRUNED',
    );
    await inPgTransaction(pool, (sql) => assertReplayable(sql, p[2]!));
  });

  // A consumer retired or renamed leaves its cursor behind: it used to hold the bus's prefix for ever. A cursor that
  // stood still for the whole window is passed now, the report names it, and the consumer, should it run again,
  // refuses to go on past the gap instead of skipping the pruned events unseen.
  it('passes a cursor that stood still for the whole window, names it, and that consumer refuses to skip the gap', async () => {
    const pool = tdb.db.pool;
    let handled = 0;
    const live: ConsumerDefinition = { name: 'test.bus-live', types: ['list.entry.removed'], handle: async () => {} };
    const retired: ConsumerDefinition = { ...live, name: 'test.bus-retired', handle: async () => void (handled += 1) };
    await drainConsumer(pool, live);
    await inPgTransaction(pool, (sql) =>
      recordEvents(
        sql,
        Array.from({ length: 3 }, (_, i) => removal(200 + i)),
      ),
    );
    await relayAll(pool);
    const { rows: mine } = await pool.query<{ position: string; relayed_at: Date }>(
      `SELECT position, relayed_at FROM events.event WHERE payload->>'entryId' = ANY($1) ORDER BY position`,
      [['200', '201', '202']],
    );
    const p = mine.map((r) => Number(r.position));
    const relayedAt = Math.max(...mine.map((r) => r.relayed_at.getTime()));
    assert.equal(await drainConsumer(pool, live), 3);
    // The retired consumer took the first event and then stood still; the live one moved a day before the prune.
    await pool.query('INSERT INTO events.cursor (consumer, position, updated_at) VALUES ($1, $2, $3)', [
      retired.name,
      p[0],
      new Date(relayedAt),
    ]);
    await pool.query('UPDATE events.cursor SET updated_at = $2 WHERE consumer = $1', [
      live.name,
      new Date(relayedAt + 29 * DAY),
    ]);

    const restore = fixClock(new Date(relayedAt + 30 * DAY + 60_000));
    let report;
    try {
      report = await pruneEvents(pool, { retentionDays: 30 });
    } finally {
      restore();
    }
    // (The earlier tests' consumers, behind and still since, are passed and named as well.)
    assert.ok(report.retired.includes(retired.name), JSON.stringify(report));
    assert.equal(report.retired.includes(live.name), false);
    const left = await pool.query('SELECT 1 FROM events.event WHERE position = ANY($1::bigint[])', [p]);
    assert.equal(left.rowCount, 0, 'the events only the retired consumer had not read are gone');
    const horizon = await busHorizon(pgSql(pool));
    assert.ok(horizon >= p[2]!, `horizon ${horizon} past the events`);

    // Run again, the retired consumer refuses, names itself and handles nothing.
    await assert.rejects(
      drainConsumer(pool, retired),
      (error: unknown) =>
        error instanceof BusPrunedError && error.code === 'EVENTS_BUS_PRUNED' && error.consumer === retired.name,
    );
    assert.equal(handled, 0);
    // A consumer new to the pruned bus starts at what is left; the retired one, its cursor moved by an operator, too.
    await drainConsumer(pool, { ...live, name: 'test.bus-new' });
    await pool.query('UPDATE events.cursor SET position = $2 WHERE consumer = $1', [retired.name, horizon]);
    await drainConsumer(pool, retired);
    assert.equal(handled, 0, 'nothing after the horizon is of its type');
  });
});
