import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureEvaluationModels } from '@credit-hub/subgraph-evaluation';
import pg from 'pg';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// 信用承诺 through the real gateway and event backbone: a department records a commitment and checks it broken,
// the public sees it on the subject, and the evaluation — which consumes the commitment events into its own facts
// (never reading the commitment schema) — scores it at the next evaluation. Once the tier's minimum publicity has
// passed the subject repairs the breach in the 信用修复 window: the checking department approves, the commitment
// subgraph consumes `repair.approved` and ends the breach's publicity in its own schema, and the public, the
// evaluation and the window follow.
let restoreClock = fixClock('2026-06-01');
let tdb: TestDatabase;
let hub: Hub;
const firm = makeUscc('91', '330106', 'MA2J0001');
let market: Record<string, string>;
let tax: Record<string, string>;
let officer: Record<string, string>;

before(async () => {
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  await ensureEvaluationModels(client);
  await client.end();
  await tdb.db.prisma.creditSubject.create({
    data: { code: firm, name: '杭州守诺餐饮管理有限公司', kind: 'ENTERPRISE', regionCode: '330106', industryCode: 'H' },
  });
  hub = await startTestHub(tdb.url, tdb.db, { events: { pollMs: 100, timeEvents: false } });
  market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
  tax = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
  officer = bearer(await tokenFor({ role: 'officer', department: 'platform' }));
});

after(async () => {
  await hub.close();
  await tdb.drop();
  restoreClock();
});

const RECORD = `mutation ($i: CreditCommitmentInput!) { recordCreditCommitment(input: $i) { id state } }`;
const CHECK = `mutation ($i: CommitmentCheckInput!) { checkCreditCommitment(input: $i) { id state publicityEndsOn } }`;
const PUBLIC = `query ($c: ID!) { subject(code: $c) { code creditCommitments {
  id kindLabel matter summary signatory state stateLabel madeOn checkedOn publicityEndsOn checkingDepartment { label }
} } }`;
const EVALUATION = `query ($c: ID!) { subject(code: $c) { creditEvaluation {
  score modelCode modelVersion explanation { code points value records { id } }
} } }`;
const evaluationOf = async () => {
  const { body } = await postGraphQL(hub.gatewayUrl, EVALUATION, { c: firm }, officer);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return (body.data as any).subject.creditEvaluation;
};
const item = (e: any, code: string) => e.explanation.find((i: any) => i.code === code);

describe('信用承诺 through the gateway', () => {
  let id = '';

  it('is recorded by the checking department, and refused bad input with a stable code naming the field', async () => {
    const input = {
      subjectCode: firm,
      kind: 'APPROVAL_NOTIFICATION',
      matter: '食品经营许可',
      content:
        '本公司承诺在取得食品经营许可后三个月内补交经营场所合法使用证明，逾期未补交自愿接受撤销许可并记入信用记录。',
      signatory: '李明华',
      checkingDepartment: 'market',
      madeOn: '2026-02-01',
      termEndsOn: '2026-05-01',
    };
    const refused = await postGraphQL(hub.gatewayUrl, RECORD, { i: { ...input, checkingDepartment: 'tax' } }, market);
    assert.deepEqual(
      [
        refused.body.errors?.[0]?.extensions?.code,
        refused.body.errors?.[0]?.extensions?.field,
        refused.body.errors?.[0]?.extensions?.rule,
      ],
      ['BAD_USER_INPUT', 'input.checkingDepartment', 'OWN_DEPARTMENT'],
    );
    const { body } = await postGraphQL(hub.gatewayUrl, RECORD, { i: input }, market);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    id = (body.data as any).recordCreditCommitment.id;
    assert.equal((body.data as any).recordCreditCommitment.state, 'IN_FORCE');
  });

  it('scores no commitment before the check (HUB-ENTERPRISE v2)', async () => {
    const e = await evaluationOf();
    assert.deepEqual([e.modelCode, e.modelVersion, e.score], ['HUB-ENTERPRISE', 2, 800]);
    assert.deepEqual([item(e, 'COMMITMENT_BROKEN').points, item(e, 'COMMITMENT_BROKEN').value], [0, '0']);
  });

  it('is checked broken only by its checking department, and then shows on the subject for the public', async () => {
    const i = {
      commitmentId: id,
      outcome: 'BROKEN',
      checkedOn: '2026-06-01',
      finding: '逾期未补交经营场所证明',
      tier: 'GENERAL',
    };
    const other = await postGraphQL(hub.gatewayUrl, CHECK, { i }, tax);
    assert.equal(other.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const { body } = await postGraphQL(hub.gatewayUrl, CHECK, { i }, market);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).checkCreditCommitment, { id, state: 'BROKEN', publicityEndsOn: '2027-06-01' });

    const pub = await postGraphQL(hub.gatewayUrl, PUBLIC, { c: firm });
    assert.equal(pub.body.errors, undefined, JSON.stringify(pub.body.errors));
    assert.deepEqual((pub.body.data as any).subject.creditCommitments, [
      {
        id,
        kindLabel: '告知承诺',
        matter: '食品经营许可',
        summary:
          '本公司承诺在取得食品经营许可后三个月内补交经营场所合法使用证明，逾期未补交自愿接受撤销许可并记入信用记录。',
        signatory: '李*华',
        state: 'BROKEN',
        stateLabel: '未践诺',
        madeOn: '2026-02-01',
        checkedOn: '2026-06-01',
        publicityEndsOn: '2027-06-01',
        checkingDepartment: { label: '市场监督管理局' },
      },
    ]);
  });

  it('changes the evaluation indicator once the evaluation consumed the event, and stores the new score', async () => {
    await hub.events!.settle();
    const e = await evaluationOf();
    assert.deepEqual(
      [item(e, 'COMMITMENT_BROKEN').points, item(e, 'COMMITMENT_BROKEN').value, item(e, 'COMMITMENT_BROKEN').records],
      [-50, '1', [{ id }]],
    );
    assert.equal(e.score, 750);
    const stored = await tdb.db.prisma.subjectEvaluation.findUniqueOrThrow({ where: { subjectCode: firm } });
    assert.deepEqual([stored.score, stored.modelVersion], [750, 2]);
  });
});

describe('信用修复 of a broken commitment', () => {
  const MARKS = `query($c: ID!) { subject(code: $c) { recordMarks { recordKind recordId repairEligibility {
    eligible reason from } } } }`;
  const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const { body } = await postGraphQL(hub.gatewayUrl, query, variables, headers);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data as any;
  };
  let breach = '';

  it('is open in the window only after the tier’s minimum publicity (一般: 3 months from the check)', async () => {
    const marks = (await gql(MARKS, { c: firm })).subject.recordMarks;
    assert.equal(marks.length, 1);
    breach = marks[0].recordId;
    assert.equal(marks[0].recordKind, 'COMMITMENT_BREACH');
    assert.deepEqual([marks[0].repairEligibility.eligible, marks[0].repairEligibility.from], [false, '2026-09-02']);
    // The same marks on the commitment itself, as the site's 信用承诺 tab reads them.
    const tab = await gql(
      `query($c: ID!) { subject(code: $c) { creditCommitments { id repairPending repairEligibility { eligible from } } } }`,
      { c: firm },
    );
    assert.deepEqual(tab.subject.creditCommitments, [
      { id: breach, repairPending: false, repairEligibility: { eligible: false, from: '2026-09-02' } },
    ]);
  });

  it('approved by the checking department: publicity ends, the evaluation no longer deducts, the case is SYNCED', async () => {
    restoreClock();
    restoreClock = fixClock('2026-09-15T02:00:00Z');
    const own = bearer(await tokenFor({ role: 'enterprise', uscc: firm, sub: 'ent-shounuo' }));
    const id = (
      await gql(
        `mutation($input: RepairApplicationInput!) { createRepairApplication(input: $input) { id department } }`,
        { input: { recordKind: 'COMMITMENT_BREACH', recordId: breach, statement: '已补交经营场所合法使用证明。' } },
        own,
      )
    ).createRepairApplication;
    assert.equal(id.department, 'market');
    for (const purpose of ['COMMITMENT', 'PROOF']) {
      const url = `${hub.gatewayUrl.replace(/\/graphql$/, '')}/uploads/repair?case=${id.id}&purpose=${purpose}&fileName=${purpose}.pdf`;
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...own, 'content-type': 'application/pdf' },
        body: PDF,
      });
      assert.equal(res.status, 201);
    }
    await gql(`mutation($id: ID!) { submitRepairCase(id: $id) { state } }`, { id: id.id }, own);
    await gql(`mutation($id: ID!) { forwardRepairCase(id: $id) { state } }`, { id: id.id }, officer);
    await gql(`mutation($id: ID!) { acceptRepairCase(id: $id) { state } }`, { id: id.id }, market);
    await gql(
      `mutation($id: ID!) { approveRepairCase(id: $id, basis: "已补交证明，履行承诺") { state } }`,
      { id: id.id },
      market,
    );
    await hub.events!.settle();
    await hub.events!.settle();
    await hub.events!.settle();

    assert.deepEqual((await gql(PUBLIC, { c: firm })).subject.creditCommitments, []);
    const shared = await gql(
      `query ($c: ID!) { subject(code: $c) { creditCommitments(includeUnpublished: true) { id state repairedOn publicityEndsOn } } }`,
      { c: firm },
      { ...market, 'x-purpose': encodeURIComponent('信用修复核查') },
    );
    assert.deepEqual(shared.subject.creditCommitments, [
      { id: breach, state: 'BROKEN', repairedOn: '2026-09-15', publicityEndsOn: '2027-06-01' },
    ]);
    const ended = await tdb.db.pool.query(
      `SELECT source, department, payload FROM events.event WHERE type = 'record.publication.ended' AND subject_code = $1`,
      [firm],
    );
    assert.deepEqual(
      ended.rows.map((r) => [r.source, r.department, r.payload.record, r.payload.cause]),
      [['commitment', 'market', 'COMMITMENT_BREACH', 'REPAIRED']],
    );
    const e = await evaluationOf();
    assert.deepEqual([item(e, 'COMMITMENT_BROKEN').points, e.score], [0, 800]);
    const state = await gql(`query($id: ID!) { repairCase(id: $id) { state } }`, { id: id.id }, market);
    assert.equal(state.repairCase.state, 'SYNCED');
    const marks = (await gql(MARKS, { c: firm })).subject.recordMarks;
    assert.match(marks[0].repairEligibility.reason, /已于2026-09-15完成信用修复/);
  });
});
