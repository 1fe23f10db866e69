/**
 * 信用修复: the approval reaches every reader, through the whole hub (docs/rules/repair.md, "Propagation"). Each
 * deciding department approves in the window; the approval is only the `repair.approved` event, which that department
 * consumes to perform its own act in its own schema; then, seen through the gateway:
 *   - 严重违法失信名单 (market), the full list of issue 17: the entry is gone from the public page and from a freshly
 *     issued 公共信用信息报告, the list flag and the credit check are clear, the evaluation is recomputed, the
 *     subscribed system received the removal at a real local receiver, and the department that restricted the
 *     subject was asked to lift its measure (`measure.lift.required`, to its subscription and in its queue);
 *   - 经营异常名录 (market) and a 双公示 penalty (disclosure): gone from the public queries and flags;
 *   - 环境信用黑名单 (environment): the red rating is repaired to 环保警示, off the black list and its credit checks;
 *     and the window refuses a red rating published more than six months ago.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clock, fixClock } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '@credit-hub/subgraph-disclosure/authorities';
import { ensureEvaluationModels, ensureMeasureCatalogue } from '@credit-hub/subgraph-evaluation';
import type { Hub } from '@credit-hub/hub';
import pg from 'pg';
import { startReceiver, type Receiver } from '../subgraphs/push/test/receiver.ts';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

const restoreClock = fixClock('2026-06-15T02:00:00Z'); // Monday 15 June 2026, 10:00 in Beijing
let tdb: TestDatabase;
let hub: Hub;
let receiver: Receiver;
const who = {} as Record<'market' | 'tax' | 'environment' | 'platform' | 'admin', Record<string, string>>;

const firms = {
  serious: makeUscc('91', '330106', 'RPP00001'),
  abnormal: makeUscc('91', '330106', 'RPP00002'),
  penalty: makeUscc('91', '330106', 'RPP00003'),
  red: makeUscc('91', '330106', 'RPP00004'),
  oldRed: makeUscc('91', '330106', 'RPP00005'),
};

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, headers = {}): Promise<T> {
  const answer = await postGraphQL(hub.gatewayUrl, query, variables, headers);
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data as T;
}

/** Waits for a condition the test needs before it goes on (not a timing assertion: the limit only ends a hang). */
async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 60_000) {
  const deadline = performance.now() + limitMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
async function upload(caseId: string, purpose: string, headers: Record<string, string>) {
  const url = `${hub.gatewayUrl.replace(/\/graphql$/, '')}/uploads/repair?case=${caseId}&purpose=${purpose}&fileName=${purpose}.pdf`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/pdf' },
    body: PDF,
  });
  assert.equal(res.status, 201, await res.text());
}

const ELIGIBILITY = `query($c: ID!) { subject(code: $c) { recordMarks { recordKind recordId repairEligibility {
  eligible reason from rule } } } }`;
async function eligibility(code: string, kind: string) {
  const data = await gql(ELIGIBILITY, { c: code });
  return data.subject.recordMarks.find((m: any) => m.recordKind === kind) as
    { recordId: string; repairEligibility: { eligible: boolean; reason: string | null; rule: string } } | undefined;
}

/**
 * The window's whole path for one record: the enterprise applies with its 承诺书 and proof, the platform forwards,
 * the deciding department accepts and approves; then the backbone carries the approval and the department's answer.
 */
async function repair(subjectCode: string, recordKind: string, recordId: string, department: Record<string, string>) {
  const firm = bearer(await tokenFor({ role: 'enterprise', uscc: subjectCode, sub: `ent-${subjectCode}` }));
  const id = (
    await gql(
      `mutation($input: RepairApplicationInput!) { createRepairApplication(input: $input) { id } }`,
      { input: { recordKind, recordId, statement: '已履行全部法定义务并完成整改。' } },
      firm,
    )
  ).createRepairApplication.id as string;
  await upload(id, 'COMMITMENT', firm);
  await upload(id, 'PROOF', firm);
  await gql(`mutation($id: ID!) { submitRepairCase(id: $id) { state } }`, { id }, firm);
  await gql(`mutation($id: ID!) { forwardRepairCase(id: $id) { state } }`, { id }, who.platform);
  await gql(`mutation($id: ID!) { acceptRepairCase(id: $id) { state } }`, { id }, department);
  const approved = await gql(
    `mutation($id: ID!) { approveRepairCase(id: $id, basis: "经核实，已履行义务并完成整改") { state } }`,
    { id },
    department,
  );
  assert.equal(approved.approveRepairCase.state, 'APPROVED');
  // The window's event, the department's act on it, and the department's own event back to the window.
  await hub.events!.settle();
  await hub.events!.settle();
  await hub.events!.settle();
  const state = await gql(`query($id: ID!) { repairCase(id: $id) { state } }`, { id }, department);
  return { id, state: state.repairCase.state as string };
}

async function register(code: string, name: string) {
  await tdb.db.prisma.creditSubject.create({
    data: { code, name, kind: 'ENTERPRISE', regionCode: '330106', industryCode: 'C' },
  });
  await gql(
    `mutation ($input: MarketRegistrationInput!) { registerMarketSubject(input: $input) { subject { code } } }`,
    {
      input: {
        subjectCode: code,
        name,
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
    who.market,
  );
}

before(async () => {
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  await ensureEvaluationModels(client);
  await ensureMeasureCatalogue(client);
  await client.end();
  hub = await startTestHub(tdb.url, tdb.db, { events: { pollMs: 100, timeEvents: false } });
  receiver = await startReceiver(
    () => ({ status: 200 }),
    () => clock.now().getTime(),
  );
  who.market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
  who.tax = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
  who.environment = bearer(await tokenFor({ role: 'officer', department: 'environment' }));
  who.platform = bearer(await tokenFor({ role: 'officer', department: 'platform', sub: 'xyb-officer' }));
  who.admin = bearer(await tokenFor({ role: 'admin' }));
  await register(firms.serious, '杭州修复联动科技有限公司');
  await register(firms.abnormal, '杭州异常移出贸易有限公司');
  await register(firms.penalty, '杭州处罚修复餐饮有限公司');
  await register(firms.red, '杭州红牌整改化工有限公司');
  await register(firms.oldRed, '杭州逾期申请印染有限公司');
});

after(async () => {
  await receiver.close();
  await hub.close();
  await tdb.drop();
  restoreClock();
});

describe('one approval, every reader (严重违法失信名单)', () => {
  let entryId = '';
  const decisionDocument = '杭西市监处罚〔2025〕201号';
  const PROFILE = `query($c: ID!) { subject(code: $c) { isSeriousIllegal seriousIllegalListings { id } } }`;
  // 行政许可: LICENSING-NO-COMMITMENT restricts a 严重违法失信 subject (no 告知承诺), so the tax department's check restricts.
  const CHECK = `query($c: ID!) { subject(code: $c) { creditCheck(matter: LICENSING) { action lists { list } } } }`;
  const EVALUATION = `query($c: ID!) { subject(code: $c) { creditEvaluation { score explanation { code points } } } }`;
  const REPORT = `query($c: ID!) { publicCreditReport(subjectCode: $c, purpose: TENDER) { number dataJson } }`;
  const reportText = async () =>
    JSON.stringify(JSON.parse((await gql(REPORT, { c: firms.serious })).publicCreditReport.dataJson).tables);
  let scoreBefore = 0;
  let actionBefore = '';

  it('before: listed, restricted by the tax department’s check, counted, in the report; a system subscribed', async () => {
    const created = await gql(
      `mutation ($input: CreatePushSubscriptionInput!) { createPushSubscription(input: $input) { secret } }`,
      {
        input: {
          name: '税务局信用联动系统',
          ownerKind: 'DEPARTMENT',
          department: 'tax',
          url: receiver.url,
          eventTypes: ['list.entry.removed', 'measure.lift.required'],
        },
      },
      who.admin,
    );
    receiver.secret = created.createPushSubscription.secret;
    entryId = (
      await gql(
        `mutation($input: SeriousIllegalListingInput!) { listSeriousIllegal(input: $input) { id } }`,
        {
          input: {
            subjectCode: firms.serious,
            ground: 'HEAVY_PENALTY',
            penaltyKind: 'LICENCE_REVOKED',
            penaltyDecision: '杭西市监罚〔2025〕77号',
            basis: '《市场监督管理严重违法失信名单管理办法》第二条第二款、第十二条',
            facts: '当事人因提交虚假材料取得公司登记，被依法撤销登记并处以罚款。',
            decisionDocument,
            listingAuthority: '杭州市西湖区市场监督管理局',
            listedOn: '2025-05-20',
          },
        },
        who.market,
      )
    ).listSeriousIllegal.id;
    await hub.events!.settle();
    assert.deepEqual((await gql(PROFILE, { c: firms.serious })).subject, {
      isSeriousIllegal: true,
      seriousIllegalListings: [{ id: entryId }],
    });
    const check = (await gql(CHECK, { c: firms.serious }, who.tax)).subject.creditCheck;
    assert.ok(check.lists.some((l: any) => l.list === 'SERIOUS_ILLEGAL'));
    assert.ok(['INTERCEPT', 'RESTRICT'].includes(check.action), JSON.stringify(check));
    actionBefore = check.action;
    const evaluation = (await gql(EVALUATION, { c: firms.serious }, who.platform)).subject.creditEvaluation;
    scoreBefore = evaluation.score;
    assert.ok(evaluation.explanation.some((i: any) => i.code.includes('SERIOUS') && i.points < 0));
    assert.ok((await reportText()).includes(decisionDocument));
    assert.equal((await eligibility(firms.serious, 'SERIOUS_ILLEGAL'))?.repairEligibility.eligible, true);
  });

  it('after market approves: gone from the page and a fresh report, flags and check clear, score up, pushed, lift asked', async () => {
    const { id: caseId, state } = await repair(firms.serious, 'SERIOUS_ILLEGAL', entryId, who.market);
    assert.equal(state, 'SYNCED');
    const { queryCode } = (
      await gql(`query($id: ID!) { repairCase(id: $id) { queryCode } }`, { id: caseId }, who.market)
    ).repairCase;
    const row = await tdb.db.pool.query('SELECT repair_query_code FROM market.serious_illegal_listing WHERE id = $1', [
      entryId,
    ]);
    assert.deepEqual(row.rows, [{ repair_query_code: queryCode }]);
    assert.deepEqual((await gql(PROFILE, { c: firms.serious })).subject, {
      isSeriousIllegal: false,
      seriousIllegalListings: [],
    });
    const check = (await gql(CHECK, { c: firms.serious }, who.tax)).subject.creditCheck;
    assert.equal(
      check.lists.some((l: any) => l.list === 'SERIOUS_ILLEGAL'),
      false,
    );
    const evaluation = (await gql(EVALUATION, { c: firms.serious }, who.platform)).subject.creditEvaluation;
    assert.ok(evaluation.score > scoreBefore, `${evaluation.score} > ${scoreBefore}`);
    assert.equal(
      evaluation.explanation.some((i: any) => i.code.includes('SERIOUS') && i.points < 0),
      false,
    );
    const stored = await tdb.db.prisma.subjectEvaluation.findUniqueOrThrow({ where: { subjectCode: firms.serious } });
    assert.equal(stored.score, evaluation.score);
    assert.equal((await reportText()).includes(decisionDocument), false);
    // The subscribed system: the REPAIRED removal and the request to lift, both signed and verified.
    await until(
      () => receiver.accepted.some((a) => a.type === 'measure.lift.required') && receiver.accepted.length >= 2,
      'the removal and the lift request delivered',
    );
    assert.deepEqual(receiver.accepted.map((a) => [a.type, a.subjectCode, a.verified]).sort(), [
      ['list.entry.removed', firms.serious, true],
      ['measure.lift.required', firms.serious, true],
    ]);
    const lifts = await gql(`{ outstandingMeasureLifts { subjectCode department actions causeType } }`, {}, who.tax);
    assert.deepEqual(lifts.outstandingMeasureLifts, [
      { subjectCode: firms.serious, department: 'tax', actions: [actionBefore], causeType: 'list.entry.removed' },
    ]);
    assert.deepEqual((await gql(`{ outstandingMeasureLifts { id } }`, {}, who.market)).outstandingMeasureLifts, []);
  });
});

describe('market and disclosure consumers through the gateway', () => {
  it('经营异常名录: approved, the entry leaves the list and the credit check', async () => {
    const entryId = (
      await gql(
        `mutation ($input: AbnormalOperationInput!) { listAbnormalOperation(input: $input) { id } }`,
        {
          input: {
            subjectCode: firms.abnormal,
            reason: 'ANNUAL_REPORT_NOT_FILED',
            listingAuthority: '杭州市西湖区市场监督管理局',
            listingDocument: '西市监异列字〔2026〕第0310号',
            listedOn: '2026-03-10',
          },
        },
        who.market,
      )
    ).listAbnormalOperation.id;
    await hub.events!.settle();
    const Q = `query($c: ID!) { subject(code: $c) { isInAbnormalOperationList abnormalOperations { id }
      creditCheck(matter: BIDDING) { lists { list } } } }`;
    const before = (await gql(Q, { c: firms.abnormal }, who.tax)).subject;
    assert.deepEqual([before.isInAbnormalOperationList, before.abnormalOperations], [true, [{ id: entryId }]]);
    assert.ok(before.creditCheck.lists.some((l: any) => l.list === 'ABNORMAL_OPERATION'));
    const repaired = await repair(firms.abnormal, 'ABNORMAL_OPERATION', entryId, who.market);
    assert.equal(repaired.state, 'SYNCED');
    // The act keeps the case's 查询码 in a column of its own: how the market snapshot tells a repair (migration 0081).
    const { queryCode } = (
      await gql(`query($id: ID!) { repairCase(id: $id) { queryCode } }`, { id: repaired.id }, who.market)
    ).repairCase;
    const row = await tdb.db.pool.query('SELECT repair_query_code FROM market.abnormal_operation WHERE id = $1', [
      entryId,
    ]);
    assert.deepEqual(row.rows, [{ repair_query_code: queryCode }]);
    const after = (await gql(Q, { c: firms.abnormal }, who.tax)).subject;
    assert.deepEqual([after.isInAbnormalOperationList, after.abnormalOperations], [false, []]);
    assert.equal(
      after.creditCheck.lists.some((l: any) => l.list === 'ABNORMAL_OPERATION'),
      false,
    );
  });

  it('双公示 行政处罚: approved by the reporting department, publicity ends on the subject and the public list', async () => {
    const authority = AUTHORITIES.find((a) => a.department === 'market')!;
    const sent = await gql(
      `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) { accepted recordIds } }`,
      {
        rows: [
          {
            subjectName: '杭州处罚修复餐饮有限公司',
            subjectCategory: 'LEGAL_ENTITY',
            uscc: firms.penalty,
            documentNumber: '杭西市监罚〔2026〕15号',
            violationType: '未按规定公示信息',
            facts: '经查，当事人未按规定公示信息。',
            legalBasis: '《企业信息公示暂行条例》第十八条',
            penaltyTypes: ['FINE'],
            content: '罚款人民币1万元',
            fineAmount: '1',
            decidedOn: '2026-01-10',
            validUntil: '2027-01-10',
            authorityName: authority.name,
            authorityCode: authority.code,
            sourceName: authority.name,
            sourceCode: authority.code,
          },
        ],
      },
      who.market,
    );
    assert.equal(sent.submitPenalties.accepted, 1);
    const penaltyId = sent.submitPenalties.recordIds[0] as string;
    await hub.events!.settle();
    const Q = `query($c: ID!, $a: String) { subject(code: $c) { publishedPenaltyCount administrativePenalties { id } }
      penalties(authorityCode: $a, first: 100) { nodes { id } } }`;
    const before = await gql(Q, { c: firms.penalty, a: authority.code });
    assert.deepEqual(before.subject, { publishedPenaltyCount: 1, administrativePenalties: [{ id: penaltyId }] });
    assert.ok(before.penalties.nodes.some((n: any) => n.id === penaltyId));
    assert.equal((await eligibility(firms.penalty, 'ADMINISTRATIVE_PENALTY'))?.repairEligibility.eligible, true);
    assert.equal((await repair(firms.penalty, 'ADMINISTRATIVE_PENALTY', penaltyId, who.market)).state, 'SYNCED');
    const after = await gql(Q, { c: firms.penalty, a: authority.code });
    assert.deepEqual(after.subject, { publishedPenaltyCount: 0, administrativePenalties: [] });
    assert.equal(
      after.penalties.nodes.some((n: any) => n.id === penaltyId),
      false,
    );
    const ended = await tdb.db.pool.query(
      `SELECT source, payload FROM events.event WHERE type = 'record.publication.ended' AND subject_code = $1`,
      [firms.penalty],
    );
    assert.deepEqual(
      ended.rows.map((r) => [r.source, r.payload.cause]),
      [['disclosure', 'REPAIRED']],
    );
  });
});

describe('环境信用黑名单 through the window', () => {
  const RATING = `mutation($input: EnvironmentalRatingInput!) { publishEnvironmentalRating(input: $input) { grade } }`;
  const rating = (subjectCode: string, year: number, evaluatedOn: string) => ({
    subjectCode,
    year,
    grade: 'RED',
    pollutionPrevention: 40,
    ecologicalProtection: 50,
    environmentalManagement: 45,
    socialSupervision: 30,
    authority: '杭州市生态环境局',
    evaluatedOn,
  });
  const FLAGS = `query($c: ID!) { subject(code: $c) { isOnEnvironmentalBlacklist isOnEnvironmentalWatchList
    environmentalRating { grade repairedOn } creditCheck(matter: BIDDING) { lists { list } } } }`;

  it('a red rating is eligible within six months of its publication, not after', async () => {
    await gql(RATING, { input: rating(firms.red, 2025, '2026-05-20') }, who.environment);
    await gql(RATING, { input: rating(firms.oldRed, 2024, '2025-10-09') }, who.environment);
    await hub.events!.settle();
    const open = await eligibility(firms.red, 'ENVIRONMENTAL_BLACKLIST');
    assert.equal(open?.repairEligibility.eligible, true);
    assert.match(open!.repairEligibility.rule, /环发〔2013〕150号/);
    const late = await eligibility(firms.oldRed, 'ENVIRONMENTAL_BLACKLIST');
    assert.equal(late?.repairEligibility.eligible, false);
    assert.match(late!.repairEligibility.reason!, /公布已满6个月（申请期至2026-04-09）/);
  });

  it('approved by the environment department: off the black list (repaired to 环保警示), the check clear', async () => {
    const before = (await gql(FLAGS, { c: firms.red }, who.tax)).subject;
    assert.deepEqual(
      [before.isOnEnvironmentalBlacklist, before.environmentalRating],
      [true, { grade: 'RED', repairedOn: null }],
    );
    assert.ok(before.creditCheck.lists.some((l: any) => l.list === 'ENVIRONMENTAL_BLACKLIST'));
    const ratingId = (await eligibility(firms.red, 'ENVIRONMENTAL_BLACKLIST'))!.recordId;
    assert.equal((await repair(firms.red, 'ENVIRONMENTAL_BLACKLIST', ratingId, who.environment)).state, 'SYNCED');
    const after = (await gql(FLAGS, { c: firms.red }, who.tax)).subject;
    assert.deepEqual(
      [after.isOnEnvironmentalBlacklist, after.isOnEnvironmentalWatchList, after.environmentalRating],
      [false, true, { grade: 'YELLOW', repairedOn: '2026-06-15' }],
    );
    assert.equal(
      after.creditCheck.lists.some((l: any) => l.list === 'ENVIRONMENTAL_BLACKLIST'),
      false,
    );
    const audit = await tdb.db.pool.query(
      `SELECT role, department, subgraph FROM audit.entry WHERE subgraph = 'environment' AND detail LIKE '%信用修复%'`,
    );
    assert.deepEqual(audit.rows, [{ role: 'SYSTEM', department: 'environment', subgraph: 'environment' }]);
    const marks = await eligibility(firms.red, 'ENVIRONMENTAL_BLACKLIST');
    assert.match(marks!.repairEligibility.reason!, /已于2026-06-15完成信用修复/);
  });

  it('the year republished red is the department’s new decision: the repair is superseded, the window open again', async () => {
    await gql(RATING, { input: rating(firms.red, 2025, '2026-06-15') }, who.environment);
    await hub.events!.settle();
    const again = (await gql(FLAGS, { c: firms.red }, who.tax)).subject;
    assert.deepEqual(
      [again.isOnEnvironmentalBlacklist, again.environmentalRating],
      [true, { grade: 'RED', repairedOn: null }],
    );
    assert.equal((await eligibility(firms.red, 'ENVIRONMENTAL_BLACKLIST'))?.repairEligibility.eligible, true);
  });
});

describe('the supervisors’ repair metrics (信用修复与异议 dashboard)', () => {
  const FRAME = `query ($q: MetricQuery!) { metricFrame(query: $q) { rows { keys value numerator denominator } } }`;
  async function frame(metric: string, groupBy: string[]) {
    const supervisor = bearer(await tokenFor({ role: 'supervisor' }));
    const q = { metric, from: '2026-06-01', to: '2026-06-30', groupBy, orderBy: { field: groupBy[0] } };
    const data = await gql<{ metricFrame: { rows: { keys: string[]; value: number; numerator: number }[] } }>(
      FRAME,
      { q },
      supervisor,
    );
    return data.metricFrame.rows.map((r) => [...r.keys, r.numerator, r.value]);
  }

  it('every department’s repair act counts once, by record kind; each decision has its handling days', async () => {
    await hub.events!.settle();
    assert.deepEqual(await frame('repairs.completed', ['matter']), [
      ['ABNORMAL_OPERATION', 1, 1],
      ['ADMINISTRATIVE_PENALTY', 1, 1],
      ['ENVIRONMENTAL_BLACKLIST', 1, 1],
      ['SERIOUS_ILLEGAL', 1, 1],
    ]);
    // All decided on the day they were submitted (the clock stands on Monday 15 June): 0 working days each.
    assert.deepEqual(await frame('repairs.handlingDays', ['matter']), [
      ['ABNORMAL_OPERATION', 0, 0],
      ['ADMINISTRATIVE_PENALTY', 0, 0],
      ['ENVIRONMENTAL_BLACKLIST', 0, 0],
      ['SERIOUS_ILLEGAL', 0, 0],
    ]);
  });
});
