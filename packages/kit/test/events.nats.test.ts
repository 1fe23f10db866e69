/**
 * The NATS JetStream tier of the event backbone (runs only where TEST_NATS_URL names a JetStream server: CI's
 * integration pass). Each run uses a stream and subject prefix of its own and deletes them at the end.
 *
 * The broker itself is the machine's service, which a test may not restart; its loss is simulated with a TCP proxy
 * that this file starts and stops between the relay and the broker: to the client it is exactly a broker that went
 * away (connections dropped, connects refused) and came back on the same address.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { inPgTransaction, type Sql } from '../src/db/index.ts';
import { outboxBacklog, recordEvents, type DeliveredEvent, type NewEvent } from '../src/events/index.ts';
import { connectNats, relayAllToNats, runNatsConsumerOnce, type NatsBus } from '../src/events/nats.ts';
import { createTestDatabase, makeUscc, type TestDatabase } from '../src/testing/index.ts';

const natsUrl = process.env.TEST_NATS_URL!;
const target = new URL(natsUrl.replace(/^nats:/, 'http:'));
const run = randomBytes(4).toString('hex');
const busOptions = { stream: `CREDIT_TEST_${run}`, prefix: `credit_test_${run}`, timeoutMs: 1500 };

/** A TCP proxy in front of the broker that can be taken down (all connections cut) and brought back. */
function brokerProxy() {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  let port = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 4222), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  return { up, down, url: () => `nats://127.0.0.1:${port}` };
}

let tdb: TestDatabase;
const proxy = brokerProxy();
let bus: NatsBus;
before(async () => {
  tdb = await createTestDatabase();
  await proxy.up();
  bus = await connectNats(proxy.url(), busOptions);
});
after(async () => {
  const admin = await connectNats(natsUrl, busOptions);
  await admin.jsm.streams.delete(busOptions.stream).catch(() => undefined);
  await admin.close();
  await bus.close().catch(() => undefined);
  await proxy.down().catch(() => undefined);
  await tdb.drop();
});

let serial = 0;
const subject = () => makeUscc('91', '330100', String(60_000_000 + ++serial).slice(0, 8));
const removal = (subjectCode: string, entryId: string, source: 'tax' | 'court' = 'tax'): NewEvent => ({
  source,
  type: 'list.entry.removed',
  department: source,
  subjectCode,
  payload: {
    list: source === 'tax' ? 'MAJOR_TAX_VIOLATOR' : 'DISHONEST_DEBTOR',
    entryId,
    removedOn: '2026-03-15',
    cause: 'REMOVED',
    ground: null,
  },
});

const streamCount = async () => (await bus.jsm.streams.info(busOptions.stream)).state.messages;
const backlog = async () => Object.values(await outboxBacklog(tdb.db.pool)).reduce((a, b) => a + b, 0);

async function receipts(table: string) {
  await tdb.db.pool.query(
    `CREATE TABLE IF NOT EXISTS public.${table} (seq bigserial, event_id uuid, subject text, entry text)`,
  );
  return async () =>
    (
      await tdb.db.pool.query<{ event_id: string; subject: string; entry: string }>(
        `SELECT * FROM public.${table} ORDER BY seq`,
      )
    ).rows;
}
const writeReceipt = (table: string) => async (event: DeliveredEvent, sql: Sql) => {
  await sql.execute(`INSERT INTO public.${table} (event_id, subject, entry) VALUES ($1, $2, $3)`, [
    event.id,
    event.subjectCode,
    (event.payload as { entryId: string }).entryId,
  ]);
};

describe('relay to NATS JetStream', () => {
  const a = subject();
  const b = subject();

  it('publishes committed outbox rows once each, and a second relay adds nothing', async () => {
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [removal(a, 'a1'), removal(b, 'b1', 'court'), removal(a, 'a2')]),
    );
    assert.equal(await relayAllToNats(tdb.db.pool, bus), 3);
    assert.equal(await relayAllToNats(tdb.db.pool, bus), 0);
    assert.equal(await streamCount(), 3);
    assert.equal(await backlog(), 0);
  });

  it('dedupes a republished event by its id (Nats-Msg-Id)', async () => {
    // A relay that published but lost its transaction publishes the same rows again: JetStream keeps one copy.
    await tdb.db.pool.query(`UPDATE tax.outbox SET relayed_at = NULL`);
    assert.equal(await relayAllToNats(tdb.db.pool, bus), 2);
    assert.equal(await streamCount(), 3);
  });

  it('loses nothing while the broker is down, and relays the backlog when it is back', async () => {
    await proxy.down();
    await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, [removal(a, 'a3'), removal(b, 'b2', 'court')]));
    await assert.rejects(relayAllToNats(tdb.db.pool, bus));
    assert.equal(await backlog(), 2, 'the events wait in the outboxes');
    await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, [removal(a, 'a4')]));
    await proxy.up();
    // The client reconnects by itself; the relay is retried as its loop would, a bounded number of times.
    let relayed = 0;
    for (let attempt = 0; attempt < 40 && (await backlog()) > 0; attempt++) {
      relayed += await relayAllToNats(tdb.db.pool, bus).catch(async () => {
        await new Promise((r) => setTimeout(r, 250));
        return 0;
      });
    }
    assert.equal(relayed, 3);
    assert.equal(await backlog(), 0);
    assert.equal(await streamCount(), 6);
  });

  it('hands every event to a durable consumer once, in order per subject, across a consumer restart', async () => {
    const rows = await receipts('nats_receipts');
    let crash = true;
    const consumer = {
      name: 'test.nats-receipts',
      types: ['list.entry.removed' as const],
      batchSize: 10,
      async handle(event: DeliveredEvent, sql: Sql) {
        await writeReceipt('nats_receipts')(event, sql);
        // The process dies after committing the batch holding a2 and before acknowledging it: JetStream redelivers
        // the batch after the ack wait, and the consumer's dedup by event id must drop every one of them.
        if (crash && (event.payload as { entryId: string }).entryId === 'a2') {
          crash = false;
          await bus.close();
        }
      },
    };
    await assert.rejects(runNatsConsumerOnce(tdb.db.pool, bus, consumer, { ackWaitMs: 1000 }));
    // What the crashed process committed but never acknowledged: JetStream must redeliver exactly these.
    const committedUnacked = (await rows()).length;
    assert.ok(committedUnacked >= 3, 'the crash came after a2 was committed');
    // Restart: a new connection, the same durable consumer.
    bus = await connectNats(proxy.url(), busOptions);
    let duplicates = 0;
    for (let attempt = 0; attempt < 30 && (await rows()).length < 6; attempt++) {
      const result = await runNatsConsumerOnce(tdb.db.pool, bus, consumer, { ackWaitMs: 1000, expiresMs: 1000 });
      duplicates += result.duplicates;
    }
    // Drain what is left (the redelivered a2 may come after the rest).
    for (let attempt = 0; attempt < 10 && duplicates < committedUnacked; attempt++)
      duplicates += (await runNatsConsumerOnce(tdb.db.pool, bus, consumer, { ackWaitMs: 1000, expiresMs: 1000 }))
        .duplicates;
    const got = await rows();
    assert.deepEqual(
      got.filter((r) => r.subject === a).map((r) => r.entry),
      ['a1', 'a2', 'a3', 'a4'],
    );
    assert.deepEqual(
      got.filter((r) => r.subject === b).map((r) => r.entry),
      ['b1', 'b2'],
    );
    assert.equal(new Set(got.map((r) => r.event_id)).size, got.length, 'no event handled twice');
    assert.equal(duplicates, committedUnacked, 'every redelivered event was recognised by its id');
    // Counts reconcile: outbox rows = stream messages = consumed ids = receipts.
    const outbox = await tdb.db.pool.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM tax.outbox) + (SELECT count(*) FROM court.outbox) AS n`,
    );
    const consumed = await tdb.db.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM events.consumed WHERE consumer = $1',
      [consumer.name],
    );
    assert.equal(Number(outbox.rows[0]!.n), 6);
    assert.equal(await streamCount(), 6);
    assert.equal(Number(consumed.rows[0]!.n), 6);
    assert.equal(got.length, 6);
  });
});

describe('a failing event on NATS holds its consumer, as on the bus', () => {
  const entry = (e: DeliveredEvent) => (e.payload as { entryId: string }).entryId;

  it('never lets later events of the batch overtake it, across a reconnect, and handles it in its place', async () => {
    const c = subject();
    const d = subject();
    const rows = await receipts('nats_order');
    let failures = 0;
    const handle = async (event: DeliveredEvent, sql: Sql) => {
      // c2 fails three times (in the batch, alone, once more on its retry), then succeeds: the events after it (d2,
      // c3) must wait for it although JetStream would redeliver them first (put back without delay, or fetched anew
      // while c2 waits out its backoff).
      if (entry(event) === 'c2' && failures < 3) {
        failures += 1;
        throw new Error('receiver refused');
      }
      await writeReceipt('nats_order')(event, sql);
    };
    const consumer = {
      name: 'test.nats-order',
      types: ['list.entry.removed' as const],
      batchSize: 10,
      maxAttempts: 5,
      retryDelayMs: () => 300,
      handle,
      async handleBatch(events: readonly DeliveredEvent[], sql: Sql) {
        for (const event of events) await handle(event, sql);
      },
    };
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [removal(c, 'c1'), removal(d, 'd1'), removal(c, 'c2'), removal(d, 'd2'), removal(c, 'c3')]),
    );
    assert.equal(await relayAllToNats(tdb.db.pool, bus), 5);
    const mine = async () => (await rows()).filter((r) => r.subject === c || r.subject === d).map((r) => r.entry);
    let held = 0;
    let blocked = 0;
    let reconnected = false;
    for (let attempt = 0; attempt < 60 && (await mine()).length < 5; attempt++) {
      const result = await runNatsConsumerOnce(tdb.db.pool, bus, consumer, { ackWaitMs: 5000, expiresMs: 1000 });
      held += result.held;
      if (result.blocked) blocked += 1;
      if (result.blocked && !reconnected) {
        // Another process takes over (a new connection, the same durable consumer): the hold is in Postgres.
        reconnected = true;
        await bus.close();
        bus = await connectNats(proxy.url(), busOptions);
      }
      // Whatever has been handled so far is a prefix of the bus order: nothing after c2 before c2.
      const got = await mine();
      assert.deepEqual(got, ['c1', 'd1', 'c2', 'd2', 'c3'].slice(0, got.length), `attempt ${attempt}: ${got.join()}`);
    }
    assert.deepEqual(await mine(), ['c1', 'd1', 'c2', 'd2', 'c3']);
    assert.equal(failures, 3);
    assert.equal(blocked, 2, 'stopped at c2 on each of its failures alone');
    assert.ok(held >= 2, 'd2 and c3 were put back unhandled at least once');
    const left = await tdb.db.pool.query('SELECT 1 FROM events.failure WHERE consumer = $1', [consumer.name]);
    assert.equal(left.rows.length, 0, 'the failure is cleared once c2 is handled');
  });

  it('dead-letters an event after its attempts and goes on in order', async () => {
    const e = subject();
    const rows = await receipts('nats_dead');
    let failures = 0;
    const consumer = {
      name: 'test.nats-dead',
      types: ['list.entry.removed' as const],
      batchSize: 10,
      maxAttempts: 2,
      retryDelayMs: () => 100,
      async handle(event: DeliveredEvent, sql: Sql) {
        if (entry(event) === 'e2') {
          failures += 1;
          throw new Error('never accepted');
        }
        await writeReceipt('nats_dead')(event, sql);
      },
    };
    await inPgTransaction(tdb.db.pool, (sql) =>
      recordEvents(sql, [removal(e, 'e1'), removal(e, 'e2'), removal(e, 'e3')]),
    );
    await relayAllToNats(tdb.db.pool, bus);
    const mine = async () => (await rows()).filter((r) => r.subject === e).map((r) => r.entry);
    let dead = 0;
    for (let attempt = 0; attempt < 40 && (await mine()).length < 2; attempt++)
      dead += (await runNatsConsumerOnce(tdb.db.pool, bus, consumer, { ackWaitMs: 5000, expiresMs: 1000 })).dead;
    assert.deepEqual(await mine(), ['e1', 'e3']);
    assert.equal(failures, 2);
    assert.equal(dead, 1);
    const letters = await tdb.db.pool.query('SELECT attempts, last_error FROM events.dead_letter WHERE consumer = $1', [
      consumer.name,
    ]);
    assert.deepEqual(letters.rows, [{ attempts: 2, last_error: 'never accepted' }]);
  });
});
