import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setClock } from '@credit-hub/kit';
import { drainConsumer, relayAll } from '@credit-hub/kit/events';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import {
  createDispatcher,
  DEFAULT_CONFIG,
  MAX_ATTEMPTS,
  pushConsumer,
  RETRY_DELAYS_SECONDS,
  startPushSubgraph,
  type Dispatcher,
  type IncomingEvent,
  type PushConfig,
  type PushService,
} from '../src/index.ts';
import { startReceiver, type Behaviour, type Receiver } from './receiver.ts';

// The push subgraph in process over real HTTP against a real Postgres clone, delivering to real HTTP receivers on
// loopback. The hub clock is a fake one the tests move: the retry schedule runs in no real time. The dispatcher is
// driven by `runOnce` (everything due now), with jitter fixed at its middle so that each wait is the nominal one.

let now = Date.parse('2026-06-01T02:00:00Z');
const restoreClock = setClock({ now: () => new Date(now) });
const advance = (ms: number) => {
  now += ms;
};

const CONFIG: PushConfig = {
  ...DEFAULT_CONFIG,
  dispatch: false,
  allowPrivateUrls: true,
  timeoutMs: 400,
  leaseMs: 60_000,
  concurrency: 8,
};

let tdb: TestDatabase;
let service: PushService;
let strict: PushService;
let dispatcher: Dispatcher;
const receivers: Receiver[] = [];

before(async () => {
  tdb = await createTestDatabase();
  service = await startPushSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET, config: CONFIG });
  // The same subgraph as production runs it: no private webhook URLs.
  strict = await startPushSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { ...CONFIG, allowPrivateUrls: false },
  });
  dispatcher = createDispatcher(tdb.db, CONFIG, { random: () => 0.5 });
});

after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await service.close();
  await strict.close();
  await tdb.drop();
  restoreClock();
});

const admin = callers.admin();

async function gql(query: string, variables: Record<string, unknown> = {}, who = admin, url = service.url) {
  const { body } = await postAs(url, who, query, variables);
  return body;
}

const CREATE = `mutation ($input: CreatePushSubscriptionInput!) {
  createPushSubscription(input: $input) { secret subscription { id status url eventTypes department serviceName } }
}`;

/** A receiver and a subscription of its URL for `types`; revoked at the end of its test by `done`. */
async function subscribed(types: string[], behaviour: Behaviour, owner: Record<string, unknown> = {}) {
  const receiver = await startReceiver(behaviour, () => now);
  receivers.push(receiver);
  const body = await gql(CREATE, {
    input: {
      name: '测试接收系统',
      ownerKind: 'DEPARTMENT',
      department: 'market',
      url: receiver.url,
      eventTypes: types,
      ...owner,
    },
  });
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const created = (body.data as { createPushSubscription: { secret: string; subscription: { id: string } } })
    .createPushSubscription;
  receiver.secret = created.secret;
  return {
    receiver,
    id: created.subscription.id,
    done: async () => {
      await gql(`mutation ($id: ID!) { revokePushSubscription(id: $id) { status } }`, { id: created.subscription.id });
    },
  };
}

let n = 0;
function event(type: string, subjectCode: string, payload: Record<string, unknown> = {}): IncomingEvent {
  n += 1;
  return {
    id: randomUUID(),
    type,
    subjectCode,
    department: 'market',
    occurredAt: new Date(now - 1000 + n),
    version: 1,
    payload,
  };
}

const deliveryState = async (subscriptionId: string) =>
  tdb.db.prisma.pushDelivery.findMany({ where: { subscriptionId }, orderBy: { eventSeq: 'asc' } });

describe('subscriptions', () => {
  it('are created by administrators with the secret shown once, and listed without it', async () => {
    const { id, done, receiver } = await subscribed(['list.entry.removed'], () => ({ status: 204 }));
    assert.match(receiver.secret, /^whsec_/);
    const body = await gql(`{ pushSubscriptions { id status url eventTypes backlog } }`);
    assert.deepEqual(body.data, {
      pushSubscriptions: [{ id, status: 'ACTIVE', url: receiver.url, eventTypes: ['list.entry.removed'], backlog: 0 }],
    });
    const audit = await tdb.db.prisma.auditEntry.findMany({
      where: { fields: { contains: 'createPushSubscription' } },
    });
    assert.equal(audit.length, 1);
    await done();
  });

  it('are refused to anyone but an administrator', async () => {
    const body = await gql(
      CREATE,
      {
        input: {
          name: 'x系统',
          ownerKind: 'DEPARTMENT',
          department: 'tax',
          url: 'https://a.example/',
          eventTypes: ['rating.changed'],
        },
      },
      callers.officer('tax'),
    );
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('refuse bad input naming the field and the rule', async () => {
    const input = {
      name: '税务系统',
      ownerKind: 'DEPARTMENT',
      department: 'tax',
      url: 'https://a.example/h',
      eventTypes: ['rating.changed'],
    };
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ url: 'ftp://a.example/' }, 'input.url', 'SCHEME', service.url],
      [{ eventTypes: ['rating.changed', 'rating.changd'] }, 'input.eventTypes[1]', 'UNKNOWN_EVENT_TYPE', service.url],
      [{ eventTypes: [] }, 'input.eventTypes', 'REQUIRED', service.url],
      [{ department: 'nowhere' }, 'input.department', 'ENUM', service.url],
      // Production: no loopback, private or link-local receivers, no plain http (SSRF).
      [{ url: 'https://127.0.0.1:8443/h' }, 'input.url', 'PRIVATE_ADDRESS', strict.url],
      [{ url: 'https://169.254.169.254/latest' }, 'input.url', 'PRIVATE_ADDRESS', strict.url],
      [{ url: 'https://localhost/h' }, 'input.url', 'PRIVATE_ADDRESS', strict.url],
      [{ url: 'http://a.example/h' }, 'input.url', 'SCHEME', strict.url],
    ];
    for (const [change, field, rule, url] of cases) {
      const body = await gql(CREATE, { input: { ...input, ...change } }, admin, url);
      assert.deepEqual(
        {
          code: body.errors?.[0]?.extensions?.code,
          field: body.errors?.[0]?.extensions?.field,
          rule: body.errors?.[0]?.extensions?.rule,
        },
        { code: 'BAD_USER_INPUT', field, rule },
        JSON.stringify(change),
      );
      assert.match(body.errors![0]!.message, new RegExp(field.replace(/[[\]]/g, '\\$&')));
    }
    assert.equal(await tdb.db.prisma.pushSubscription.count({ where: { department: 'tax' } }), 0);
  });
});

describe('delivery', () => {
  it('retries on the schedule with signatures that verify, then delivers', async () => {
    const { receiver, id, done } = await subscribed(['rating.changed'], (e) => ({
      status: e.attempt <= 3 ? 503 : 200,
    }));
    const e = event('rating.changed', '91350100MA2X000001');
    const start = now;
    await service.take([e]);
    await dispatcher.runOnce();
    for (const wait of RETRY_DELAYS_SECONDS.slice(0, 3)) {
      // One millisecond before the wait ends nothing is sent; at its end the next attempt goes.
      advance(wait * 1000 - 1);
      assert.equal(await dispatcher.runOnce(), 0);
      advance(1);
      assert.equal(await dispatcher.runOnce(), 1);
    }
    assert.deepEqual(
      receiver.arrivals.map((a) => [a.id, a.status, a.verified, a.timestamp]),
      [
        [e.id, 503, true, Math.floor(start / 1000)],
        [e.id, 503, true, Math.floor(start / 1000) + 30],
        [e.id, 503, true, Math.floor(start / 1000) + 150],
        [e.id, 200, true, Math.floor(start / 1000) + 630],
      ],
    );
    const log = await gql(
      `query ($id: ID!) { pushSubscription(id: $id) { backlog attempts { nodes { eventId attempt statusCode outcome at } } } }`,
      { id },
    );
    assert.deepEqual(
      (
        log.data as { pushSubscription: { attempts: { nodes: { attempt: number; outcome: string }[] } } }
      ).pushSubscription.attempts.nodes.map((a) => [a.attempt, a.outcome]),
      [
        [4, 'DELIVERED'],
        [3, 'RETRY'],
        [2, 'RETRY'],
        [1, 'RETRY'],
      ],
    );
    await done();
  });

  it('keeps each subject in order through failures, and every event arrives', async () => {
    // Every third event fails its first two attempts: its subject's later events must wait for it.
    const failing = new Set<string>();
    const { receiver, done } = await subscribed(['list.entry.added'], (e) => ({
      status: failing.has(e.id) && e.attempt <= 2 ? 500 : 200,
    }));
    const subjects = ['91350100MA2X000011', '91350100MA2X000012', '91350100MA2X000013'];
    const events = Array.from({ length: 12 }, (_, i) => event('list.entry.added', subjects[i % 3]!));
    events.forEach((e, i) => i % 3 === 1 && failing.add(e.id));
    await service.take(events);
    for (let round = 0; round < 10; round += 1) {
      await dispatcher.runOnce();
      advance(RETRY_DELAYS_SECONDS[1] * 1000 * 1.2);
    }
    assert.equal(receiver.accepted.length, 12);
    assert.ok(receiver.arrivals.every((a) => a.verified));
    for (const subject of subjects) {
      const expected = events.filter((e) => e.subjectCode === subject).map((e) => e.id);
      assert.deepEqual(
        receiver.accepted.filter((a) => a.subjectCode === subject).map((a) => a.id),
        expected,
      );
      // No attempt of a subject's event came before its previous event was accepted.
      const arrivals = receiver.arrivals.filter((a) => a.subjectCode === subject);
      for (let k = 1; k < expected.length; k += 1) {
        const firstOfNext = arrivals.findIndex((a) => a.id === expected[k]);
        const acceptedPrevious = arrivals.findIndex((a) => a.id === expected[k - 1] && a.status === 200);
        assert.ok(acceptedPrevious < firstOfNext, `${subject}: event ${k} before event ${k - 1} was delivered`);
      }
    }
    await done();
  });

  it('disables the subscription at once on 410 and sends nothing more', async () => {
    const { receiver, id, done } = await subscribed(['record.published'], () => ({ status: 410 }));
    await service.take([
      event('record.published', '91350100MA2X000021'),
      event('record.published', '91350100MA2X000022'),
    ]);
    await dispatcher.runOnce();
    const sub = await tdb.db.prisma.pushSubscription.findUniqueOrThrow({ where: { id } });
    assert.equal(sub.status, 'DISABLED');
    assert.equal(sub.disabledReason, 'GONE');
    const states = (await deliveryState(id)).map((d) => d.status).sort();
    // Both subjects' events went out together (different subjects); each was answered 410 and is a dead letter.
    assert.deepEqual(states, ['DEAD', 'DEAD']);
    await service.take([event('record.published', '91350100MA2X000023')]);
    advance(60_000);
    assert.equal(await dispatcher.runOnce(), 0);
    assert.equal(receiver.arrivals.length, 2);
    await done();
  });

  it('makes a dead letter after the last attempt, about 35 hours on, and disables the endpoint; enabling redelivers', async () => {
    let up = false;
    const { receiver, id, done } = await subscribed(['rating.changed'], () => ({ status: up ? 200 : 500 }));
    const e = event('rating.changed', '91350100MA2X000031');
    const later = event('rating.changed', '91350100MA2X000031');
    const start = now;
    await service.take([e, later]);
    await dispatcher.runOnce();
    for (const wait of RETRY_DELAYS_SECONDS) {
      advance(wait * 1000);
      await dispatcher.runOnce();
    }
    assert.equal(receiver.arrivals.length, MAX_ATTEMPTS);
    assert.ok(receiver.arrivals.every((a) => a.id === e.id));
    assert.equal(now - start, 127_350_000);
    const sub = await tdb.db.prisma.pushSubscription.findUniqueOrThrow({ where: { id } });
    assert.deepEqual([sub.status, sub.disabledReason], ['DISABLED', 'DEAD_LETTER']);
    assert.deepEqual(
      (await deliveryState(id)).map((d) => d.status),
      ['DEAD', 'PENDING'],
    );
    up = true;
    const enabled = await gql(`mutation ($id: ID!) { enablePushSubscription(id: $id) { status backlog } }`, { id });
    assert.deepEqual(enabled.data, { enablePushSubscription: { status: 'ACTIVE', backlog: 2 } });
    await dispatcher.runOnce();
    assert.deepEqual(
      receiver.accepted.map((a) => a.id),
      [e.id, later.id],
    );
    await done();
  });

  it('counts a slow receiver as failed after the timeout and tries again', async () => {
    const { id, done } = await subscribed(['evaluation.grade.changed'], (e) => ({
      status: 200,
      delayMs: e.attempt === 1 ? 1500 : 0,
    }));
    await service.take([event('evaluation.grade.changed', '91350100MA2X000041')]);
    await dispatcher.runOnce();
    const [first] = await tdb.db.prisma.pushAttempt.findMany({ where: { subscriptionId: id } });
    assert.equal(first!.statusCode, null);
    assert.match(first!.error!, /timeout/);
    assert.equal(first!.outcome, 'RETRY');
    advance(30_000);
    await dispatcher.runOnce();
    assert.deepEqual(
      (await deliveryState(id)).map((d) => d.status),
      ['DELIVERED'],
    );
    await done();
  });

  it('refuses, at delivery, a loopback receiver when private URLs are not allowed', async () => {
    const { receiver, id, done } = await subscribed(['record.publication.ended'], () => ({ status: 200 }));
    const guarded = createDispatcher(tdb.db, { ...CONFIG, allowPrivateUrls: false }, { random: () => 0.5 });
    await service.take([event('record.publication.ended', '91350100MA2X000051')]);
    await guarded.runOnce();
    assert.equal(receiver.arrivals.length, 0);
    const [attempt] = await tdb.db.prisma.pushAttempt.findMany({ where: { subscriptionId: id } });
    assert.match(attempt!.error!, /non-public address/);
    await done();
  });
});

describe('replay', () => {
  it('sends one event, or a period, again with the same webhook-id, audited', async () => {
    const { receiver, id, done } = await subscribed(['disclosure.record.accepted'], () => ({ status: 200 }));
    const a = event('disclosure.record.accepted', '91350100MA2X000061');
    const b = event('disclosure.record.accepted', '91350100MA2X000062');
    await service.take([a, b]);
    await dispatcher.runOnce();
    const one = await gql(
      `mutation ($s: ID!, $e: ID!) { replayPushEvent(subscriptionId: $s, eventId: $e) { eventId status attempts } }`,
      { s: id, e: a.id },
    );
    assert.deepEqual(one.data, { replayPushEvent: { eventId: a.id, status: 'PENDING', attempts: 0 } });
    await dispatcher.runOnce();
    const range = await gql(
      `mutation ($s: ID!, $from: DateTime!, $to: DateTime!) { replayPushEvents(subscriptionId: $s, from: $from, to: $to) }`,
      { s: id, from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 1).toISOString() },
    );
    assert.deepEqual(range.data, { replayPushEvents: 2 });
    await dispatcher.runOnce();
    const count = (x: string) => receiver.arrivals.filter((r) => r.id === x).length;
    assert.deepEqual([count(a.id), count(b.id)], [3, 2]);
    assert.equal(receiver.accepted.length, 2);
    const audit = await tdb.db.prisma.auditEntry.count({ where: { fields: { contains: 'replayPushEvent' } } });
    assert.equal(audit, 2);
    const bad = await gql(
      `mutation ($s: ID!, $from: DateTime!, $to: DateTime!) { replayPushEvents(subscriptionId: $s, from: $from, to: $to) }`,
      { s: id, from: new Date(now).toISOString(), to: new Date(now - 1).toISOString() },
    );
    assert.deepEqual([bad.errors?.[0]?.extensions?.field, bad.errors?.[0]?.extensions?.rule], ['to', 'ORDER']);
    await done();
  });
});

describe('measure.lift.required', () => {
  it('tells the departments that restricted the subject, and tracks their acknowledgement', async () => {
    const subject = '91350100MA2X000071';
    const market = await subscribed(['measure.lift.required'], () => ({ status: 200 }));
    const tax = await subscribed(['measure.lift.required'], () => ({ status: 200 }), { department: 'tax' });
    const check = (dept: string, action: string, lists: string[]) =>
      event('credit.check.recorded', subject, {
        checkId: randomUUID(),
        checkingDepartment: dept,
        matter: 'LICENSING',
        action,
        lists,
      });
    await service.take([
      check('market', 'RESTRICT', ['SERIOUS_ILLEGAL']),
      check('housing', 'INTERCEPT', ['SERIOUS_ILLEGAL', 'DISHONEST_DEBTOR']),
      check('tax', 'INTERCEPT', ['MAJOR_TAX_VIOLATOR']),
      check('court', 'WARN', ['SERIOUS_ILLEGAL']),
    ]);
    advance(3_600_000);
    await service.take([
      event('list.entry.removed', subject, {
        list: 'SERIOUS_ILLEGAL',
        entryId: '1',
        removedOn: '2026-06-01',
        cause: 'REPAIRED',
        ground: null,
      }),
    ]);
    const lifts = await tdb.db.prisma.measureLift.findMany({ orderBy: { department: 'asc' } });
    assert.deepEqual(
      lifts.map((l) => [l.department, l.actions]),
      [
        ['housing', ['INTERCEPT']],
        ['market', ['RESTRICT']],
      ],
    );
    // The requests went to push's own outbox; the bus brings them back to the push consumer, which queues them for
    // the department asked only.
    await relayAll(tdb.db.pool);
    assert.equal(await drainConsumer(tdb.db.pool, pushConsumer(CONFIG)), 2);
    await dispatcher.runOnce();
    assert.deepEqual(
      market.receiver.accepted.map((a) => a.type),
      ['measure.lift.required'],
    );
    assert.equal(tax.receiver.arrivals.length, 0);

    const OUTSTANDING = `{ outstandingMeasureLifts { id department subjectCode actions causeType } }`;
    const mine = await gql(OUTSTANDING, {}, callers.officer('market'));
    const marketLift = lifts.find((l) => l.department === 'market')!;
    assert.deepEqual(mine.data, {
      outstandingMeasureLifts: [
        {
          id: marketLift.id,
          department: 'market',
          subjectCode: subject,
          actions: ['RESTRICT'],
          causeType: 'list.entry.removed',
        },
      ],
    });
    const ACK = `mutation ($id: ID!) { acknowledgeMeasureLift(id: $id, note: "已解除限制") { acknowledgedBy note } }`;
    const other = await gql(ACK, { id: marketLift.id }, callers.officer('tax'));
    assert.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const ack = await gql(ACK, { id: marketLift.id }, callers.officer('market'));
    assert.deepEqual(ack.data, { acknowledgeMeasureLift: { acknowledgedBy: 'officer-market', note: '已解除限制' } });
    const again = await gql(ACK, { id: marketLift.id }, callers.officer('market'));
    assert.deepEqual(
      [again.errors?.[0]?.extensions?.code, again.errors?.[0]?.extensions?.rule],
      ['CONFLICT', 'ALREADY_ACKNOWLEDGED'],
    );
    assert.deepEqual((await gql(OUTSTANDING, {}, callers.officer('market'))).data, { outstandingMeasureLifts: [] });
    const all = await gql(OUTSTANDING, {}, callers.supervisor());
    assert.deepEqual(
      (all.data as { outstandingMeasureLifts: { department: string }[] }).outstandingMeasureLifts.map(
        (l) => l.department,
      ),
      ['housing'],
    );
    await market.done();
    await tax.done();
  });
});

describe('metrics', () => {
  it('are read by supervisors, not by administrators', async () => {
    const body = await gql(
      `{ pushMetrics(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") {
          deliveries delivered deadLetters attempts successRate lagP50Seconds syncTimelinessRate slaSeconds disabledSubscriptions } }`,
      {},
      callers.supervisor(),
    );
    assert.equal(body.errors, undefined);
    const m = (body.data as { pushMetrics: Record<string, number> }).pushMetrics;
    const deliveries = await tdb.db.prisma.pushDelivery.count();
    const attempts = await tdb.db.prisma.pushAttempt.count();
    const delivered = await tdb.db.prisma.pushAttempt.count({ where: { outcome: 'DELIVERED' } });
    assert.equal(m.deliveries, deliveries);
    assert.equal(m.attempts, attempts);
    assert.equal(m.successRate, delivered / attempts);
    assert.equal(m.slaSeconds, 3600);
    const rows = await tdb.db.prisma.pushDelivery.findMany();
    const events = new Map((await tdb.db.prisma.pushEvent.findMany()).map((e) => [e.seq, e.occurredAt.getTime()]));
    assert.equal(m.deadLetters, rows.filter((d) => d.status === 'DEAD').length);
    // 同步及时率, counted by hand: delivered within the hour among those delivered or past the hour.
    const due = (d: (typeof rows)[number]) => events.get(d.eventSeq)! + 3_600_000;
    const judged = rows.filter((d) => d.status === 'DELIVERED' || due(d) <= now);
    const timely = judged.filter((d) => d.status === 'DELIVERED' && d.deliveredAt!.getTime() <= due(d));
    assert.ok(judged.length > timely.length && timely.length > 0, 'the tests above made late and timely deliveries');
    assert.equal(m.syncTimelinessRate, timely.length / judged.length);
    const refused = await gql(`{ pushMetrics { deliveries } }`, {}, admin);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
