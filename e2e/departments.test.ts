import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The file stands on one day on which its 2024 ratings are in force (a rating of year Y counts until 30 April of
// Y+2 for tax, 31 December of Y+2 for environment), whatever the real date.
const restoreClock = fixClock('2026-03-15');

// Subject, tax, court and market joined through the gateway for one subject and for a search page.
let tdb: TestDatabase;
let hub: Hub;
const codes = Array.from({ length: 60 }, (_, i) => makeUscc('91', '330108', `MA2D${String(i).padStart(4, '0')}`));
const [debtor, abnormal] = codes as [string, string];

before(async () => {
  tdb = await createTestDatabase();
  const p = tdb.db.prisma;
  await p.creditSubject.createMany({
    data: codes.map((code, i) => ({
      code,
      name: `杭州滨江${String(i).padStart(2, '0')}号电子科技有限公司`,
      kind: 'ENTERPRISE' as const,
      regionCode: '330108',
      industryCode: 'C',
      legalRepresentative: '吴建华',
      establishedOn: new Date('2018-03-01'),
    })),
  });
  await p.taxCreditRating.createMany({
    data: codes.map((code, i) => ({
      subjectCode: code,
      regionCode: '330108',
      year: 2024,
      level: i === 0 ? ('C' as const) : ('B' as const),
      score: i === 0 ? 55 : 80,
      evaluatedOn: new Date('2025-04-20'),
      authority: '国家税务总局杭州市滨江区税务局',
    })),
  });
  await p.registration.createMany({
    data: codes.map((code, i) => ({
      subjectCode: code,
      name: `杭州滨江${String(i).padStart(2, '0')}号电子科技有限公司`,
      entityType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '吴建华',
      establishedOn: new Date('2018-03-01'),
      registeredCapital: 500,
      businessScope: '电子产品研发；技术服务、技术开发',
      address: '浙江省杭州市滨江区长河街道江南大道588号',
      registrationAuthority: '杭州市滨江区市场监督管理局',
      regionCode: '330108',
    })),
  });
  await p.annualReport.createMany({
    data: codes.flatMap((code, i) => [
      { subjectCode: code, year: 2024, filedOn: i === 1 ? null : new Date('2025-05-12') },
    ]),
  });
  await p.abnormalOperation.create({
    data: {
      subjectCode: abnormal,
      regionCode: '330108',
      reason: 'ANNUAL_REPORT_NOT_FILED',
      listingAuthority: '杭州市滨江区市场监督管理局',
      listingDocument: '杭滨市监异列〔2025〕第0021号',
      listedOn: new Date('2025-07-15'),
    },
  });
  await p.dishonestDebtorCase.create({
    data: {
      caseNumber: '(2025)浙0108执2211号',
      subjectCode: debtor,
      debtorKind: 'ORGANISATION',
      debtorName: '杭州滨江00号电子科技有限公司',
      legalRepresentative: '吴建华',
      regionCode: '330108',
      courtName: '杭州市滨江区人民法院',
      filedOn: new Date('2025-03-04'),
      basisDocumentNumber: '(2024)浙0108民初3456号',
      basisIssuer: '杭州市滨江区人民法院',
      obligation: '支付货款人民币358,000元及逾期付款利息',
      performance: 'NONE_PERFORMED',
      behaviours: ['REFUSING_DESPITE_ABILITY'],
      decidedOn: new Date('2025-05-06'),
      publishedOn: new Date('2025-05-06'),
    },
  });
  hub = await startTestHub(tdb.url, tdb.db);
});

after(async () => {
  restoreClock();
  await hub.close();
  await tdb.drop();
});

const PROFILE = `query($c: ID!) { subject(code: $c) {
  name region { fullName }
  isALevelTaxpayer isMajorTaxViolator
  isDishonestDebtor dishonestDebtorCases { caseNumber courtName behaviourLabels performanceLabel }
  registration { entityType registeredCapital registrationAuthority }
  annualReports { year status }
  isInAbnormalOperationList abnormalOperations { reasonLabel listedOn }
  isSeriousIllegal } }`;

const SEARCH = `query($first: Int!) { searchSubjects(query: "滨江", first: $first) { nodes {
  code isALevelTaxpayer isDishonestDebtor isInAbnormalOperationList isSeriousIllegal
  registration { entityType } annualReports { status } } } }`;

describe('cross-department profile through the gateway', () => {
  it('joins subject, tax, court and market for one subject', async () => {
    const { body } = await postGraphQL(hub.gatewayUrl, PROFILE, { c: debtor });
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data?.subject, {
      name: '杭州滨江00号电子科技有限公司',
      region: { fullName: '浙江省杭州市滨江区' },
      isALevelTaxpayer: false,
      isMajorTaxViolator: false,
      isDishonestDebtor: true,
      dishonestDebtorCases: [
        {
          caseNumber: '(2025)浙0108执2211号',
          courtName: '杭州市滨江区人民法院',
          behaviourLabels: ['有履行能力而拒不履行生效法律文书确定义务'],
          performanceLabel: '全部未履行',
        },
      ],
      registration: {
        entityType: '有限责任公司（自然人投资或控股）',
        registeredCapital: 500,
        registrationAuthority: '杭州市滨江区市场监督管理局',
      },
      annualReports: [{ year: 2024, status: 'ON_TIME' }],
      isInAbnormalOperationList: false,
      abnormalOperations: [],
      isSeriousIllegal: false,
    });
    const listed = await postGraphQL(hub.gatewayUrl, PROFILE, { c: abnormal });
    const s = (listed.body.data as any).subject;
    assert.equal(s.isInAbnormalOperationList, true);
    assert.deepEqual(s.abnormalOperations, [{ reasonLabel: '未按规定期限公示年度报告', listedOn: '2025-07-15' }]);
    assert.equal(s.isDishonestDebtor, false);
  });

  it("serves a search page with every department's flags at a constant number of statements per subgraph", async () => {
    await postGraphQL(hub.gatewayUrl, SEARCH, { first: 1 }); // warm the reference-data cache
    hub.resetStatements();
    const five = await postGraphQL(hub.gatewayUrl, SEARCH, { first: 5 });
    const forFive = hub.statements();
    hub.resetStatements();
    const fifty = await postGraphQL(hub.gatewayUrl, SEARCH, { first: 50 });
    const forFifty = hub.statements();
    assert.equal(five.body.errors, undefined);
    assert.equal((fifty.body.data as any).searchSubjects.nodes.length, 50);
    assert.deepEqual(forFifty, forFive);
    // One search; one statement per department's entity fetch (ADR 0080: the market's four loaders — registration,
    // reports, abnormal, serious — share it); nothing in access.
    assert.equal(forFifty.subject, 1);
    assert.equal(forFifty.tax, 1);
    assert.equal(forFifty.court, 1);
    assert.equal(forFifty.market, 1);
    assert.equal(forFifty.access, 0);
  });

  it('lists the court and market black lists side by side for a supervisor', async () => {
    const supervisor = bearer(await tokenFor({ role: 'supervisor' }));
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `{ dishonestDebtorCases(regionCode: "330100") { totalCount nodes { subject { code name isInAbnormalOperationList } } }
         abnormalOperations(regionCode: "330108") { totalCount nodes { subject { code isDishonestDebtor taxCreditRating { level } } } } }`,
      {},
      supervisor,
    );
    assert.equal(body.errors, undefined);
    const data = body.data as any;
    assert.deepEqual(data.dishonestDebtorCases, {
      totalCount: 1,
      nodes: [{ subject: { code: debtor, name: '杭州滨江00号电子科技有限公司', isInAbnormalOperationList: false } }],
    });
    assert.deepEqual(data.abnormalOperations, {
      totalCount: 1,
      nodes: [{ subject: { code: abnormal, isDishonestDebtor: false, taxCreditRating: { level: 'B' } } }],
    });
  });
});
