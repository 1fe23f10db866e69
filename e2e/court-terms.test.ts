import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureEvaluationModels, ensureMeasureCatalogue } from '@credit-hub/subgraph-evaluation';
import pg from 'pg';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// A 失信被执行人 listing with a term, read through the real gateway on the day before, the day of and the day
// after its last day: the public profile and list, the credit check of another department, the 公共信用综合评价 and
// the region's 政府失信被执行人 all change on that day, from the dates alone (法释〔2017〕7号 第二条; no job runs).
let tdb: TestDatabase;
let hub: Hub;
let housing: Record<string, string>;
let supervisor: Record<string, string>;
let court: Record<string, string>;
let restoreClock: () => void;

const firm = makeUscc('91', '330304', 'MA2E0001'); // 温州 瓯海区
const bureau = makeUscc('11', '330304', '00280001'); // a government body there
const CASE = '(2024)浙0304执1101号';
const LAST_DAY = '2026-11-20'; // decided 2024-11-20, two years (item (四))

before(async () => {
  restoreClock = fixClock('2026-11-19');
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  await ensureMeasureCatalogue(client);
  await ensureEvaluationModels(client);
  await client.end();
  const p = tdb.db.prisma;
  await p.creditSubject.createMany({
    data: [
      {
        code: firm,
        name: '温州瓯海精工机械有限公司',
        kind: 'ENTERPRISE',
        regionCode: '330304',
        legalRepresentative: '林海',
      },
      { code: bureau, name: '温州市瓯海区某局', kind: 'GOVERNMENT_BODY', regionCode: '330304' },
    ],
  });
  const listing = (caseNumber: string, subjectCode: string, debtorName: string) => ({
    caseNumber,
    subjectCode,
    debtorKind: 'ORGANISATION' as const,
    debtorName,
    legalRepresentative: '林海',
    regionCode: '330304',
    courtName: '温州市瓯海区人民法院',
    filedOn: new Date('2024-09-02'),
    basisDocumentNumber: '(2024)浙0304民初2211号',
    basisIssuer: '温州市瓯海区人民法院',
    obligation: '支付货款人民币420,000元',
    performance: 'NONE_PERFORMED' as const,
    behaviours: ['VIOLATING_PROPERTY_REPORTING' as const],
    decidedOn: new Date('2024-11-20'),
    termYears: 2,
    listedUntil: new Date(LAST_DAY),
    publishedOn: new Date('2024-11-22'),
  });
  await p.dishonestDebtorCase.createMany({
    data: [
      listing(CASE, firm, '温州瓯海精工机械有限公司'),
      listing('(2024)浙0304执1102号', bureau, '温州市瓯海区某局'),
    ],
  });
  hub = await startTestHub(tdb.url, tdb.db);
  housing = bearer(await tokenFor({ role: 'officer', department: 'housing' }));
  supervisor = bearer(await tokenFor({ role: 'supervisor' }));
  court = bearer(await tokenFor({ role: 'officer', department: 'court' }));
});

after(async () => {
  await hub.close();
  await tdb.drop();
  restoreClock();
});

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const { body } = await postGraphQL(hub.gatewayUrl, query, variables, headers);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as any;
}

/** What each reader sees on `day`. */
async function on(day: string) {
  const restore = fixClock(day);
  try {
    const profile = await gql(
      `query($c: ID!) { subject(code: $c) { isDishonestDebtor dishonestDebtorCases { caseNumber listedUntil } } }`,
      { c: firm },
    );
    const list = await gql(`{ dishonestDebtorCases(regionCode: "330304") { totalCount } }`);
    const byNumber = await gql(`query($n: String!) { dishonestDebtorCase(caseNumber: $n) { status } }`, { n: CASE });
    const check = await gql(
      `query($c: ID!) { subject(code: $c) { creditCheck(matter: PUBLIC_PROCUREMENT) { action lists { list } } } }`,
      { c: firm },
      housing,
    );
    const evaluation = await gql(
      `query($c: ID!) { subject(code: $c) { creditEvaluation { score explanation { code points } } } }`,
      { c: firm },
      housing,
    );
    const region = await gql(
      `{ governmentIntegrity(regionCode: "330300") { dishonestGovernmentBodyCount } }`,
      {},
      supervisor,
    );
    return {
      flag: profile.subject.isDishonestDebtor,
      cases: profile.subject.dishonestDebtorCases,
      listed: list.dishonestDebtorCases.totalCount,
      byNumber: byNumber.dishonestDebtorCase,
      check: check.subject.creditCheck,
      deduction: evaluation.subject.creditEvaluation.explanation.find((i: any) => i.code === 'DISHONEST_DEBTOR').points,
      governmentBodies: region.governmentIntegrity.dishonestGovernmentBodyCount,
    };
  } finally {
    restore();
  }
}

describe('a 失信被执行人 term ending, through the gateway', () => {
  it('is on the list the day before and on its last day, everywhere', async () => {
    for (const day of ['2026-11-19', LAST_DAY]) {
      const seen = await on(day);
      assert.equal(seen.flag, true, day);
      assert.deepEqual(seen.cases, [{ caseNumber: CASE, listedUntil: LAST_DAY }]);
      assert.equal(seen.listed, 2);
      assert.deepEqual(seen.byNumber, { status: 'ACTIVE' });
      assert.equal(seen.check.action, 'INTERCEPT');
      assert.deepEqual(
        seen.check.lists.map((l: any) => l.list),
        ['DISHONEST_DEBTOR'],
      );
      assert.ok(seen.deduction < 0, `deducted on ${day}`);
      assert.equal(seen.governmentBodies, 1);
    }
  });

  it('is off the list the day after: not public, no interception, no deduction, not counted', async () => {
    const seen = await on('2026-11-21');
    assert.equal(seen.flag, false);
    assert.deepEqual(seen.cases, []);
    assert.equal(seen.listed, 0);
    assert.equal(seen.byNumber, null);
    assert.deepEqual(seen.check.lists, []);
    assert.notEqual(seen.check.action, 'INTERCEPT');
    assert.equal(seen.deduction, 0);
    assert.equal(seen.governmentBodies, 0);
  });

  it('shows the court the deletion due and, after three working days, overdue', async () => {
    const DUE = `{ dishonestDebtorDeletionsDue(regionCode: "330304", overdueOnly: true) { totalCount
      nodes { caseNumber deletionDeadline deletionOverdue } } }`;
    const due = async (day: string) => {
      const restore = fixClock(day);
      try {
        return (await gql(DUE, {}, court)).dishonestDebtorDeletionsDue;
      } finally {
        restore();
      }
    };
    // Friday 11-20 was the last day: Monday 23, Tuesday 24, Wednesday 25; overdue from Thursday 26.
    assert.equal((await due('2026-11-25')).totalCount, 0);
    const overdue = await due('2026-11-26');
    assert.equal(overdue.totalCount, 2);
    assert.deepEqual(overdue.nodes[0], { caseNumber: CASE, deletionDeadline: '2026-11-25', deletionOverdue: true });
  });
});
