/**
 * The hub in NATS mode (runs only where TEST_NATS_URL names a JetStream server): a department's write through the
 * gateway is relayed from its outbox to JetStream and reaches a durable consumer of another department. The stream
 * and subject prefix are this run's own, deleted at the end.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import type { ConsumerDefinition, DeliveredEvent } from '@credit-hub/kit/events';
import { connectNats } from '@credit-hub/kit/events/nats';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

const natsUrl = process.env.TEST_NATS_URL!;
const run = randomBytes(4).toString('hex');
const nats = { stream: `CREDIT_E2E_${run}`, prefix: `credit_e2e_${run}` };
let tdb: TestDatabase;
let hub: Hub;
const restoreClock = fixClock('2026-03-15T02:00:00Z');
const firm = makeUscc('91', '330106', 'MA2E7101');
const authority = makeUscc('11', '330100', '00260001');

const received: DeliveredEvent[] = [];
const watcher: ConsumerDefinition = {
  name: 'evaluation.e2e-nats-watch',
  types: ['list.entry.added'],
  async handle(event) {
    received.push(event);
  },
};

before(async () => {
  tdb = await createTestDatabase();
  hub = await startTestHub(tdb.url, tdb.db, { events: { natsUrl, nats, consumers: [watcher], pollMs: 100 } });
});

after(async () => {
  await hub.close();
  const admin = await connectNats(natsUrl, nats);
  await admin.jsm.streams.delete(nats.stream).catch(() => undefined);
  await admin.close();
  await tdb.drop();
  restoreClock();
});

describe('the hub with NATS JetStream', () => {
  it('relays a listing to JetStream and a durable consumer of another department receives it once', async () => {
    const answer = await postGraphQL(
      hub.gatewayUrl,
      `mutation($input: MajorTaxViolationInput!) { publishMajorTaxViolation(input: $input) { id } }`,
      {
        input: {
          subjectCode: firm,
          taxpayerName: '杭州鑫达贸易有限公司',
          situation: 'TAX_EVASION',
          mainFacts: '经检查，该单位2023年度采取虚假申报手段少缴增值税325万元。',
          legalBasis: '依照《中华人民共和国税收征收管理法》第六十三条的规定',
          penalty: '追缴税款325万元，并处罚款',
          inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
          authorityCode: authority,
          decisionServedOn: '2025-03-10',
          publishedOn: '2025-04-12',
        },
      },
      bearer(await tokenFor({ role: 'officer', department: 'tax' })),
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    await hub.events!.settle(); // relayed to JetStream (the outbox is empty after this)
    const left = await tdb.db.pool.query('SELECT 1 FROM tax.outbox WHERE relayed_at IS NULL');
    assert.equal(left.rows.length, 0);
    // The durable consumer's own loop fetches it: wait, bounded, for it to arrive.
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      received.map((e) => [e.type, e.subjectCode, e.department, (e.payload as { list: string }).list]),
      [['list.entry.added', firm, 'tax', 'MAJOR_TAX_VIOLATOR']],
    );
    const admin = await connectNats(natsUrl, nats);
    try {
      assert.equal((await admin.jsm.streams.info(nats.stream)).state.messages, 2); // list.entry.added, rating.changed
    } finally {
      await admin.close();
    }
  });
});
