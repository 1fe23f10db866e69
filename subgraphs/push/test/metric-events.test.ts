/**
 * Push's delivery reports for the supervisors' metrics (docs/events.md, ADR 0110): a delivery that ends (delivered,
 * given up, or its subscription gone) is recorded as `push.delivery.finished` in push.outbox in the transaction that
 * writes its outcome — on time when delivered within PUSH_SYNC_SLA_SECONDS of its event; a retry records nothing. The
 * reports are never themselves delivered or subscribable.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setClock } from '@credit-hub/kit';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import {
  catalogueTypes,
  createDispatcher,
  DEFAULT_CONFIG,
  pushConsumer,
  startPushSubgraph,
  type Dispatcher,
  type IncomingEvent,
  type PushConfig,
  type PushService,
} from '../src/index.ts';
import { startReceiver, type Behaviour, type Receiver } from './receiver.ts';

let now = Date.parse('2026-06-01T02:00:00Z');
const restoreClock = setClock({ now: () => new Date(now) });

const CONFIG: PushConfig = {
  ...DEFAULT_CONFIG,
  dispatch: false,
  allowPrivateUrls: true,
  timeoutMs: 400,
  leaseMs: 60_000,
  concurrency: 4,
  syncSlaSeconds: 3_600,
};

let tdb: TestDatabase;
let service: PushService;
let dispatcher: Dispatcher;
const receivers: Receiver[] = [];
const admin = callers.admin();

before(async () => {
  tdb = await createTestDatabase();
  service = await startPushSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET, config: CONFIG });
  dispatcher = createDispatcher(tdb.db, CONFIG, { random: () => 0.5 });
});
after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await service?.close();
  await tdb?.drop();
  restoreClock();
});

const CREATE = `mutation ($input: CreatePushSubscriptionInput!) {
  createPushSubscription(input: $input) { secret subscription { id } }
}`;
async function subscribed(types: string[], behaviour: Behaviour, department: string) {
  const receiver = await startReceiver(behaviour, () => now);
  receivers.push(receiver);
  const { body } = await postAs(service.url, admin, CREATE, {
    input: { name: '测试接收系统', ownerKind: 'DEPARTMENT', department, url: receiver.url, eventTypes: types },
  });
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const created = (body.data as { createPushSubscription: { secret: string; subscription: { id: string } } })
    .createPushSubscription;
  receiver.secret = created.secret;
  return created.subscription.id;
}
const event = (type: string, subjectCode: string, ageMs: number): IncomingEvent => ({
  id: randomUUID(),
  type,
  subjectCode,
  department: 'court',
  occurredAt: new Date(now - ageMs),
  version: 1,
  payload: {},
});
const reports = async () =>
  (
    await tdb.db.pool.query<{ department: string; subject_code: string | null; payload: Record<string, unknown> }>(
      `SELECT department, subject_code, payload FROM push.outbox WHERE type = 'push.delivery.finished' ORDER BY position`,
    )
  ).rows;

describe('push.delivery.finished', () => {
  it('reports each finished delivery once, on time or late, and nothing for a retry', async () => {
    const market = await subscribed(['rating.changed'], (e) => ({ status: e.attempt === 1 ? 503 : 200 }), 'market');
    const tax = await subscribed(['list.entry.removed'], () => ({ status: 410 }), 'tax');
    const fresh = event('rating.changed', '91350100MA2X000001', 1_000);
    const old = event('rating.changed', '91350100MA2X000002', 2 * 3_600_000);
    const gone = event('list.entry.removed', '91350100MA2X000003', 1_000);
    await service.take([fresh, old, gone]);
    await dispatcher.runOnce();
    // The market receiver answered 503 the first time: retries, no report yet; the tax receiver is gone.
    assert.deepEqual(
      (await reports()).map((r) => [r.department, r.payload.outcome]),
      [['tax', 'GONE']],
    );
    now += 10 * 60_000;
    await dispatcher.runOnce();
    now += 10 * 60_000;
    await dispatcher.runOnce();
    const all = await reports();
    const byEvent = new Map(all.map((r) => [r.payload.eventId, r]));
    assert.equal(all.length, 3, JSON.stringify(all));
    assert.deepEqual(
      [fresh, old, gone].map((e) => {
        const r = byEvent.get(e.id)!;
        return [r.department, r.subject_code, r.payload.eventType, r.payload.outcome, r.payload.timely];
      }),
      [
        ['market', fresh.subjectCode, 'rating.changed', 'DELIVERED', true],
        ['market', old.subjectCode, 'rating.changed', 'DELIVERED', false],
        ['tax', gone.subjectCode, 'list.entry.removed', 'GONE', false],
      ],
    );
    const report = byEvent.get(fresh.id)!.payload;
    assert.equal(report.subscriptionId, market);
    assert.equal(report.subscriberDepartment, 'market');
    assert.ok((report.attempts as number) >= 2);
    assert.equal(byEvent.get(gone.id)!.payload.subscriptionId, tax);
  });

  it('is neither taken by the push consumer nor subscribable', async () => {
    assert.equal(pushConsumer(CONFIG).types.includes('push.delivery.finished'), false);
    assert.equal(catalogueTypes().includes('push.delivery.finished'), false);
    const { body } = await postAs(service.url, admin, CREATE, {
      input: {
        name: '回环',
        ownerKind: 'DEPARTMENT',
        department: 'market',
        url: 'https://a.example/h',
        eventTypes: ['push.delivery.finished'],
      },
    });
    assert.equal(body.errors?.[0]?.extensions?.rule, 'UNKNOWN_EVENT_TYPE');
  });
});
