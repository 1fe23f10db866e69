import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureMeasureCatalogue } from '@credit-hub/subgraph-evaluation';
import pg from 'pg';
import type { Hub } from '@credit-hub/hub';
import { HUB_CONSUMERS } from '@credit-hub/hub/events';
import type { Sql } from '@credit-hub/kit/db';
import type { ConsumerDefinition } from '@credit-hub/kit/events';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// 信用核查 end to end: the gateway fetches each department's current list flags, the evaluation subgraph matches
// them against the 联合奖惩 catalogue and records the check. The departments' own mutations withdraw and remove
// records; the next check reflects it.
// The file stands on one day, whatever the real date: after the 2026-11-02 removal application it records, and
// while its 2025 A ratings (determined 2026-04-20) count — a tax rating of year Y stops counting after 30 April
// of Y+2, when the A-level incentives this file asserts would be gone.
const restoreClock = fixClock('2026-12-01');

let tdb: TestDatabase;
let hub: Hub;
let housing: Record<string, string>; // 住房和城乡建设局: runs tenders
let court: Record<string, string>;
let marketOfficer: Record<string, string>;

const debtor = makeUscc('91', '330106', 'MA2J0001'); // 失信被执行人 and A级纳税人
const abnormal = makeUscc('91', '330106', 'MA2J0002'); // 经营异常名录
const aLevel = makeUscc('91', '330106', 'MA2J0003'); // A级纳税人 only
const cleanFirm = makeUscc('91', '330106', 'MA2J0004');
const CASE = '(2026)浙0106执2001号';
let abnormalId: string;

const CHECK_FIELDS = `action lists { list type department } measures { code version kind legalBasis { citation verification { status } } }
  withheldIncentives { code }`;
const BATCH = `query($codes: [ID!]!, $matter: BusinessMatter!, $ref: String) {
  creditCheckSubjects(codes: $codes) { code creditCheck(matter: $matter, reference: $ref) { id ${CHECK_FIELDS} } } }`;

const batch = (codes: string[], matter: string, headers = housing, ref: string | null = null) =>
  postGraphQL(hub.gatewayUrl, BATCH, { codes, matter, ref }, headers);
const single = async (code: string, matter: string) => {
  const { body } = await batch([code], matter);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return (body.data as any).creditCheckSubjects[0].creditCheck;
};
const strip = ({ id: _id, ...rest }: any) => rest;

/** Per consumer, each call of its handler: the events it was given and the statements it sent for them. */
const handlerCalls = new Map<string, { events: number; statements: number; batch: boolean }[]>();

/** The consumer as the hub runs it, its handlers' statements counted (the bus bookkeeping is a constant per batch). */
function counted(def: ConsumerDefinition): ConsumerDefinition {
  const calls = handlerCalls.get(def.name) ?? [];
  handlerCalls.set(def.name, calls);
  const counting = (sql: Sql) => {
    let statements = 0;
    const wrapped: Sql = {
      rows: (text, values) => ((statements += 1), sql.rows(text, values)),
      execute: (text, values) => ((statements += 1), sql.execute(text, values)),
    };
    return { sql: wrapped, statements: () => statements };
  };
  const handleBatch = def.handleBatch;
  return {
    ...def,
    handle: async (event, sql) => {
      const c = counting(sql);
      await def.handle(event, c.sql);
      calls.push({ events: 1, statements: c.statements(), batch: false });
    },
    handleBatch:
      handleBatch &&
      (async (events, sql) => {
        const c = counting(sql);
        await handleBatch(events, c.sql);
        calls.push({ events: events.length, statements: c.statements(), batch: true });
      }),
  };
}

before(async () => {
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  await ensureMeasureCatalogue(client);
  await client.end();
  const p = tdb.db.prisma;
  await p.creditSubject.createMany({
    data: [debtor, abnormal, aLevel, cleanFirm].map((code, i) => ({
      code,
      name: [
        '杭州西湖建工集团有限公司',
        '杭州蓝桥装饰工程有限公司',
        '杭州之江设计院有限公司',
        '杭州清源环境科技有限公司',
      ][i]!,
      kind: 'ENTERPRISE' as const,
      regionCode: '330106',
      legalRepresentative: '王建',
    })),
  });
  for (const code of [debtor, aLevel])
    await p.taxCreditRating.create({
      data: {
        subjectCode: code,
        regionCode: '330106',
        year: 2025,
        level: 'A',
        score: 95,
        evaluatedOn: new Date('2026-04-20'),
        authority: '国家税务总局杭州市西湖区税务局',
      },
    });
  await p.dishonestDebtorCase.create({
    data: {
      caseNumber: CASE,
      subjectCode: debtor,
      debtorKind: 'ORGANISATION',
      debtorName: '杭州西湖建工集团有限公司',
      legalRepresentative: '王建',
      regionCode: '330106',
      courtName: '杭州市西湖区人民法院',
      filedOn: new Date('2026-03-02'),
      basisDocumentNumber: '(2025)浙0106民初6121号',
      basisIssuer: '杭州市西湖区人民法院',
      obligation: '支付工程款人民币2,380,000元',
      performance: 'NONE_PERFORMED',
      behaviours: ['REFUSING_DESPITE_ABILITY'],
      decidedOn: new Date('2026-05-06'),
      publishedOn: new Date('2026-05-06'),
    },
  });
  const entry = await p.abnormalOperation.create({
    data: {
      subjectCode: abnormal,
      regionCode: '330106',
      reason: 'ANNUAL_REPORT_NOT_FILED',
      listingAuthority: '杭州市西湖区市场监督管理局',
      listedOn: new Date('2026-07-15'),
    },
  });
  abnormalId = entry.id.toString();
  hub = await startTestHub(tdb.url, tdb.db, { events: { consumers: HUB_CONSUMERS.map(counted) } });
  housing = bearer(await tokenFor({ role: 'officer', department: 'housing', sub: 'zhang.housing' }));
  court = bearer(await tokenFor({ role: 'officer', department: 'court' }));
  marketOfficer = bearer(await tokenFor({ role: 'officer', department: 'market' }));
});

after(async () => {
  restoreClock();
  await hub.close();
  await tdb.drop();
});

describe('the 联合奖惩 catalogue through the gateway', () => {
  it('tells the public, for every measure, whether its citation was verified and where', async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `{ measures { code legalBasis { citation verification { status statusLabel sources note } } } }`,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const measures = (body.data as any).measures;
    assert.ok(measures.length >= 20);
    for (const m of measures) {
      const v = m.legalBasis.verification;
      assert.ok(
        (v.status === 'VERIFIED' && v.statusLabel === '已核实' && v.sources.length > 0) ||
          (v.status === 'TO_VERIFY' && v.statusLabel === '待核实' && v.note),
        m.code,
      );
    }
    const subsidy = measures.find((m: any) => m.code === 'DD-SUBSIDY-RESTRICT');
    assert.equal(
      subsidy.legalBasis.citation,
      '《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》（中办发〔2016〕64号）二（二）',
    );
  });
});

describe('credit checks through the gateway', () => {
  it('intercepts a 失信被执行人 in procurement and withholds its A-level incentives; the register still answers', async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `query($c: ID!) { subject(code: $c) { name isDishonestDebtor creditCheck(matter: LICENSING) { ${CHECK_FIELDS} } } }`,
      { c: debtor },
      housing,
    );
    assert.equal(body.errors, undefined);
    const s = (body.data as any).subject;
    assert.equal(s.name, '杭州西湖建工集团有限公司');
    assert.deepEqual(
      s.creditCheck.lists.map((l: any) => [l.list, l.type, l.department]),
      [
        ['DISHONEST_DEBTOR', 'BLACK', 'court'],
        ['A_LEVEL_TAXPAYER', 'RED', 'tax'],
      ],
    );
    assert.equal(s.creditCheck.action, 'RESTRICT');
    assert.deepEqual(
      s.creditCheck.measures.map((m: any) => m.code),
      ['LICENSING-NO-COMMITMENT', 'DD-LICENSING-NOTICE'],
    );
    assert.deepEqual(s.creditCheck.withheldIncentives, [{ code: 'A-LEVEL-GREEN-CHANNEL' }]);
    const procurement = await single(debtor, 'PUBLIC_PROCUREMENT');
    assert.equal(procurement.action, 'INTERCEPT');
    assert.equal(
      procurement.measures[0].legalBasis.citation,
      '《关于在政府采购活动中查询及使用信用记录有关问题的通知》（财库〔2016〕125号）',
    );
    assert.equal(procurement.measures[0].legalBasis.verification.status, 'VERIFIED');
  });

  it('answers a batch exactly as the sum of single checks, in input order', async () => {
    const codes = [cleanFirm, debtor, abnormal, aLevel, debtor];
    for (const matter of ['PUBLIC_PROCUREMENT', 'LICENSING', 'BIDDING']) {
      const { body } = await batch(codes, matter);
      assert.equal(body.errors, undefined);
      const batched = (body.data as any).creditCheckSubjects;
      assert.deepEqual(
        batched.map((s: any) => s.code),
        codes,
      );
      for (const [i, code] of codes.entries())
        assert.deepEqual(strip(batched[i].creditCheck), strip(await single(code, matter)), `${code} in ${matter}`);
    }
  });

  it('records a retried batch once when the caller sends an idempotency key (ADR 0050), and each call without one', async () => {
    const KEYED = `query($codes: [ID!]!, $key: String) { creditCheckSubjects(codes: $codes) {
      code creditCheck(matter: BIDDING, reference: "ZJZB-2026-301", idempotencyKey: $key) { id action checkedAt } } }`;
    const codes = [debtor, cleanFirm, debtor];
    const recorded = () => tdb.db.prisma.creditCheck.count({ where: { reference: 'ZJZB-2026-301' } });
    const call = async (key: string | null) => {
      const { body } = await postGraphQL(hub.gatewayUrl, KEYED, { codes, key }, housing);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      return (body.data as any).creditCheckSubjects.map((s: any) => s.creditCheck);
    };
    const first = await call('tender-301');
    assert.equal(first[0].id, first[2].id, 'the same subject twice under one key is one check');
    assert.equal(await recorded(), 2);
    assert.deepEqual(await call('tender-301'), first, 'the retry is answered with the checks made first');
    assert.equal(await recorded(), 2);
    await call(null);
    assert.equal(await recorded(), 5, 'without a key every check is recorded, as before');
  });

  it('turns CLEAR when the court withdraws the case (履行完毕), through the court’s own mutation', async () => {
    assert.equal((await single(debtor, 'BIDDING')).action, 'RESTRICT');
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `mutation($n: String!) { withdrawDishonestDebtorCase(caseNumber: $n, reason: PERFORMED) { status } }`,
      { n: CASE },
      court,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const bidding = await single(debtor, 'BIDDING');
    assert.equal(bidding.action, 'CLEAR');
    assert.deepEqual(
      bidding.lists.map((l: any) => l.list),
      ['A_LEVEL_TAXPAYER'],
    );
    // Off the black list, its red-list incentive is granted again.
    const licensing = await single(debtor, 'LICENSING');
    assert.equal(licensing.action, 'INCENTIVE');
    assert.deepEqual(licensing.withheldIncentives, []);
  });

  it('drops the 经营异常名录 reminder once market supervision removes the cured entry', async () => {
    const listed = await single(abnormal, 'PUBLIC_PROCUREMENT');
    assert.equal(listed.action, 'REMIND');
    assert.deepEqual(
      listed.measures.map((m: any) => m.code),
      ['AO-CONSIDERATION'],
    );
    const cure = await postGraphQL(
      hub.gatewayUrl,
      `mutation($id: ID!, $on: Date!) { applyForAbnormalRemoval(id: $id, appliedOn: $on, curedOn: $on) { status } }`,
      { id: abnormalId, on: '2026-11-02' },
      marketOfficer,
    );
    assert.equal(cure.body.errors, undefined, JSON.stringify(cure.body.errors));
    assert.equal((await single(abnormal, 'PUBLIC_PROCUREMENT')).action, 'REMIND', 'applied for but not yet removed');
    const removal = await postGraphQL(
      hub.gatewayUrl,
      `mutation($id: ID!) { removeAbnormalOperation(id: $id, reason: "已补报年度报告", removalAuthority: "杭州市西湖区市场监督管理局") { status } }`,
      { id: abnormalId },
      marketOfficer,
    );
    assert.equal(removal.body.errors, undefined, JSON.stringify(removal.body.errors));
    const after = await single(abnormal, 'PUBLIC_PROCUREMENT');
    assert.equal(after.action, 'CLEAR');
    assert.deepEqual(after.lists, []);
  });

  it('refuses the public cleanly: FORBIDDEN errors, public fields still answered, nothing recorded', async () => {
    const before = await tdb.db.prisma.creditCheck.count();
    const { body } = await batch([cleanFirm], 'BIDDING', {});
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const subject = await postGraphQL(
      hub.gatewayUrl,
      `query($c: ID!) { subject(code: $c) { name creditCheck(matter: BIDDING) { action } } }`,
      { c: cleanFirm },
    );
    assert.equal((subject.body.data as any).subject.name, '杭州清源环境科技有限公司');
    assert.equal((subject.body.data as any).subject.creditCheck, null);
    assert.equal(subject.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(await tdb.db.prisma.creditCheck.count(), before);
  });

  it('checks 1,000 subjects in one call within the gateway’s limits, at the same SQL cost per subgraph as 10', async () => {
    const codes = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        i % 100 === 0 ? aLevel : makeUscc('91', '330106', `MB${String(i).padStart(6, '0')}`),
      );
    const run = async (n: number, ref: string) => {
      await hub.events!.settle();
      for (const calls of handlerCalls.values()) calls.length = 0;
      hub.resetStatements();
      const started = performance.now();
      const { status, body } = await batch(codes(n), 'BIDDING', housing, ref);
      const ms = performance.now() - started;
      assert.equal(status, 200);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors?.slice(0, 2)));
      const results = (body.data as any).creditCheckSubjects;
      assert.equal(results.length, n);
      assert.ok(results.every((r: any) => r.creditCheck.action === 'CLEAR'));
      const statements = hub.statements();
      // The consumers of credit.check.recorded (push: its fan-out and what the checks restricted; metrics: the
      // facts) take every check's event, in batches whose statements do not grow with the events (ADR 0123).
      await hub.events!.settle();
      const consumers = Object.fromEntries(
        ['push.webhooks', 'metrics.facts'].map((name) => {
          const calls = handlerCalls.get(name)!;
          return [
            name,
            {
              events: calls.reduce((sum, c) => sum + c.events, 0),
              oneByOne: calls.filter((c) => !c.batch).length,
              perCall: Math.max(...calls.map((c) => c.statements)),
            },
          ];
        }),
      );
      return { statements, ms, consumers };
    };
    await run(10, 'warm-up');
    const ten = await run(10, 'tender-10');
    const thousand = await run(1000, 'tender-42');
    assert.deepEqual(thousand.statements, ten.statements);
    for (const [name, taken] of Object.entries({ ...thousand.consumers })) {
      assert.equal(taken.events, 1000, `${name} ${JSON.stringify(thousand.consumers)}`);
      assert.equal(taken.oneByOne, 0, name);
      assert.equal(taken.perCall, ten.consumers[name]!.perCall, name);
      assert.ok(taken.perCall <= 2, `${name}: ${taken.perCall} statements in one batch`);
    }
    assert.equal(ten.consumers['metrics.facts']!.events, 10);
    // One catalogue read and one insert of every check, plus the audit trail's append: a constant handful.
    assert.ok(thousand.statements.evaluation <= 10, JSON.stringify(thousand.statements));
    console.log(
      `batch check: 10 subjects ${ten.ms.toFixed(0)} ms, 1,000 subjects ${thousand.ms.toFixed(0)} ms; ` +
        `statements per subgraph ${JSON.stringify(thousand.statements)}; consumers ${JSON.stringify(thousand.consumers)}`,
    );

    const recorded = await tdb.db.prisma.creditCheck.groupBy({
      by: ['callerActor', 'callerRole', 'callerDepartment', 'matter', 'reference'],
      where: { reference: 'tender-42' },
      _count: true,
    });
    assert.deepEqual(recorded, [
      {
        callerActor: 'zhang.housing',
        callerRole: 'OFFICER',
        callerDepartment: 'housing',
        matter: 'BIDDING',
        reference: 'tender-42',
        _count: 1000,
      },
    ]);
  });
});
