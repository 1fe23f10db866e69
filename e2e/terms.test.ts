import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase, onDay } from '@credit-hub/kit/testing';
import { ensureEvaluationModels, ensureMeasureCatalogue } from '@credit-hub/subgraph-evaluation';
import pg from 'pg';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The law's clock through the gateway: market, tax and environment records whose term or validity ends are no
// longer public, no longer on a list, no longer a credit-check hit and no longer an evaluation input — on the day
// after their last day, with no job run. The hub runs in this process, so moving the clock moves every subgraph.
let tdb: TestDatabase;
let hub: Hub;
let housing: Record<string, string>;
let officer: Record<string, string>;

const lapsing = makeUscc('91', '330106', 'MA2G0001'); // 严重违法失信名单 2023-05-19: in force through 2026-05-19
const aFirm = makeUscc('91', '330106', 'MA2G0002'); // A for 2024 (determined 2025-04-20): counts through 2026-04-30
const evader = makeUscc('91', '330106', 'MA2G0003'); // 重大税收违法失信主体 published 2023-06-14: through 2026-06-14
const polluter = makeUscc('91', '330106', 'MA2G0004'); // RED (环保不良) for 2024, published 2025-05-20
const warned = makeUscc('91', '330106', 'MA2G0005'); // YELLOW (环保警示) for 2024, published 2025-05-20
const shop = makeUscc('92', '330106', 'MA2G0006'); // 个体工商户 marked 经营异常状态

const BUREAU = '杭州市西湖区市场监督管理局';

const CHECK = `query($c: ID!, $m: BusinessMatter!) { subject(code: $c) {
  creditCheck(matter: $m) { action lists { list type } measures { code kind } } } }`;

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const { body } = await postGraphQL(hub.gatewayUrl, query, variables, headers);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as any;
}

const check = async (code: string, matter: string) =>
  (await gql(CHECK, { c: code, m: matter }, housing)).subject.creditCheck;
const lists = (c: any) => c.lists.map((l: any) => l.list);
const measures = (c: any) => c.measures.map((m: any) => m.code);

before(async () => {
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  await ensureMeasureCatalogue(client);
  await ensureEvaluationModels(client);
  await client.end();
  const p = tdb.db.prisma;
  await p.creditSubject.createMany({
    data: [lapsing, aFirm, evader, polluter, warned, shop].map((code, i) => ({
      code,
      name: [
        '杭州鑫达贸易有限公司',
        '杭州之江设计院有限公司',
        '杭州恒丰五金有限公司',
        '杭州西子印染有限公司',
        '杭州钱塘化纤有限公司',
        '杭州市西湖区老周面馆',
      ][i]!,
      kind: code.startsWith('92') ? ('INDIVIDUAL_BUSINESS' as const) : ('ENTERPRISE' as const),
      regionCode: '330106',
      legalRepresentative: '王建',
    })),
  });
  await p.seriousIllegalListing.create({
    data: {
      subjectCode: lapsing,
      regionCode: '330106',
      penaltyKind: 'HEAVY_FINE',
      penaltyDecision: '杭西市监罚〔2023〕41号',
      basis: '《市场监督管理严重违法失信名单管理办法》第二条、第七条、第十二条',
      facts: '当事人生产、销售不符合保障人身、财产安全的国家标准的电线电缆，被处以从重罚款。',
      decisionDocument: '杭市监严列〔2023〕5号',
      listingAuthority: '杭州市市场监督管理局',
      listedOn: new Date('2023-05-19'),
      expiresOn: new Date('2026-05-19'),
    },
  });
  await p.abnormalOperation.create({
    data: {
      subjectCode: shop,
      regionCode: '330106',
      kind: 'MARK',
      reason: 'ANNUAL_REPORT_NOT_FILED',
      listingAuthority: BUREAU,
      listedOn: new Date('2025-07-10'),
    },
  });
  await p.taxCreditRating.create({
    data: {
      subjectCode: aFirm,
      regionCode: '330106',
      year: 2024,
      level: 'A',
      score: 95,
      evaluatedOn: new Date('2025-04-20'),
      authority: '国家税务总局杭州市西湖区税务局',
    },
  });
  await p.majorTaxViolation.create({
    data: {
      subjectCode: evader,
      regionCode: '330106',
      taxpayerName: '杭州恒丰五金有限公司',
      situation: 'FALSE_SPECIAL_INVOICES',
      mainFacts: '经检查，该单位虚开增值税专用发票86份，金额980万元。',
      legalBasis: '依照《中华人民共和国税收征收管理法》《中华人民共和国发票管理办法》等相关法律法规的有关规定',
      penalty: '对其处以罚款的行政处罚',
      inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
      authorityCode: makeUscc('11', '330100', '00260001'),
      decisionServedOn: new Date('2023-05-22'),
      publishedOn: new Date('2023-06-14'),
      publicityEndsOn: new Date('2026-06-14'),
    },
  });
  for (const [code, grade] of [
    [polluter, 'RED'],
    [warned, 'YELLOW'],
  ] as const)
    await p.environmentalRating.create({
      data: {
        subjectCode: code,
        regionCode: '330106',
        year: 2024,
        grade,
        pollutionPrevention: 55,
        ecologicalProtection: 60,
        environmentalManagement: 58,
        socialSupervision: 62,
        authority: '杭州市生态环境局西湖分局',
        evaluatedOn: new Date('2025-05-20'),
      },
    });
  hub = await startTestHub(tdb.url, tdb.db);
  housing = bearer(await tokenFor({ role: 'officer', department: 'housing' }));
  officer = bearer(await tokenFor({ role: 'officer', department: 'market' }));
});

after(async () => {
  await hub.close();
  await tdb.drop();
});

describe('严重违法失信名单: three years, then off every public read and every check', () => {
  for (const [day, listed] of [
    ['2026-05-18', true],
    ['2026-05-19', true],
    ['2026-05-20', false],
  ] as const) {
    it(`${day}: ${listed ? 'still listed' : 'gone, with no write'}`, () =>
      onDay(day, async () => {
        const s = (
          await gql(
            `query($c: ID!) { subject(code: $c) { isSeriousIllegal seriousIllegalListings { expiresOn status } } }`,
            {
              c: lapsing,
            },
          )
        ).subject;
        assert.equal(s.isSeriousIllegal, listed);
        assert.deepEqual(s.seriousIllegalListings, listed ? [{ expiresOn: '2026-05-19', status: 'LISTED' }] : []);
        const list = await gql(`{ seriousIllegalListings(regionCode: "330106") { nodes { subject { code } } } }`);
        assert.equal(list.seriousIllegalListings.nodes.length, listed ? 1 : 0);
        const c = await check(lapsing, 'PUBLIC_PROCUREMENT');
        assert.equal(lists(c).includes('SERIOUS_ILLEGAL'), listed);
        assert.equal(measures(c).includes('SI-CONSIDERATION'), listed);
      }));
  }

  it('keeps the expired entry for government users, marked EXPIRED', () =>
    onDay('2026-05-20', async () => {
      const s = (
        await gql(
          `query($c: ID!) { subject(code: $c) { seriousIllegalListings(includeRemoved: true) { status statusLabel } } }`,
          { c: lapsing },
          officer,
        )
      ).subject;
      assert.deepEqual(s.seriousIllegalListings, [{ status: 'EXPIRED', statusLabel: '期满移出' }]);
    }));
});

describe('个体工商户: marked, not listed', () => {
  it('shows the mark, keeps the subject off the 经营异常名录 list and out of its measures', async () => {
    const s = (
      await gql(
        `query($c: ID!) { subject(code: $c) { isInAbnormalOperationList isMarkedAbnormal
        abnormalOperations { kind kindLabel statusLabel } } }`,
        { c: shop },
      )
    ).subject;
    assert.deepEqual(s, {
      isInAbnormalOperationList: false,
      isMarkedAbnormal: true,
      abnormalOperations: [{ kind: 'MARK', kindLabel: '标记为经营异常状态', statusLabel: '标记' }],
    });
    const c = await check(shop, 'PUBLIC_PROCUREMENT');
    assert.ok(!lists(c).includes('ABNORMAL_OPERATION'));
  });
});

describe('纳税信用: an A counts only while in force', () => {
  for (const [day, inForce] of [
    ['2026-04-29', true],
    ['2026-04-30', true],
    ['2026-05-01', false],
  ] as const) {
    it(`${day}: ${inForce ? 'A-level, with its incentives' : 'an old A: no incentive'}`, () =>
      onDay(day, async () => {
        const s = (await gql(`query($c: ID!) { subject(code: $c) { isALevelTaxpayer } }`, { c: aFirm })).subject;
        assert.equal(s.isALevelTaxpayer, inForce);
        const today = await gql(`{ aLevelTaxpayers(regionCode: "330106") { nodes { subject { code } } } }`);
        assert.equal(today.aLevelTaxpayers.nodes.length, inForce ? 1 : 0);
        // The year's list stays history.
        const year = await gql(`{ aLevelTaxpayers(year: 2024, regionCode: "330106") { totalCount } }`);
        assert.equal(year.aLevelTaxpayers.totalCount, 1);
        const c = await check(aFirm, 'LICENSING');
        assert.deepEqual(lists(c), inForce ? ['A_LEVEL_TAXPAYER'] : []);
        assert.deepEqual(measures(c), inForce ? ['A-LEVEL-GREEN-CHANNEL'] : []);
        assert.equal(c.action, inForce ? 'INCENTIVE' : 'CLEAR');
      }));
  }

  it('scores the evaluation with the rating in force only', async () => {
    const EVALUATION = `query($c: ID!) { subject(code: $c) { creditEvaluation { explanation { code value points } } } }`;
    const supervisor = bearer(await tokenFor({ role: 'supervisor' }));
    const taxItem = async (day: string) =>
      onDay(day, async () =>
        (await gql(EVALUATION, { c: aFirm }, supervisor)).subject.creditEvaluation.explanation.find(
          (i: any) => i.code === 'TAX_CREDIT_LEVEL',
        ),
      );
    assert.deepEqual(await taxItem('2026-04-30'), { code: 'TAX_CREDIT_LEVEL', value: 'A', points: 80 });
    assert.deepEqual(await taxItem('2026-05-01'), { code: 'TAX_CREDIT_LEVEL', value: null, points: 0 });
  });
});

describe('重大税收违法失信主体: three years of publicity', () => {
  for (const [day, published] of [
    ['2026-06-13', true],
    ['2026-06-14', true],
    ['2026-06-15', false],
  ] as const) {
    it(`${day}: ${published ? 'published, intercepted in procurement' : 'publicity over'}`, () =>
      onDay(day, async () => {
        const s = (await gql(`query($c: ID!) { subject(code: $c) { isMajorTaxViolator } }`, { c: evader })).subject;
        assert.equal(s.isMajorTaxViolator, published);
        const c = await check(evader, 'PUBLIC_PROCUREMENT');
        assert.equal(lists(c).includes('MAJOR_TAX_VIOLATOR'), published);
        assert.equal(c.action, published ? 'INTERCEPT' : 'CLEAR');
      }));
  }
});

describe('企业环境信用评价: RED is black-listed and YELLOW watched, while the rating is in force', () => {
  it('blacklists RED (环保不良) in the national four grades, with the 150号 measures', () =>
    onDay('2026-06-01', async () => {
      const c = await check(polluter, 'SUBSIDY');
      assert.deepEqual(c.lists, [{ list: 'ENVIRONMENTAL_BLACKLIST', type: 'BLACK' }]);
      assert.deepEqual(measures(c), ['ENV-BLACK-FUNDS']);
      assert.equal(c.action, 'RESTRICT');
    }));

  it('puts YELLOW (环保警示) on 重点关注, with its 150号 measures', () =>
    onDay('2026-06-01', async () => {
      const s = (
        await gql(`query($c: ID!) { subject(code: $c) { isOnEnvironmentalWatchList isOnEnvironmentalBlacklist } }`, {
          c: warned,
        })
      ).subject;
      assert.deepEqual(s, { isOnEnvironmentalWatchList: true, isOnEnvironmentalBlacklist: false });
      const subsidy = await check(warned, 'SUBSIDY');
      assert.deepEqual(subsidy.lists, [{ list: 'ENVIRONMENTAL_WATCH', type: 'WATCH' }]);
      assert.deepEqual(measures(subsidy), ['ENV-WATCH-FUNDS']);
      assert.equal(subsidy.action, 'REMIND');
      assert.deepEqual(measures(await check(warned, 'MARKET_SUPERVISION')), ['ENV-WATCH-INSPECTION']);
    }));

  for (const [day, inForce] of [
    ['2026-12-30', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ] as const) {
    it(`${day}: the 2024 ratings ${inForce ? 'still count' : 'are history: no punishment'}`, () =>
      onDay(day, async () => {
        assert.equal(lists(await check(polluter, 'SUBSIDY')).includes('ENVIRONMENTAL_BLACKLIST'), inForce);
        assert.equal(lists(await check(warned, 'SUBSIDY')).includes('ENVIRONMENTAL_WATCH'), inForce);
        const s = (await gql(`query($c: ID!) { subject(code: $c) { environmentalRating { year } } }`, { c: polluter }))
          .subject;
        assert.deepEqual(s.environmentalRating, inForce ? { year: 2024 } : null);
      }));
  }
});
