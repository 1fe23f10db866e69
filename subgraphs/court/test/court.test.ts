import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock, type Identity, type RunningService } from '@credit-hub/kit';
import { personKey } from '@credit-hub/kit/codes';
import {
  assertBadInput,
  callers,
  createTestDatabase,
  expectForbidden,
  makeIdNumber,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startCourtSubgraph } from '../src/index.ts';
import { courtSeed } from './seed.ts';

// Court subgraph in-process over real HTTP against a real Postgres clone; each test file owns its data.
let tdb: TestDatabase;
let service: RunningService;
let court: ReturnType<typeof courtSeed>;

const SECRET = 'test-person-key-secret-0123456789';
const trader = makeUscc('91', '330106', 'MA2C0001'); // 杭州 西湖区, two cases (one withdrawn) and an order
const builder = makeUscc('91', '330108', 'MA2C0002'); // 杭州 滨江区
const repaired = makeUscc('91', '330212', 'MA2C0003'); // 宁波 鄞州区, withdrawn only, order lifted
const clean = makeUscc('91', '330106', 'MA2C0004'); // nothing at all
const personId = makeIdNumber('330102', '19780615', '031');
const person = personKey(personId, SECRET);

const WEST_LAKE = '杭州市西湖区人民法院';
const HANGZHOU = '浙江省杭州市中级人民法院';
const YINZHOU = '宁波市鄞州区人民法院';

// Every read answers "as of today": the file stands on a fixed day, and the term tests move it.
const TODAY = '2026-11-20';
let restoreClock: () => void;

before(async () => {
  restoreClock = fixClock(TODAY);
  tdb = await createTestDatabase();
  court = courtSeed(tdb.db);
  await court.case.many([
    {
      caseNumber: '(2024)浙0106执1234号',
      subjectCode: trader,
      filed: '2024-03-15',
      performance: 'PARTLY_PERFORMED',
      performedPart: '已支付货款人民币100,000元',
      unperformedPart: '尚欠货款人民币258,000元及利息',
    },
    {
      caseNumber: '(2022)浙0106执876号',
      subjectCode: trader,
      filed: '2022-05-10',
      status: 'WITHDRAWN',
      withdrawnOn: new Date('2023-01-20'),
      withdrawalReason: 'PERFORMED',
      withdrawalNote: '被执行人已全部履行',
    },
    {
      caseNumber: '(2024)浙01执88号',
      subjectCode: person,
      filed: '2024-03-15',
      debtorKind: 'NATURAL_PERSON',
      debtorName: '王建国',
      legalRepresentative: null,
      sex: '男',
      age: 45,
      idNumber: personId,
      regionCode: '330102',
      courtName: HANGZHOU,
      basisDocumentNumber: '杭仲裁字〔2023〕第112号',
      basisIssuer: '杭州仲裁委员会',
      obligation: '偿还借款本金人民币1,200,000元及逾期利息',
      // Items (一) and (三): a two-year term from 2025-03-01, so on the list until 2027-03-01.
      behaviours: ['REFUSING_DESPITE_ABILITY', 'EVADING_EXECUTION'],
      decidedOn: new Date('2025-03-01'),
    },
    {
      caseNumber: '(2025)浙0108执2001号',
      subjectCode: builder,
      filed: '2025-06-02',
      debtorName: '杭州宏远建筑工程有限公司',
      legalRepresentative: '刘海涛',
      courtName: '杭州市滨江区人民法院',
      obligation: '支付工程款人民币2,460,000元',
      behaviours: ['VIOLATING_PROPERTY_REPORTING'],
    },
    {
      caseNumber: '(2023)浙0212执3456号',
      subjectCode: repaired,
      filed: '2023-08-21',
      debtorName: '宁波恒丰五金制品有限公司',
      legalRepresentative: '赵国强',
      courtName: YINZHOU,
      status: 'WITHDRAWN',
      withdrawnOn: new Date('2024-11-05'),
      withdrawalReason: 'LISTED_IN_ERROR',
    },
    {
      caseNumber: '(2023)浙0212执3457号',
      subjectCode: builder,
      filed: '2023-08-21',
      debtorName: '杭州宏远建筑工程有限公司',
      legalRepresentative: '刘海涛',
      courtName: YINZHOU,
      regionCode: '330108',
    },
    {
      caseNumber: '(2021)浙0106执45号',
      subjectCode: builder,
      filed: '2021-02-01',
      debtorName: '杭州宏远建筑工程有限公司',
      legalRepresentative: '刘海涛',
    },
  ]);
  await court.restriction.many([
    {
      subjectCode: trader,
      caseNumber: '(2024)浙0106执1234号',
      courtName: WEST_LAKE,
      restrictedPerson: '陈志明',
      regionCode: '330106',
      issuedOn: new Date('2024-04-02'),
    },
    {
      subjectCode: repaired,
      caseNumber: '(2023)浙0212执3456号',
      courtName: YINZHOU,
      restrictedPerson: '赵国强',
      regionCode: '330212',
      issuedOn: new Date('2023-09-01'),
      status: 'WITHDRAWN',
      liftedOn: new Date('2024-11-05'),
      liftReason: '被执行人已履行完毕',
    },
  ]);
  service = await startCourtSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restoreClock();
});

// Most tests read as a court officer without a stated purpose; the access tests vary the caller.
const courtOfficer = callers.officer('court');
const query = (q: string, variables: Record<string, unknown> = {}, who: Identity = courtOfficer) =>
  postAs(service.url, who, q, variables);
const entities = (codes: string[], selection: string, who: Identity = courtOfficer) =>
  query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code ${selection} } } }`,
    { r: codes.map((code) => ({ __typename: 'CreditSubject', code })) },
    who,
  );
const data = (response: { body: { data?: unknown } }) => response.body.data as any;

describe('CreditSubject extension', () => {
  it('lists the cases on the list, newest filing first, and tells who is a 失信被执行人', async () => {
    const { body } = await entities(
      [trader, builder, repaired, clean],
      'isDishonestDebtor dishonestDebtorCases { caseNumber filedOn status }',
      callers.public,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const [t, b, r, c] = (body.data as any)._entities;
    assert.equal(t.isDishonestDebtor, true);
    assert.deepEqual(t.dishonestDebtorCases, [
      { caseNumber: '(2024)浙0106执1234号', filedOn: '2024-03-15', status: 'ACTIVE' },
    ]);
    assert.deepEqual(
      b.dishonestDebtorCases.map((k: any) => k.caseNumber),
      ['(2025)浙0108执2001号', '(2023)浙0212执3457号', '(2021)浙0106执45号'],
    );
    // Withdrawn only: not a dishonest debtor, and the public sees nothing of it.
    assert.equal(r.isDishonestDebtor, false);
    assert.deepEqual(r.dishonestDebtorCases, []);
    assert.deepEqual(c, { code: clean, isDishonestDebtor: false, dishonestDebtorCases: [] });
  });

  it('shows withdrawn cases to government users and refuses them to the public', async () => {
    const { body } = await entities(
      [trader],
      'dishonestDebtorCases(includeWithdrawn: true) { caseNumber status withdrawnOn withdrawalReason withdrawalReasonLabel withdrawalNote }',
      callers.officer('tax'),
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any)._entities[0].dishonestDebtorCases, [
      {
        caseNumber: '(2024)浙0106执1234号',
        status: 'ACTIVE',
        withdrawnOn: null,
        withdrawalReason: null,
        withdrawalReasonLabel: null,
        withdrawalNote: null,
      },
      {
        caseNumber: '(2022)浙0106执876号',
        status: 'WITHDRAWN',
        withdrawnOn: '2023-01-20',
        withdrawalReason: 'PERFORMED',
        withdrawalReasonLabel: '被执行人已履行生效法律文书确定的义务或人民法院已执行完毕',
        withdrawalNote: '被执行人已全部履行',
      },
    ]);
    const reads = await tdb.db.prisma.$queryRaw<{ fields: string }[]>`
      SELECT fields FROM audit.entry WHERE action = 'READ' AND actor = 'officer-tax' AND subject_code = ${trader}`;
    assert.ok(reads.some((r) => r.fields.includes('CreditSubject.dishonestDebtorCases(includeWithdrawn)')));
    const refused = await entities(
      [trader],
      'isDishonestDebtor dishonestDebtorCases(includeWithdrawn: true) { caseNumber }',
      callers.public,
    );
    expectForbidden(refused);
    // Only the widened field is refused; the rest of the subject still arrives.
    assert.deepEqual(refused.body.errors?.[0]?.path, ['_entities', 0, 'dishonestDebtorCases']);
    assert.equal(data(refused)._entities[0].isDishonestDebtor, true);
  });

  it('gives consumption restrictions in force, and lifted ones to government users only', async () => {
    const { body } = await entities(
      [trader, repaired, clean],
      'isConsumptionRestricted consumptionRestrictions { caseNumber courtName issuedOn status liftedOn }',
      callers.public,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const [t, r, c] = (body.data as any)._entities;
    assert.equal(t.isConsumptionRestricted, true);
    assert.deepEqual(t.consumptionRestrictions, [
      {
        caseNumber: '(2024)浙0106执1234号',
        courtName: WEST_LAKE,
        issuedOn: '2024-04-02',
        status: 'ACTIVE',
        liftedOn: null,
      },
    ]);
    assert.equal(r.isConsumptionRestricted, false);
    assert.deepEqual(r.consumptionRestrictions, []);
    assert.equal(c.isConsumptionRestricted, false);

    const lifted = await entities(
      [repaired],
      'consumptionRestrictions(includeLifted: true) { status liftedOn liftReason }',
    );
    assert.deepEqual(data(lifted)._entities[0].consumptionRestrictions, [
      { status: 'LIFTED', liftedOn: '2024-11-05', liftReason: '被执行人已履行完毕' },
    ]);
    const refused = await entities(
      [repaired],
      'consumptionRestrictions(includeLifted: true) { status }',
      callers.public,
    );
    expectForbidden(refused);
  });

  it('returns every item of a case with its labels', async () => {
    const { body } = await entities(
      [trader],
      `dishonestDebtorCases { caseNumber subject { code } debtorKind debtorName regionCode courtName filedOn
        basisDocumentNumber basisIssuer obligation performance performanceLabel performedPart unperformedPart
        behaviours behaviourLabels decidedOn termYears termExtensionYears listedUntil publishedOn status
        consumptionRestrictionInForce }`,
      callers.public,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any)._entities[0].dishonestDebtorCases[0], {
      caseNumber: '(2024)浙0106执1234号',
      subject: { code: trader },
      debtorKind: 'ORGANISATION',
      debtorName: '杭州鑫达贸易有限公司',
      regionCode: '330106',
      courtName: WEST_LAKE,
      filedOn: '2024-03-15',
      basisDocumentNumber: '(2023)浙0106民初5678号',
      basisIssuer: WEST_LAKE,
      obligation: '支付货款人民币358,000元及利息',
      performance: 'PARTLY_PERFORMED',
      performanceLabel: '部分未履行',
      performedPart: '已支付货款人民币100,000元',
      unperformedPart: '尚欠货款人民币258,000元及利息',
      behaviours: ['REFUSING_DESPITE_ABILITY'],
      behaviourLabels: ['有履行能力而拒不履行生效法律文书确定义务'],
      decidedOn: '2024-05-04',
      // Item (一) alone: no term, on the list until performance or another 第十条第一款 ground.
      termYears: null,
      termExtensionYears: 0,
      listedUntil: null,
      publishedOn: '2024-05-14',
      status: 'ACTIVE',
      consumptionRestrictionInForce: true,
    });
  });
});

describe('personal data', () => {
  const selection = 'dishonestDebtorCases { debtorKind debtorName legalRepresentative sex age idNumber }';
  const maskedId = `${personId.slice(0, 10)}****${personId.slice(14)}`;

  it('masks a natural person for the public, and an organisation only in its legal representative', async () => {
    const { body } = await entities(
      [person, trader],
      `${selection} consumptionRestrictions { restrictedPerson }`,
      callers.public,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const [p, t] = (body.data as any)._entities;
    assert.deepEqual(p.dishonestDebtorCases, [
      {
        debtorKind: 'NATURAL_PERSON',
        debtorName: '王*国',
        legalRepresentative: null,
        sex: '男',
        age: 45,
        idNumber: maskedId,
      },
    ]);
    assert.deepEqual(t.dishonestDebtorCases, [
      {
        debtorKind: 'ORGANISATION',
        debtorName: '杭州鑫达贸易有限公司',
        legalRepresentative: '陈*明',
        sex: null,
        age: null,
        idNumber: null,
      },
    ]);
    assert.deepEqual(t.consumptionRestrictions, [{ restrictedPerson: '陈*明' }]);
    assert.ok(!JSON.stringify(body).includes(personId));
    assert.ok(!JSON.stringify(body).includes('王建国'));
  });

  it('masks for officers without a purpose and for other departments', async () => {
    for (const who of [courtOfficer, callers.officer('tax', '税务稽查 2025-017'), callers.system('court', ['read'])]) {
      const { body } = await entities([person], selection, who);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const [c] = (body.data as any)._entities[0].dishonestDebtorCases;
      assert.equal(c.debtorName, '王*国', who.actor);
      assert.equal(c.idNumber, maskedId, who.actor);
    }
  });

  it('unmasks for a court officer with a purpose, and audits the read', async () => {
    const purpose = '（2025）浙0106执1号';
    const who = callers.officer('court', purpose);
    const { body } = await entities([person, trader], selection, who);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const [p, t] = (body.data as any)._entities;
    assert.equal(p.dishonestDebtorCases[0].debtorName, '王建国');
    assert.equal(p.dishonestDebtorCases[0].idNumber, personId);
    assert.equal(t.dishonestDebtorCases[0].legalRepresentative, '陈志明');
    const rows = await tdb.db.prisma.$queryRaw<{ subject_code: string; fields: string; purpose: string }[]>`
      SELECT subject_code, fields, purpose FROM audit.entry WHERE action = 'READ_PERSONAL' AND purpose = ${purpose}`;
    const read = rows.map((r) => [r.subject_code, JSON.parse(r.fields) as string[]] as const);
    assert.ok(
      read.some(([s, f]) => s === person && f.includes('DishonestDebtorCase.idNumber')),
      JSON.stringify(read),
    );
    assert.ok(read.some(([s, f]) => s === person && f.includes('DishonestDebtorCase.debtorName')));
    assert.ok(read.some(([s, f]) => s === trader && f.includes('DishonestDebtorCase.legalRepresentative')));
    // An organisation's own name is not personal data: reading it is not an unmasked personal read.
    assert.ok(!read.some(([s, f]) => s === trader && f.includes('DishonestDebtorCase.debtorName')));
  });
});

describe('statements per request', () => {
  const many = Array.from({ length: 48 }, (_, i) => makeUscc('91', '330106', `MA2Q${String(i).padStart(4, '0')}`));

  it('costs one statement for its loaders together, whether 2 or 50 subjects are asked for', async () => {
    const selection = 'isDishonestDebtor isConsumptionRestricted dishonestDebtorCases { caseNumber debtorName }';
    tdb.db.resetStatements();
    const few = await entities([trader, person], selection, callers.public);
    const forTwo = tdb.db.statements();
    tdb.db.resetStatements();
    const lots = await entities([...many, trader, person], selection, callers.public);
    const forFifty = tdb.db.statements();
    assert.equal(few.body.errors, undefined, JSON.stringify(few.body.errors));
    assert.equal(lots.body.errors, undefined, JSON.stringify(lots.body.errors));
    assert.equal(data(lots)._entities.length, 50);
    // The cases and the 限制消费令 loaders of the fetch go in one statement (rowsByKeys, ADR 0080).
    assert.equal(forTwo, 1);
    assert.equal(forFifty, 1);

    tdb.db.resetStatements();
    await entities([...many, trader, person], 'isDishonestDebtor', callers.public);
    assert.equal(tdb.db.statements(), 1);
    // Whether each case has its 限制消费令 in force: one more statement for all the cases of the page (it needs the
    // cases first).
    tdb.db.resetStatements();
    const restricted = await entities(
      [...many, trader, person],
      'dishonestDebtorCases { caseNumber consumptionRestrictionInForce }',
      callers.public,
    );
    assert.equal(restricted.body.errors, undefined, JSON.stringify(restricted.body.errors));
    assert.equal(tdb.db.statements(), 2);
    const byCase = data(restricted)._entities.flatMap((e: any) => e.dishonestDebtorCases);
    assert.deepEqual(
      byCase.map((c: any) => [c.caseNumber, c.consumptionRestrictionInForce]),
      [
        ['(2024)浙0106执1234号', true],
        ['(2024)浙01执88号', false],
      ],
    );
    // __resolveReference itself reads nothing.
    tdb.db.resetStatements();
    await entities([...many, trader, person], '', callers.public);
    assert.equal(tdb.db.statements(), 0);
  });
});

describe('dishonestDebtorCase', () => {
  const BY_NUMBER = `query($n: String!) { dishonestDebtorCase(caseNumber: $n) { caseNumber status debtorName } }`;

  it('finds a case by its number, written with full-width parentheses too', async () => {
    for (const n of ['(2024)浙0106执1234号', '（2024）浙0106执1234号']) {
      const { body } = await query(BY_NUMBER, { n }, callers.public);
      assert.deepEqual(data({ body }).dishonestDebtorCase, {
        caseNumber: '(2024)浙0106执1234号',
        status: 'ACTIVE',
        debtorName: '杭州鑫达贸易有限公司',
      });
    }
    const unknown = await query(BY_NUMBER, { n: '(2024)浙0106执9999号' }, callers.public);
    assert.equal(data(unknown).dishonestDebtorCase, null);
  });

  it('hides a withdrawn case from the public and shows it to government users', async () => {
    const n = '(2023)浙0212执3456号';
    assert.equal(data(await query(BY_NUMBER, { n }, callers.public)).dishonestDebtorCase, null);
    assert.equal(data(await query(BY_NUMBER, { n })).dishonestDebtorCase.status, 'WITHDRAWN');
    assert.equal(
      data(await query(BY_NUMBER, { n }, callers.system('market', ['read']))).dishonestDebtorCase.status,
      'WITHDRAWN',
    );
  });

  it('rejects a malformed case number with the rule it breaks', async () => {
    assertBadInput(await query(BY_NUMBER, { n: '(2024)浙0106民初1234号' }, callers.public), 'caseNumber', 'CASE_TYPE');
  });
});

describe('dishonestDebtorCases list', () => {
  const list = async (args: string, who: Identity = callers.public) => {
    const response = await query(
      `{ dishonestDebtorCases${args ? `(${args})` : ''} { totalCount nodes { caseNumber } } }`,
      {},
      who,
    );
    assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
    const page = data(response).dishonestDebtorCases;
    return { total: page.totalCount as number, cases: page.nodes.map((n: any) => n.caseNumber) as string[] };
  };

  it('lists the cases on the list, newest filing first (ties by id)', async () => {
    assert.deepEqual(await list(''), {
      total: 5,
      cases: [
        '(2025)浙0108执2001号',
        '(2024)浙01执88号',
        '(2024)浙0106执1234号',
        '(2023)浙0212执3457号',
        '(2021)浙0106执45号',
      ],
    });
  });

  it('filters by court, region prefix, filing dates and debtor kind', async () => {
    assert.deepEqual(await list(`courtName: "${WEST_LAKE}"`), {
      total: 2,
      cases: ['(2024)浙0106执1234号', '(2021)浙0106执45号'],
    });
    assert.deepEqual((await list(`courtName: "${HANGZHOU}"`)).cases, ['(2024)浙01执88号']);
    assert.equal((await list(`regionCode: "330100"`)).total, 5);
    assert.deepEqual((await list(`regionCode: "330108"`)).cases, [
      '(2025)浙0108执2001号',
      '(2023)浙0212执3457号',
      '(2021)浙0106执45号',
    ]);
    assert.equal((await list(`regionCode: "330200"`)).total, 0);
    assert.equal((await list(`regionCode: "330000"`)).total, 5);
    assert.deepEqual((await list(`filedFrom: "2024-01-01", filedTo: "2024-12-31"`)).cases, [
      '(2024)浙01执88号',
      '(2024)浙0106执1234号',
    ]);
    // Both ends inclusive.
    assert.equal((await list(`filedFrom: "2024-03-15", filedTo: "2024-03-15"`)).total, 2);
    assert.deepEqual((await list(`filedTo: "2022-12-31"`)).cases, ['(2021)浙0106执45号']);
    assert.deepEqual((await list(`debtorKind: NATURAL_PERSON`)).cases, ['(2024)浙01执88号']);
    assert.equal((await list(`debtorKind: ORGANISATION, regionCode: "330106"`)).total, 1);
  });

  it('lists withdrawn cases for government users only', async () => {
    assert.deepEqual(await list('status: WITHDRAWN', callers.supervisor()), {
      total: 2,
      cases: ['(2023)浙0212执3456号', '(2022)浙0106执876号'],
    });
    assert.deepEqual((await list(`status: WITHDRAWN, regionCode: "330200"`, courtOfficer)).cases, [
      '(2023)浙0212执3456号',
    ]);
    // Each withdrawn case read is on the audit trail, under its subject.
    const reads = await tdb.db.prisma.$queryRaw<{ subject_code: string }[]>`
      SELECT subject_code FROM audit.entry WHERE action = 'READ' AND actor = 'supervisor-1'
        AND fields LIKE '%dishonestDebtorCases(status: WITHDRAWN)%'`;
    assert.deepEqual(reads.map((r) => r.subject_code).sort(), [repaired, trader].sort());
    const refused = await query(`{ dishonestDebtorCases(status: WITHDRAWN) { totalCount } }`, {}, callers.public);
    expectForbidden(refused);
    assert.equal(refused.body.data ?? null, null);
  });

  it('pages without gaps or repeats, ties on the filing date included', async () => {
    const everything = (await list('first: 100')).cases;
    for (const size of [1, 2, 3]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const response = await query(
          `query($first: Int, $after: String) { dishonestDebtorCases(first: $first, after: $after) {
            nodes { caseNumber } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
          { first: size, after },
          callers.public,
        );
        const page = data(response).dishonestDebtorCases;
        assert.equal(page.pageInfo.hasPreviousPage, after !== null);
        seen.push(...page.nodes.map((n: any) => n.caseNumber));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      assert.deepEqual(seen, everything, `page size ${size}`);
    }
  });

  for (const [label, args, field, rule] of [
    ['a cursor from nowhere', `after: "bm9wZQ"`, 'after', 'CURSOR'],
    [
      'a forged cursor with a non-numeric id',
      `after: "${Buffer.from('["2024-01-01","1 OR 1"]').toString('base64url')}"`,
      'after',
      'CURSOR',
    ],
    ['first over the maximum', 'first: 101', 'first', 'RANGE'],
    ['a malformed region', 'regionCode: "3301"', 'regionCode', 'FORMAT'],
    ['a date range the wrong way round', 'filedFrom: "2024-12-31", filedTo: "2024-01-01"', 'filedTo', 'ORDER'],
  ] as const) {
    it(`rejects ${label}`, async () => {
      assertBadInput(await query(`{ dishonestDebtorCases(${args}) { totalCount } }`, {}, callers.public), field, rule);
    });
  }

  it('rejects an unknown status as a validation error', async () => {
    const { status, body } = await query(
      `{ dishonestDebtorCases(status: DELETED) { totalCount } }`,
      {},
      callers.public,
    );
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  });
});

// Runs last: it adds government debtors that the list tests above do not expect.
describe('RegionIntegrity (shared with the subject register and 政务诚信)', () => {
  const bureau = makeUscc('11', '330106', '00280001'); // 机关 in 西湖区
  const hospital = makeUscc('12', '330212', '47000002'); // 事业单位 in 鄞州区
  const region = `query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionIntegrity {
    regionCode dishonestGovernmentBodyCount dishonestGovernmentBodies { code } } } }`;

  before(async () => {
    await court.case.many([
      {
        caseNumber: '(2025)浙0106执2001号',
        subjectCode: bureau,
        filed: '2025-02-10',
        debtorName: '杭州市西湖区某街道办事处',
        legalRepresentative: '张伟',
      },
      {
        caseNumber: '(2025)浙0106执2002号',
        subjectCode: bureau,
        filed: '2025-03-10',
        debtorName: '杭州市西湖区某街道办事处',
        legalRepresentative: '张伟',
      },
      {
        caseNumber: '(2023)浙0212执3001号',
        subjectCode: hospital,
        filed: '2023-02-10',
        debtorName: '宁波市鄞州区某医院',
        legalRepresentative: '李强',
        courtName: YINZHOU,
        status: 'WITHDRAWN',
        withdrawnOn: new Date('2024-01-05'),
        withdrawalReason: 'PERFORMED',
      },
    ]);
  });

  it('counts government bodies with active cases per region prefix, each body once, in one statement', async () => {
    const reps = ['330100', '330106', '330200', '330000'].map((regionCode) => ({
      __typename: 'RegionIntegrity',
      regionCode,
    }));
    tdb.db.resetStatements();
    const { body } = await postAs(service.url, callers.supervisor(), region, { r: reps });
    assert.equal(body.errors, undefined);
    assert.deepEqual(
      data({ body })._entities.map((e: any) => [
        e.regionCode,
        e.dishonestGovernmentBodyCount,
        e.dishonestGovernmentBodies,
      ]),
      [
        ['330100', 1, [{ code: bureau }]],
        ['330106', 1, [{ code: bureau }]],
        ['330200', 0, []],
        ['330000', 1, [{ code: bureau }]],
      ],
    );
    assert.equal(tdb.db.statements(), 1);
  });

  it('is for supervisors only', async () => {
    const answer = await postAs(service.url, callers.officer('court'), region, {
      r: [{ __typename: 'RegionIntegrity', regionCode: '330100' }],
    });
    expectForbidden(answer);
  });
});

// Runs after the blocks above: its cases are in 温州 (3303…), which none of them filters on or counts.
describe('the listing term, as of the day (法释〔2017〕7号 第二条, 第十条第二款)', () => {
  const WENZHOU = '温州市鹿城区人民法院';
  const firm = makeUscc('91', '330302', 'MA2T0001'); // term: decided 2024-11-20, last day 2026-11-20
  const bureau = makeUscc('11', '330302', '00280009'); // 机关, same term
  const stubborn = makeUscc('91', '330302', 'MA2T0002'); // item (一) alone: no term
  const extended = makeUscc('91', '330302', 'MA2T0003'); // (二)+(四) with one year more: last day 2027-11-20
  // In 瓯海区 (330304), out of the 330302 lists: last day 2026-12-30, so its deletion deadline falls in 2027.
  const yearEnd = makeUscc('91', '330304', 'MA2T0005');
  const yearEndCase = '(2024)浙0304执905号';
  const decided = new Date('2024-11-20');
  const termCase = '(2024)浙0302执901号';

  before(async () => {
    const wenzhou = { courtName: WENZHOU, decidedOn: decided, filedOn: new Date('2024-09-02') };
    await court.case.many([
      {
        caseNumber: termCase,
        subjectCode: firm,
        filed: '2024-09-02',
        ...wenzhou,
        behaviours: ['VIOLATING_PROPERTY_REPORTING'],
      },
      {
        caseNumber: '(2024)浙0302执902号',
        subjectCode: bureau,
        filed: '2024-09-02',
        ...wenzhou,
        debtorName: '温州市鹿城区某局',
        behaviours: ['REFUSING_SETTLEMENT'],
      },
      { caseNumber: '(2024)浙0302执903号', subjectCode: stubborn, filed: '2024-09-02', ...wenzhou },
      {
        caseNumber: '(2024)浙0302执904号',
        subjectCode: extended,
        filed: '2024-09-02',
        ...wenzhou,
        behaviours: ['OBSTRUCTING_EXECUTION', 'VIOLATING_PROPERTY_REPORTING'],
        termExtensionYears: 1,
        termExtensionGround: 'MULTIPLE_BEHAVIOURS',
        termExtensionReason: '具有多项失信行为',
      },
      {
        caseNumber: yearEndCase,
        subjectCode: yearEnd,
        filed: '2024-10-08',
        courtName: WENZHOU,
        decidedOn: new Date('2024-12-30'),
        behaviours: ['VIOLATING_PROPERTY_REPORTING'],
      },
    ]);
  });

  /** Everything the public and a supervisor see of the four subjects, as of `day` (and what the court sees). */
  async function asOf(day: string, court = true) {
    const restore = fixClock(day);
    try {
      const subjects = await entities(
        [firm, bureau, stubborn, extended],
        'isDishonestDebtor dishonestDebtorCases { caseNumber status }',
        callers.public,
      );
      const list = await query(
        `{ dishonestDebtorCases(regionCode: "330302") { totalCount nodes { caseNumber } } }`,
        {},
        callers.public,
      );
      const byNumber = await query(
        `query($n: String!) { dishonestDebtorCase(caseNumber: $n) { status } }`,
        { n: termCase },
        callers.public,
      );
      const region = await postAs(
        service.url,
        callers.supervisor(),
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionIntegrity { dishonestGovernmentBodyCount } } }`,
        { r: [{ __typename: 'RegionIntegrity', regionCode: '330300' }] },
      );
      const officer = await entities(
        [firm],
        court
          ? 'dishonestDebtorCases(includeWithdrawn: true) { caseNumber status listedUntil deletionDeadline deletionOverdue }'
          : 'dishonestDebtorCases(includeWithdrawn: true) { caseNumber status listedUntil }',
      );
      for (const r of [subjects, list, byNumber, region, officer])
        assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      return {
        flags: data(subjects)._entities.map((e: any) => e.isDishonestDebtor),
        publicCases: data(subjects)._entities.map((e: any) => e.dishonestDebtorCases.length),
        listed: data(list).dishonestDebtorCases.totalCount,
        byNumber: data(byNumber).dishonestDebtorCase,
        governmentBodies: data(region)._entities[0].dishonestGovernmentBodyCount,
        officer: data(officer)._entities[0].dishonestDebtorCases[0],
      };
    } finally {
      restore();
    }
  }

  it('keeps a case on the list through its last day, in every read', async () => {
    for (const day of ['2026-11-19', '2026-11-20']) {
      const seen = await asOf(day);
      assert.deepEqual(seen.flags, [true, true, true, true], day);
      assert.deepEqual(seen.publicCases, [1, 1, 1, 1], day);
      assert.equal(seen.listed, 4, day);
      assert.deepEqual(seen.byNumber, { status: 'ACTIVE' }, day);
      assert.equal(seen.governmentBodies, 1, day);
      assert.deepEqual(seen.officer, {
        caseNumber: termCase,
        status: 'ACTIVE',
        listedUntil: '2026-11-20',
        deletionDeadline: null,
        deletionOverdue: null,
      });
    }
  });

  it('takes it off the list the day after, with no job run: not public, not a flag, not counted', async () => {
    const seen = await asOf('2026-11-21');
    // The term case and the government body's are off; item (一) and the extended term stay.
    assert.deepEqual(seen.flags, [false, false, true, true]);
    assert.deepEqual(seen.publicCases, [0, 0, 1, 1]);
    assert.equal(seen.listed, 2);
    assert.equal(seen.byNumber, null, 'the public learns nothing of an expired case');
    assert.equal(seen.governmentBodies, 0);
    // Friday 11-20 is the last day: Monday 23, Tuesday 24, Wednesday 25 are the three working days to delete.
    assert.deepEqual(seen.officer, {
      caseNumber: termCase,
      status: 'EXPIRED',
      listedUntil: '2026-11-20',
      deletionDeadline: '2026-11-25',
      deletionOverdue: false,
    });
  });

  it('keeps item (一) alone listed without a term, and the extended term a year longer', async () => {
    // Listing needs no working days, so it is answered in years the calendar does not hold.
    assert.deepEqual((await asOf('2027-11-20', false)).flags, [false, false, true, true]);
    assert.deepEqual((await asOf('2027-11-21', false)).flags, [false, false, true, false]);
    assert.deepEqual((await asOf('2030-06-01', false)).flags, [false, false, true, false]);
  });

  it('answers past the working-day calendar what it can, and refuses to guess the rest (CALENDAR_RANGE)', async () => {
    // 2027-01-02: the 2027 holiday notice is not in the calendar. A term that ended 2026-11-20 had its three working
    // days inside 2026, so its deletion is overdue for certain; one that ended 2026-12-30 has its deadline in 2027.
    const restore = fixClock('2027-01-02');
    try {
      const { body } = await entities(
        [firm, yearEnd],
        'dishonestDebtorCases(includeWithdrawn: true) { deletionOverdue }',
      );
      assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
      assert.equal(body.errors[0]!.extensions?.code, 'CALENDAR_RANGE');
      assert.equal(body.errors[0]!.extensions?.date, '2027-01-01');
      assert.deepEqual(body.errors[0]!.path, ['_entities', 1, 'dishonestDebtorCases', 0, 'deletionOverdue']);
      // The undetermined field is null, the rest of the answer arrives.
      assert.deepEqual(data({ body })._entities, [
        { code: firm, dishonestDebtorCases: [{ deletionOverdue: true }] },
        { code: yearEnd, dishonestDebtorCases: [{ deletionOverdue: null }] },
      ]);

      // The overdue list holds the deletions overdue for certain, without an error; the full list holds every
      // expired listing, the undetermined one with its deadline null (not counted) and the field's error.
      const DUE = `query($overdue: Boolean) { dishonestDebtorDeletionsDue(regionCode: "330300", overdueOnly: $overdue) {
        totalCount nodes { caseNumber listedUntil deletionDeadline } } }`;
      const overdue = await query(DUE, { overdue: true });
      assert.equal(overdue.body.errors, undefined, JSON.stringify(overdue.body.errors));
      assert.deepEqual(data(overdue).dishonestDebtorDeletionsDue, {
        totalCount: 2,
        nodes: [
          { caseNumber: termCase, listedUntil: '2026-11-20', deletionDeadline: '2026-11-25' },
          { caseNumber: '(2024)浙0302执902号', listedUntil: '2026-11-20', deletionDeadline: '2026-11-25' },
        ],
      });
      const all = await query(DUE, { overdue: false });
      assert.equal(all.body.errors, undefined, JSON.stringify(all.body.errors));
      assert.deepEqual(
        data(all).dishonestDebtorDeletionsDue.nodes.map((n: { caseNumber: string }) => n.caseNumber),
        [termCase, '(2024)浙0302执902号', yearEndCase],
      );
      assert.equal(data(all).dishonestDebtorDeletionsDue.nodes[2].deletionDeadline, null);
    } finally {
      restore();
    }
  });

  it('shows the court and supervisors the deletions due, and which are overdue, day by day', async () => {
    const DUE = `query($overdue: Boolean) { dishonestDebtorDeletionsDue(regionCode: "330300", overdueOnly: $overdue) {
      totalCount nodes { caseNumber listedUntil deletionDeadline deletionOverdue } } }`;
    const due = async (day: string, overdue: boolean, who: Identity = courtOfficer) => {
      const restore = fixClock(day);
      try {
        const { body } = await query(DUE, { overdue }, who);
        assert.equal(body.errors, undefined, JSON.stringify(body.errors));
        return data({ body }).dishonestDebtorDeletionsDue;
      } finally {
        restore();
      }
    };
    assert.equal((await due('2026-11-20', false)).totalCount, 0, 'nothing due while the term runs');
    const onDeadline = await due('2026-11-25', false);
    assert.deepEqual(
      onDeadline.nodes.map((n: any) => [n.caseNumber, n.deletionDeadline, n.deletionOverdue]),
      [
        [termCase, '2026-11-25', false],
        ['(2024)浙0302执902号', '2026-11-25', false],
      ],
    );
    assert.equal((await due('2026-11-25', true)).totalCount, 0, 'not overdue on the deadline day');
    const dayAfter = await due('2026-11-26', true, callers.supervisor());
    assert.equal(dayAfter.totalCount, 2);
    assert.ok(dayAfter.nodes.every((n: any) => n.deletionOverdue === true));
    // Each case read off the list is on the audit trail, under its subject.
    const reads = await tdb.db.prisma.$queryRaw<{ subject_code: string }[]>`
      SELECT DISTINCT subject_code FROM audit.entry WHERE action = 'READ' AND fields LIKE '%dishonestDebtorDeletionsDue%'
        AND subject_code IS NOT NULL`;
    // (yearEnd's case was read off the list by the test before, on 2027-01-02.)
    assert.deepEqual(reads.map((r) => r.subject_code).sort(), [bureau, firm, yearEnd].sort());
  });

  it('lists expired cases for government users only, audited', async () => {
    const restore = fixClock('2026-11-21');
    try {
      const expired = await query(
        `{ dishonestDebtorCases(status: EXPIRED, regionCode: "330302") { nodes { caseNumber status } } }`,
        {},
        callers.officer('tax'),
      );
      assert.equal(expired.body.errors, undefined, JSON.stringify(expired.body.errors));
      assert.deepEqual(data(expired).dishonestDebtorCases.nodes, [
        { caseNumber: '(2024)浙0302执902号', status: 'EXPIRED' },
        { caseNumber: termCase, status: 'EXPIRED' },
      ]);
      const refused = await query(`{ dishonestDebtorCases(status: EXPIRED) { totalCount } }`, {}, callers.public);
      expectForbidden(refused);
      assert.equal(refused.body.data ?? null, null);
    } finally {
      restore();
    }
  });

  it('has the database refuse a last day that does not follow from the decision and the term', async () => {
    const wrong = court.case.data({
      caseNumber: '(2024)浙0302执905号',
      subjectCode: firm,
      filed: '2024-09-02',
      decidedOn: decided,
      behaviours: ['VIOLATING_PROPERTY_REPORTING'],
    });
    await assert.rejects(
      tdb.db.prisma.dishonestDebtorCase.create({ data: { ...wrong, listedUntil: new Date('2026-12-31') } }),
      /dishonest_debtor_case_listed_until/,
    );
    for (const broken of [{ termYears: null }, { listedUntil: null }]) {
      await assert.rejects(
        tdb.db.prisma.dishonestDebtorCase.create({ data: { ...wrong, ...broken } }),
        /dishonest_debtor_case_listed_until/,
        JSON.stringify(broken),
      );
    }
  });

  it('refuses the deletions due to the public and to other departments, with no data', async () => {
    for (const who of [callers.public, callers.officer('tax')]) {
      const answer = await query(`{ dishonestDebtorDeletionsDue { totalCount } }`, {}, who);
      expectForbidden(answer);
      assert.equal(answer.body.data ?? null, null, who.actor);
    }
  });

  it('answers the term of a page of subjects in one statement, as before', async () => {
    const restore = fixClock('2026-11-21');
    try {
      tdb.db.resetStatements();
      const { body } = await entities([firm, bureau, stubborn, extended, trader], 'isDishonestDebtor', callers.public);
      assert.equal(body.errors, undefined);
      assert.equal(tdb.db.statements(), 1);
    } finally {
      restore();
    }
  });
});
