import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, setClock, type Identity, type RunningService } from '@credit-hub/kit';
import {
  createTestDatabase,
  expectForbidden,
  makeUscc,
  postAs,
  callers,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { EVALUATION_MODEL } from '../src/integrity-evaluation/rules.ts';
import { startGovernmentSubgraph } from '../src/index.ts';
import { governmentSeed } from './seed.ts';

// The government subgraph in-process over real HTTP against a real Postgres clone; each test file owns its data.
let tdb: TestDatabase;
let service: RunningService;
let seed: ReturnType<typeof governmentSeed>;

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const today = chinaToday();
const TODAY = iso(today);
const thisYear = today.getUTCFullYear();
const daysSince = (date: string) => Math.round((today.getTime() - d(date).getTime()) / 86_400_000);

const office = makeUscc('11', '330106', '00270001'); // 杭州市西湖区人民政府办公室 (机关)
const education = makeUscc('11', '330106', '00270002'); // 杭州市西湖区教育局 (机关)
const hospital = makeUscc('12', '330100', '47000001'); // 杭州市第一人民医院 (事业单位)
const yinzhou = makeUscc('11', '330212', '00270003'); // 宁波市鄞州区住房和城乡建设局
const huzhou = makeUscc('11', '330502', '00270004'); // 湖州市吴兴区交通运输局: the paging data
const builder = makeUscc('91', '330106', 'MA2G0001'); // 杭州西溪建设工程有限公司
const furniture = makeUscc('91', '330108', 'MA2G0002'); // 杭州滨江办公家具有限公司
const shop = makeUscc('92', '330212', 'MA2G0003'); // 个体工商户: 鄞州区老陈五金店

type ArrearsSeed = Parameters<ReturnType<typeof governmentSeed>['arrears']>[0];

/** An arrear as the seed takes it (test/seed.ts: the region from the debtor's USCC, OUTSTANDING unless stated). */
const arrears = (
  id: number,
  debtorCode: string,
  creditorCode: string,
  description: string,
  amount: number,
  due: string,
  recorded: string,
  extra: Partial<ArrearsSeed> = {},
): ArrearsSeed => ({ id: BigInt(id), debtorCode, creditorCode, description, amount, due, recorded, ...extra });

/** Cleared arrears of one body for the paging test, three per day so that the id breaks ties. */
const bulk = Array.from({ length: 23 }, (_, i) =>
  arrears(
    100 + i,
    huzhou,
    builder,
    `工程款：乡村道路养护工程第${i + 1}标段`,
    50_000 + i,
    '2024-03-31',
    `2024-05-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`,
    { status: 'CLEARED', paidAmount: 50_000 + i, clearedOn: d('2024-08-30') },
  ),
);

before(async () => {
  tdb = await createTestDatabase();
  seed = governmentSeed(tdb.db);
  await seed.arrears.many([
    arrears(1, office, builder, '工程款：西湖区文三路小学改扩建工程（二期）', 3_860_000, '2025-06-30', '2025-09-01'),
    arrears(2, education, furniture, '货款：2024年度中小学办公家具采购合同', 286_500, '2025-03-31', '2025-05-10', {
      status: 'PARTLY_PAID',
      paidAmount: 100_000,
    }),
    arrears(3, hospital, builder, '工程款：门诊楼二层装修改造工程', 1_200_000, '2024-12-31', '2025-02-01', {
      status: 'CLEARED',
      paidAmount: 1_200_000,
      clearedOn: d('2025-07-20'),
    }),
    arrears(4, yinzhou, shop, '货款：保障房维修五金材料', 52_000.5, '2025-10-31', '2025-11-10'),
    ...bulk,
  ]);
  await seed.payment.many([
    { arrearsId: 2n, amount: 100_000, paid: '2025-08-15' },
    { arrearsId: 3n, amount: 500_000, paid: '2025-07-20' },
    { arrearsId: 3n, amount: 700_000, paid: '2025-04-30' },
  ]);
  await seed.commitment.many([
    {
      id: 1n,
      bodyCode: office,
      content: '招商引资承诺：给予企业三年租金减免（杭州西溪建设工程有限公司入驻西湖科创园）',
      made: '2023-05-12',
      due: '2025-05-31',
      status: 'BROKEN',
      fulfilledOn: today,
      evidence: '经核查，2025年起未再减免租金，企业已缴纳全额租金',
    },
    {
      id: 2n,
      bodyCode: office,
      content: '承诺2025年底前完成园区周边道路配套建设',
      made: '2024-03-01',
      due: '2025-12-31',
    },
    {
      id: 3n,
      bodyCode: education,
      content: '承诺60日内支付中小学办公家具采购尾款',
      made: '2024-09-01',
      due: '2024-10-31',
      status: 'FULFILLED',
      fulfilledOn: d('2024-10-20'),
      evidence: '银行转账凭证（2024-10-20）',
    },
  ]);
  await seed.complaint.many([
    {
      id: 1n,
      bodyCode: office,
      complainantCode: builder,
      content: '新官不理旧账：区政府换届后拒不兑现招商引资时承诺的三年租金减免',
      received: '2025-10-09',
      outcome: 'UPHELD',
      handledOn: today,
      handlingNote: '投诉成立，责令限期兑现承诺并追究相关责任',
    },
    {
      id: 2n,
      bodyCode: office,
      content: '匿名反映区政府拖欠工程款',
      received: '2025-11-02',
    },
    {
      id: 3n,
      bodyCode: education,
      complainantCode: furniture,
      content: '教育局未按合同约定支付家具采购款',
      received: '2025-06-01',
      outcome: 'REJECTED',
      handledOn: d('2025-06-20'),
      handlingNote: '合同约定验收合格后付款，验收尚未完成，投诉不成立',
    },
  ]);
  service = await startGovernmentSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

// Most tests read as a tax officer (a government user outside the department); the access tests vary the caller.
const taxOfficer = callers.officer('tax');
const query = (q: string, variables: Record<string, unknown> = {}, who: Identity = taxOfficer) =>
  postAs(service.url, who, q, variables);
type Rep = string | { code: string; isDishonestDebtor?: boolean | null };
const entities = (reps: Rep[], selection: string, who: Identity = taxOfficer) =>
  query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code ${selection} } } }`,
    { r: reps.map((r) => ({ __typename: 'CreditSubject', ...(typeof r === 'string' ? { code: r } : r) })) },
    who,
  );
const data = (response: Awaited<ReturnType<typeof query>>) => {
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  return response.body.data as any;
};
const auditReads = () =>
  tdb.db.prisma.$queryRaw<{ subject_code: string | null; fields: string; actor: string }[]>`
    SELECT subject_code, fields, actor FROM audit.entry WHERE action = 'READ' ORDER BY seq`;

const ARREARS = `id debtor { code } creditor { code } regionCode description amount paidAmount outstandingAmount dueOn
  recordedOn status statusLabel clearedOn daysOverdue overdue payments { id amount paidOn }`;

describe('arrears on the subject', () => {
  it("shows a body's page what it owes, newest record first, with payments and overdue days", async () => {
    const [e, h] = data(await entities([education, hospital], `arrearsOwed { ${ARREARS} }`))._entities;
    assert.equal(e.arrearsOwed.length, 1);
    const [a] = e.arrearsOwed;
    assert.deepEqual(
      { ...a, payments: a.payments.map((p: any) => ({ ...p, id: undefined })) },
      {
        id: '2',
        debtor: { code: education },
        creditor: { code: furniture },
        regionCode: '330106',
        description: '货款：2024年度中小学办公家具采购合同',
        amount: 286500,
        paidAmount: 100000,
        outstandingAmount: 186500,
        dueOn: '2025-03-31',
        recordedOn: '2025-05-10',
        status: 'PARTLY_PAID',
        statusLabel: '部分支付',
        clearedOn: null,
        daysOverdue: daysSince('2025-03-31'),
        overdue: true,
        payments: [{ id: undefined, amount: 100000, paidOn: '2025-08-15' }],
      },
    );
    const [cleared] = h.arrearsOwed;
    assert.deepEqual(
      [cleared.status, cleared.statusLabel, cleared.clearedOn, cleared.daysOverdue, cleared.overdue],
      ['CLEARED', '已清偿', '2025-07-20', 201, false],
    );
    assert.equal(cleared.outstandingAmount, 0);
    // Payments oldest first, whatever order they were recorded in.
    assert.deepEqual(
      cleared.payments.map((p: any) => [p.paidOn, p.amount]),
      [
        ['2025-04-30', 700000],
        ['2025-07-20', 500000],
      ],
    );
  });

  it("shows an enterprise's page what government bodies owe it", async () => {
    const [b, f, s] = data(
      await entities([builder, furniture, shop], 'arrearsOwedToSubject { id debtor { code } outstandingAmount }'),
    )._entities;
    assert.deepEqual(b.arrearsOwedToSubject.slice(0, 2), [
      { id: '1', debtor: { code: office }, outstandingAmount: 3860000 },
      { id: '3', debtor: { code: hospital }, outstandingAmount: 0 },
    ]);
    assert.equal(b.arrearsOwedToSubject.length, 2 + bulk.length);
    assert.deepEqual(f.arrearsOwedToSubject, [{ id: '2', debtor: { code: education }, outstandingAmount: 186500 }]);
    assert.deepEqual(s.arrearsOwedToSubject, [{ id: '4', debtor: { code: yinzhou }, outstandingAmount: 52000.5 }]);
  });

  it('gives empty lists to subjects without records', async () => {
    const [f] = data(
      await entities(
        [furniture],
        'arrearsOwed { id } commitments { id } complaints { id } integrityEvaluation { score }',
      ),
    )._entities;
    assert.deepEqual(f, {
      code: furniture,
      arrearsOwed: [],
      commitments: [],
      complaints: [],
      integrityEvaluation: null,
    });
  });
});

describe('commitments and complaints', () => {
  it('lists commitments newest first; a pending one past its due date reads as overdue', async () => {
    const [o] = data(
      await entities(
        [office],
        'commitments { id body { code } regionCode content madeOn dueOn status statusLabel overdue fulfilledOn evidence }',
      ),
    )._entities;
    assert.deepEqual(o.commitments, [
      {
        id: '2',
        body: { code: office },
        regionCode: '330106',
        content: '承诺2025年底前完成园区周边道路配套建设',
        madeOn: '2024-03-01',
        dueOn: '2025-12-31',
        status: 'PENDING',
        statusLabel: '待履行',
        overdue: today.getTime() > d('2025-12-31').getTime(),
        fulfilledOn: null,
        evidence: null,
      },
      {
        id: '1',
        body: { code: office },
        regionCode: '330106',
        content: '招商引资承诺：给予企业三年租金减免（杭州西溪建设工程有限公司入驻西湖科创园）',
        madeOn: '2023-05-12',
        dueOn: '2025-05-31',
        status: 'BROKEN',
        statusLabel: '未履行（违约）',
        overdue: false,
        fulfilledOn: TODAY,
        evidence: '经核查，2025年起未再减免租金，企业已缴纳全额租金',
      },
    ]);
  });

  it('lists complaints against a body with their outcome and complainant', async () => {
    const [o, e] = data(
      await entities(
        [office, education],
        'complaints { id body { code } complainant { code } content receivedOn outcome outcomeLabel handledOn handlingNote }',
      ),
    )._entities;
    assert.deepEqual(
      o.complaints.map((c: any) => [c.id, c.complainant, c.outcome, c.outcomeLabel, c.handledOn]),
      [
        ['2', null, 'PENDING', '待处理', null],
        ['1', { code: builder }, 'UPHELD', '投诉成立', TODAY],
      ],
    );
    assert.deepEqual(e.complaints[0], {
      id: '3',
      body: { code: education },
      complainant: { code: furniture },
      content: '教育局未按合同约定支付家具采购款',
      receivedOn: '2025-06-01',
      outcome: 'REJECTED',
      outcomeLabel: '投诉不成立',
      handledOn: '2025-06-20',
      handlingNote: '合同约定验收合格后付款，验收尚未完成，投诉不成立',
    });
  });
});

describe('政务诚信 evaluation (@requires isDishonestDebtor)', () => {
  const EVALUATION = `integrityEvaluation { subject { code } year asOf score grade gradeLabel modelVersion
    deductions { kind reason points source sourceId } }`;

  it('evaluates a body with the courts’ status from the representation, item by item', async () => {
    const [listed, notListed] = data(
      await entities(
        [
          { code: office, isDishonestDebtor: true },
          { code: office, isDishonestDebtor: false },
        ],
        EVALUATION,
      ),
    )._entities;
    assert.deepEqual(listed.integrityEvaluation, {
      subject: { code: office },
      year: thisYear,
      asOf: TODAY,
      score: 40,
      grade: 'DISHONEST',
      gradeLabel: '失信',
      modelVersion: EVALUATION_MODEL.version,
      deductions: [
        { kind: 'DISHONEST_DEBTOR', reason: '被人民法院列为失信被执行人', points: 40, source: 'COURT', sourceId: null },
        {
          kind: 'OVERDUE_ARREARS',
          reason: '拖欠中小企业账款逾期未清偿：工程款：西湖区文三路小学改扩建工程（二期）（约定付款日期2025-06-30）',
          points: 5,
          source: 'ARREARS',
          sourceId: '1',
        },
        {
          kind: 'BROKEN_COMMITMENT',
          reason: '政府承诺未履行：招商引资承诺：给予企业三年租金减免（杭州西溪建设工程有限公司入驻西湖科创园）',
          points: 10,
          source: 'COMMITMENT',
          sourceId: '1',
        },
        {
          kind: 'UPHELD_COMPLAINT',
          reason: '政府违约投诉成立：新官不理旧账：区政府换届后拒不兑现招商引资时承诺的三年租金减免',
          points: 5,
          source: 'COMPLAINT',
          sourceId: '1',
        },
      ],
    });
    assert.equal(notListed.integrityEvaluation.score, 80);
    assert.equal(notListed.integrityEvaluation.gradeLabel, '基本诚信');
    assert.equal(notListed.integrityEvaluation.deductions.length, 3);
  });

  it('evaluates public institutions too, and other subjects not at all', async () => {
    const [e, h, b] = data(
      await entities(
        [
          { code: education, isDishonestDebtor: false },
          { code: hospital, isDishonestDebtor: false },
          { code: builder, isDishonestDebtor: false },
        ],
        'integrityEvaluation { score grade gradeLabel deductions { kind sourceId } }',
      ),
    )._entities;
    assert.deepEqual(e.integrityEvaluation, {
      score: 95,
      grade: 'CREDITWORTHY',
      gradeLabel: '诚信',
      deductions: [{ kind: 'OVERDUE_ARREARS', sourceId: '2' }],
    });
    assert.deepEqual(h.integrityEvaluation, { score: 100, grade: 'CREDITWORTHY', gradeLabel: '诚信', deductions: [] });
    assert.equal(b.integrityEvaluation, null);
  });

  it('evaluates a past year as of 31 December, without the courts’ current status', async () => {
    const [o] = data(
      await entities(
        [{ code: office, isDishonestDebtor: true }],
        'integrityEvaluation(year: 2025) { year asOf score deductions { kind sourceId } }',
      ),
    )._entities;
    assert.deepEqual(o.integrityEvaluation, {
      year: 2025,
      asOf: '2025-12-31',
      score: 95,
      deductions: [{ kind: 'OVERDUE_ARREARS', sourceId: '1' }],
    });
  });

  it('refuses to evaluate without the courts’ status, rather than leave out its deduction', async () => {
    for (const rep of [office, { code: office, isDishonestDebtor: null }]) {
      const { body } = await entities([rep], 'integrityEvaluation { score }');
      assert.equal(body.errors?.[0]?.extensions?.code, 'REQUIRED_FIELDS_UNAVAILABLE');
      assert.equal((body.data as any)._entities[0].integrityEvaluation, null);
    }
    // Resolved inside this subgraph (not through the gateway), a nested subject has no court status either.
    const { body } = await query(
      `{ arrears(debtorCode: "${office}") { nodes { debtor { integrityEvaluation { score } } } } }`,
    );
    assert.equal(body.errors?.[0]?.extensions?.code, 'REQUIRED_FIELDS_UNAVAILABLE');
  });

  for (const year of [1999, thisYear + 1]) {
    it(`rejects the year ${year}`, async () => {
      const { body } = await entities(
        [{ code: office, isDishonestDebtor: false }],
        `integrityEvaluation(year: ${year}) { score }`,
      );
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(body.errors?.[0]?.extensions?.rule, 'RANGE');
    });
  }

  it('tells 动态清零 status: not listed and no overdue arrears', async () => {
    const result = data(
      await entities(
        [
          { code: office, isDishonestDebtor: false },
          { code: hospital, isDishonestDebtor: false },
          { code: hospital, isDishonestDebtor: true },
          { code: hospital, isDishonestDebtor: null },
          { code: builder, isDishonestDebtor: false },
        ],
        'isClearedOfDishonesty',
      ),
    )._entities;
    assert.deepEqual(
      result.map((s: any) => s.isClearedOfDishonesty),
      [false, true, false, null, null],
    );
  });
});

describe('RegionIntegrity (shared with the subject register and the courts)', () => {
  const REGION = `query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionIntegrity {
    regionCode dishonestDebtorRatio outstandingArrears arrearsCount bodiesWithOutstandingArrears { code } } } }`;

  it('computes 政府失信被执行人占比 from the counts in the representation', async () => {
    const reps = [
      { regionCode: '330100', governmentBodyCount: 40, dishonestGovernmentBodyCount: 2 },
      { regionCode: '330200', governmentBodyCount: 0, dishonestGovernmentBodyCount: 0 },
    ].map((r) => ({ __typename: 'RegionIntegrity', ...r }));
    const [hangzhou, ningbo] = data(await query(REGION, { r: reps }, callers.supervisor()))._entities;
    assert.deepEqual(hangzhou, {
      regionCode: '330100',
      dishonestDebtorRatio: 0.05,
      outstandingArrears: 4046500,
      arrearsCount: 2,
      bodiesWithOutstandingArrears: [{ code: office }, { code: education }],
    });
    assert.deepEqual(ningbo, {
      regionCode: '330200',
      dishonestDebtorRatio: 0,
      outstandingArrears: 52000.5,
      arrearsCount: 1,
      bodiesWithOutstandingArrears: [{ code: yinzhou }],
    });
  });

  it('needs the contributed counts for the ratio', async () => {
    const { body } = await query(
      REGION,
      { r: [{ __typename: 'RegionIntegrity', regionCode: '330100' }] },
      callers.supervisor(),
    );
    assert.equal(body.errors?.[0]?.extensions?.code, 'REQUIRED_FIELDS_UNAVAILABLE');
  });

  it('answers governmentIntegrity for supervisors (not administrators), every region in one statement', async () => {
    const Q = `query($code: String!) { governmentIntegrity(regionCode: $code) {
      regionCode outstandingArrears arrearsCount bodiesWithOutstandingArrears { code } } }`;
    const refused = await query(Q, { code: '330000' }, callers.admin());
    assert.equal(refused.body.data ?? null, null);
    assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    tdb.db.resetStatements();
    const province = data(await query(Q, { code: '330000' }, callers.supervisor())).governmentIntegrity;
    assert.deepEqual(province, {
      regionCode: '330000',
      outstandingArrears: 4098500.5,
      arrearsCount: 3,
      bodiesWithOutstandingArrears: [{ code: office }, { code: education }, { code: yinzhou }],
    });
    const xihu = data(await query(Q, { code: '330106' }, callers.supervisor())).governmentIntegrity;
    assert.equal(xihu.arrearsCount, 2);
    const none = data(await query(Q, { code: '110000' }, callers.supervisor())).governmentIntegrity;
    assert.deepEqual(none, {
      regionCode: '110000',
      outstandingArrears: 0,
      arrearsCount: 0,
      bodiesWithOutstandingArrears: [],
    });

    tdb.db.resetStatements();
    const reps = ['330100', '330106', '330200', '330000'].map((regionCode) => ({
      __typename: 'RegionIntegrity',
      regionCode,
    }));
    data(
      await query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionIntegrity { outstandingArrears arrearsCount } } }`,
        { r: reps },
        callers.supervisor(),
      ),
    );
    assert.equal(tdb.db.statements(), 1);
  });

  it('audits which bodies owe when it releases them', async () => {
    const before = (await auditReads()).length;
    data(
      await query(
        `{ governmentIntegrity(regionCode: "330200") { bodiesWithOutstandingArrears { code } } }`,
        {},
        callers.supervisor(),
      ),
    );
    assert.deepEqual(
      (await auditReads()).slice(before).map((r) => [r.subject_code, JSON.parse(r.fields), r.actor]),
      [[yinzhou, ['RegionIntegrity.bodiesWithOutstandingArrears'], 'supervisor-1']],
    );
  });

  it('rejects a malformed region code', async () => {
    const { body } = await query(
      `{ governmentIntegrity(regionCode: "3301") { regionCode } }`,
      {},
      callers.supervisor(),
    );
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(body.errors?.[0]?.extensions?.field, 'regionCode');
  });

  for (const [label, who] of [
    ['the public', callers.public],
    ['a tax officer', callers.officer('tax')],
    ['a government officer', callers.officer('government')],
    ['a government system', callers.system('government', ['read', 'write'])],
  ] as const) {
    it(`refuses ${label} the region figures`, async () => {
      const root = await query(`{ governmentIntegrity(regionCode: "330100") { regionCode arrearsCount } }`, {}, who);
      assert.equal(root.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.equal(root.body.data ?? null, null);
      const entity = await query(REGION, { r: [{ __typename: 'RegionIntegrity', regionCode: '330100' }] }, who);
      expectForbidden(entity);
    });
  }
});

describe('arrears list', () => {
  const LIST = `query($region: String, $status: ArrearsStatus, $debtor: ID, $creditor: ID, $first: Int, $after: String) {
    arrears(regionCode: $region, status: $status, debtorCode: $debtor, creditorCode: $creditor, first: $first, after: $after) {
      totalCount
      edges { cursor node { id recordedOn status debtor { code } } }
      nodes { id }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  const list = async (variables: Record<string, unknown>, who: Identity = taxOfficer) =>
    data(await query(LIST, variables, who)).arrears;

  it('lists arrears newest record first, filtered by region, status, debtor and creditor', async () => {
    const hangzhou = await list({ region: '330100' });
    assert.deepEqual(
      hangzhou.edges.map((e: any) => [e.node.id, e.node.recordedOn, e.node.status]),
      [
        ['1', '2025-09-01', 'OUTSTANDING'],
        ['2', '2025-05-10', 'PARTLY_PAID'],
        ['3', '2025-02-01', 'CLEARED'],
      ],
    );
    assert.equal(hangzhou.totalCount, 3);
    const count = async (variables: Record<string, unknown>) => (await list(variables)).totalCount;
    assert.equal(await count({}), 4 + bulk.length);
    assert.equal(await count({ region: '330000', status: 'CLEARED' }), 1 + bulk.length);
    assert.equal(await count({ status: 'OUTSTANDING' }), 2);
    assert.equal(await count({ debtor: office }), 1);
    assert.equal(await count({ debtor: office.toLowerCase() }), 1);
    assert.equal(await count({ creditor: builder }), 2 + bulk.length);
    assert.equal(await count({ creditor: builder, region: '330100' }), 2);
  });

  it('pages without gaps or repeats, ties broken by id', async () => {
    const all = await list({ debtor: huzhou, first: 100 });
    assert.equal(all.nodes.length, bulk.length);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = await list({ debtor: huzhou, first: 5, after });
      pages += 1;
      assert.equal(page.pageInfo.hasPreviousPage, after !== null);
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(pages, Math.ceil(bulk.length / 5));
    assert.deepEqual(
      seen,
      all.nodes.map((n: any) => n.id),
    );
    assert.equal(new Set(seen).size, bulk.length);
    const keys = all.edges.map((e: any) => [e.node.recordedOn, BigInt(e.node.id)] as [string, bigint]);
    for (let i = 1; i < keys.length; i++) {
      const [pd, pid] = keys[i - 1]!;
      const [cd, cid] = keys[i]!;
      assert.ok(pd > cd || (pd === cd && pid > cid), `order broken at ${i}`);
    }
  });

  it('audits the debtor and creditor of every arrear it releases', async () => {
    const before = (await auditReads()).length;
    await list({ debtor: yinzhou }, callers.system('court', ['read']));
    assert.deepEqual(
      (await auditReads())
        .slice(before)
        .map((r) => [r.subject_code, JSON.parse(r.fields), r.actor])
        .sort(),
      [
        [shop, ['Query.arrears'], 'apikey:court'],
        [yinzhou, ['Query.arrears'], 'apikey:court'],
      ].sort(),
    );
  });

  for (const [label, variables, field, rule] of [
    ['a malformed region', { region: '3301' }, 'regionCode', 'FORMAT'],
    [
      'a debtor code with a wrong check character',
      { debtor: office.slice(0, -1) + (office.endsWith('0') ? '1' : '0') },
      'debtorCode',
      'CHECK_CHARACTER',
    ],
    ['a short creditor code', { creditor: '91330106' }, 'creditorCode', 'LENGTH'],
    ['first of zero', { first: 0 }, 'first', 'RANGE'],
    ['first over the maximum', { first: 101 }, 'first', 'RANGE'],
    ['a foreign cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after', 'CURSOR'],
  ] as const) {
    it(`rejects ${label}`, async () => {
      const { body } = await query(LIST, variables);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(body.errors?.[0]?.extensions?.field, field);
      assert.equal(body.errors?.[0]?.extensions?.rule, rule);
    });
  }
});

describe('access', () => {
  const SHARED_FIELDS = 'arrearsOwed { id } arrearsOwedToSubject { id } commitments { id } complaints { id }';

  it('refuses the public every shared field, and the arrears list', async () => {
    const { body } = await entities([office], SHARED_FIELDS, callers.public);
    assert.equal(body.errors?.length, 4);
    for (const error of body.errors ?? []) assert.equal(error.extensions?.code, 'FORBIDDEN');
    assert.deepEqual((body.data as any)._entities[0], {
      code: office,
      arrearsOwed: null,
      arrearsOwedToSubject: null,
      commitments: null,
      complaints: null,
    });
    const evaluation = await entities(
      [{ code: office, isDishonestDebtor: false }],
      'integrityEvaluation { score } isClearedOfDishonesty',
      callers.public,
    );
    expectForbidden(evaluation, ['_entities', 0, 'integrityEvaluation']);
    expectForbidden(evaluation, ['_entities', 0, 'isClearedOfDishonesty']);
    const listed = await query(`{ arrears { totalCount } }`, {}, callers.public);
    assert.equal(listed.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(listed.body.data ?? null, null);
  });

  it('refuses a system without the read scope', async () => {
    const answer = await entities([office], 'arrearsOwed { id }', callers.system('government', ['write']));
    expectForbidden(answer, ['_entities', 0, 'arrearsOwed']);
  });

  it('gives government users the shared fields and audits each subject read', async () => {
    const before = (await auditReads()).length;
    for (const who of [callers.officer('market'), callers.supervisor(), callers.system('tax', ['read'])]) {
      const [o] = data(await entities([office], SHARED_FIELDS, who))._entities;
      assert.equal(o.arrearsOwed.length, 1);
      assert.equal(o.commitments.length, 2);
    }
    const reads = (await auditReads()).slice(before);
    assert.deepEqual(
      reads.map((r) => [r.subject_code, JSON.parse(r.fields), r.actor]),
      ['officer-market', 'supervisor-1', 'apikey:tax'].map((actor) => [
        office,
        [
          'CreditSubject.arrearsOwed',
          'CreditSubject.arrearsOwedToSubject',
          'CreditSubject.commitments',
          'CreditSubject.complaints',
        ],
        actor,
      ]),
    );
  });
});

describe('batching', () => {
  it('loads every field of many subjects with the same statements for 2 as for 50', async () => {
    const others = Array.from({ length: 48 }, (_, i) =>
      makeUscc(i % 2 ? '11' : '91', '330106', `MA2H${String(i).padStart(4, '0')}`),
    );
    const selection = `arrearsOwed { amount payments { amount } } arrearsOwedToSubject { id payments { paidOn } }
      commitments { statusLabel overdue } complaints { outcomeLabel complainant { code } }
      integrityEvaluation { score deductions { kind } } isClearedOfDishonesty`;
    const reps = (codes: string[]) => codes.map((code) => ({ code, isDishonestDebtor: false }));
    tdb.db.resetStatements();
    const few = await entities(reps([office, builder]), selection);
    const forTwo = tdb.db.statements();
    tdb.db.resetStatements();
    const many = await entities(reps([...others, office, builder]), selection);
    const forFifty = tdb.db.statements();
    data(few);
    assert.equal(data(many)._entities.length, 50);
    // Arrears on both sides with commitments and complaints (one statement, ADR 0080), then their payments, and the
    // audit trail's one transaction (lock, chain head, insert, commit); the evaluation and 动态清零 status reuse the
    // loaders.
    assert.equal(forTwo, 6);
    assert.equal(forFifty, 6);
  });

  it('resolves references without SQL', async () => {
    tdb.db.resetStatements();
    data(await entities([office, builder, { code: hospital, isDishonestDebtor: true }], ''));
    assert.equal(tdb.db.statements(), 0);
  });
});

describe('one day per request', () => {
  // A body of its own, outside every region the other tests count (440106, 广州市天河区), removed afterwards.
  const canton = makeUscc('11', '440106', '00270009'); // 广州市天河区某局 (机关)
  const supplier = makeUscc('91', '440106', 'MA2G0009');

  /**
   * A clock read once just before midnight in China and just after it from then on: a request that starts on 31
   * December and resolves its fields on 1 January. The subgraph reads "today" once per request (loaders.ts), so
   * every field answers as of the day the request began; reading it per field, they would disagree.
   */
  const acrossMidnight = (day: string, next: string) => {
    let reads = 0;
    return setClock({
      now: () => new Date(reads++ === 0 ? `${day}T23:59:59.900+08:00` : `${next}T00:00:00.100+08:00`),
    });
  };

  it('answers overdue flags, days overdue and the evaluation as of the day the request began', async () => {
    const p = tdb.db.prisma;
    await seed.arrears(arrears(900, canton, supplier, '货款：办公设备采购合同', 80_000, '2026-12-31', '2026-12-31'));
    await seed.commitment({
      id: 900n,
      bodyCode: canton,
      content: '承诺年底前兑现企业扶持资金',
      made: '2026-06-01',
      due: '2026-12-31',
    });
    const restore = acrossMidnight('2026-12-31', '2027-01-01');
    let answer;
    try {
      answer = await entities(
        [{ code: canton, isDishonestDebtor: false }],
        `arrearsOwed { overdue daysOverdue } commitments { overdue } isClearedOfDishonesty
         integrityEvaluation { year asOf score deductions { kind } }`,
      );
    } finally {
      restore();
      await p.arrears.delete({ where: { id: 900n } });
      await p.commitment.delete({ where: { id: 900n } });
    }
    const [body] = data(answer)._entities;
    // Due on 31 December: not yet overdue on that day, whichever field asks.
    assert.deepEqual(body.arrearsOwed, [{ overdue: false, daysOverdue: 0 }]);
    assert.deepEqual(body.commitments, [{ overdue: false }]);
    assert.equal(body.isClearedOfDishonesty, true);
    assert.deepEqual(body.integrityEvaluation, { year: 2026, asOf: '2026-12-31', score: 100, deductions: [] });
  });
});
