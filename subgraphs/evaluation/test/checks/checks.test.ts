import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, type RunningService } from '@credit-hub/kit';
import {
  callers,
  createTestDatabase,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import pg from 'pg';
import { CREDIT_LISTS, LIST_INFO } from '../../src/catalogue/rules.ts';
import { ensureMeasureCatalogue, starterCatalogue } from '../../src/catalogue/writes.ts';
import { startEvaluationSubgraph } from '../../src/index.ts';

// The evaluation subgraph in-process over real HTTP and a real Postgres clone. The departments' flags are passed
// in the representations, as the gateway does after fetching them (@requires).
let tdb: TestDatabase;
let service: RunningService;

const housing = callers.officer('housing');
const housingSystem = callers.system('housing', ['read', 'write']);
const market = callers.officer('market');
const supervisor = callers.supervisor();
const admin = callers.admin();

const debtor = makeUscc('91', '330106', 'MA2H0001');
const redFirm = makeUscc('91', '330106', 'MA2H0002');
const cleanFirm = makeUscc('91', '330106', 'MA2H0003');
const clean = Object.fromEntries(CREDIT_LISTS.map((l) => [LIST_INFO[l].flag, false]));
const rep = (code: string, flags: Record<string, boolean | null> = {}) => ({
  __typename: 'CreditSubject',
  code,
  ...clean,
  ...flags,
});

const CHECK = `query($reps: [_Any!]!, $matter: BusinessMatter!, $ref: String) { _entities(representations: $reps) {
  ... on CreditSubject { code creditCheck(matter: $matter, reference: $ref) {
    id action actionLabel matter matterLabel reference department checkedAt
    subject { code }
    lists { list label type typeLabel department departmentLabel }
    measures { code version kind kindLabel triggeredBy legalBasis { title documentNumber article citation } }
    withheldIncentives { code }
    feedback { measureCode }
  } } } }`;

const check = (who: typeof housing, reps: unknown[], matter: string, ref: string | null = null) =>
  postAs(service.url, who, CHECK, { reps, matter, ref });

before(async () => {
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  try {
    assert.deepEqual(await ensureMeasureCatalogue(client), { added: starterCatalogue().length, revised: 0 });
    assert.deepEqual(await ensureMeasureCatalogue(client), { added: 0, revised: 0 }, 'installing twice adds nothing');
  } finally {
    await client.end();
  }
  service = await startEvaluationSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

describe('creditCheck on the entity', () => {
  it('intercepts a 失信被执行人 in procurement, with the measure, its legal basis and version, and records it', async () => {
    const { body } = await check(
      housing,
      [rep(debtor, { isDishonestDebtor: true })],
      'PUBLIC_PROCUREMENT',
      'ZJCG-2026-118',
    );
    assert.equal(body.errors, undefined);
    const c = (body.data as any)._entities[0].creditCheck;
    assert.equal(c.action, 'INTERCEPT');
    assert.equal(c.actionLabel, '拦截');
    assert.equal(c.matterLabel, '政府采购');
    assert.equal(c.department, 'housing');
    assert.deepEqual(c.subject, { code: debtor });
    assert.deepEqual(c.lists, [
      {
        list: 'DISHONEST_DEBTOR',
        label: '失信被执行人',
        type: 'BLACK',
        typeLabel: '黑名单',
        department: 'court',
        departmentLabel: '人民法院',
      },
    ]);
    assert.deepEqual(c.measures, [
      {
        code: 'PROC-CREDIT-EXCLUDE',
        version: 1,
        kind: 'INTERCEPT',
        kindLabel: '拦截',
        triggeredBy: ['DISHONEST_DEBTOR'],
        legalBasis: {
          title: '关于在政府采购活动中查询及使用信用记录有关问题的通知',
          documentNumber: '财库〔2016〕125号',
          article: null,
          citation: '《关于在政府采购活动中查询及使用信用记录有关问题的通知》（财库〔2016〕125号）',
        },
      },
    ]);
    assert.deepEqual(c.feedback, []);
    const [row] = await tdb.db.prisma.creditCheck.findMany({ where: { id: c.id } });
    assert.ok(row);
    assert.equal(row.callerActor, 'officer-housing');
    assert.equal(row.callerRole, 'OFFICER');
    assert.equal(row.callerDepartment, 'housing');
    assert.equal(row.matter, 'PUBLIC_PROCUREMENT');
    assert.equal(row.subjectCode, debtor);
    assert.equal(row.reference, 'ZJCG-2026-118');
    assert.equal(row.action, 'INTERCEPT');
    assert.deepEqual(row.lists, [{ list: 'DISHONEST_DEBTOR', type: 'BLACK', department: 'court' }]);
    assert.deepEqual(
      (row.measures as any[]).map((m) => [m.code, m.version, m.withheld]),
      [['PROC-CREDIT-EXCLUDE', 1, false]],
    );
  });

  it('records a system caller with its API key identity, and withheld incentives apart', async () => {
    const { body } = await check(
      housingSystem,
      [rep(redFirm, { isALevelTaxpayer: true, isOnEnvironmentalBlacklist: true })],
      'LICENSING',
    );
    assert.equal(body.errors, undefined);
    const c = (body.data as any)._entities[0].creditCheck;
    assert.equal(c.action, 'CLEAR');
    assert.deepEqual(c.measures, []);
    assert.deepEqual(c.withheldIncentives, [{ code: 'A-LEVEL-GREEN-CHANNEL' }]);
    const row = await tdb.db.prisma.creditCheck.findUniqueOrThrow({ where: { id: c.id } });
    assert.equal(row.callerActor, 'apikey:housing');
    assert.equal(row.callerRole, 'SYSTEM');
    assert.deepEqual(
      (row.measures as any[]).map((m) => [m.code, m.withheld]),
      [['A-LEVEL-GREEN-CHANNEL', true]],
    );
  });

  it('refuses a check when a department’s flag is missing, and records nothing', async () => {
    const before = await tdb.db.prisma.creditCheck.count();
    const { body } = await check(housing, [rep(cleanFirm, { isDishonestDebtor: null })], 'BIDDING');
    assert.equal(body.errors?.[0]?.extensions?.code, 'REQUIRED_FIELDS_UNAVAILABLE');
    assert.match(body.errors![0]!.message, /isDishonestDebtor.*court/);
    assert.equal(await tdb.db.prisma.creditCheck.count(), before);
  });

  it('refuses the public cleanly (FORBIDDEN, nothing recorded) and validates the reference', async () => {
    const before = await tdb.db.prisma.creditCheck.count();
    const { body } = await check(callers.public, [rep(debtor)], 'BIDDING');
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal((body.data as any)._entities[0].creditCheck, null);
    const long = await check(housing, [rep(debtor)], 'BIDDING', 'x'.repeat(201));
    assert.equal(long.body.errors?.[0]?.extensions?.field, 'reference');
    assert.equal(long.body.errors?.[0]?.extensions?.rule, 'LENGTH');
    assert.equal(await tdb.db.prisma.creditCheck.count(), before);
  });

  it('costs the same statements for 5 and 200 subjects: one catalogue read, one insert of every check', async () => {
    const reps = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        rep(makeUscc('91', '330106', `MA3${String(i).padStart(5, '0')}`), { isInAbnormalOperationList: i % 3 === 0 }),
      );
    const count = async (n: number) => {
      tdb.db.resetStatements();
      const { body } = await check(housing, reps(n), 'BIDDING', `batch-${n}`);
      assert.equal(body.errors, undefined);
      assert.equal((body.data as any)._entities.length, n);
      return tdb.db.statements();
    };
    const small = await count(5);
    const large = await count(200);
    assert.equal(large, small);
    assert.equal(await tdb.db.prisma.creditCheck.count({ where: { reference: 'batch-200' } }), 200);
  });
});

// A credit check is a read that records (ADR 0050): the idempotency key makes a retry safe — the same caller, key,
// subject and matter is the same check, recorded once.
describe('creditCheck with an idempotency key', () => {
  const KEYED = `query($reps: [_Any!]!, $matter: BusinessMatter!, $ref: String, $key: String) {
    _entities(representations: $reps) { ... on CreditSubject { code
      creditCheck(matter: $matter, reference: $ref, idempotencyKey: $key) { id action checkedAt reference lists { list } } } } }`;
  const keyed = (who: typeof housing, reps: unknown[], key: string | null, ref: string | null = 'ZJZB-2026-77') =>
    postAs(service.url, who, KEYED, { reps, matter: 'BIDDING', ref, key });
  const subject = makeUscc('91', '330106', 'MA2K0001');
  const other = makeUscc('91', '330106', 'MA2K0002');
  const checksOf = (code: string) => tdb.db.prisma.creditCheck.count({ where: { subjectCode: code } });

  it('records a retry with the same key once and answers it with the check made first, as it was made', async () => {
    const first = await keyed(housing, [rep(subject, { isDishonestDebtor: true })], 'tender-77/bidder-3');
    assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
    const made = (first.body.data as any)._entities[0].creditCheck;
    // The court withdrew the case meanwhile: the retry is still the first check (its lists), not a new one.
    const retry = await keyed(housing, [rep(subject)], 'tender-77/bidder-3');
    assert.equal(retry.body.errors, undefined, JSON.stringify(retry.body.errors));
    assert.deepEqual((retry.body.data as any)._entities[0].creditCheck, made);
    assert.equal(await checksOf(subject), 1);
    const row = await tdb.db.prisma.creditCheck.findUniqueOrThrow({ where: { id: made.id } });
    assert.equal(row.idempotencyKey, 'tender-77/bidder-3');
  });

  it('records a new check for another key, another matter, another caller, or no key', async () => {
    const before = await checksOf(subject);
    await keyed(housing, [rep(subject)], 'tender-77/bidder-3-again');
    await postAs(service.url, housing, KEYED, {
      reps: [rep(subject)],
      matter: 'SUBSIDY',
      ref: 'ZJZB-2026-77',
      key: 'tender-77/bidder-3',
    });
    await keyed(housingSystem, [rep(subject)], 'tender-77/bidder-3');
    await keyed(housing, [rep(subject)], null);
    await keyed(housing, [rep(subject)], null);
    assert.equal(await checksOf(subject), before + 5);
  });

  it('answers a key repeated within one batch with one check, in the same single insert', async () => {
    tdb.db.resetStatements();
    const { body } = await keyed(housing, [rep(other), rep(other), rep(subject)], 'batch-key-1');
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const [a, b, c] = (body.data as any)._entities.map((e: any) => e.creditCheck.id);
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(await checksOf(other), 1);
    const replay = await keyed(housing, [rep(other)], 'batch-key-1');
    assert.equal((replay.body.data as any)._entities[0].creditCheck.id, a);
    assert.equal(await checksOf(other), 1);
  });

  it('refuses a key reused with another reference (CONFLICT, data null) and a key out of bounds', async () => {
    const before = await tdb.db.prisma.creditCheck.count();
    const reused = await keyed(housing, [rep(subject)], 'tender-77/bidder-3', 'ZJZB-2026-78');
    assert.deepEqual(
      [reused.body.errors?.[0]?.extensions?.code, reused.body.errors?.[0]?.extensions?.field],
      ['CONFLICT', 'idempotencyKey'],
    );
    assert.equal(reused.body.errors?.[0]?.extensions?.rule, 'KEY_REUSED');
    assert.equal((reused.body.data as any)._entities[0].creditCheck, null);
    for (const key of ['', '   ', 'k'.repeat(101)]) {
      const bad = await keyed(housing, [rep(subject)], key);
      assert.deepEqual(
        [
          bad.body.errors?.[0]?.extensions?.code,
          bad.body.errors?.[0]?.extensions?.field,
          bad.body.errors?.[0]?.extensions?.rule,
        ],
        ['BAD_USER_INPUT', 'idempotencyKey', 'LENGTH'],
      );
      assert.equal((bad.body.data as any)._entities[0].creditCheck, null);
    }
    assert.equal(await tdb.db.prisma.creditCheck.count(), before, 'nothing recorded');
  });
});

describe('creditCheckSubjects (batch form)', () => {
  const BATCH = `query($codes: [ID!]!) { creditCheckSubjects(codes: $codes) { code } }`;

  it('returns the subjects in input order, repeats included', async () => {
    const { body } = await postAs(service.url, housing, BATCH, { codes: [cleanFirm, debtor, cleanFirm.toLowerCase()] });
    assert.equal(body.errors, undefined);
    assert.deepEqual((body.data as any).creditCheckSubjects, [
      { code: cleanFirm },
      { code: debtor },
      { code: cleanFirm },
    ]);
  });

  it('names the index and rule of a bad code, and refuses more than 2,000 codes or none', async () => {
    const bad = `${debtor.slice(0, 17)}${debtor.endsWith('0') ? '1' : '0'}`;
    const { body } = await postAs(service.url, housing, BATCH, { codes: [cleanFirm, bad] });
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(body.errors?.[0]?.extensions?.field, 'codes[1]');
    assert.equal(body.errors?.[0]?.extensions?.rule, 'CHECK_CHARACTER');
    const many = await postAs(service.url, housing, BATCH, { codes: Array(2001).fill(cleanFirm) });
    assert.equal(many.body.errors?.[0]?.extensions?.rule, 'LENGTH');
    const none = await postAs(service.url, housing, BATCH, { codes: [] });
    assert.equal(none.body.errors?.[0]?.extensions?.rule, 'REQUIRED');
  });

  it('is for government users only', async () => {
    const { body } = await postAs(service.url, callers.public, BATCH, { codes: [cleanFirm] });
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const adminTry = await postAs(service.url, admin, BATCH, { codes: [cleanFirm] });
    assert.equal(adminTry.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('measures catalogue', () => {
  const MEASURE = `{ code version name kind kindLabel lists matters content status changeNote
    legalBasis { citation } }`;
  const input = {
    code: 'HZ-SUBSIDY-REVIEW',
    name: '失信被执行人申请人才补贴从严审核',
    kind: 'REMIND',
    lists: ['DISHONEST_DEBTOR'],
    matters: ['SUBSIDY'],
    content: '审核时核实申请人是否仍为失信被执行人，并按补贴政策规定处理。',
    basisTitle: '关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见',
    basisNumber: '中办发〔2016〕64号',
    basisArticle: '三（二）',
  };

  it('lists measures per list and matter for the public', async () => {
    const { body } = await postAs(
      service.url,
      callers.public,
      `{ measures(list: DISHONEST_DEBTOR, matter: PUBLIC_PROCUREMENT) ${MEASURE} }`,
    );
    assert.equal(body.errors, undefined);
    assert.deepEqual(
      (body.data as any).measures.map((m: any) => m.code),
      ['PROC-CREDIT-EXCLUDE'],
    );
    const red = await postAs(service.url, callers.public, `{ measures(list: A_LEVEL_TAXPAYER) { code } }`);
    assert.deepEqual(
      (red.body.data as any).measures.map((m: any) => m.code),
      ['A-LEVEL-GREEN-CHANNEL', 'A-LEVEL-INVOICE'],
    );
    const lists = await postAs(service.url, callers.public, `{ creditLists { list type } }`);
    assert.equal((lists.body.data as any).creditLists.length, CREDIT_LISTS.length);
  });

  it('lets only administrators edit, never officers or supervisors', async () => {
    for (const who of [housing, market, supervisor, callers.public, housingSystem]) {
      const { body } = await postAs(
        service.url,
        who,
        `mutation($i: MeasureInput!) { createMeasure(input: $i) { code } }`,
        {
          i: input,
        },
      );
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN', who.role);
    }
    assert.equal(await tdb.db.prisma.measure.count({ where: { code: input.code } }), 0);
  });

  it('versions every change, keeps the history, applies the current version and never a retired one', async () => {
    const create = await postAs(
      service.url,
      admin,
      `mutation($i: MeasureInput!) { createMeasure(input: $i) ${MEASURE} }`,
      { i: input },
    );
    assert.equal(create.body.errors, undefined);
    assert.equal((create.body.data as any).createMeasure.version, 1);
    assert.equal((create.body.data as any).createMeasure.changeNote, '新增措施');
    const again = await postAs(
      service.url,
      admin,
      `mutation($i: MeasureInput!) { createMeasure(input: $i) { code } }`,
      {
        i: input,
      },
    );
    assert.equal(again.body.errors?.[0]?.extensions?.code, 'CONFLICT');

    const revise = await postAs(
      service.url,
      admin,
      `mutation($i: MeasureInput!) { reviseMeasure(input: $i) ${MEASURE} }`,
      {
        i: {
          ...input,
          kind: 'RESTRICT',
          content: '限制失信被执行人申请人才补贴资金。',
          changeNote: '按2026年补贴办法修订',
        },
      },
    );
    assert.equal(revise.body.errors, undefined);
    assert.equal((revise.body.data as any).reviseMeasure.version, 2);
    const unchanged = await postAs(
      service.url,
      admin,
      `mutation($i: MeasureInput!) { reviseMeasure(input: $i) { code } }`,
      {
        i: { ...input, kind: 'RESTRICT', content: '限制失信被执行人申请人才补贴资金。', changeNote: '重复' },
      },
    );
    assert.equal(unchanged.body.errors?.[0]?.extensions?.rule, 'UNCHANGED');
    const noNote = await postAs(
      service.url,
      admin,
      `mutation($i: MeasureInput!) { reviseMeasure(input: $i) { code } }`,
      {
        i: { ...input, content: '另一版本' },
      },
    );
    assert.equal(noNote.body.errors?.[0]?.extensions?.field, 'input.changeNote');

    const checked = await check(housing, [rep(debtor, { isDishonestDebtor: true })], 'SUBSIDY');
    const applied = (checked.body.data as any)._entities[0].creditCheck.measures;
    assert.deepEqual(
      applied.map((m: any) => [m.code, m.version, m.kind]),
      [
        ['DD-SUBSIDY-RESTRICT', 1, 'RESTRICT'],
        ['HZ-SUBSIDY-REVIEW', 2, 'RESTRICT'],
      ],
    );

    const retire = await postAs(
      service.url,
      admin,
      `mutation { retireMeasure(code: "HZ-SUBSIDY-REVIEW", changeNote: "补贴政策废止") ${MEASURE} }`,
    );
    assert.equal(retire.body.errors, undefined);
    assert.equal((retire.body.data as any).retireMeasure.version, 3);
    assert.equal((retire.body.data as any).retireMeasure.status, 'RETIRED');
    const afterRetire = await check(housing, [rep(debtor, { isDishonestDebtor: true })], 'SUBSIDY');
    assert.deepEqual(
      (afterRetire.body.data as any)._entities[0].creditCheck.measures.map((m: any) => m.code),
      ['DD-SUBSIDY-RESTRICT'],
    );
    const reviseRetired = await postAs(
      service.url,
      admin,
      `mutation($i: MeasureInput!) { reviseMeasure(input: $i) { code } }`,
      {
        i: { ...input, changeNote: '恢复' },
      },
    );
    assert.equal(reviseRetired.body.errors?.[0]?.extensions?.code, 'CONFLICT');

    const history = await postAs(
      service.url,
      callers.public,
      `{ measureHistory(code: "HZ-SUBSIDY-REVIEW") { version kind status changeNote }
         measure(code: "hz-subsidy-review") { version status }
         active: measures(matter: SUBSIDY) { code }
         all: measures(matter: SUBSIDY, includeRetired: true) { code } }`,
    );
    assert.equal(history.body.errors, undefined);
    const h = history.body.data as any;
    assert.deepEqual(h.measureHistory, [
      { version: 1, kind: 'REMIND', status: 'ACTIVE', changeNote: '新增措施' },
      { version: 2, kind: 'RESTRICT', status: 'ACTIVE', changeNote: '按2026年补贴办法修订' },
      { version: 3, kind: 'RESTRICT', status: 'RETIRED', changeNote: '补贴政策废止' },
    ]);
    assert.deepEqual(h.measure, { version: 3, status: 'RETIRED' });
    assert.ok(!h.active.some((m: any) => m.code === 'HZ-SUBSIDY-REVIEW'));
    assert.ok(h.all.some((m: any) => m.code === 'HZ-SUBSIDY-REVIEW'));
    // Each change is in the audit trail, in the transaction that made it.
    const audited = await tdb.db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM audit.entry WHERE action = 'WRITE' AND detail LIKE 'HZ-SUBSIDY-REVIEW%'`;
    assert.equal(audited[0]!.n, 3);
  });

  it('validates an admin’s measure with the field and rule', async () => {
    const { body } = await postAs(
      service.url,
      admin,
      `mutation($i: MeasureInput!) { createMeasure(input: $i) { code } }`,
      {
        i: { ...input, code: 'HZ-GREEN', kind: 'INCENTIVE' },
      },
    );
    assert.equal(body.errors?.[0]?.extensions?.field, 'input.lists[0]');
    assert.equal(body.errors?.[0]?.extensions?.rule, 'LIST_TYPE');
  });
});

describe('自动反馈 and creditCheckRecord', () => {
  let checkId: string;

  before(async () => {
    const { body } = await check(
      housing,
      [rep(debtor, { isDishonestDebtor: true, isInAbnormalOperationList: true })],
      'PUBLIC_PROCUREMENT',
      'ZJCG-2026-200',
    );
    checkId = (body.data as any)._entities[0].creditCheck.id;
  });

  const FEEDBACK = `mutation($id: ID!, $items: [CheckFeedbackInput!]!) { reportCheckFeedback(checkId: $id, items: $items) {
    measureCode measureVersion applied reason reportedBy } }`;

  it('takes the checking department’s answers, one current answer per measure with history kept', async () => {
    const first = await postAs(service.url, housing, FEEDBACK, {
      id: checkId,
      items: [{ measureCode: 'PROC-CREDIT-EXCLUDE', applied: true }],
    });
    assert.equal(first.body.errors, undefined);
    const second = await postAs(service.url, housingSystem, FEEDBACK, {
      id: checkId,
      items: [
        { measureCode: 'PROC-CREDIT-EXCLUDE', applied: false, reason: '法院已于开标前屏蔽该失信记录' },
        { measureCode: 'AO-CONSIDERATION', applied: true, reason: '评审时已扣分' },
      ],
    });
    assert.equal(second.body.errors, undefined);
    assert.deepEqual((second.body.data as any).reportCheckFeedback, [
      {
        measureCode: 'PROC-CREDIT-EXCLUDE',
        measureVersion: 1,
        applied: false,
        reason: '法院已于开标前屏蔽该失信记录',
        reportedBy: 'apikey:housing',
      },
      {
        measureCode: 'AO-CONSIDERATION',
        measureVersion: 1,
        applied: true,
        reason: '评审时已扣分',
        reportedBy: 'apikey:housing',
      },
    ]);
    assert.equal(await tdb.db.prisma.checkFeedback.count({ where: { checkId } }), 3, 'history kept');
    const record = await postAs(
      service.url,
      housing,
      `query($id: ID!) { creditCheckRecord(id: $id) { id reference action feedback { measureCode applied } } }`,
      { id: checkId },
    );
    assert.deepEqual((record.body.data as any).creditCheckRecord, {
      id: checkId,
      reference: 'ZJCG-2026-200',
      action: 'INTERCEPT',
      feedback: [
        { measureCode: 'PROC-CREDIT-EXCLUDE', applied: false },
        { measureCode: 'AO-CONSIDERATION', applied: true },
      ],
    });
  });

  it('refuses another department, supervisors, the public and read-only systems', async () => {
    const items = [{ measureCode: 'PROC-CREDIT-EXCLUDE', applied: true }];
    const other = await postAs(service.url, market, FEEDBACK, { id: checkId, items });
    assert.equal(other.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(other.body.errors?.[0]?.extensions?.rule, 'CHECKING_DEPARTMENT_ONLY');
    for (const who of [supervisor, callers.public, callers.system('housing', ['read']), admin]) {
      const { body } = await postAs(service.url, who, FEEDBACK, { id: checkId, items });
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN', who.actor);
    }
    const record = await postAs(service.url, market, `query($id: ID!) { creditCheckRecord(id: $id) { id } }`, {
      id: checkId,
    });
    assert.equal(record.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const bySupervisor = await postAs(
      service.url,
      supervisor,
      `query($id: ID!) { creditCheckRecord(id: $id) { id } }`,
      {
        id: checkId,
      },
    );
    assert.equal((bySupervisor.body.data as any).creditCheckRecord.id, checkId);
  });

  it('validates the answers: reason for 不执行, measures of the check, check id', async () => {
    const noReason = await postAs(service.url, housing, FEEDBACK, {
      id: checkId,
      items: [{ measureCode: 'AO-CONSIDERATION', applied: false }],
    });
    assert.equal(noReason.body.errors?.[0]?.extensions?.field, 'items[0].reason');
    assert.equal(noReason.body.errors?.[0]?.extensions?.rule, 'REASON_REQUIRED');
    const notInCheck = await postAs(service.url, housing, FEEDBACK, {
      id: checkId,
      items: [{ measureCode: 'CS-HIRING-BAN', applied: true }],
    });
    assert.equal(notInCheck.body.errors?.[0]?.extensions?.rule, 'NOT_IN_CHECK');
    const badId = await postAs(service.url, housing, FEEDBACK, { id: 'check-1', items: [] });
    assert.equal(badId.body.errors?.[0]?.extensions?.field, 'checkId');
    const unknown = await postAs(service.url, housing, FEEDBACK, {
      id: '00000000-0000-4000-8000-000000000000',
      items: [{ measureCode: 'AO-CONSIDERATION', applied: true }],
    });
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});

describe('supervision reports on a known data set (应惩未惩, 应查未查, statistics)', () => {
  const s = (n: number) => makeUscc('91', '330108', `MA4${String(n).padStart(5, '0')}`);
  const measure = (code: string, kind: string, withheld = false) => ({
    code,
    version: 1,
    name: code,
    kind,
    content: '—',
    basisTitle: '测试依据',
    basisNumber: null,
    basisArticle: null,
    triggeredBy: [],
    withheld,
  });
  const ids = {
    a: '00000000-0000-4000-8000-00000000000a',
    b: '00000000-0000-4000-8000-00000000000b',
    c: '00000000-0000-4000-8000-00000000000c',
    d: '00000000-0000-4000-8000-00000000000d',
    e: '00000000-0000-4000-8000-00000000000e',
  };
  const row = (
    id: string,
    department: string,
    matter: string,
    subjectCode: string,
    checkedAt: string,
    lists: string[],
    measures: ReturnType<typeof measure>[],
    action: string,
  ) => ({
    id,
    callerActor: `officer-${department}`,
    callerRole: 'OFFICER',
    callerDepartment: department,
    callerClient: 'test',
    requestId: 'seed',
    matter,
    subjectCode,
    reference: `ref-${id.slice(-1)}`,
    lists: lists.map((list) => ({ list })),
    measures,
    action,
    checkedAt: new Date(checkedAt),
  });

  before(async () => {
    await tdb.db.prisma.creditCheck.createMany({
      data: [
        // 2026-09-30 10:00 in Beijing, the last working day before the National Day holiday.
        row(
          ids.a,
          'housing',
          'PUBLIC_PROCUREMENT',
          s(1),
          '2026-09-30T02:00:00Z',
          ['DISHONEST_DEBTOR', 'ABNORMAL_OPERATION'],
          [measure('PROC-CREDIT-EXCLUDE', 'INTERCEPT'), measure('AO-CONSIDERATION', 'REMIND')],
          'INTERCEPT',
        ),
        row(
          ids.b,
          'housing',
          'BIDDING',
          s(2),
          '2026-10-09T03:00:00Z',
          ['DISHONEST_DEBTOR'],
          [measure('DD-BID-RESTRICT', 'RESTRICT')],
          'RESTRICT',
        ),
        row(
          ids.c,
          'market',
          'LICENSING',
          s(3),
          '2026-10-09T03:00:00Z',
          ['A_LEVEL_TAXPAYER'],
          [measure('A-LEVEL-GREEN-CHANNEL', 'INCENTIVE')],
          'INCENTIVE',
        ),
        row(
          ids.d,
          'market',
          'LICENSING',
          s(4),
          '2026-10-09T05:00:00Z',
          ['SERIOUS_ILLEGAL', 'A_LEVEL_TAXPAYER'],
          [measure('LICENSING-NO-COMMITMENT', 'RESTRICT'), measure('A-LEVEL-GREEN-CHANNEL', 'INCENTIVE', true)],
          'RESTRICT',
        ),
        // 01:00 on 1 October in Beijing, still 30 September in UTC: counted on the Chinese day.
        row(ids.e, 'housing', 'PUBLIC_PROCUREMENT', s(5), '2026-09-30T17:00:00Z', [], [], 'CLEAR'),
      ],
    });
    await tdb.db.prisma.checkFeedback.createMany({
      data: [
        { checkId: ids.a, measureCode: 'AO-CONSIDERATION', measureVersion: 1, applied: true, reportedBy: 'x' },
        // Stored by an older client without the reason rule: still 应惩未惩.
        {
          checkId: ids.b,
          measureCode: 'DD-BID-RESTRICT',
          measureVersion: 1,
          applied: false,
          reason: ' ',
          reportedBy: 'x',
        },
        {
          checkId: ids.d,
          measureCode: 'LICENSING-NO-COMMITMENT',
          measureVersion: 1,
          applied: false,
          reason: '当事人已提交信用修复申请并获批准',
          reportedBy: 'x',
        },
      ],
    });
  });

  it('lists 应惩未惩: punitive measures without feedback past the working-day deadline, or refused without reason', async () => {
    const { body } = await postAs(
      service.url,
      supervisor,
      `{ unpunishedMeasures(from: "2026-09-01", to: "2026-10-31") { checkId department subject { code } matter reference
          measure { code kind } deadline daysOverdue reason } }`,
    );
    assert.equal(body.errors, undefined);
    const today = chinaToday();
    const { chineseCalendar } = await import('@credit-hub/kit/calendar');
    const overdueA = chineseCalendar.workingDaysBetween(new Date('2026-10-13T00:00:00Z'), today);
    const overdueB = chineseCalendar.workingDaysBetween(
      chineseCalendar.addWorkingDays(new Date('2026-10-09'), 5),
      today,
    );
    assert.deepEqual((body.data as any).unpunishedMeasures, [
      {
        checkId: ids.a,
        department: 'housing',
        subject: { code: s(1) },
        matter: 'PUBLIC_PROCUREMENT',
        reference: 'ref-a',
        measure: { code: 'PROC-CREDIT-EXCLUDE', kind: 'INTERCEPT' },
        deadline: '2026-10-13',
        daysOverdue: overdueA,
        reason: 'NO_FEEDBACK',
      },
      {
        checkId: ids.b,
        department: 'housing',
        subject: { code: s(2) },
        matter: 'BIDDING',
        reference: 'ref-b',
        measure: { code: 'DD-BID-RESTRICT', kind: 'RESTRICT' },
        deadline: '2026-10-15', // 10-10 is a 调休 Saturday
        daysOverdue: overdueB,
        reason: 'NOT_APPLIED_WITHOUT_REASON',
      },
    ]);
    const market = await postAs(
      service.url,
      supervisor,
      `{ unpunishedMeasures(from: "2026-09-01", to: "2026-10-31", department: "market") { checkId } }`,
    );
    assert.deepEqual((market.body.data as any).unpunishedMeasures, []);
  });

  it('counts checks, subjects on lists and outcomes per department × matter × China day or month', async () => {
    const FIELDS = `periodStart period department matter matterLabel checks subjectsOnLists interceptions restrictions
      reminders incentives clear`;
    const { body } = await postAs(
      service.url,
      supervisor,
      `{ creditCheckStatistics(from: "2026-09-01", to: "2026-10-31", groupBy: DAY) { ${FIELDS} } }`,
    );
    assert.equal(body.errors, undefined);
    const zero = { interceptions: 0, restrictions: 0, reminders: 0, incentives: 0, clear: 0 };
    assert.deepEqual((body.data as any).creditCheckStatistics, [
      {
        ...zero,
        periodStart: '2026-09-30',
        period: '2026-09-30',
        department: 'housing',
        matter: 'PUBLIC_PROCUREMENT',
        matterLabel: '政府采购',
        checks: 1,
        subjectsOnLists: 1,
        interceptions: 1,
      },
      {
        ...zero,
        periodStart: '2026-10-01',
        period: '2026-10-01',
        department: 'housing',
        matter: 'PUBLIC_PROCUREMENT',
        matterLabel: '政府采购',
        checks: 1,
        subjectsOnLists: 0,
        clear: 1,
      },
      {
        ...zero,
        periodStart: '2026-10-09',
        period: '2026-10-09',
        department: 'housing',
        matter: 'BIDDING',
        matterLabel: '招标投标',
        checks: 1,
        subjectsOnLists: 1,
        restrictions: 1,
      },
      {
        ...zero,
        periodStart: '2026-10-09',
        period: '2026-10-09',
        department: 'market',
        matter: 'LICENSING',
        matterLabel: '行政许可审批',
        checks: 2,
        subjectsOnLists: 2,
        restrictions: 1,
        incentives: 1,
      },
    ]);
    const monthly = await postAs(
      service.url,
      supervisor,
      `{ creditCheckStatistics(from: "2026-09-01", to: "2026-10-31", matter: PUBLIC_PROCUREMENT) { period checks interceptions clear } }`,
    );
    assert.deepEqual((monthly.body.data as any).creditCheckStatistics, [
      { period: '2026-09', checks: 1, interceptions: 1, clear: 0 },
      { period: '2026-10', checks: 1, interceptions: 0, clear: 1 },
    ]);
    const tooLong = await postAs(
      service.url,
      supervisor,
      `{ creditCheckStatistics(from: "2025-01-01", to: "2026-10-31") { checks } }`,
    );
    assert.equal(tooLong.body.errors?.[0]?.extensions?.rule, 'RANGE');
  });

  it('takes the departments’ decisions idempotently and lists 应查未查 ones', async () => {
    const REPORT = `mutation($d: [BusinessDecisionInput!]!) { reportBusinessDecisions(decisions: $d) { received recorded updated } }`;
    const decisions = [
      { subject: s(1), matter: 'PUBLIC_PROCUREMENT', reference: 'ZJCG-2026-090', decidedOn: '2026-10-09' }, // checked 9-30
      { subject: s(2), matter: 'PUBLIC_PROCUREMENT', reference: 'ZJCG-2026-091', decidedOn: '2026-10-09' }, // only BIDDING
      { subject: s(1), matter: 'PUBLIC_PROCUREMENT', reference: 'ZJCG-2026-140', decidedOn: '2026-11-05' }, // 36 days
      { subject: s(4), matter: 'LICENSING', reference: 'JSXK-2026-001', decidedOn: '2026-10-10' }, // market checked, not us
    ];
    const first = await postAs(service.url, housing, REPORT, { d: decisions });
    assert.equal(first.body.errors, undefined);
    assert.deepEqual((first.body.data as any).reportBusinessDecisions, { received: 4, recorded: 4, updated: 0 });
    const again = await postAs(service.url, housingSystem, REPORT, { d: decisions.slice(0, 1) });
    assert.deepEqual((again.body.data as any).reportBusinessDecisions, { received: 1, recorded: 0, updated: 1 });
    const ours = await postAs(service.url, market, REPORT, {
      d: [{ subject: s(3), matter: 'LICENSING', reference: 'SCXK-2026-7', decidedOn: '2026-10-09' }],
    });
    assert.equal(ours.body.errors, undefined);

    const bad = await postAs(service.url, housing, REPORT, {
      d: [{ subject: 'NOT-A-CODE', matter: 'LICENSING', reference: 'x', decidedOn: '2026-10-09' }],
    });
    assert.equal(bad.body.errors?.[0]?.extensions?.field, 'decisions[0].subject');
    const future = await postAs(service.url, housing, REPORT, {
      d: [{ subject: s(1), matter: 'LICENSING', reference: 'x', decidedOn: '2099-01-01' }],
    });
    assert.equal(future.body.errors?.[0]?.extensions?.rule, 'NOT_IN_FUTURE');
    for (const who of [supervisor, callers.public, admin]) {
      const { body } = await postAs(service.url, who, REPORT, { d: decisions.slice(0, 1) });
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN', who.actor);
    }

    const UNCHECKED = (days: number) => `{ uncheckedDecisions(from: "2026-10-01", to: "2026-11-20", days: ${days}) {
      department subject { code } matter reference decidedOn lastCheckedAt } }`;
    const { body } = await postAs(service.url, supervisor, UNCHECKED(30));
    assert.equal(body.errors, undefined);
    assert.deepEqual((body.data as any).uncheckedDecisions, [
      {
        department: 'housing',
        subject: { code: s(2) },
        matter: 'PUBLIC_PROCUREMENT',
        reference: 'ZJCG-2026-091',
        decidedOn: '2026-10-09',
        lastCheckedAt: null,
      },
      {
        department: 'housing',
        subject: { code: s(4) },
        matter: 'LICENSING',
        reference: 'JSXK-2026-001',
        decidedOn: '2026-10-10',
        lastCheckedAt: null,
      },
      {
        department: 'housing',
        subject: { code: s(1) },
        matter: 'PUBLIC_PROCUREMENT',
        reference: 'ZJCG-2026-140',
        decidedOn: '2026-11-05',
        lastCheckedAt: '2026-09-30T02:00:00.000Z',
      },
    ]);
    const wider = await postAs(service.url, supervisor, UNCHECKED(40));
    assert.deepEqual(
      (wider.body.data as any).uncheckedDecisions.map((d: any) => d.reference),
      ['ZJCG-2026-091', 'JSXK-2026-001'],
    );
  });

  it('shows the reports to supervisors only', async () => {
    for (const query of [
      `{ unpunishedMeasures(from: "2026-09-01", to: "2026-10-31") { checkId } }`,
      `{ uncheckedDecisions(from: "2026-09-01", to: "2026-10-31") { id } }`,
      `{ creditCheckStatistics(from: "2026-09-01", to: "2026-10-31") { checks } }`,
    ])
      for (const who of [housing, housingSystem, callers.public]) {
        const { body } = await postAs(service.url, who, query);
        assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${who.actor}: ${query}`);
      }
  });
});
