/**
 * The event backbone against a real Postgres: the outbox is written in the writer's transaction (rollback → no
 * event), the relay moves committed rows to the platform bus in order, consumers handle each event once (also
 * when replayed), a failing handler is retried in order and then dead-lettered, and a time-made event exists once
 * however often the job runs — including when the clock crosses midnight.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { fixClock } from '../src/index.ts';
import { inPgTransaction, prismaSql, type Sql } from '../src/db/index.ts';
import {
  consumerLag,
  drainConsumer,
  emitTimeEvents,
  InvalidEvent,
  outboxBacklog,
  recordEvent,
  recordEvents,
  relayAll,
  runConsumerOnce,
  startConsumer,
  startEventBackbone,
  type ConsumerDefinition,
  type DeliveredEvent,
  type NewEvent,
  type TimeEventRule,
} from '../src/events/index.ts';
import { createTestDatabase, makeUscc, type TestDatabase } from '../src/testing/index.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(() => tdb.drop());

let serial = 0;
const subject = () => makeUscc('91', '330100', String(70_000_000 + ++serial).slice(0, 8));

const removal = (
  subjectCode: string,
  entryId: string,
  extra: Partial<NewEvent<'list.entry.removed'>> = {},
): NewEvent<'list.entry.removed'> => ({
  source: 'tax',
  type: 'list.entry.removed',
  department: 'tax',
  subjectCode,
  payload: { list: 'MAJOR_TAX_VIOLATOR', entryId, removedOn: '2026-03-15', cause: 'REMOVED', ground: null },
  ...extra,
});

/** A consumer that writes what it handles into a table of its own, in its transaction. */
async function receiptTable(name: string) {
  await tdb.db.pool.query(
    `CREATE TABLE IF NOT EXISTS public.${name} (seq bigserial, event_id uuid, subject text, entry text)`,
  );
  const consumer: ConsumerDefinition = {
    name: `test.${name}`,
    types: ['list.entry.removed'],
    async handle(event: DeliveredEvent, sql: Sql) {
      const payload = event.payload as { entryId: string };
      await sql.execute(`INSERT INTO public.${name} (event_id, subject, entry) VALUES ($1, $2, $3)`, [
        event.id,
        event.subjectCode,
        payload.entryId,
      ]);
    },
  };
  const rows = async () =>
    (
      await tdb.db.pool.query<{ event_id: string; subject: string; entry: string }>(
        `SELECT * FROM public.${name} ORDER BY seq`,
      )
    ).rows;
  return { consumer, rows };
}

describe('outbox', () => {
  it('refuses a payload the catalogue rejects, naming the field', async () => {
    await assert.rejects(
      inPgTransaction(tdb.db.pool, (sql) =>
        recordEvent(sql, { ...removal(subject(), '1'), payload: { list: 'NOPE' } as never }),
      ),
      (error: Error) => error instanceof InvalidEvent && /list/.test(error.message),
    );
    await assert.rejects(
      inPgTransaction(tdb.db.pool, (sql) => recordEvent(sql, { ...removal('', '1'), subjectCode: null })),
      /names its subject/,
    );
  });

  it('keeps the events of a committed transaction and none of a rolled-back one (Prisma and node-postgres)', async () => {
    const kept = subject();
    const lost = subject();
    await tdb.db.prisma.$transaction((tx) => recordEvent(prismaSql(tx), removal(kept, 'p1')));
    await assert.rejects(
      tdb.db.prisma.$transaction(async (tx) => {
        await recordEvent(prismaSql(tx), removal(lost, 'p2'));
        throw new Error('the state change failed after the event was recorded');
      }),
      /state change failed/,
    );
    await assert.rejects(
      inPgTransaction(tdb.db.pool, async (sql) => {
        await recordEvent(sql, removal(lost, 'p3'));
        throw new Error('rolled back');
      }),
    );
    const { rows } = await tdb.db.pool.query<{ subject_code: string }>('SELECT subject_code FROM tax.outbox');
    assert.ok(rows.some((r) => r.subject_code === kept));
    assert.ok(!rows.some((r) => r.subject_code === lost), 'a rolled-back change left an event');
  });

  it('records an event with a unique key once', async () => {
    const code = subject();
    const once = { ...removal(code, 'u1'), uniqueKey: `test:${code}` };
    const first = await inPgTransaction(tdb.db.pool, (sql) => recordEvent(sql, once));
    const second = await inPgTransaction(tdb.db.pool, (sql) => recordEvent(sql, once));
    assert.ok(first);
    assert.equal(second, null);
    const { rows } = await tdb.db.pool.query('SELECT 1 FROM tax.outbox WHERE subject_code = $1', [code]);
    assert.equal(rows.length, 1);
  });
});

describe('relay and consumers', () => {
  it('moves committed events to the bus in order and hands each to a consumer once, replays included', async () => {
    const { consumer, rows } = await receiptTable('receipts_a');
    const a = subject();
    const b = subject();
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [removal(a, 'a1'), removal(b, 'b1'), removal(a, 'a2')]),
    );
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [removal(a, 'a3'), { ...removal(b, 'b2'), source: 'court', department: 'court' }]),
    );
    await relayAll(tdb.db.pool);
    assert.deepEqual(
      Object.values(await outboxBacklog(tdb.db.pool)).filter((n) => n > 0),
      [],
    );
    await drainConsumer(tdb.db.pool, consumer);
    const got = await rows();
    assert.deepEqual(
      got.filter((r) => r.subject === a).map((r) => r.entry),
      ['a1', 'a2', 'a3'],
    );
    assert.deepEqual(
      got.filter((r) => r.subject === b).map((r) => r.entry),
      ['b1', 'b2'],
    );
    // Replay from the start of the bus: every id has been seen, nothing is handled twice.
    await tdb.db.pool.query('UPDATE events.cursor SET position = 0 WHERE consumer = $1', [consumer.name]);
    assert.equal(await drainConsumer(tdb.db.pool, consumer), 0);
    assert.equal((await rows()).length, got.length);
    assert.equal(await consumerLag(tdb.db.pool, consumer.name), 0);
  });

  // A consumer of a rare type (a department's repair consumer) behind a long run of other events: one transaction
  // moves its cursor over ten batches' worth of positions, the filter in PostgreSQL, and a running consumer goes on
  // at once after a run that only passed events over. It used to read 200 payloads a transaction and then sleep its
  // poll interval as if idle: this test's consumer polls once a minute, so that would hang here.
  it('passes over other types in PostgreSQL, and a running consumer does not sleep after passing them', async () => {
    const { consumer, rows } = await receiptTable('receipts_rare');
    const small = { ...consumer, batchSize: 50 };
    await drainConsumer(tdb.db.pool, small); // past what earlier tests left on the bus
    const code = subject();
    const added = (n: number): NewEvent<'list.entry.added'> => ({
      source: 'tax',
      type: 'list.entry.added',
      department: 'tax',
      subjectCode: code,
      payload: { list: 'MAJOR_TAX_VIOLATOR', entryId: `n${n}`, listedOn: '2026-03-15', endsOn: null, authority: null },
    });
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [
        ...Array.from({ length: 300 }, (_, i) => added(i)),
        removal(code, 'r1'),
        ...Array.from({ length: 150 }, (_, i) => added(300 + i)),
        removal(code, 'r2'),
        ...Array.from({ length: 1_000 }, (_, i) => added(450 + i)),
      ]),
    );
    await relayAll(tdb.db.pool);
    const first = await runConsumerOnce(tdb.db.pool, small);
    assert.equal(first.handled, 2, 'both wanted events within the first 500 positions');
    assert.equal(first.passed, 498, 'the other events of the scanned 500 positions');
    assert.deepEqual(
      (await rows()).filter((r) => r.subject === code).map((r) => r.entry),
      ['r1', 'r2'],
    );
    assert.equal(await consumerLag(tdb.db.pool, small.name), 952);

    const running = startConsumer(tdb.db.pool, small, { pollMs: 60_000, listen: false });
    try {
      await running.caughtUp();
      assert.equal(await consumerLag(tdb.db.pool, small.name), 0);
    } finally {
      await running.stop();
    }
    assert.equal((await rows()).filter((r) => r.subject === code).length, 2);
  });

  it('retries a failing handler in order, then dead-letters the event and goes on', async () => {
    const code = subject();
    await tdb.db.pool.query('CREATE TABLE public.receipts_f (entry text)');
    let failures = 0;
    const consumer: ConsumerDefinition = {
      name: 'test.failing',
      types: ['list.entry.removed'],
      maxAttempts: 3,
      retryDelayMs: () => 0,
      async handle(event, sql) {
        const entry = (event.payload as { entryId: string }).entryId;
        if (event.subjectCode !== code) return;
        if (entry === 'bad') {
          failures += 1;
          throw new Error('receiver refused');
        }
        await sql.execute('INSERT INTO public.receipts_f (entry) VALUES ($1)', [entry]);
      },
    };
    await drainConsumer(tdb.db.pool, consumer); // past what earlier tests left on the bus
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [removal(code, 'before'), removal(code, 'bad'), removal(code, 'after')]),
    );
    await relayAll(tdb.db.pool);
    await drainConsumer(tdb.db.pool, consumer); // handles `before`, fails `bad` (attempt 1), waits
    let entries = (await tdb.db.pool.query<{ entry: string }>('SELECT entry FROM public.receipts_f')).rows.map(
      (r) => r.entry,
    );
    assert.deepEqual(entries, ['before'], 'the event after a failing one waits for it');
    await drainConsumer(tdb.db.pool, consumer); // attempt 2
    await drainConsumer(tdb.db.pool, consumer); // attempt 3: dead letter, then `after`
    entries = (await tdb.db.pool.query<{ entry: string }>('SELECT entry FROM public.receipts_f')).rows.map(
      (r) => r.entry,
    );
    assert.deepEqual(entries, ['before', 'after']);
    assert.equal(failures, 3);
    const dead = await tdb.db.pool.query('SELECT attempts, last_error FROM events.dead_letter WHERE consumer = $1', [
      consumer.name,
    ]);
    assert.deepEqual(dead.rows, [{ attempts: 3, last_error: 'receiver refused' }]);
  });

  it('fans out a batch in one call, and isolates a failing event of it to retry and dead letter', async () => {
    const code = subject();
    await tdb.db.pool.query('CREATE TABLE public.receipts_batch (entry text, via text)');
    const batches: number[] = [];
    let failures = 0;
    const write = (sql: Sql, events: readonly DeliveredEvent[], via: string) =>
      sql.execute(`INSERT INTO public.receipts_batch (entry, via) SELECT unnest($1::text[]), $2`, [
        events.map((e) => (e.payload as { entryId: string }).entryId),
        via,
      ]);
    const refuse = (events: readonly DeliveredEvent[]) => {
      if (events.some((e) => (e.payload as { entryId: string }).entryId === 'bad')) throw new Error('bad entry');
    };
    const consumer: ConsumerDefinition = {
      name: 'test.batched',
      types: ['list.entry.removed'],
      batchSize: 50,
      maxAttempts: 2,
      retryDelayMs: () => 0,
      async handle(event, sql) {
        if (event.subjectCode !== code) return;
        try {
          refuse([event]);
        } catch (error) {
          failures += 1;
          throw error;
        }
        await write(sql, [event], 'one');
      },
      async handleBatch(events, sql) {
        const mine = events.filter((e) => e.subjectCode === code);
        batches.push(mine.length);
        refuse(mine);
        await write(sql, mine, 'batch');
      },
    };
    await drainConsumer(tdb.db.pool, consumer); // past what earlier tests left on the bus
    batches.length = 0;
    const entries = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => removal(code, `e${String(from + i).padStart(3, '0')}`));
    await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, entries(0, 120)));
    await relayAll(tdb.db.pool);
    assert.equal(await drainConsumer(tdb.db.pool, consumer), 120);
    assert.deepEqual(batches, [50, 50, 20], 'three calls for 120 events, not 120');
    const rows = async () =>
      (await tdb.db.pool.query<{ entry: string; via: string }>('SELECT entry, via FROM public.receipts_batch')).rows;
    assert.deepEqual(
      (await rows()).map((r) => r.entry),
      entries(0, 120).map((e) => e.payload.entryId),
      'in bus order',
    );

    // A batch holding a bad event: rolled back, then run one by one — the events before it commit, it is retried
    // alone and dead-lettered, and the events after it go on.
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [...entries(200, 3), removal(code, 'bad'), ...entries(300, 3)]),
    );
    await relayAll(tdb.db.pool);
    await drainConsumer(tdb.db.pool, consumer); // e200–e202 commit; `bad` fails (attempt 1) and holds the rest
    assert.deepEqual(
      (await rows()).slice(120).map((r) => `${r.entry}/${r.via}`),
      ['e200/one', 'e201/one', 'e202/one'],
    );
    await drainConsumer(tdb.db.pool, consumer); // attempt 2: dead letter, then e300–e302
    assert.deepEqual(
      (await rows()).slice(123).map((r) => r.entry),
      ['e300', 'e301', 'e302'],
    );
    assert.equal(failures, 2);
    const dead = await tdb.db.pool.query('SELECT attempts, last_error FROM events.dead_letter WHERE consumer = $1', [
      consumer.name,
    ]);
    assert.deepEqual(dead.rows, [{ attempts: 2, last_error: 'bad entry' }]);
    // Replayed from the start: nothing is handled twice (dedup by id holds for batches; the dead letter, never
    // consumed, is tried again and refused again).
    await tdb.db.pool.query('UPDATE events.cursor SET position = 0 WHERE consumer = $1', [consumer.name]);
    assert.equal(await drainConsumer(tdb.db.pool, consumer), 0);
    assert.equal((await rows()).length, 126);
  });

  it('runs as a backbone: committed events reach a running consumer, settle() waits for them', async () => {
    const { consumer, rows } = await receiptTable('receipts_b');
    const backbone = await startEventBackbone(tdb.db.pool, { consumers: [consumer], pollMs: 50 });
    try {
      const code = subject();
      await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, [removal(code, 'x1'), removal(code, 'x2')]));
      await backbone.settle();
      assert.deepEqual(
        (await rows()).filter((r) => r.subject === code).map((r) => r.entry),
        ['x1', 'x2'],
      );
    } finally {
      await backbone.stop();
    }
  });

  it('gathers what commits shortly after a wake-up into the same relay pass', async () => {
    // No poll during the test: only the writers' NOTIFY wakes the relay, and it then waits gatherMs before moving.
    const backbone = await startEventBackbone(tdb.db.pool, { pollMs: 600_000, gatherMs: 2_000 });
    try {
      const code = subject();
      // Two requests committing 200 ms apart: the first one's NOTIFY wakes the relay, which without the wait would
      // move the first event alone long before the second commits.
      const [first] = await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, [removal(code, 'g1')]));
      await new Promise((r) => setTimeout(r, 200));
      const [second] = await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, [removal(code, 'g2')]));
      const moved = async () =>
        (
          await tdb.db.pool.query<{ xmin: string }>('SELECT xmin::text FROM events.event WHERE id = ANY($1::uuid[])', [
            [first!.id, second!.id],
          ])
        ).rows;
      for (let i = 0; i < 100 && (await moved()).length < 2; i += 1) await new Promise((r) => setTimeout(r, 50));
      const rows = await moved();
      assert.equal(rows.length, 2, 'both events reached the bus');
      // One relay transaction wrote both.
      assert.equal(new Set(rows.map((r) => r.xmin)).size, 1);
    } finally {
      await backbone.stop();
    }
  });

  // The hub runs more consumers than its events pool has connections (apps/hub/src/events.ts). A listening
  // connection per consumer used to take the whole pool, and settle() then waited for ever for a batch connection.
  // The timeout only turns such a hang into a failure; nothing here measures speed.
  it(
    'runs more consumers than its pool has connections, holding one listening connection',
    { timeout: 120_000 },
    async () => {
      const small = new pg.Pool({ connectionString: tdb.url, max: 2, application_name: 'events-small-pool' });
      const tables = await Promise.all(['receipts_p1', 'receipts_p2', 'receipts_p3', 'receipts_p4'].map(receiptTable));
      const backbone = await startEventBackbone(small, { consumers: tables.map((t) => t.consumer), pollMs: 50 });
      try {
        const code = subject();
        await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, [removal(code, 'p1'), removal(code, 'p2')]));
        await backbone.settle();
        for (const table of tables)
          assert.deepEqual(
            (await table.rows()).filter((r) => r.subject === code).map((r) => r.entry),
            ['p1', 'p2'],
          );
        const listening = await tdb.db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'events-small-pool' AND query LIKE 'LISTEN%'`,
        );
        assert.equal(listening.rows[0]!.n, 1);
      } finally {
        await backbone.stop();
        await small.end();
      }
    },
  );
  it('holds a batched consumer at a failing event: nothing after it, of any subject, is handled before it', async () => {
    // The bus twin of the NATS test (events.nats.test.ts): the same events, the same failures.
    const c = subject();
    const d = subject();
    await tdb.db.pool.query('CREATE TABLE public.receipts_order (seq bigserial, subject text, entry text)');
    let failures = 0;
    const handle = async (event: DeliveredEvent, sql: Sql) => {
      if (event.subjectCode !== c && event.subjectCode !== d) return;
      const entry = (event.payload as { entryId: string }).entryId;
      if (entry === 'c2' && failures < 3) {
        failures += 1;
        throw new Error('receiver refused');
      }
      await sql.execute('INSERT INTO public.receipts_order (subject, entry) VALUES ($1, $2)', [
        event.subjectCode,
        entry,
      ]);
    };
    const consumer: ConsumerDefinition = {
      name: 'test.order',
      types: ['list.entry.removed'],
      batchSize: 10,
      maxAttempts: 5,
      retryDelayMs: () => 0,
      handle,
      async handleBatch(events, sql) {
        for (const event of events) await handle(event, sql);
      },
    };
    await drainConsumer(tdb.db.pool, consumer); // past what earlier tests left on the bus
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [removal(c, 'c1'), removal(d, 'd1'), removal(c, 'c2'), removal(d, 'd2'), removal(c, 'c3')]),
    );
    await relayAll(tdb.db.pool);
    const got = async () =>
      (await tdb.db.pool.query<{ entry: string }>('SELECT entry FROM public.receipts_order ORDER BY seq')).rows.map(
        (r) => r.entry,
      );
    let blocked = 0;
    for (let round = 0; round < 10 && (await got()).length < 5; round++) {
      const run = await runConsumerOnce(tdb.db.pool, consumer);
      if (run.blocked) blocked += 1;
      const so = await got();
      assert.deepEqual(so, ['c1', 'd1', 'c2', 'd2', 'c3'].slice(0, so.length), `round ${round}: ${so.join()}`);
    }
    assert.deepEqual(await got(), ['c1', 'd1', 'c2', 'd2', 'c3']);
    assert.equal(failures, 3);
    assert.equal(blocked, 2, 'stopped at c2 on each of its failures alone');
  });
});

describe('time-made events', () => {
  it('emits one event for a term that ends at midnight, however often and wherever the job runs', async () => {
    await tdb.db.pool.query('CREATE TABLE public.terms (id text, subject text, ends_on date)');
    const code = subject();
    // The term's last day is 2026-03-15: from 2026-03-16 (Beijing) the entry is no longer listed.
    await tdb.db.pool.query(`INSERT INTO public.terms VALUES ('t1', $1, '2026-03-15')`, [code]);
    const rule: TimeEventRule = {
      name: 'test.term-ended',
      source: 'tax',
      type: 'list.entry.removed',
      async due(sql, { since, today }) {
        const rows = (await sql.rows(
          `SELECT id, subject, to_char(ends_on + 1, 'YYYY-MM-DD') AS day FROM public.terms
            WHERE ends_on + 1 > $1::date AND ends_on + 1 <= $2::date`,
          [since.toISOString().slice(0, 10), today.toISOString().slice(0, 10)],
        )) as { id: string; subject: string; day: string }[];
        return rows.map((r) => ({
          type: 'list.entry.removed' as const,
          department: 'tax',
          subjectCode: r.subject,
          endingKey: `${r.id}:${r.day}`,
          payload: {
            list: 'MAJOR_TAX_VIOLATOR' as const,
            entryId: r.id,
            removedOn: r.day,
            cause: 'TERM_ENDED' as const,
            ground: null,
          },
        }));
      },
    };
    const count = async () =>
      (
        await tdb.db.pool.query(
          `SELECT 1 FROM tax.outbox WHERE subject_code = $1 AND payload->>'cause' = 'TERM_ENDED'`,
          [code],
        )
      ).rows.length;
    // 23:59:59 Beijing on the last day: still listed, nothing to announce.
    let restore = fixClock('2026-03-15T15:59:59Z');
    try {
      await emitTimeEvents(tdb.db.pool, [rule]);
      assert.equal(await count(), 0);
    } finally {
      restore();
    }
    // Midnight Beijing: the term has ended; the job runs, runs again, and runs in two places at once.
    restore = fixClock('2026-03-15T16:00:00Z');
    try {
      const [first] = await emitTimeEvents(tdb.db.pool, [rule]);
      assert.deepEqual(first, { rule: 'test.term-ended', found: 1, recorded: 1 });
      await Promise.all([emitTimeEvents(tdb.db.pool, [rule]), emitTimeEvents(tdb.db.pool, [rule])]);
      assert.equal(await count(), 1);
    } finally {
      restore();
    }
    // The next days (within the look-back) find the same ending and record nothing new.
    restore = fixClock('2026-03-18T09:00:00Z');
    try {
      const [later] = await emitTimeEvents(tdb.db.pool, [rule]);
      assert.deepEqual(later, { rule: 'test.term-ended', found: 1, recorded: 0 });
      assert.equal(await count(), 1);
    } finally {
      restore();
    }
  });
});
