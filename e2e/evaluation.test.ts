import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureEvaluationModels } from '@credit-hub/subgraph-evaluation';
import { AUTHORITIES } from '@credit-hub/subgraph-disclosure/authorities';
import pg from 'pg';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The file stands on one day on which all its ratings are in force, whatever the real date: a tax rating of year Y
// counts from its determination until 30 April of Y+2 (the 2024 ones through 2026-04-30, the 2025 ones from
// 2026-04-20), an environmental one until 31 December of Y+2.
const restoreClock = fixClock('2026-04-25');

// 公共信用综合评价 and 双随机 draws through the real gateway: the evaluation subgraph receives every
// department's facts through @requires (incl. the 政务诚信 evaluation, itself @requires the court) and never
// reads their tables.
let tdb: TestDatabase;
let hub: Hub;
const firm = makeUscc('91', '330106', 'MA2G0001'); // A-level taxpayer, green, one 失信 case, one 经营异常 entry
const bureau = makeUscc('11', '330106', '00290001'); // government body, a 失信被执行人
const violator = makeUscc('91', '330106', 'MA2G0002'); // 重大税收违法失信主体, rated D for it
const qualified = makeUscc('91', '330106', 'MA2G0003'); // tax A and two valid licences (资质), no environmental rating
const many = Array.from({ length: 50 }, (_, i) => makeUscc('91', '330212', `MA2H${String(i).padStart(4, '0')}`));
let officer: Record<string, string>;
let supervisor: Record<string, string>;
let admin: Record<string, string>;
let platform: Record<string, string>;

before(async () => {
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  await ensureEvaluationModels(client);
  await ensureEvaluationModels(client); // idempotent
  await client.end();
  const p = tdb.db.prisma;
  await p.creditSubject.createMany({
    data: [
      { code: firm, name: '杭州绿城环境工程有限公司', kind: 'ENTERPRISE', regionCode: '330106', industryCode: 'N' },
      { code: bureau, name: '杭州市西湖区城市管理局', kind: 'GOVERNMENT_BODY', regionCode: '330106' },
      { code: violator, name: '杭州虚开贸易有限公司', kind: 'ENTERPRISE', regionCode: '330106', industryCode: 'F' },
      { code: qualified, name: '杭州守信食品有限公司', kind: 'ENTERPRISE', regionCode: '330106', industryCode: 'C' },
      ...many.map((code, i) => ({
        code,
        name: `宁波市鄞州区测试企业${i}有限公司`,
        kind: 'ENTERPRISE' as const,
        regionCode: '330212',
        industryCode: i % 2 ? 'C' : 'F',
      })),
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
  const rating = (subjectCode: string, level: 'A' | 'D') => ({
    subjectCode,
    regionCode: '330106',
    year: 2025,
    level,
    evaluatedOn: new Date('2026-04-20'),
    authority: '国家税务总局杭州市西湖区税务局',
  });
  await p.taxCreditRating.createMany({ data: [rating(violator, 'D'), rating(qualified, 'A')] });
  await p.majorTaxViolation.create({
    data: {
      subjectCode: violator,
      regionCode: '330106',
      taxpayerName: '杭州虚开贸易有限公司',
      situation: 'FALSE_SPECIAL_INVOICES',
      mainFacts: '经查，该纳税人虚开增值税专用发票。',
      legalBasis: '《中华人民共和国税收征收管理法》',
      penalty: '处以罚款',
      inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
      authorityCode: '11330100MB0000001X',
      decisionServedOn: new Date('2026-02-20'),
      publishedOn: new Date('2026-03-15'),
      publicityEndsOn: new Date('2029-03-15'),
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
  const debtorCase = (caseNumber: string, subjectCode: string, name: string) => ({
    caseNumber,
    subjectCode,
    debtorKind: 'ORGANISATION' as const,
    debtorName: name,
    legalRepresentative: '周建国',
    regionCode: '330106',
    courtName: '杭州市西湖区人民法院',
    filedOn: new Date('2025-02-11'),
    basisDocumentNumber: '(2024)浙0106民初8888号',
    basisIssuer: '杭州市西湖区人民法院',
    obligation: '支付工程款人民币1,260,000元及利息',
    performance: 'NONE_PERFORMED' as const,
    behaviours: ['REFUSING_DESPITE_ABILITY' as const],
    decidedOn: new Date('2025-04-01'),
    publishedOn: new Date('2025-04-01'),
  });
  await p.dishonestDebtorCase.createMany({
    data: [
      debtorCase('(2025)浙0106执3001号', firm, '杭州绿城环境工程有限公司'),
      debtorCase('(2025)浙0106执3002号', bureau, '杭州市西湖区城市管理局'),
    ],
  });
  await p.abnormalOperation.create({
    data: {
      subjectCode: firm,
      regionCode: '330106',
      reason: 'ANNUAL_REPORT_NOT_FILED',
      listingAuthority: '杭州市西湖区市场监督管理局',
      listedOn: new Date('2025-07-10'),
    },
  });
  hub = await startTestHub(tdb.url, tdb.db);
  officer = bearer(await tokenFor({ role: 'officer', department: 'market' }));
  supervisor = bearer(await tokenFor({ role: 'supervisor' }));
  admin = bearer(await tokenFor({ role: 'admin' }));
  platform = bearer(await tokenFor({ role: 'officer', department: 'platform' }));
});

after(async () => {
  restoreClock();
  await hub.close();
  await tdb.drop();
});

const EVALUATION = `query($c: ID!) { subject(code: $c) { code creditEvaluation {
  score grade gradeLabel modelCode modelVersion baseScore evaluatedAt
  supervision { level label samplingRatio }
  explanation { code label department departmentLabel input value points capped rule records { id description } }
} } }`;
const evaluationOf = async (code: string, headers = officer) => {
  const { body } = await postGraphQL(hub.gatewayUrl, EVALUATION, { c: code }, headers);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return (body.data as any).subject.creditEvaluation;
};
const itemOf = (e: any, code: string) => e.explanation.find((i: any) => i.code === code);

describe('公共信用综合评价 through the gateway', () => {
  it("scores an enterprise from the departments' records, item by item with their source records", async () => {
    const e = await evaluationOf(firm);
    // 800 + 80 (tax A) + 40 (GREEN) − 150 (one 失信 case) − 40 (one 经营异常 entry)
    assert.equal(e.score, 730);
    assert.deepEqual([e.grade, e.gradeLabel], ['FAIR', '中等']);
    assert.deepEqual(e.supervision, { level: 'C', label: '信用风险较高', samplingRatio: 0.15 });
    assert.deepEqual([e.modelCode, e.modelVersion, e.baseScore], ['HUB-ENTERPRISE', 2, 800]);
    // v2: v1's ten indicators and the two 信用承诺 ones (docs/evaluation.md).
    assert.equal(e.explanation.length, 12, 'every indicator of the model is listed');
    assert.deepEqual(itemOf(e, 'TAX_CREDIT_LEVEL'), {
      code: 'TAX_CREDIT_LEVEL',
      label: '纳税信用级别',
      department: 'tax',
      departmentLabel: '税务部门',
      input: 'taxCreditLevel',
      value: 'A',
      points: 80,
      capped: false,
      rule: 'A：加80分；B：加30分；M：0分；C：扣100分；D：扣250分；其他或无记录：0分',
      records: [{ id: '2024', description: '2024年度纳税信用A级（2025-04-20 评定）' }],
    });
    assert.deepEqual(itemOf(e, 'DISHONEST_DEBTOR').records, [
      { id: '(2025)浙0106执3001号', description: '杭州市西湖区人民法院 2025-04-01 发布失信被执行人信息' },
    ]);
    assert.equal(itemOf(e, 'DISHONEST_DEBTOR').points, -150);
    assert.equal(itemOf(e, 'ENVIRONMENTAL_RATING').points, 40);
    assert.equal(itemOf(e, 'ABNORMAL_OPERATION').points, -40);
    assert.equal(itemOf(e, 'GENERAL_PENALTIES').points, 0);
    assert.equal(itemOf(e, 'GENERAL_PENALTIES').value, '0');
    assert.equal(itemOf(e, 'LICENCES').value, '0', 'the 双公示 intake answered: no valid licence');
  });

  it('evaluates a government body with the 政务诚信 evaluation, which itself needs the court (a @requires chain)', async () => {
    const e = await evaluationOf(bureau);
    assert.equal(e.modelCode, 'HUB-GOVERNMENT-BODY');
    const integrity = itemOf(e, 'GOVERNMENT_INTEGRITY');
    // 政务诚信: 100 − 40 (失信被执行人) = 60 → AT_RISK (失信风险) → −100 here. The case itself is that same fact:
    // counted once (过惩相当), not a second −100.
    assert.equal(integrity.value, 'AT_RISK');
    assert.equal(integrity.points, -100);
    assert.match(integrity.records[0].description, /政务诚信评价：失信风险（60分）/);
    assert.equal(itemOf(e, 'DISHONEST_DEBTOR').points, 0);
    assert.equal(itemOf(e, 'DISHONEST_DEBTOR').records.length, 1, 'the case is still shown as the source');
    assert.equal(e.score, 700);
    assert.equal(e.gradeLabel, '中等');
  });

  it('reacts when the court withdraws a case and the market removes the listing', async () => {
    const before = await evaluationOf(firm);
    const again = await evaluationOf(firm);
    assert.equal(again.evaluatedAt, before.evaluatedAt, 'unchanged inputs keep the stored evaluation');
    await tdb.db.prisma.dishonestDebtorCase.updateMany({
      where: { subjectCode: firm },
      data: { status: 'WITHDRAWN', withdrawnOn: new Date('2025-10-01'), withdrawalReason: 'PERFORMED' },
    });
    const afterCourt = await evaluationOf(firm);
    assert.equal(afterCourt.score, 880);
    assert.equal(itemOf(afterCourt, 'DISHONEST_DEBTOR').points, 0);
    assert.deepEqual(itemOf(afterCourt, 'DISHONEST_DEBTOR').records, []);
    assert.equal(afterCourt.gradeLabel, '良好');
    assert.ok(afterCourt.evaluatedAt > before.evaluatedAt, 'a changed input rewrites the stored evaluation');
    await tdb.db.prisma.abnormalOperation.updateMany({
      where: { subjectCode: firm },
      data: { status: 'REMOVED', removedOn: new Date('2025-10-15'), removalReason: '已补报年度报告' },
    });
    const afterMarket = await evaluationOf(firm);
    assert.equal(afterMarket.score, 920);
    assert.deepEqual([afterMarket.grade, afterMarket.supervision.level], ['EXCELLENT', 'A']);
    const stored = await tdb.db.prisma.subjectEvaluation.findUniqueOrThrow({ where: { subjectCode: firm } });
    assert.deepEqual(
      [stored.score, stored.grade, stored.supervisionLevel, stored.regionCode, stored.industryCode],
      [920, 'EXCELLENT', 'A', '330106', 'N'],
    );
  });

  it('refuses the public with a clean FORBIDDEN, the rest of the answer intact', async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      EVALUATION.replace('code creditEvaluation', 'code name creditEvaluation'),
      {
        c: firm,
      },
    );
    const subject = (body.data as any).subject;
    assert.equal(subject.name, '杭州绿城环境工程有限公司');
    assert.equal(subject.creditEvaluation, null);
    const codes = (body.errors ?? []).map((e: any) => e.extensions?.code);
    assert.ok(codes.includes('FORBIDDEN'), JSON.stringify(body.errors));
    assert.ok(!codes.includes('INTERNAL_SERVER_ERROR'), JSON.stringify(body.errors));
  });

  it('costs the evaluation subgraph the same SQL statements for 50 subjects as for 5', async () => {
    const page = (n: number) =>
      postGraphQL(
        hub.gatewayUrl,
        `query($n: Int) { searchSubjects(regionCode: "330212", first: $n) { nodes { code creditEvaluation { score grade } } } }`,
        { n },
        officer,
      );
    await page(50); // stores the 50 evaluations (the first write of each row)
    hub.resetStatements();
    const small = await page(5);
    const smallCount = hub.statements().evaluation;
    hub.resetStatements();
    const large = await page(50);
    const largeCount = hub.statements().evaluation;
    assert.equal(small.body.errors, undefined, JSON.stringify(small.body.errors));
    assert.equal(large.body.errors, undefined);
    assert.equal((large.body.data as any).searchSubjects.nodes.length, 50);
    assert.ok((large.body.data as any).searchSubjects.nodes.every((n: any) => n.creditEvaluation.score === 800));
    assert.equal(largeCount, smallCount);
    // The active models, the evaluation's own 信用承诺 facts, the batched upsert, and the audit trail's append (a
    // transaction of its own).
    assert.ok(smallCount <= 7, `expected a handful of statements, got ${smallCount}`);
  });
});

const CREATE = `mutation($i: EvaluationModelVersionInput!) { createEvaluationModelVersion(input: $i) { code version status } }`;
const ACTIVATE = `mutation($c: String!, $v: Int!) { activateEvaluationModel(code: $c, version: $v) { code version status activatedAt } }`;

describe('过惩相当 and 优秀 through the gateway', () => {
  const GROUPED = `query($c: ID!) { subject(code: $c) { creditEvaluation { score gradeLabel
    explanation { code points rawPoints group groupNote } } } }`;

  it('deducts a major tax violation once, not again for the D level it forces', async () => {
    const { body } = await postGraphQL(hub.gatewayUrl, GROUPED, { c: violator }, officer);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const e = (body.data as any).subject.creditEvaluation;
    const item = (code: string) => e.explanation.find((i: any) => i.code === code);
    assert.deepEqual(item('MAJOR_TAX_VIOLATION'), {
      code: 'MAJOR_TAX_VIOLATION',
      points: -300,
      rawPoints: -300,
      group: 'TAX_FACT',
      groupNote: null,
    });
    assert.deepEqual([item('TAX_CREDIT_LEVEL').points, item('TAX_CREDIT_LEVEL').rawPoints], [0, -250]);
    assert.match(item('TAX_CREDIT_LEVEL').groupNote, /同一事实/);
    assert.deepEqual([e.score, e.gradeLabel], [500, '较差']);
  });

  it('lets an A-level taxpayer with two valid licences reach 优秀 without an environmental rating', async () => {
    const market = AUTHORITIES.find((a) => a.department === 'market')!;
    const licence = (documentNumber: string) => ({
      subjectName: '杭州守信食品有限公司',
      subjectCategory: 'LEGAL_ENTITY',
      uscc: qualified,
      documentName: '准予行政许可决定书',
      documentNumber,
      category: 'GENERAL',
      certificateName: '食品生产许可证',
      content: '糕点生产',
      decidedOn: '2026-01-15',
      validFrom: '2026-01-15',
      validUntil: '2031-01-14',
      authorityName: market.name,
      authorityCode: market.code,
      status: 'VALID',
      sourceName: market.name,
      sourceCode: market.code,
    });
    const before = await evaluationOf(qualified);
    assert.deepEqual([before.score, before.gradeLabel], [880, '良好']);
    const marketOfficer = bearer(await tokenFor({ role: 'officer', department: 'market' }));
    const sent = await postGraphQL(
      hub.gatewayUrl,
      `mutation($rows: [LicenceInput!]!) { submitLicences(rows: $rows) { accepted quarantined } }`,
      { rows: [licence('浙杭食许〔2026〕1号'), licence('浙杭食许〔2026〕2号')] },
      marketOfficer,
    );
    assert.deepEqual((sent.body.data as any).submitLicences, { accepted: 2, quarantined: 0 });
    const after = await evaluationOf(qualified);
    assert.deepEqual([after.score, after.grade, after.gradeLabel], [900, 'EXCELLENT', '优秀']);
    assert.deepEqual(after.supervision, { level: 'A', label: '信用风险低', samplingRatio: 0.02 });
  });
});

describe('evaluation model versions', () => {
  it('lets the public read the models (policy), with every indicator and band', async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `{ evaluationModels(status: ACTIVE) { code version subjectKinds baseScore indicators { code ruleKind rule } grades { grade label minScore supervision { level samplingRatio } } } }`,
    );
    assert.equal(body.errors, undefined);
    const models = (body.data as any).evaluationModels;
    assert.deepEqual(
      models.map((m: any) => m.code),
      ['HUB-ENTERPRISE', 'HUB-GOVERNMENT-BODY', 'HUB-PUBLIC-INSTITUTION', 'HUB-SOCIAL-ORGANISATION'],
    );
    assert.deepEqual(
      models[0].grades.map((g: any) => [g.label, g.minScore]),
      [
        ['优秀', 900],
        ['良好', 750],
        ['中等', 600],
        ['较差', 0],
      ],
    );
    assert.deepEqual(models[0].indicators[2], {
      code: 'DISHONEST_DEBTOR',
      ruleKind: 'PER_RECORD',
      rule: '每条扣150分，最多扣300分',
    });
  });

  it('creates a version (admin only), validates it, activates it, and evaluations record it', async () => {
    const { body: list } = await postGraphQL(
      hub.gatewayUrl,
      `{ evaluationModel(code: "HUB-ENTERPRISE", version: 2) { definitionJson } }`,
    );
    const definition = JSON.parse((list.data as any).evaluationModel.definitionJson);
    definition.baseScore = 850;
    const input = {
      code: 'HUB-ENTERPRISE',
      name: '企业、个体工商户及农民专业合作社公共信用综合评价模型（2027版）',
      subjectKinds: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE', 'OTHER'],
      definition: JSON.stringify(definition),
    };
    for (const who of [officer, supervisor, platform, {}]) {
      const refused = await postGraphQL(hub.gatewayUrl, CREATE, { i: input }, who);
      assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    }
    const bad = { ...definition, grades: definition.grades.slice(0, 3) };
    const invalid = await postGraphQL(
      hub.gatewayUrl,
      CREATE,
      { i: { ...input, definition: JSON.stringify(bad) } },
      admin,
    );
    assert.deepEqual(
      [
        invalid.body.errors?.[0]?.extensions?.code,
        invalid.body.errors?.[0]?.extensions?.field,
        invalid.body.errors?.[0]?.extensions?.rule,
      ],
      ['BAD_USER_INPUT', 'definition.grades[2].minScore', 'COVERS_SCALE'],
    );
    const created = await postGraphQL(hub.gatewayUrl, CREATE, { i: input }, admin);
    assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
    assert.deepEqual((created.body.data as any).createEvaluationModelVersion, {
      code: 'HUB-ENTERPRISE',
      version: 3,
      status: 'DRAFT',
    });
    assert.equal((await evaluationOf(many[0]!)).modelVersion, 2, 'a draft is not used');

    const refused = await postGraphQL(hub.gatewayUrl, ACTIVATE, { c: 'HUB-ENTERPRISE', v: 3 }, supervisor);
    assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const activated = await postGraphQL(hub.gatewayUrl, ACTIVATE, { c: 'HUB-ENTERPRISE', v: 3 }, admin);
    assert.equal((activated.body.data as any).activateEvaluationModel.status, 'ACTIVE');
    const { body: v1 } = await postGraphQL(
      hub.gatewayUrl,
      `{ evaluationModel(code: "HUB-ENTERPRISE", version: 2) { status retiredAt } }`,
    );
    assert.equal((v1.data as any).evaluationModel.status, 'RETIRED');

    const e = await evaluationOf(many[0]!);
    assert.deepEqual([e.modelVersion, e.score, e.baseScore], [3, 850, 850]);
    const stored = await tdb.db.prisma.subjectEvaluation.findUniqueOrThrow({ where: { subjectCode: many[0]! } });
    assert.equal(stored.modelVersion, 3);
  });
});

const DRAW = `mutation($i: InspectionSampleInput!) { drawInspectionSample(input: $i) {
  id regionCode industryCode seed populationCount selectedCodes unevaluatedSubjectCount
  strata { level label samplingRatio population drawn } selected { code name } drawnBy } }`;

describe('分级分类监管: 双随机 inspection draws', () => {
  before(async () => {
    // Evaluate (and so store) the whole region: the draws' population.
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `{ searchSubjects(regionCode: "330212", first: 50) { nodes { creditEvaluation { score } } } }`,
      {},
      officer,
    );
    assert.equal(body.errors, undefined);
    // The refresh run of the province (npm run evaluate -- --region 33) covers its cities' draws.
    const refresh = await postGraphQL(
      hub.gatewayUrl,
      `mutation { recordEvaluationRefresh(regionCode: "330000", registeredSubjects: 54, evaluatedSubjects: 54) { id } }`,
      {},
      platform,
    );
    assert.equal(refresh.body.errors, undefined, JSON.stringify(refresh.body.errors));
  });

  it('draws reproducibly per seed, stratified by supervision level, and records the draw', async () => {
    const input = {
      regionCode: '330200',
      industryCode: 'C',
      seed: '2026-Q1-宁波',
      matter: '2026年度制造业企业双随机抽查',
    };
    const first = await postGraphQL(hub.gatewayUrl, DRAW, { i: input }, supervisor);
    assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
    const a = (first.body.data as any).drawInspectionSample;
    assert.equal(a.populationCount, 25);
    // One model version at 850 → every subject is 良好, level B at 5 %: ceil(25 × 0.05) = 2.
    assert.deepEqual(a.strata, [{ level: 'B', label: '信用风险一般', samplingRatio: 0.05, population: 25, drawn: 2 }]);
    assert.equal(a.selectedCodes.length, 2);
    assert.ok(
      a.selected.every((s: any) => s.name.startsWith('宁波市鄞州区测试企业')),
      'names come from the subject register',
    );
    assert.equal(a.unevaluatedSubjectCount, null, 'no refresh of this exact region recorded yet');
    const same = (await postGraphQL(hub.gatewayUrl, DRAW, { i: input }, supervisor)).body.data as any;
    assert.deepEqual(same.drawInspectionSample.selectedCodes, a.selectedCodes);
    assert.notEqual(same.drawInspectionSample.id, a.id);
    const seeds = await Promise.all(
      ['s1', 's2', 's3', 's4'].map(async (seed) => {
        const r = await postGraphQL(hub.gatewayUrl, DRAW, { i: { ...input, seed } }, supervisor);
        return (r.body.data as any).drawInspectionSample.selectedCodes.join();
      }),
    );
    assert.ok(
      seeds.some((s) => s !== a.selectedCodes.join()),
      'another seed gives another sample',
    );

    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `query($id: ID!) { inspectionSample(id: $id) { seed matter selectedCodes drawnBy } inspectionSamples(regionCode: "330200", first: 2) { nodes { id } pageInfo { hasNextPage } } }`,
      { id: a.id },
      supervisor,
    );
    assert.equal(body.errors, undefined);
    assert.deepEqual((body.data as any).inspectionSample, {
      seed: '2026-Q1-宁波',
      matter: '2026年度制造业企业双随机抽查',
      selectedCodes: a.selectedCodes,
      drawnBy: 'supervisor-all',
    });
    assert.equal((body.data as any).inspectionSamples.nodes.length, 2);
    assert.equal((body.data as any).inspectionSamples.pageInfo.hasNextPage, true);
  });

  it('says how many registered subjects of the region have no stored evaluation, after a refresh is recorded', async () => {
    const refused = await postGraphQL(
      hub.gatewayUrl,
      `mutation { recordEvaluationRefresh(regionCode: "330200", registeredSubjects: 53, evaluatedSubjects: 50) { id } }`,
      {},
      supervisor,
    );
    assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const recorded = await postGraphQL(
      hub.gatewayUrl,
      `mutation { recordEvaluationRefresh(regionCode: "330200", registeredSubjects: 53, evaluatedSubjects: 50) { id registeredSubjects } }`,
      {},
      platform,
    );
    assert.equal(recorded.body.errors, undefined, JSON.stringify(recorded.body.errors));
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      DRAW,
      { i: { regionCode: '330200', seed: 'x', matter: '全行业抽查' } },
      supervisor,
    );
    const d = (body.data as any).drawInspectionSample;
    assert.equal(d.populationCount, 50);
    assert.equal(d.unevaluatedSubjectCount, 3);
  });

  it('refuses draws to everyone but supervisors, and bad input with the field and rule', async () => {
    const input = { regionCode: '330200', seed: 'x', matter: '抽查' };
    for (const who of [officer, admin, platform, {}]) {
      const { body } = await postGraphQL(hub.gatewayUrl, DRAW, { i: input }, who);
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    }
    const bad = await postGraphQL(hub.gatewayUrl, DRAW, { i: { ...input, regionCode: '3302' } }, supervisor);
    assert.deepEqual(
      [
        bad.body.errors?.[0]?.extensions?.code,
        bad.body.errors?.[0]?.extensions?.field,
        bad.body.errors?.[0]?.extensions?.rule,
      ],
      ['BAD_USER_INPUT', 'input.regionCode', 'FORMAT'],
    );
    const list = await postGraphQL(hub.gatewayUrl, `{ inspectionSamples { nodes { id } } }`, {}, officer);
    assert.equal(list.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  // The staleness guard (docs/evaluation.md): a draw on stored evaluations not refreshed within 7 days is refused,
  // with nothing recorded. The refreshes above were recorded at the file's clock, 2026-04-25 12:00 China time.
  it('refuses a draw on a population older than 7 days, or never refreshed, and records nothing', async () => {
    const draw = async (regionCode: string, day: string) => {
      const restore = fixClock(day);
      try {
        return (await postGraphQL(hub.gatewayUrl, DRAW, { i: { regionCode, seed: 's', matter: '抽查' } }, supervisor))
          .body;
      } finally {
        restore();
      }
    };
    const before = await tdb.db.prisma.inspectionDraw.count();
    const lastDay = await draw('330200', '2026-05-02T12:00:00+08:00');
    assert.equal(lastDay.errors, undefined, 'exactly 7 days after the refresh: still fresh');
    const stale = await draw('330200', '2026-05-02T12:00:01+08:00');
    assert.deepEqual(
      [stale.errors?.[0]?.extensions?.code, stale.errors?.[0]?.extensions?.field, stale.errors?.[0]?.extensions?.rule],
      ['CONFLICT', 'input.regionCode', 'STALE_POPULATION'],
    );
    assert.equal(stale.data, null);
    const never = await draw('320100', '2026-04-25');
    assert.deepEqual(
      [never.errors?.[0]?.extensions?.code, never.errors?.[0]?.extensions?.rule],
      ['CONFLICT', 'NOT_REFRESHED'],
    );
    assert.equal(never.data, null);
    assert.equal(await tdb.db.prisma.inspectionDraw.count(), before + 1, 'only the fresh draw was recorded');
  });
});

// Inputs that count only within a window: the deduction is there on the window's first and last day and gone the
// day before and the day after, with the clock moved (the hub runs in this process) and every fact fetched through
// the gateway. A 2024 tax rating counts from its determination (2025-04-20) through 30 April 2026 (docs/rules/tax.md).
describe('evaluation inputs at the edges of their windows', () => {
  const lapsing = makeUscc('91', '330106', 'MA2G0009');
  before(async () => {
    await tdb.db.prisma.creditSubject.create({
      data: {
        code: lapsing,
        name: '杭州到期评级测试有限公司',
        kind: 'ENTERPRISE',
        regionCode: '330106',
        industryCode: 'F',
      },
    });
    await tdb.db.prisma.taxCreditRating.create({
      data: {
        subjectCode: lapsing,
        regionCode: '330106',
        year: 2024,
        level: 'D',
        evaluatedOn: new Date('2025-04-20'),
        authority: '国家税务总局杭州市西湖区税务局',
      },
    });
  });

  const on = async (day: string) => {
    const restore = fixClock(day);
    try {
      const e = await evaluationOf(lapsing);
      const tax = itemOf(e, 'TAX_CREDIT_LEVEL');
      return { value: tax.value, points: tax.points, score: e.score, base: e.baseScore };
    } finally {
      restore();
    }
  };

  it('deducts for a D rating from the day it is determined through its last day', async () => {
    for (const day of ['2025-04-20', '2026-04-30']) {
      const seen = await on(day);
      assert.deepEqual([seen.value, seen.points], ['D', -250], day);
      assert.equal(seen.score, seen.base - 250, `${day}: the base score − 250`);
    }
  });

  it('does not deduct the day before it is determined nor the day after it lapses', async () => {
    for (const day of ['2025-04-19', '2026-05-01']) {
      const seen = await on(day);
      assert.deepEqual([seen.value, seen.points], [null, 0], day);
      assert.equal(seen.score, seen.base, `${day}: the base score`);
    }
  });
});
