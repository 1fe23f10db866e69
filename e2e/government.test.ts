import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, expectForbidden, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The file stands on one day on which its 2024 ratings are in force (a rating of year Y counts until 30 April of
// Y+2 for tax, 31 December of Y+2 for environment), whatever the real date.
const restoreClock = fixClock('2026-03-15');

// Every department for one government body and one enterprise, and the region's 政务诚信 figures,
// joined only through federation (the 政务诚信 subgraph never reads court or subject tables).
let tdb: TestDatabase;
let hub: Hub;
const bureau = makeUscc('11', '330106', '00290001'); // 杭州市西湖区某局, a dishonest judgment debtor that owes an SME
const school = makeUscc('12', '330106', '47000003'); // a public institution, clean
const firm = makeUscc('91', '330106', 'MA2G0001'); // the SME it owes
let supervisor: Record<string, string>;
let officer: Record<string, string>;

before(async () => {
  tdb = await createTestDatabase();
  const p = tdb.db.prisma;
  await p.creditSubject.createMany({
    data: [
      {
        code: bureau,
        name: '杭州市西湖区城市管理局',
        kind: 'GOVERNMENT_BODY',
        regionCode: '330106',
        legalRepresentative: '周建国',
      },
      {
        code: school,
        name: '杭州市西湖区实验小学',
        kind: 'PUBLIC_INSTITUTION',
        regionCode: '330106',
        legalRepresentative: '沈丽',
      },
      {
        code: firm,
        name: '杭州绿城环境工程有限公司',
        kind: 'ENTERPRISE',
        regionCode: '330106',
        legalRepresentative: '钟华',
        establishedOn: new Date('2015-06-01'),
      },
    ],
  });
  await p.taxCreditRating.create({
    data: {
      subjectCode: firm,
      regionCode: '330106',
      year: 2024,
      level: 'A',
      score: 94,
      evaluatedOn: new Date('2025-04-20'),
      authority: '国家税务总局杭州市西湖区税务局',
    },
  });
  await p.registration.create({
    data: {
      subjectCode: firm,
      name: '杭州绿城环境工程有限公司',
      entityType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '钟华',
      establishedOn: new Date('2015-06-01'),
      registeredCapital: 1000,
      businessScope: '环境工程；市政设施管理',
      registrationAuthority: '杭州市西湖区市场监督管理局',
      regionCode: '330106',
    },
  });
  await p.environmentalRating.create({
    data: {
      subjectCode: firm,
      regionCode: '330106',
      year: 2024,
      grade: 'GREEN',
      pollutionPrevention: 95,
      ecologicalProtection: 92,
      environmentalManagement: 96,
      socialSupervision: 90,
      authority: '杭州市生态环境局西湖分局',
      evaluatedOn: new Date('2025-05-10'),
    },
  });
  await p.dishonestDebtorCase.create({
    data: {
      caseNumber: '(2025)浙0106执3001号',
      subjectCode: bureau,
      debtorKind: 'ORGANISATION',
      debtorName: '杭州市西湖区城市管理局',
      legalRepresentative: '周建国',
      regionCode: '330106',
      courtName: '杭州市西湖区人民法院',
      filedOn: new Date('2025-02-11'),
      basisDocumentNumber: '(2024)浙0106民初8888号',
      basisIssuer: '杭州市西湖区人民法院',
      obligation: '支付工程款人民币1,260,000元及利息',
      performance: 'NONE_PERFORMED',
      behaviours: ['REFUSING_DESPITE_ABILITY'],
      decidedOn: new Date('2025-04-01'),
      publishedOn: new Date('2025-04-01'),
    },
  });
  await p.arrears.create({
    data: {
      debtorCode: bureau,
      creditorCode: firm,
      regionCode: '330106',
      description: '2023年道路保洁服务合同款',
      amount: 860000,
      dueOn: new Date('2024-06-30'),
      recordedOn: new Date('2025-01-15'),
    },
  });
  hub = await startTestHub(tdb.url, tdb.db);
  supervisor = bearer(await tokenFor({ role: 'supervisor' }));
  officer = bearer(await tokenFor({ role: 'officer', department: 'market' }));
});

after(async () => {
  restoreClock();
  await hub.close();
  await tdb.drop();
});

const PROFILE = `query($c: ID!) { subject(code: $c) {
  name kindLabel
  isALevelTaxpayer isMajorTaxViolator
  isDishonestDebtor
  registration { entityType } isInAbnormalOperationList
  environmentalRating { grade gradeLabel } isEnvironmentalIntegrityEnterprise
  arrearsOwed { amount outstandingAmount creditor { name } }
  arrearsOwedToSubject { outstandingAmount debtor { name isDishonestDebtor } }
  integrityEvaluation { score grade deductions { reason points } }
} }`;

describe('政务诚信 through federation', () => {
  it('spans every department for a government body, with the court status arriving through @requires', async () => {
    const { body } = await postGraphQL(hub.gatewayUrl, PROFILE, { c: bureau }, officer);
    assert.equal(body.errors, undefined);
    const s = (body.data as any).subject;
    assert.equal(s.kindLabel, '机关');
    assert.equal(s.isDishonestDebtor, true);
    assert.deepEqual(s.arrearsOwed, [
      { amount: 860000, outstandingAmount: 860000, creditor: { name: '杭州绿城环境工程有限公司' } },
    ]);
    assert.equal(s.registration, null);
    // 100 − 40 (dishonest judgment debtor, from the court) − 5 (one overdue arrear)
    assert.equal(s.integrityEvaluation.score, 55);
    assert.ok(s.integrityEvaluation.deductions.some((d: any) => d.points === 40 && /失信被执行人/.test(d.reason)));
  });

  it("shows an enterprise what government bodies owe it, beside its other departments' records", async () => {
    const { body } = await postGraphQL(hub.gatewayUrl, PROFILE, { c: firm }, officer);
    assert.equal(body.errors, undefined);
    const s = (body.data as any).subject;
    assert.equal(s.isALevelTaxpayer, true);
    assert.equal(s.registration.entityType, '有限责任公司（自然人投资或控股）');
    assert.deepEqual(s.environmentalRating, { grade: 'GREEN', gradeLabel: '环保诚信' });
    assert.equal(s.isEnvironmentalIntegrityEnterprise, true);
    assert.deepEqual(s.arrearsOwedToSubject, [
      { outstandingAmount: 860000, debtor: { name: '杭州市西湖区城市管理局', isDishonestDebtor: true } },
    ]);
    assert.equal(s.integrityEvaluation, null, 'only government bodies and public institutions are evaluated');
  });

  it('gives supervisors 政府失信被执行人占比 and outstanding arrears by region, from three subgraphs', async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `{ governmentIntegrity(regionCode: "330100") { regionCode governmentBodyCount dishonestGovernmentBodyCount dishonestDebtorRatio
          outstandingArrears dishonestGovernmentBodies { name } bodiesWithOutstandingArrears { name } } }`,
      {},
      supervisor,
    );
    assert.equal(body.errors, undefined);
    assert.deepEqual((body.data as any).governmentIntegrity, {
      regionCode: '330100',
      governmentBodyCount: 2,
      dishonestGovernmentBodyCount: 1,
      dishonestDebtorRatio: 0.5,
      outstandingArrears: 860000,
      dishonestGovernmentBodies: [{ name: '杭州市西湖区城市管理局' }],
      bodiesWithOutstandingArrears: [{ name: '杭州市西湖区城市管理局' }],
    });
    const refused = await postGraphQL(
      hub.gatewayUrl,
      `{ governmentIntegrity(regionCode: "330100") { dishonestDebtorRatio } }`,
      {},
      officer,
    );
    expectForbidden(refused, ['governmentIntegrity']);
  });

  it('reacts when the court withdraws the case: the body is cleared and its evaluation recovers', async () => {
    await tdb.db.prisma.dishonestDebtorCase.updateMany({
      where: { subjectCode: bureau },
      data: { status: 'WITHDRAWN', withdrawnOn: new Date('2025-10-01'), withdrawalReason: 'PERFORMED' },
    });
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `query($c: ID!) { subject(code: $c) { isDishonestDebtor integrityEvaluation { score } } }`,
      { c: bureau },
      officer,
    );
    assert.deepEqual((body.data as any).subject, { isDishonestDebtor: false, integrityEvaluation: { score: 95 } });
    const region = await postGraphQL(
      hub.gatewayUrl,
      `{ governmentIntegrity(regionCode: "330106") { dishonestDebtorRatio } }`,
      {},
      supervisor,
    );
    assert.equal((region.body.data as any).governmentIntegrity.dishonestDebtorRatio, 0);
  });
});
