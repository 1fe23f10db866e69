import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import { DEFAULT_CONFIG, startPushSubgraph, type IncomingEvent, type PushService } from '../src/index.ts';
import { startReceiver, type Receiver } from './receiver.ts';

// The dispatcher as production runs it — its own process (src/main.ts) — killed with SIGKILL in the middle of a
// batch and started again: no event is lost, no subject's event is delivered before its previous one, and the only
// duplicates are deliveries the receiver answered but the killed process never recorded (the receiver drops them
// by webhook-id).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SUBJECTS = Array.from({ length: 10 }, (_, i) => `91350100MA2Y0000${String(i).padStart(2, '0')}`);
const EVENTS = 150;

let tdb: TestDatabase;
let service: PushService;
let receiver: Receiver;
const children: ChildProcess[] = [];

/** Waits for a condition the test needs before it goes on (not a timing assertion: the limit only ends a hang). */
async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 120_000) {
  const deadline = performance.now() + limitMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function startDispatcherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'subgraphs/push/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: tdb.url,
      INTERNAL_IDENTITY_SECRET: TEST_INTERNAL_SECRET,
      PUSH_PORT: '0',
      PUSH_CONCURRENCY: '8',
      PUSH_TIMEOUT_MS: '1000',
      PUSH_LEASE_SECONDS: '2',
      PUSH_POLL_MS: '50',
      PUSH_ALLOW_PRIVATE_URLS: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

before(async () => {
  tdb = await createTestDatabase();
  service = await startPushSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { ...DEFAULT_CONFIG, dispatch: false, allowPrivateUrls: true },
  });
  // A receiver that takes its time, so that a batch is always in flight when the dispatcher is killed.
  receiver = await startReceiver(
    () => ({ status: 200, delayMs: 15 }),
    () => new Date().getTime(),
  );
});

after(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await receiver.close();
  await service.close();
  await tdb.drop();
});

describe('a dispatcher killed in the middle of a batch', () => {
  it('loses nothing and keeps every subject in order after it is started again', async () => {
    const { body } = await postAs(
      service.url,
      callers.admin(),
      `mutation ($input: CreatePushSubscriptionInput!) { createPushSubscription(input: $input) { secret } }`,
      {
        input: {
          name: '某信用服务机构接收端',
          ownerKind: 'CREDIT_SERVICE',
          serviceName: '某信用服务机构',
          url: receiver.url,
          eventTypes: ['list.entry.added'],
        },
      },
    );
    assert.equal(body.errors, undefined);
    receiver.secret = (body.data as { createPushSubscription: { secret: string } }).createPushSubscription.secret;
    const events: IncomingEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
      id: randomUUID(),
      type: 'list.entry.added',
      subjectCode: SUBJECTS[i % SUBJECTS.length]!,
      department: 'market',
      occurredAt: new Date(),
      version: 1,
      payload: { n: i },
    }));
    assert.equal(await service.take(events), EVENTS);

    const first = startDispatcherProcess();
    await until(() => receiver.accepted.length >= EVENTS / 3, 'a third of the events delivered');
    first.kill('SIGKILL');
    await exited(first);
    const deliveredBefore = await tdb.db.prisma.pushDelivery.count({ where: { status: 'DELIVERED' } });
    assert.ok(deliveredBefore < EVENTS, 'killed before the end');

    const second = startDispatcherProcess();
    await until(
      async () => (await tdb.db.prisma.pushDelivery.count({ where: { status: 'DELIVERED' } })) === EVENTS,
      'every delivery recorded after the restart',
    );
    second.kill('SIGTERM');
    await exited(second);

    assert.equal(receiver.accepted.length, EVENTS);
    assert.ok(receiver.arrivals.every((a) => a.verified));
    for (const subject of SUBJECTS) {
      const expected = events.filter((e) => e.subjectCode === subject).map((e) => e.id);
      assert.deepEqual(
        receiver.accepted.filter((a) => a.subjectCode === subject).map((a) => a.id),
        expected,
        subject,
      );
      const arrivals = receiver.arrivals.filter((a) => a.subjectCode === subject);
      for (let k = 1; k < expected.length; k += 1) {
        const firstOfNext = arrivals.findIndex((a) => a.id === expected[k]);
        const acceptedPrevious = arrivals.findIndex((a) => a.id === expected[k - 1]);
        assert.ok(acceptedPrevious < firstOfNext, `${subject}: event ${k} arrived before event ${k - 1}`);
      }
    }
    // Duplicates are only of events already accepted (answered, not recorded by the killed process).
    const duplicates = receiver.arrivals.length - receiver.accepted.length;
    const accepted = new Set(receiver.accepted.map((a) => a.id));
    assert.ok(receiver.arrivals.every((a) => accepted.has(a.id)));
    assert.ok(duplicates <= 8, `at most one batch (PUSH_CONCURRENCY) sent twice, got ${duplicates}`);
  });
});
