import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hub } from '@credit-hub/hub';
import { chinaToday, toIsoDate } from '@credit-hub/kit';
import { createTestDatabase, initSeed, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The metric sources of ADR 0110 through the whole hub: departments' writes through the gateway (a 双公示 declaration
// and submission, a business decision, a credit report) record their events in their outboxes; the hub's backbone
// relays them and the metrics consumer turns them into facts; a supervisor's metricFrame through the gateway shows
// them. No fact is written by hand.

let tdb: TestDatabase;
let hub: Hub;
let market: Record<string, string>;
let housing: Record<string, string>;
let supervisor: Record<string, string>;
let subject = '';
let authority = '';

const today = toIsoDate(chinaToday())!;
const daysAgo = (n: number) => {
  const d = chinaToday();
  d.setUTCDate(d.getUTCDate() - n);
  return toIsoDate(d)!;
};
const DECIDED = daysAgo(3);

const FRAME = `query ($q: MetricQuery!) { metricFrame(query: $q) { rows { keys value numerator denominator } } }`;
async function frame(metric: string, groupBy: string[] = []) {
  const { body } = await postGraphQL<{
    metricFrame: { rows: { keys: string[]; value: number | null; numerator: number; denominator: number }[] };
  }>(hub.gatewayUrl, FRAME, { q: { metric, from: daysAgo(40), to: today, groupBy } }, supervisor);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data!.metricFrame.rows.map((r) => [...r.keys, r.numerator, r.denominator, r.value]);
}
async function gql(who: Record<string, string>, query: string, variables: Record<string, unknown>) {
  const { body } = await postGraphQL(hub.gatewayUrl, query, variables, who);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as Record<string, unknown>;
}

before(async () => {
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  subject = (await seed.subject({ regionCode: '330106' })).code;
  hub = await startTestHub(tdb.url, tdb.db);
  market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
  housing = bearer(await tokenFor({ role: 'officer', department: 'housing' }));
  supervisor = bearer(await tokenFor({ role: 'supervisor' }));
  const [row] = (
    await tdb.db.pool.query<{ code: string }>(
      `SELECT code FROM disclosure.authority WHERE department = 'market' ORDER BY code LIMIT 1`,
    )
  ).rows;
  authority = row!.code;
});

after(async () => {
  await hub?.close();
  await tdb?.drop();
});

const penalty = (documentNumber: string, o: Record<string, unknown> = {}) => ({
  subjectName: '杭州示例科技有限公司',
  subjectCategory: 'LEGAL_ENTITY',
  uscc: subject,
  documentNumber,
  violationType: '销售不合格产品',
  facts: '经查，当事人销售不合格产品。',
  legalBasis: '《中华人民共和国产品质量法》第四十九条',
  penaltyTypes: ['FINE'],
  content: '罚款人民币2万元',
  fineAmount: '2',
  decidedOn: DECIDED,
  validUntil: daysAgo(-300),
  authorityName: '市场监督管理局',
  authorityCode: authority,
  sourceName: '市场监督管理局',
  sourceCode: authority,
  ...o,
});

describe('department writes reach metricFrame', () => {
  it('双公示: a declaration and a submission through the gateway become 上报率, 合规率 and the quarantine backlog', async () => {
    await gql(market, `mutation($d: [DeclaredDecisionInput!]!) { declareDecisions(decisions: $d) { declared } }`, {
      d: ['E2E-1', 'E2E-2'].map((documentNumber) => ({
        kind: 'CF',
        authorityCode: authority,
        documentNumber,
        decidedOn: DECIDED,
      })),
    });
    await gql(market, `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) { accepted quarantined } }`, {
      rows: [penalty('E2E-1'), penalty('E2E-3', { fineAmount: '-5' })],
    });
    await hub.events!.settle();
    // Due: E2E-1, E2E-2 (declared), E2E-3 (received); reported: E2E-1, E2E-3; compliant: E2E-1.
    assert.deepEqual(await frame('disclosure.reportingRate', ['department']), [['market', 2, 3, 2 / 3]]);
    assert.deepEqual(await frame('disclosure.complianceRate', ['department']), [['market', 1, 2, 0.5]]);
    assert.deepEqual(await frame('collection.quarantineBacklog', ['department']), [['market', 1, 1, 1]]);
  });

  it('应查未查: a business decision reported without a check', async () => {
    await gql(
      housing,
      `mutation($d: [BusinessDecisionInput!]!) { reportBusinessDecisions(decisions: $d) { recorded } }`,
      { d: [{ subject, matter: 'PUBLIC_PROCUREMENT', reference: 'E2E-CG-1', decidedOn: DECIDED }] },
    );
    await hub.events!.settle();
    assert.deepEqual(
      (await frame('checks.unchecked', ['department'])).map((r) => [r[0], r.at(-1)]),
      [['housing', 1]],
    );
  });

  it('信用报告: a public report issued through the gateway', async () => {
    const { body } = await postGraphQL<{ publicCreditReport: { number: string } }>(
      hub.gatewayUrl,
      `query($c: ID!) { publicCreditReport(subjectCode: $c, purpose: TENDER) { number } }`,
      { c: subject },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    await hub.events!.settle();
    assert.deepEqual(
      (await frame('reports.issued', ['matter', 'severity'])).map((r) => [r[0], r[1], r.at(-1)]),
      [['TENDER', 'PUBLIC_INFORMATION', 1]],
    );
  });
});
