import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, verifyAudit, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertConflict,
  assertOk,
  callers,
  createTestDatabase,
  makeUscc,
  postAs,
  refusedWrite,
  snapshot,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  writeRows,
} from '@credit-hub/kit/testing';
import { startGovernmentSubgraph } from '../src/index.ts';

// The government subgraph's mutations over real HTTP against a real Postgres clone; the file starts empty and
// every write below goes through the API, so the audit trail can be compared write by write at the end.
let tdb: TestDatabase;
/** The tables a write of this subgraph could change (the write-nothing snapshot). */
const TABLES = [
  'government.arrears',
  'government.arrears_payment',
  'government.commitment',
  'government.complaint',
  'government.outbox',
];
let service: RunningService;

const govOfficer = callers.officer('government');
const govSystem = callers.system('government', ['read', 'write']);
/** Writing is not reading: a system with only the write scope gets back the ids of what it wrote, nothing more. */
const writeOnlySystem = callers.system('government', ['write']);

const chinaDay = (offsetDays: number) => {
  const today = chinaToday();
  today.setUTCDate(today.getUTCDate() + offsetDays);
  return today.toISOString().slice(0, 10);
};
const TODAY = chinaDay(0);
const TOMORROW = chinaDay(1);
/** The last character of a code replaced by another valid one: the check character no longer fits. */
const breakCheck = (code: string) => code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

const office = makeUscc('11', '330106', '00290001'); // 杭州市西湖区人民政府办公室
const education = makeUscc('11', '330106', '00290002'); // 杭州市西湖区教育局
const hospital = makeUscc('12', '330100', '47000009'); // 杭州市第一人民医院 (事业单位)
const builder = makeUscc('91', '330106', 'MA2K0001'); // 杭州西溪建设工程有限公司
const furniture = makeUscc('91', '330108', 'MA2K0002'); // 杭州滨江办公家具有限公司
const shop = makeUscc('92', '330106', 'MA2K0003'); // 个体工商户
const coop = makeUscc('93', '330127', 'MA2K0004'); // 淳安县千岛湖茶叶专业合作社
const association = makeUscc('51', '330106', 'MA2K0005'); // 社会团体: not a market subject
const partyCommittee = makeUscc('13', '330106', '00290003'); // 群众团体: not 机关 or 事业单位

/** Every successful write, in order: the audit trail must hold exactly these WRITE rows. */
const expectedWrites: { actor: string; role: string; mutation: string; subject: string }[] = [];

const call = (q: string, variables: Record<string, unknown> = {}, who: Identity = govOfficer) =>
  postAs(service.url, who, q, variables);
type Response = Awaited<ReturnType<typeof call>>;

const ARREARS = `id debtor { code } creditor { code } regionCode description amount paidAmount outstandingAmount dueOn
  recordedOn status statusLabel clearedOn daysOverdue overdue payments { amount paidOn }`;
const COMMITMENT = `id body { code } regionCode content madeOn dueOn status statusLabel overdue fulfilledOn evidence`;
const COMPLAINT = `id body { code } complainant { code } regionCode content receivedOn outcome outcomeLabel handledOn
  handlingNote`;
const RECORD_ARREARS = `mutation($input: ArrearsInput!) { recordArrears(input: $input) { ${ARREARS} } }`;
const PAY = `mutation($id: ID!, $amount: Float!, $paidOn: Date!) {
  recordArrearsPayment(arrearsId: $id, amount: $amount, paidOn: $paidOn) { ${ARREARS} }
}`;
const RECORD_COMMITMENT = `mutation($input: CommitmentInput!) { recordCommitment(input: $input) { ${COMMITMENT} } }`;
const FULFIL = `mutation($id: ID!, $status: CommitmentResolution!, $evidence: String!, $on: Date!) {
  recordCommitmentFulfilment(id: $id, status: $status, evidence: $evidence, fulfilledOn: $on) { ${COMMITMENT} }
}`;
const RECORD_COMPLAINT = `mutation($input: ComplaintInput!) { recordComplaint(input: $input) { ${COMPLAINT} } }`;
const HANDLE = `mutation($id: ID!, $outcome: ComplaintResolution!, $note: String!, $on: Date!) {
  recordComplaintOutcome(id: $id, outcome: $outcome, note: $note, handledOn: $on) { ${COMPLAINT} }
}`;

/** The subject a record's audit row must name (the debtor or body), by record id. */
const subjectOf = new Map<string, string>();

/** Runs a mutation and remembers it as a write when the mutation field came back with data. */
async function write(
  mutation: string,
  q: string,
  variables: Record<string, unknown>,
  subject: string | ((result: any) => string),
  who: Identity,
): Promise<Response> {
  const response = await call(q, variables, who);
  const result = (response.body.data as any)?.[mutation];
  if (result) {
    const code = typeof subject === 'string' ? subject : subject(result);
    expectedWrites.push({ actor: who.actor, role: who.role, mutation: `Mutation.${mutation}`, subject: code });
  }
  return response;
}

const recordArrears = (input: Record<string, unknown>, who = govOfficer) =>
  write(
    'recordArrears',
    RECORD_ARREARS,
    { input },
    (r) => (subjectOf.set(`a${r.id}`, r.debtor.code), r.debtor.code),
    who,
  );
const pay = (id: string, amount: number, paidOn: string, who = govOfficer) =>
  write('recordArrearsPayment', PAY, { id, amount, paidOn }, subjectOf.get(`a${id}`) ?? '?', who);
const recordCommitment = (input: Record<string, unknown>, who = govOfficer) =>
  write(
    'recordCommitment',
    RECORD_COMMITMENT,
    { input },
    (r) => (subjectOf.set(`c${r.id}`, r.body.code), r.body.code),
    who,
  );
const fulfil = (id: string, status: string, evidence: string, on: string, who = govOfficer) =>
  write('recordCommitmentFulfilment', FULFIL, { id, status, evidence, on }, subjectOf.get(`c${id}`) ?? '?', who);
const recordComplaint = (input: Record<string, unknown>, who = govOfficer) =>
  write(
    'recordComplaint',
    RECORD_COMPLAINT,
    { input },
    (r) => (subjectOf.set(`p${r.id}`, r.body.code), r.body.code),
    who,
  );
const handle = (id: string, outcome: string, note: string, on: string, who = govOfficer) =>
  write('recordComplaintOutcome', HANDLE, { id, outcome, note, on }, subjectOf.get(`p${id}`) ?? '?', who);

const arrearsInput = (extra: Record<string, unknown> = {}) => ({
  debtorCode: office,
  creditorCode: builder,
  description: '工程款：西湖区文三路小学改扩建工程（二期）施工合同（西政采〔2024〕35号）',
  amount: 3_860_000,
  dueOn: '2025-06-30',
  recordedOn: '2025-09-01',
  ...extra,
});
const commitmentInput = (extra: Record<string, unknown> = {}) => ({
  bodyCode: office,
  content: '招商引资承诺：给予企业三年租金减免（2024年1月至2026年12月）',
  madeOn: '2023-12-15',
  dueOn: '2026-12-31',
  ...extra,
});
const complaintInput = (extra: Record<string, unknown> = {}) => ({
  bodyCode: office,
  complainantCode: builder,
  content: '新官不理旧账：区政府换届后拒不兑现招商引资时承诺的三年租金减免',
  receivedOn: '2025-10-09',
  ...extra,
});

before(async () => {
  tdb = await createTestDatabase();
  service = await startGovernmentSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

describe('recordArrears', () => {
  it('records what a government body owes an enterprise, the region taken from the debtor', async () => {
    const created = assertOk(
      await recordArrears(arrearsInput({ debtorCode: ` ${office.toLowerCase()} ` })),
      'recordArrears',
    );
    assert.ok(/^\d+$/.test(created.id));
    assert.deepEqual(
      { ...created, id: undefined, daysOverdue: undefined },
      {
        id: undefined,
        debtor: { code: office },
        creditor: { code: builder },
        regionCode: '330106',
        description: '工程款：西湖区文三路小学改扩建工程（二期）施工合同（西政采〔2024〕35号）',
        amount: 3860000,
        paidAmount: 0,
        outstandingAmount: 3860000,
        dueOn: '2025-06-30',
        recordedOn: '2025-09-01',
        status: 'OUTSTANDING',
        statusLabel: '未支付',
        clearedOn: null,
        daysOverdue: undefined,
        overdue: true,
        payments: [],
      },
    );
    assert.ok(created.daysOverdue > 100);
  });

  it('records arrears of public institutions to 个体工商户 and 农民专业合作社, today by default', async () => {
    const toShop = assertOk(
      await recordArrears(
        {
          debtorCode: hospital,
          creditorCode: shop,
          description: '货款：门诊楼保洁用品',
          amount: 12_800.5,
          dueOn: TODAY,
        },
        govSystem,
      ),
      'recordArrears',
    );
    assert.deepEqual(
      [toShop.recordedOn, toShop.regionCode, toShop.amount, toShop.overdue, toShop.daysOverdue],
      [TODAY, '330100', 12800.5, false, 0],
    );
    const toCoop = assertOk(
      await recordArrears(
        arrearsInput({
          debtorCode: education,
          creditorCode: coop,
          description: '货款：学校食堂茶叶采购',
          amount: 8_600,
          regionCode: '330127',
        }),
      ),
      'recordArrears',
    );
    assert.equal(toCoop.regionCode, '330127');
  });

  for (const [label, extra, field, rule] of [
    ['an enterprise as debtor', { debtorCode: furniture }, 'input.debtorCode', 'DEBTOR_KIND'],
    ['a 群众团体 as debtor', { debtorCode: partyCommittee }, 'input.debtorCode', 'DEBTOR_KIND'],
    [
      'a debtor code with a wrong check character',
      { debtorCode: breakCheck(office) },
      'input.debtorCode',
      'CHECK_CHARACTER',
    ],
    ['a government body as creditor', { creditorCode: education }, 'input.creditorCode', 'CREDITOR_KIND'],
    ['a 社会团体 as creditor', { creditorCode: association }, 'input.creditorCode', 'CREDITOR_KIND'],
    ['a short creditor code', { creditorCode: '9133010' }, 'input.creditorCode', 'LENGTH'],
    ['an amount of 0', { amount: 0 }, 'input.amount', 'RANGE'],
    ['a negative amount', { amount: -500 }, 'input.amount', 'RANGE'],
    ['an amount below the 分', { amount: 100.005 }, 'input.amount', 'PRECISION'],
    ['an empty description', { description: '  ' }, 'input.description', 'REQUIRED'],
    [
      'a record date in the future (China time)',
      { recordedOn: TOMORROW, dueOn: '2025-06-30' },
      'input.recordedOn',
      'NOT_IN_FUTURE',
    ],
    ['a due date after the record date', { dueOn: '2025-09-02' }, 'input.dueOn', 'NOT_YET_DUE'],
    ['a malformed region code', { regionCode: '3301' }, 'input.regionCode', 'FORMAT'],
  ] as const) {
    it(`rejects ${label}, writing nothing`, () =>
      refusedWrite(
        tdb.db,
        TABLES,
        () => recordArrears(arrearsInput(extra)),
        (response) => assertBadInput(response, field, rule),
      ));
  }

  it('rejects a malformed date as a validation error, not a server error', async () => {
    const { body } = await call(RECORD_ARREARS, { input: arrearsInput({ dueOn: '2025-02-30' }) });
    assert.ok(body.errors?.length);
    assert.notEqual(body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
  });
});

describe('recordArrearsPayment', () => {
  let id: string;

  before(async () => {
    id = assertOk(
      await recordArrears(
        arrearsInput({
          debtorCode: education,
          creditorCode: furniture,
          description: '货款：2024年度中小学办公家具采购合同',
          amount: 286_500,
          dueOn: '2025-03-31',
          recordedOn: '2025-05-10',
        }),
      ),
      'recordArrears',
    ).id;
  });

  it('records a partial payment: PARTLY_PAID with what is left', async () => {
    const paid = assertOk(await pay(id, 100_000, '2025-08-15'), 'recordArrearsPayment');
    assert.deepEqual(
      [paid.status, paid.statusLabel, paid.paidAmount, paid.outstandingAmount, paid.clearedOn, paid.payments],
      ['PARTLY_PAID', '部分支付', 100000, 186500, null, [{ amount: 100000, paidOn: '2025-08-15' }]],
    );
  });

  for (const [label, amount, paidOn, field, rule] of [
    ['more than is outstanding', 186_500.01, '2025-09-01', 'amount', 'OVERPAYMENT'],
    ['an amount of 0', 0, '2025-09-01', 'amount', 'RANGE'],
    ['a payment date in the future', 1000, TOMORROW, 'paidOn', 'NOT_IN_FUTURE'],
    ['a payment date before the due date', 1000, '2025-03-30', 'paidOn', 'ORDER'],
  ] as const) {
    it(`rejects ${label}, writing nothing`, () =>
      refusedWrite(
        tdb.db,
        TABLES,
        () => pay(id, amount, paidOn),
        (response) => assertBadInput(response, field, rule),
      ));
  }

  it('clears the arrear with its last payment, the clearing date being the latest payment date', async () => {
    // Recorded out of order: the later payment first.
    assertOk(await pay(id, 86_500, '2025-12-20'), 'recordArrearsPayment');
    const cleared = assertOk(await pay(id, 100_000, '2025-11-30'), 'recordArrearsPayment');
    assert.deepEqual(
      [cleared.status, cleared.statusLabel, cleared.paidAmount, cleared.outstandingAmount, cleared.clearedOn],
      ['CLEARED', '已清偿', 286500, 0, '2025-12-20'],
    );
    assert.equal(cleared.overdue, false);
    // Overdue from 31 March to 20 December 2025.
    assert.equal(cleared.daysOverdue, 264);
    assert.deepEqual(
      cleared.payments.map((p: any) => p.paidOn),
      ['2025-08-15', '2025-11-30', '2025-12-20'],
    );
  });

  it('refuses a payment on a cleared arrear', () =>
    refusedWrite(
      tdb.db,
      TABLES,
      () => pay(id, 1, '2025-12-21'),
      (response) => assertConflict(response, 'arrearsId', 'ALREADY_CLEARED'),
    ));

  it('answers NOT_FOUND for an unknown arrear and rejects a malformed id', async () => {
    await refusedWrite(
      tdb.db,
      TABLES,
      () => pay('999999', 1, '2025-12-21'),
      (response) => {
        assert.equal(response.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
        assert.equal(response.body.data ?? null, null);
      },
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => pay('abc', 1, '2025-12-21'),
      (response) => assertBadInput(response, 'arrearsId', 'FORMAT'),
    );
  });

  it('lets only one of two concurrent payments take the same outstanding amount', async () => {
    const target = assertOk(
      await recordArrears(arrearsInput({ amount: 10_000, description: '货款：办公用品采购' })),
      'recordArrears',
    ).id;
    const results = await Promise.all([pay(target, 6_000, '2025-10-01'), pay(target, 6_000, '2025-10-02')]);
    const ok = results.filter((r) => !r.body.errors);
    const rejected = results.filter((r) => r.body.errors);
    assert.equal(ok.length, 1);
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0]!.body.errors?.[0]?.extensions?.rule, 'OVERPAYMENT');
    const stored = await tdb.db.prisma.arrears.findUniqueOrThrow({ where: { id: BigInt(target) } });
    assert.equal(stored.paidAmount.toNumber(), 6000);
    assert.equal(await tdb.db.prisma.arrearsPayment.count({ where: { arrearsId: BigInt(target) } }), 1);
  });
});

describe('commitments', () => {
  let id: string;

  it('records a commitment of a government body or public institution', async () => {
    const created = assertOk(await recordCommitment(commitmentInput()), 'recordCommitment');
    id = created.id;
    assert.deepEqual(
      { ...created, id: undefined },
      {
        id: undefined,
        body: { code: office },
        regionCode: '330106',
        content: '招商引资承诺：给予企业三年租金减免（2024年1月至2026年12月）',
        madeOn: '2023-12-15',
        dueOn: '2026-12-31',
        status: 'PENDING',
        statusLabel: '待履行',
        overdue: TODAY > '2026-12-31',
        fulfilledOn: null,
        evidence: null,
      },
    );
    const pending = assertOk(
      await recordCommitment(
        { bodyCode: hospital, content: '承诺2024年底前完成院区停车场扩建', madeOn: '2023-03-01', dueOn: '2024-12-31' },
        govSystem,
      ),
      'recordCommitment',
    );
    assert.deepEqual([pending.overdue, pending.regionCode], [true, '330100']);
  });

  for (const [label, extra, field, rule] of [
    ['an enterprise as the body', { bodyCode: builder }, 'input.bodyCode', 'BODY_KIND'],
    ['a due date before the date made', { dueOn: '2023-12-14' }, 'input.dueOn', 'ORDER'],
    ['a date made in the future', { madeOn: TOMORROW, dueOn: '2099-12-31' }, 'input.madeOn', 'NOT_IN_FUTURE'],
    ['empty content', { content: '' }, 'input.content', 'REQUIRED'],
  ] as const) {
    it(`rejects ${label}, writing nothing`, () =>
      refusedWrite(
        tdb.db,
        TABLES,
        () => recordCommitment(commitmentInput(extra)),
        (response) => assertBadInput(response, field, rule),
      ));
  }

  it('records a breach once, with its evidence', async () => {
    const broken = assertOk(
      await fulfil(id, 'BROKEN', '2025年起未再减免租金，企业已按全额缴纳（缴费凭证见附件）', '2025-03-15'),
      'recordCommitmentFulfilment',
    );
    assert.deepEqual(
      [broken.status, broken.statusLabel, broken.fulfilledOn, broken.evidence, broken.overdue],
      ['BROKEN', '未履行（违约）', '2025-03-15', '2025年起未再减免租金，企业已按全额缴纳（缴费凭证见附件）', false],
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => fulfil(id, 'FULFILLED', '补发减免款', '2025-04-01'),
      (response) => assertConflict(response, 'id', 'ALREADY_DECIDED'),
    );
  });

  it('checks the fulfilment date and evidence, and finds unknown ids', async () => {
    const other = assertOk(
      await recordCommitment(
        commitmentInput({
          bodyCode: education,
          content: '承诺60日内支付中小学办公家具采购尾款',
          madeOn: '2025-01-10',
          dueOn: '2025-03-10',
        }),
      ),
      'recordCommitment',
    ).id;
    await refusedWrite(
      tdb.db,
      TABLES,
      () => fulfil(other, 'FULFILLED', '银行转账凭证', '2025-01-09'),
      (response) => assertBadInput(response, 'fulfilledOn', 'ORDER'),
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => fulfil(other, 'FULFILLED', ' ', '2025-02-01'),
      (response) => assertBadInput(response, 'evidence', 'REQUIRED'),
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => fulfil(other, 'FULFILLED', '银行转账凭证', TOMORROW),
      (response) => assertBadInput(response, 'fulfilledOn', 'NOT_IN_FUTURE'),
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => fulfil('424242', 'FULFILLED', '银行转账凭证', '2025-02-01'),
      (response) => assert.equal(response.body.errors?.[0]?.extensions?.code, 'NOT_FOUND'),
    );
    // PENDING is not an outcome: the schema refuses it before any resolver runs.
    const { status } = await call(FULFIL, { id: other, status: 'PENDING', evidence: 'x', on: '2025-02-01' });
    assert.equal(status, 400);
    const done = assertOk(
      await fulfil(other, 'FULFILLED', '银行转账凭证（2025-02-01）', '2025-02-01'),
      'recordCommitmentFulfilment',
    );
    assert.deepEqual([done.status, done.statusLabel], ['FULFILLED', '已履行']);
  });
});

describe('complaints', () => {
  let id: string;

  it('records a complaint with or without a complainant', async () => {
    const created = assertOk(await recordComplaint(complaintInput()), 'recordComplaint');
    id = created.id;
    assert.deepEqual(
      { ...created, id: undefined },
      {
        id: undefined,
        body: { code: office },
        complainant: { code: builder },
        regionCode: '330106',
        content: '新官不理旧账：区政府换届后拒不兑现招商引资时承诺的三年租金减免',
        receivedOn: '2025-10-09',
        outcome: 'PENDING',
        outcomeLabel: '待处理',
        handledOn: null,
        handlingNote: null,
      },
    );
    const anonymous = assertOk(
      await recordComplaint(
        complaintInput({ bodyCode: hospital, complainantCode: null, content: '医院拖欠保洁服务费' }),
      ),
      'recordComplaint',
    );
    assert.equal(anonymous.complainant, null);
    const person = assertOk(
      await recordComplaint(
        complaintInput({ complainantCode: 'NP0123456789ABCDEF0123', content: '个人反映招商承诺未兑现' }),
      ),
      'recordComplaint',
    );
    assert.deepEqual(person.complainant, { code: 'NP0123456789ABCDEF0123' });
  });

  for (const [label, extra, field, rule] of [
    ['an enterprise as the body', { bodyCode: furniture }, 'input.bodyCode', 'BODY_KIND'],
    [
      'a malformed complainant code',
      { complainantCode: breakCheck(builder) },
      'input.complainantCode',
      'CHECK_CHARACTER',
    ],
    ['a receipt date in the future', { receivedOn: TOMORROW }, 'input.receivedOn', 'NOT_IN_FUTURE'],
    ['empty content', { content: ' ' }, 'input.content', 'REQUIRED'],
  ] as const) {
    it(`rejects ${label}, writing nothing`, () =>
      refusedWrite(
        tdb.db,
        TABLES,
        () => recordComplaint(complaintInput(extra)),
        (response) => assertBadInput(response, field, rule),
      ));
  }

  it('records the outcome once, on or after receipt', async () => {
    await refusedWrite(
      tdb.db,
      TABLES,
      () => handle(id, 'UPHELD', '投诉成立', '2025-10-08'),
      (response) => assertBadInput(response, 'handledOn', 'ORDER'),
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => handle(id, 'UPHELD', '', '2025-11-20'),
      (response) => assertBadInput(response, 'note', 'REQUIRED'),
    );
    const upheld = assertOk(
      await handle(id, 'UPHELD', '投诉成立，责令限期兑现承诺并追究相关责任', '2025-11-20'),
      'recordComplaintOutcome',
    );
    assert.deepEqual(
      [upheld.outcome, upheld.outcomeLabel, upheld.handledOn, upheld.handlingNote],
      ['UPHELD', '投诉成立', '2025-11-20', '投诉成立，责令限期兑现承诺并追究相关责任'],
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => handle(id, 'RESOLVED', '已兑现', '2025-12-01'),
      (response) => assertConflict(response, 'id', 'ALREADY_HANDLED'),
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => handle('77777', 'REJECTED', '不成立', '2025-12-01'),
      (response) => assert.equal(response.body.errors?.[0]?.extensions?.code, 'NOT_FOUND'),
    );
  });
});

describe('writes feed the evaluation', () => {
  it("shows the office's records in its evaluation of 2025, item by item", async () => {
    const { body } = await call(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject {
        integrityEvaluation(year: 2025) { score gradeLabel deductions { kind points source sourceId } } } } }`,
      { r: [{ __typename: 'CreditSubject', code: office, isDishonestDebtor: false }] },
      callers.officer('tax'),
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const evaluation = (body.data as any)._entities[0].integrityEvaluation;
    // Two overdue arrears (工程款 and 办公用品, the latter partly paid), the broken 招商引资承诺 and the upheld complaint.
    assert.deepEqual(
      evaluation.deductions.map((x: any) => [x.kind, x.points, x.source]),
      [
        ['OVERDUE_ARREARS', 5, 'ARREARS'],
        ['OVERDUE_ARREARS', 5, 'ARREARS'],
        ['BROKEN_COMMITMENT', 10, 'COMMITMENT'],
        ['UPHELD_COMPLAINT', 5, 'COMPLAINT'],
      ],
    );
    assert.equal(evaluation.score, 75);
    assert.equal(evaluation.gradeLabel, '基本诚信');
  });
});

describe('authorization', () => {
  let arrearsId: string;
  let commitmentId: string;
  let complaintId: string;

  before(async () => {
    arrearsId = assertOk(
      await recordArrears(arrearsInput({ amount: 50_000, description: '货款：打印耗材' })),
      'recordArrears',
    ).id;
    commitmentId = assertOk(await recordCommitment(commitmentInput()), 'recordCommitment').id;
    complaintId = assertOk(await recordComplaint(complaintInput()), 'recordComplaint').id;
  });

  const every = (who: Identity) =>
    Promise.all([
      recordArrears(arrearsInput(), who),
      pay(arrearsId, 1_000, '2025-10-01', who),
      recordCommitment(commitmentInput(), who),
      fulfil(commitmentId, 'FULFILLED', '租金减免已兑现', '2025-06-01', who),
      recordComplaint(complaintInput(), who),
      handle(complaintId, 'RESOLVED', '已兑现', '2025-12-01', who),
    ]);

  for (const [label, who] of [
    ['the public', callers.public],
    ['a tax officer', callers.officer('tax')],
    ['a supervisor', callers.supervisor('督查2026-011')],
    ['an administrator', callers.admin()],
    ['a government system without the write scope', callers.system('government', ['read', 'personal'])],
    ['a tax system with the write scope', callers.system('tax', ['write'])],
  ] as const) {
    it(`refuses ${label} every mutation, writing nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      for (const response of await every(who)) {
        assert.equal(response.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(response.body));
        assert.equal(response.body.data ?? null, null);
      }
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('lets a tax officer read what was written (SHARED)', async () => {
    const { body } = await call(
      `{ arrears(debtorCode: "${office}", first: 100) { totalCount } }`,
      {},
      callers.officer('tax'),
    );
    assert.equal(body.errors, undefined);
    assert.ok((body.data as any).arrears.totalCount >= 3);
  });

  it('lets a government system with the read and write scopes make every write', async () => {
    for (const response of await every(govSystem))
      assert.equal(response.body.errors, undefined, JSON.stringify(response.body));
  });

  it('lets a government system with only the write scope write, and tells it the ids', async () => {
    const ids = async (mutation: string, q: string, variables: Record<string, unknown>, subject: string) => {
      const { body } = await write(mutation, q, variables, subject, writeOnlySystem);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      return (body.data as any)[mutation].id as string;
    };
    const a = await ids(
      'recordArrears',
      `mutation($input: ArrearsInput!) { recordArrears(input: $input) { id } }`,
      { input: arrearsInput({ amount: 900 }) },
      office,
    );
    const stored = await tdb.db.prisma.arrears.findUniqueOrThrow({ where: { id: BigInt(a) } });
    assert.equal(stored.amount.toNumber(), 900);
    const paid = await ids(
      'recordArrearsPayment',
      `mutation($id: ID!) { recordArrearsPayment(arrearsId: $id, amount: 900, paidOn: "2025-10-01") { id } }`,
      { id: a },
      office,
    );
    assert.equal(paid, a);
    assert.equal((await tdb.db.prisma.arrears.findUniqueOrThrow({ where: { id: BigInt(a) } })).status, 'CLEARED');
    const c = await ids(
      'recordCommitment',
      `mutation($input: CommitmentInput!) { recordCommitment(input: $input) { id } }`,
      { input: commitmentInput() },
      office,
    );
    await ids(
      'recordCommitmentFulfilment',
      `mutation($id: ID!) { recordCommitmentFulfilment(id: $id, status: FULFILLED, evidence: "已兑现", fulfilledOn: "2025-06-01") { id } }`,
      { id: c },
      office,
    );
    const p = await ids(
      'recordComplaint',
      `mutation($input: ComplaintInput!) { recordComplaint(input: $input) { id } }`,
      { input: complaintInput() },
      office,
    );
    await ids(
      'recordComplaintOutcome',
      `mutation($id: ID!) { recordComplaintOutcome(id: $id, outcome: RESOLVED, note: "已兑现", handledOn: "2025-12-01") { id } }`,
      { id: p },
      office,
    );
    // Anything beyond the id is SHARED data, which needs the read scope.
    const { body } = await call(
      `mutation($input: CommitmentInput!) { recordCommitment(input: $input) { id status } }`,
      { input: commitmentInput() },
      writeOnlySystem,
    );
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    expectedWrites.push({
      actor: writeOnlySystem.actor,
      role: 'SYSTEM',
      mutation: 'Mutation.recordCommitment',
      subject: office,
    });
  });
});

describe('audit trail of writes', () => {
  it('holds one WRITE row per successful write, naming who wrote what about whom, and the chain verifies', async () => {
    const rows = await writeRows(tdb.db);
    assert.ok(expectedWrites.length >= 20, `only ${expectedWrites.length} writes were made`);
    // Concurrent writes may commit in either order: compare as multisets.
    const key = (w: { actor: string; role: string; mutation: string; subject: string | null }) =>
      `${w.actor}|${w.role}|${w.mutation}|${w.subject}`;
    assert.deepEqual(
      rows
        .map((r) => key({ ...r, mutation: (JSON.parse(r.fields) as string[]).join(), subject: r.subject_code }))
        .sort(),
      expectedWrites.map(key).sort(),
    );
    for (const row of rows) assert.equal(row.department, 'government');
    assert.ok(rows.some((r) => r.actor === 'officer-government' && r.role === 'OFFICER'));
    assert.ok(rows.some((r) => r.actor === 'apikey:government' && r.role === 'SYSTEM'));
    const recorded = rows.find((r) => r.fields.includes('Mutation.recordArrears'));
    assert.match(recorded?.detail ?? '', new RegExp(`owes ${builder} 3860000\\.00 元 due 2025-06-30`));
    const payment = rows.find((r) => r.fields.includes('Mutation.recordArrearsPayment'));
    assert.match(payment?.detail ?? '', /paid 100000\.00 元 on 2025-08-15/);

    const verified = await verifyAudit(tdb.db);
    assert.equal(verified.ok, true, verified.problems.join('; '));
    assert.ok(verified.entries >= rows.length);
  });
});
