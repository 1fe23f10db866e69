import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hub } from '@credit-hub/hub';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { startReceiver, type Receiver } from '../subgraphs/push/test/receiver.ts';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The whole path through the gateway: an administrator subscribes a department's system, a market officer lists a
// subject as 经营异常, the market outbox records the event in that transaction, the backbone relays it to the bus,
// the hub's push consumer queues it, the hub's dispatcher delivers it to a real HTTP receiver, which verifies it.

let tdb: TestDatabase;
let hub: Hub;
let receiver: Receiver;

/** Waits for a condition the test needs before it goes on (not a timing assertion: the limit only ends a hang). */
async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 60_000) {
  const deadline = performance.now() + limitMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

before(async () => {
  tdb = await createTestDatabase();
  hub = await startTestHub(tdb.url, tdb.db);
  receiver = await startReceiver(
    () => ({ status: 200 }),
    () => new Date().getTime(),
  );
});

after(async () => {
  await receiver.close();
  await hub.close();
  await tdb.drop();
});

const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
  (await postGraphQL(hub.gatewayUrl, query, variables, headers)).body;

describe('push through the gateway', () => {
  it("delivers a department's write to the subscribed system as a signed webhook", async () => {
    const admin = bearer(await tokenFor({ role: 'admin' }));
    const market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
    const created = await gql(
      `mutation ($input: CreatePushSubscriptionInput!) {
        createPushSubscription(input: $input) { secret subscription { id } } }`,
      {
        input: {
          name: '税务局信用联动系统',
          ownerKind: 'DEPARTMENT',
          department: 'tax',
          url: receiver.url,
          eventTypes: ['list.entry.added'],
        },
      },
      admin,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const { secret, subscription } = (
      created.data as { createPushSubscription: { secret: string; subscription: { id: string } } }
    ).createPushSubscription;
    receiver.secret = secret;

    const firm = makeUscc('91', '330106', 'MA2P0001');
    const registered = await gql(
      `mutation ($input: MarketRegistrationInput!) { registerMarketSubject(input: $input) { subject { code } } }`,
      {
        input: {
          subjectCode: firm,
          name: '杭州推送测试科技有限公司',
          entityType: '有限责任公司（自然人投资或控股）',
          legalRepresentative: '陈建华',
          establishedOn: '2019-03-12',
          registeredCapital: 500,
          businessScope: '技术服务、技术开发',
          address: '浙江省杭州市西湖区文三路478号',
          registrationAuthority: '杭州市西湖区市场监督管理局',
          approvedOn: '2023-08-15',
        },
      },
      market,
    );
    assert.equal(registered.errors, undefined, JSON.stringify(registered.errors));
    const listed = await gql(
      `mutation ($input: AbnormalOperationInput!) { listAbnormalOperation(input: $input) { id } }`,
      {
        input: {
          subjectCode: firm,
          reason: 'ANNUAL_REPORT_NOT_FILED',
          listingAuthority: '杭州市西湖区市场监督管理局',
          listingDocument: '西市监异列字〔2025〕第0710号',
          listedOn: '2025-07-10',
        },
      },
      market,
    );
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));

    // The hub's own backbone (apps/hub/src/events.ts) runs the push consumer.
    await hub.events!.settle();
    await until(() => receiver.accepted.length >= 1, 'the webhook received');
    const [arrival] = receiver.accepted;
    assert.deepEqual(
      { type: arrival!.type, subjectCode: arrival!.subjectCode, verified: arrival!.verified },
      { type: 'list.entry.added', subjectCode: firm, verified: true },
    );

    await until(async () => {
      const log = await gql(
        `query ($id: ID!) { pushSubscription(id: $id) { deliveries { nodes { eventId status attempts } } } }`,
        { id: subscription.id },
        admin,
      );
      const nodes = (log.data as { pushSubscription: { deliveries: { nodes: { status: string }[] } } }).pushSubscription
        .deliveries.nodes;
      return nodes.length === 1 && nodes[0]!.status === 'DELIVERED';
    }, 'the delivery log shows the delivery');
    const log = await gql(
      `query ($id: ID!) { pushSubscription(id: $id) { deliveries { nodes { eventId eventType status attempts } } } }`,
      { id: subscription.id },
      admin,
    );
    assert.deepEqual(log.data, {
      pushSubscription: {
        deliveries: {
          nodes: [{ eventId: arrival!.id, eventType: 'list.entry.added', status: 'DELIVERED', attempts: 1 }],
        },
      },
    });
  });
});
