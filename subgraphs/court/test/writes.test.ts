import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clock, fixClock, verifyAudit, type Identity, type RunningService } from '@credit-hub/kit';
import { personKey } from '@credit-hub/kit/codes';
import {
  assertBadInput,
  assertConflict,
  assertRefused,
  callers,
  createTestDatabase,
  expectForbidden,
  makeIdNumber,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  writeRows,
} from '@credit-hub/kit/testing';
import { startCourtSubgraph } from '../src/index.ts';

// The court subgraph's mutations over real HTTP against a real Postgres clone; the file starts empty and
// every write below goes through the API, so the audit trail can be compared write by write at the end.
let tdb: TestDatabase;
let service: RunningService;

const courtOfficer = callers.officer('court');
const courtSystem = callers.system('court', ['write']);
const SECRET = 'test-person-key-secret-0123456789';
const personId = makeIdNumber('330106', '19800101', '124');
const person = personKey(personId, SECRET);

// The file stands on one day (the term and relisting tests move it); days are China dates, as the subgraph counts.
const TODAY = '2026-11-20';
const isoDay = (offsetDays: number) => {
  const today = clock.today();
  return new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
};
/** The last character of a code replaced by another valid one: the check character/digit no longer fits. */
const breakCheck = (code: string) => code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

/** Every successful write, in order: the audit trail must hold exactly these WRITE rows. */
const expectedWrites: { actor: string; role: string; mutation: string }[] = [];

const call = (q: string, variables: Record<string, unknown> = {}, who: Identity = courtOfficer) =>
  postAs(service.url, who, q, variables);

const CASE_FIELDS = `caseNumber subject { code } debtorKind debtorName legalRepresentative sex age idNumber regionCode
  courtName filedOn basisDocumentNumber basisIssuer obligation performance performedPart unperformedPart behaviours
  decidedOn initiation termYears termExtensionYears termExtensionGround termExtensionReason listedUntil publishedOn
  status withdrawnOn withdrawalReason withdrawalNote`;
const PUBLISH = `mutation($input: DishonestDebtorCaseInput!) { publishDishonestDebtorCase(input: $input) { ${CASE_FIELDS} } }`;
const PERFORMANCE = `mutation($n: String!, $p: PerformanceStatus!, $done: String, $open: String) {
  recordPerformance(caseNumber: $n, performance: $p, performedPart: $done, unperformedPart: $open) {
    caseNumber performance performanceLabel performedPart unperformedPart
  }
}`;
const WITHDRAW = `mutation($n: String!, $reason: WithdrawalReason!, $note: String, $on: Date, $ground: Date) {
  withdrawDishonestDebtorCase(caseNumber: $n, reason: $reason, note: $note, withdrawnOn: $on, groundArisenOn: $ground) {
    caseNumber status withdrawnOn withdrawalKind withdrawalReason withdrawalReasonLabel withdrawalBasis withdrawalNote
    groundArisenOn deletionDeadline withdrawnLate
  }
}`;
const ISSUE = `mutation($input: ConsumptionRestrictionInput!) {
  issueConsumptionRestriction(input: $input) {
    id subject { code } caseNumber courtName restrictedPerson regionCode issuedOn status liftedOn liftReason
  }
}`;
const LIFT = `mutation($id: ID!, $reason: String!) {
  liftConsumptionRestriction(id: $id, reason: $reason) { id status liftedOn liftReason }
}`;

const caseInput = (caseNumber: string, subjectCode: string, extra: Record<string, unknown> = {}) => ({
  caseNumber,
  subjectCode,
  debtorKind: 'ORGANISATION',
  debtorName: '杭州鑫达贸易有限公司',
  legalRepresentative: '陈志明',
  courtName: '杭州市西湖区人民法院',
  filedOn: '2025-03-10',
  basisDocumentNumber: '(2024)浙0106民初5678号',
  basisIssuer: '杭州市西湖区人民法院',
  obligation: '支付货款人民币358,000元及利息',
  performance: 'NONE_PERFORMED',
  behaviours: ['REFUSING_DESPITE_ABILITY'],
  decidedOn: '2025-04-02',
  publishedOn: '2025-04-12',
  ...extra,
});

const personInput = (caseNumber: string, extra: Record<string, unknown> = {}) =>
  caseInput(caseNumber, person, {
    debtorKind: 'NATURAL_PERSON',
    debtorName: '李秀英',
    legalRepresentative: null,
    idNumber: personId,
    regionCode: '330106',
    courtName: '浙江省杭州市中级人民法院',
    obligation: '偿还借款本金人民币1,200,000元及逾期利息',
    behaviours: ['EVADING_EXECUTION'],
    ...extra,
  });

const restrictionInput = (subjectCode: string, caseNumber: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  caseNumber,
  courtName: '杭州市西湖区人民法院',
  restrictedPerson: '陈志明',
  issuedOn: '2025-04-20',
  ...extra,
});

/** Runs a mutation and notes it as an expected audit row when it wrote (the mutation field has data). */
async function write(mutation: string, q: string, variables: Record<string, unknown>, who: Identity = courtOfficer) {
  const result = await call(q, variables, who);
  if ((result.body.data as any)?.[mutation])
    expectedWrites.push({ actor: who.actor, role: who.role, mutation: `Mutation.${mutation}` });
  return result;
}
const publish = (input: Record<string, unknown>, who?: Identity) =>
  write('publishDishonestDebtorCase', PUBLISH, { input }, who);
const perform = (vars: Record<string, unknown>, who?: Identity) => write('recordPerformance', PERFORMANCE, vars, who);
const withdraw = (vars: Record<string, unknown>, who?: Identity) =>
  write('withdrawDishonestDebtorCase', WITHDRAW, vars, who);
const issue = (input: Record<string, unknown>, who?: Identity) =>
  write('issueConsumptionRestriction', ISSUE, { input }, who);
const lift = (id: string, reason: string, who?: Identity) =>
  write('liftConsumptionRestriction', LIFT, { id, reason }, who);

/** Row counts of everything a write could leave behind. */
async function counts() {
  const [cases, restrictions, writes] = await Promise.all([
    tdb.db.prisma.dishonestDebtorCase.count(),
    tdb.db.prisma.consumptionRestriction.count(),
    writeRows(tdb.db).then((rows) => rows.length),
  ]);
  return { cases, restrictions, writes };
}
/** The latest listing of a case (a case may be listed again after a deletion). */
const storedCase = (caseNumber: string) =>
  tdb.db.prisma.dishonestDebtorCase.findFirst({ where: { caseNumber }, orderBy: { id: 'desc' } });

let restoreClock: () => void;

before(async () => {
  restoreClock = fixClock(TODAY);
  tdb = await createTestDatabase();
  service = await startCourtSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restoreClock();
});

describe('publishDishonestDebtorCase', () => {
  const trader = makeUscc('91', '330106', 'MA2W0001');

  it('publishes an organisation, normalising the case number and taking the region from the USCC', async () => {
    const { body } = await publish(caseInput('（2025）浙0106执1234号', ` ${trader.toLowerCase()} `));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).publishDishonestDebtorCase, {
      caseNumber: '(2025)浙0106执1234号',
      subject: { code: trader },
      debtorKind: 'ORGANISATION',
      debtorName: '杭州鑫达贸易有限公司',
      // Without a stated purpose even the court gets a legal representative's name masked.
      legalRepresentative: '陈*明',
      sex: null,
      age: null,
      idNumber: null,
      regionCode: '330106',
      courtName: '杭州市西湖区人民法院',
      filedOn: '2025-03-10',
      basisDocumentNumber: '(2024)浙0106民初5678号',
      basisIssuer: '杭州市西湖区人民法院',
      obligation: '支付货款人民币358,000元及利息',
      performance: 'NONE_PERFORMED',
      performedPart: null,
      unperformedPart: null,
      behaviours: ['REFUSING_DESPITE_ABILITY'],
      decidedOn: '2025-04-02',
      initiation: null,
      // Item (一) alone: no term (法释〔2017〕7号 第二条).
      termYears: null,
      termExtensionYears: 0,
      termExtensionGround: null,
      termExtensionReason: null,
      listedUntil: null,
      publishedOn: '2025-04-12',
      status: 'ACTIVE',
      withdrawnOn: null,
      withdrawalReason: null,
      withdrawalNote: null,
    });
    const stored = await storedCase('(2025)浙0106执1234号');
    assert.equal(stored?.subjectCode, trader);
    assert.equal(stored?.legalRepresentative, '陈志明');
    assert.equal(stored?.status, 'ACTIVE');
  });

  it('publishes a natural person with sex and age from the ID number, masked in the answer', async () => {
    const { body } = await publish(personInput('(2025)浙01执77号'));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const published = (body.data as any).publishDishonestDebtorCase;
    // The officer states no purpose: personal data comes back masked even to the court.
    assert.equal(published.debtorName, '李*英');
    assert.equal(published.idNumber, `${personId.slice(0, 10)}****${personId.slice(14)}`);
    assert.equal(published.sex, '女');
    assert.equal(published.age, 45);
    assert.equal(published.regionCode, '330106');
    const stored = await storedCase('(2025)浙01执77号');
    assert.equal(stored?.idNumber, personId);
    assert.equal(stored?.debtorName, '李秀英');
    assert.equal(stored?.debtorKind, 'NATURAL_PERSON');
    // Item (三): two years from the decision, to the same day.
    assert.deepEqual([published.termYears, published.listedUntil], [2, '2027-04-02']);
  });

  it('accepts the 15-digit first-generation ID number of the same person, stored upgraded', async () => {
    const first = `${personId.slice(0, 6)}${personId.slice(8, 17)}`;
    const { body } = await publish(personInput('(2025)浙01执78号', { idNumber: first }));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal((await storedCase('(2025)浙01执78号'))?.idNumber, personId);
  });

  it('refuses a minor (第四条), naming the age on the decision day, and writes nothing', async () => {
    // Born 2007-04-03: 17 on the decision day 2025-04-02 (the day before the 18th birthday), 18 a day later.
    const teen = makeIdNumber('330106', '20070403', '128');
    const key = personKey(teen, SECRET);
    const before = await counts();
    const refused = await publish(personInput('(2025)浙01执79号', { subjectCode: key, idNumber: teen }));
    assertBadInput(refused, 'input.idNumber', 'MINOR');
    assert.match(refused.body.errors![0]!.message, /was 17 on the decision day 2025-04-02.*第四条/);
    assert.deepEqual(await counts(), before);
    const onBirthday = await publish(
      personInput('(2025)浙01执79号', { subjectCode: key, idNumber: teen, decidedOn: '2025-04-03' }),
    );
    assert.equal(onBirthday.body.errors, undefined, JSON.stringify(onBirthday.body.errors));
  });

  it('lists several behaviours in the order of 第一条, with the term of items (二)–(六) and a reasoned extension', async () => {
    const { body } = await publish(
      caseInput('(2025)浙0106执1310号', makeUscc('91', '330106', 'MA2W0010'), {
        behaviours: ['VIOLATING_PROPERTY_REPORTING', 'REFUSING_DESPITE_ABILITY'],
        termExtensionYears: 2,
        termExtensionGround: 'MULTIPLE_BEHAVIOURS',
        termExtensionReason: '被执行人同时违反财产报告制度且有履行能力而拒不履行',
        initiation: 'APPLICATION',
      }),
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const c = (body.data as any).publishDishonestDebtorCase;
    assert.deepEqual(
      [c.behaviours, c.termYears, c.termExtensionYears, c.termExtensionGround, c.listedUntil, c.initiation],
      [
        ['REFUSING_DESPITE_ABILITY', 'VIOLATING_PROPERTY_REPORTING'],
        2,
        2,
        'MULTIPLE_BEHAVIOURS',
        '2029-04-02',
        'APPLICATION',
      ],
    );
  });

  it('publishes a pre-2016 case number (字/第 form) of a listing that is still in force', async () => {
    const { body } = await publish(
      caseInput('（2015）厦执字第00281号', makeUscc('91', '350203', 'MA2W0011'), {
        courtName: '厦门市思明区人民法院',
        filedOn: '2015-03-10',
        decidedOn: '2015-06-01',
        publishedOn: '2015-06-05',
      }),
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal((body.data as any).publishDishonestDebtorCase.caseNumber, '(2015)厦执字第00281号');
  });

  it('accepts a partly performed case with both parts', async () => {
    const { body } = await publish(
      caseInput('(2025)浙0106执1300号', makeUscc('91', '330106', 'MA2W0002'), {
        performance: 'PARTLY_PERFORMED',
        performedPart: '已支付货款人民币100,000元',
        unperformedPart: '尚欠货款人民币258,000元及利息',
      }),
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal((body.data as any).publishDishonestDebtorCase.performedPart, '已支付货款人民币100,000元');
  });

  it('refuses a case number published before, in either spelling, writing nothing', async () => {
    const before = await counts();
    for (const n of ['(2025)浙0106执1234号', '（2025）浙0106执1234号']) {
      const response = await publish(caseInput(n, makeUscc('91', '330106', 'MA2W0003')));
      assertConflict(response, 'input.caseNumber', 'ALREADY_LISTED');
    }
    assert.deepEqual(await counts(), before);
    assert.equal((await storedCase('(2025)浙0106执1234号'))?.subjectCode, trader);
  });

  const org = makeUscc('91', '330106', 'MA2W0004');
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a case number of another shape', { caseNumber: '2025浙0106执1号' }, 'input.caseNumber', 'FORMAT'],
    [
      'a case number from the future',
      { caseNumber: `(${Number(isoDay(0).slice(0, 4)) + 1})浙0106执1号` },
      'input.caseNumber',
      'YEAR',
    ],
    ['a province spelt out', { caseNumber: '(2025)浙江0106执1号' }, 'input.caseNumber', 'PROVINCE'],
    ['a civil case number', { caseNumber: '(2025)浙0106民初1号' }, 'input.caseNumber', 'CASE_TYPE'],
    ['an invalid USCC', { subjectCode: breakCheck(org) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a malformed person key', { subjectCode: 'NP12' }, 'input.subjectCode', 'PERSON_KEY_FORMAT'],
    ['a subject code that is neither USCC nor person key', { subjectCode: '9133' }, 'input.subjectCode', 'LENGTH'],
    ['a USCC declared a natural person', { debtorKind: 'NATURAL_PERSON' }, 'input.debtorKind', 'KIND_MISMATCH'],
    [
      'an organisation without legal representative',
      { legalRepresentative: ' ' },
      'input.legalRepresentative',
      'REQUIRED',
    ],
    ['an organisation with an ID number', { idNumber: personId }, 'input.idNumber', 'NOT_APPLICABLE'],
    ['a court name that is not a court', { courtName: '杭州市西湖区' }, 'input.courtName', 'COURT_NAME'],
    ['a filing date in the future', { filedOn: isoDay(1), publishedOn: isoDay(1) }, 'input.filedOn', 'NOT_IN_FUTURE'],
    ['a publication date in the future', { publishedOn: isoDay(1) }, 'input.publishedOn', 'NOT_IN_FUTURE'],
    ['publication before the decision', { publishedOn: '2025-04-01' }, 'input.publishedOn', 'ORDER'],
    ['a decision before filing', { decidedOn: '2025-03-09' }, 'input.decidedOn', 'ORDER'],
    ['a decision in the future', { decidedOn: isoDay(1), publishedOn: isoDay(1) }, 'input.decidedOn', 'NOT_IN_FUTURE'],
    ['filing before the case number year', { filedOn: '2024-12-30' }, 'input.filedOn', 'CASE_YEAR'],
    [
      'filing after the case number year (立案 in the 收案年度)',
      { caseNumber: '(2024)浙0106执1号' },
      'input.filedOn',
      'CASE_YEAR',
    ],
    ['a preservation case (not 执行实施)', { caseNumber: '(2025)浙0106执保1号' }, 'input.caseNumber', 'CASE_TYPE'],
    ['an objection case (not 执行实施)', { caseNumber: '(2025)浙0106执异1号' }, 'input.caseNumber', 'CASE_TYPE'],
    ['a three-digit court code', { caseNumber: '(2025)浙010执1号' }, 'input.caseNumber', 'FORMAT'],
    ['no behaviour', { behaviours: [] }, 'input.behaviours', 'REQUIRED'],
    ['a behaviour twice', { behaviours: ['EVADING_EXECUTION', 'EVADING_EXECUTION'] }, 'input.behaviours', 'REPEATED'],
    [
      'an extension of a listing without a term (item (一) alone)',
      { termExtensionYears: 1, termExtensionGround: 'MULTIPLE_BEHAVIOURS', termExtensionReason: '多项' },
      'input.termExtensionYears',
      'NO_TERM',
    ],
    [
      'an extension of four years',
      { behaviours: ['OBSTRUCTING_EXECUTION'], termExtensionYears: 4 },
      'input.termExtensionYears',
      'RANGE',
    ],
    [
      'an extension without its ground',
      { behaviours: ['OBSTRUCTING_EXECUTION'], termExtensionYears: 1, termExtensionReason: '情节严重' },
      'input.termExtensionGround',
      'REQUIRED',
    ],
    [
      'an extension for several behaviours with one',
      {
        behaviours: ['OBSTRUCTING_EXECUTION'],
        termExtensionYears: 1,
        termExtensionGround: 'MULTIPLE_BEHAVIOURS',
        termExtensionReason: '多项',
      },
      'input.termExtensionGround',
      'EXTENSION_GROUND',
    ],
    [
      'an extension for violence without obstruction',
      {
        behaviours: ['EVADING_EXECUTION', 'REFUSING_SETTLEMENT'],
        termExtensionYears: 1,
        termExtensionGround: 'SERIOUS_VIOLENT_OBSTRUCTION',
        termExtensionReason: '情节严重',
      },
      'input.termExtensionGround',
      'EXTENSION_GROUND',
    ],
    [
      'an extension without a reason',
      {
        behaviours: ['OBSTRUCTING_EXECUTION'],
        termExtensionYears: 1,
        termExtensionGround: 'SERIOUS_VIOLENT_OBSTRUCTION',
      },
      'input.termExtensionReason',
      'REQUIRED',
    ],
    [
      'a ground without an extension',
      { termExtensionGround: 'MULTIPLE_BEHAVIOURS' },
      'input.termExtensionGround',
      'NOT_APPLICABLE',
    ],
    [
      'a listing whose term ended before it is published',
      {
        behaviours: ['REFUSING_SETTLEMENT'],
        filedOn: '2024-03-01',
        caseNumber: '(2024)浙0106执2号',
        decidedOn: '2024-11-19',
        publishedOn: '2024-11-25',
      },
      'input.decidedOn',
      'TERM_ENDED',
    ],
    [
      'partly performed without the performed part',
      { performance: 'PARTLY_PERFORMED', unperformedPart: '尚欠258,000元' },
      'input.performedPart',
      'REQUIRED',
    ],
    [
      'partly performed without the unperformed part',
      { performance: 'PARTLY_PERFORMED', performedPart: '已付100,000元' },
      'input.unperformedPart',
      'REQUIRED',
    ],
    [
      'nothing performed with a performed part',
      { performedPart: '已付100,000元' },
      'input.performedPart',
      'NOT_APPLICABLE',
    ],
    ['an empty obligation', { obligation: '  ' }, 'input.obligation', 'REQUIRED'],
    ['a malformed region', { regionCode: '33010' }, 'input.regionCode', 'FORMAT'],
  ];
  const personCases: [string, Record<string, unknown>, string, string][] = [
    ['a person key declared an organisation', { debtorKind: 'ORGANISATION' }, 'input.debtorKind', 'KIND_MISMATCH'],
    ['a person without ID number', { idNumber: null }, 'input.idNumber', 'REQUIRED'],
    ['a person with an invalid ID number', { idNumber: breakCheck(personId) }, 'input.idNumber', 'CHECK_DIGIT'],
    ['a person without region', { regionCode: null }, 'input.regionCode', 'REQUIRED'],
    [
      'a person with a legal representative',
      { legalRepresentative: '张三' },
      'input.legalRepresentative',
      'NOT_APPLICABLE',
    ],
  ];
  const all = [
    ...cases.map(
      ([label, extra, field, rule], i) =>
        [label, caseInput(`(2025)浙0106执${500 + i}号`, org, extra), field, rule] as const,
    ),
    ...personCases.map(
      ([label, extra, field, rule], i) => [label, personInput(`(2025)浙01执${600 + i}号`, extra), field, rule] as const,
    ),
  ];
  for (const [label, input, field, rule] of all) {
    it(`refuses ${label} (${field} ${rule}) and writes nothing`, async () => {
      const before = await counts();
      assertBadInput(await publish(input), field, rule);
      assert.deepEqual(await counts(), before);
    });
  }

  it('refuses an unknown behaviour as a validation error, not a server error', async () => {
    const before = await counts();
    const response = await publish(caseInput('(2025)浙0106执700号', org, { behaviours: ['LYING'] }));
    assert.equal(response.status, 400);
    assert.notEqual(response.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.deepEqual(await counts(), before);
  });

  it('keeps no case when its audit entry cannot be written (one transaction)', async () => {
    const doomed = '(2025)浙0106执9999号';
    await tdb.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION court.test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.detail LIKE '%执9999号%' THEN RAISE EXCEPTION 'audit refused by test'; END IF;
        RETURN NEW;
      END $$`);
    await tdb.db.prisma.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit.entry
      FOR EACH ROW EXECUTE FUNCTION court.test_refuse_audit()`);
    try {
      const before = await counts();
      const { body } = await publish(caseInput(doomed, makeUscc('91', '330106', 'MA2W0005')));
      assert.ok(body.errors?.length, 'the publication must fail');
      assert.deepEqual(await counts(), before);
      assert.equal(await storedCase(doomed), null);
    } finally {
      await tdb.db.prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_audit ON audit.entry`);
      await tdb.db.prisma.$executeRawUnsafe(`DROP FUNCTION court.test_refuse_audit()`);
    }
  });
});

describe('recordPerformance', () => {
  const n = '(2025)浙0106执1400号';
  before(async () => {
    const { body } = await publish(caseInput(n, makeUscc('91', '330106', 'MA2W0006')));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  });

  it('records a partial performance, and back to none', async () => {
    const { body } = await perform({
      n: '（2025）浙0106执1400号',
      p: 'PARTLY_PERFORMED',
      done: '已支付货款人民币50,000元',
      open: '尚欠货款人民币308,000元及利息',
    });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).recordPerformance, {
      caseNumber: n,
      performance: 'PARTLY_PERFORMED',
      performanceLabel: '部分未履行',
      performedPart: '已支付货款人民币50,000元',
      unperformedPart: '尚欠货款人民币308,000元及利息',
    });
    const back = await perform({ n, p: 'NONE_PERFORMED' });
    assert.equal(back.body.errors, undefined, JSON.stringify(back.body.errors));
    assert.equal((await storedCase(n))?.performedPart, null);
  });

  it('refuses missing parts, a malformed or unknown case number, writing nothing', async () => {
    const before = await counts();
    assertBadInput(await perform({ n, p: 'PARTLY_PERFORMED', done: '已付50,000元' }), 'unperformedPart', 'REQUIRED');
    assertBadInput(await perform({ n, p: 'NONE_PERFORMED', done: '已付50,000元' }), 'performedPart', 'NOT_APPLICABLE');
    assertBadInput(await perform({ n: '(2025)浙0106民初1400号', p: 'NONE_PERFORMED' }), 'caseNumber', 'CASE_TYPE');
    const unknown = await perform({ n: '(2025)浙0106执8888号', p: 'NONE_PERFORMED' });
    assertRefused(unknown, { code: 'NOT_FOUND' });
    assert.deepEqual(await counts(), before);
    assert.equal((await storedCase(n))?.performance, 'NONE_PERFORMED');
  });
});

describe('withdrawDishonestDebtorCase', () => {
  const debtor = makeUscc('91', '330108', 'MA2W0007');
  const n = '(2025)浙0108执2001号';
  const other = '(2025)浙0108执2002号';
  before(async () => {
    for (const c of [n, other]) {
      const { body } = await publish(caseInput(c, debtor, { courtName: '杭州市滨江区人民法院' }));
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    }
  });
  const status = async () =>
    (
      (
        await call(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject {
            isDishonestDebtor dishonestDebtorCases { caseNumber } } } }`,
          { r: [{ __typename: 'CreditSubject', code: debtor }] },
          callers.public,
        )
      ).body.data as any
    )._entities[0];

  it('refuses bad withdrawals, writing nothing', async () => {
    const before = await counts();
    assertBadInput(await withdraw({ n, reason: 'OTHER', note: '历史' }), 'reason', 'LEGACY_REASON');
    assertBadInput(await withdraw({ n, reason: 'LISTED_IN_ERROR' }), 'note', 'REQUIRED');
    // Item (一) alone has no term: neither the term's end nor an early deletion applies.
    assertBadInput(await withdraw({ n, reason: 'PERIOD_ENDED' }), 'reason', 'NO_TERM');
    assertBadInput(await withdraw({ n, reason: 'EARLY_DELETION' }), 'reason', 'NO_TERM');
    assertBadInput(
      await withdraw({ n, reason: 'PERFORMED', ground: isoDay(-1), on: isoDay(-2) }),
      'groundArisenOn',
      'ORDER',
    );
    assertBadInput(await withdraw({ n, reason: 'PERFORMED', ground: '2025-03-01' }), 'groundArisenOn', 'ORDER');
    assertBadInput(await withdraw({ n, reason: 'PERFORMED', on: isoDay(1) }), 'withdrawnOn', 'NOT_IN_FUTURE');
    assertBadInput(await withdraw({ n, reason: 'PERFORMED', on: '2025-04-11' }), 'withdrawnOn', 'ORDER');
    assertBadInput(await withdraw({ n: '(2025)X0108执2001号', reason: 'PERFORMED' }), 'caseNumber', 'PROVINCE');
    const unknown = await withdraw({ n: '(2025)浙0108执2999号', reason: 'PERFORMED' });
    assertRefused(unknown, { code: 'NOT_FOUND' });
    assert.deepEqual(await counts(), before);
    assert.equal((await storedCase(n))?.status, 'ACTIVE');
  });

  it('withdraws a case today by default, and the subject leaves the list with its last case', async () => {
    const { body } = await withdraw({ n, reason: 'PERFORMED', note: '  被执行人已履行全部义务  ' });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    // Friday 2026-11-20: the ground arose today, so the three working days run to Wednesday 11-25.
    assert.deepEqual((body.data as any).withdrawDishonestDebtorCase, {
      caseNumber: n,
      status: 'WITHDRAWN',
      withdrawnOn: isoDay(0),
      withdrawalKind: 'DELETION',
      withdrawalReason: 'PERFORMED',
      withdrawalReasonLabel: '被执行人已履行生效法律文书确定的义务或人民法院已执行完毕',
      withdrawalBasis: '法释〔2017〕7号 第十条第一款第（一）项',
      withdrawalNote: '被执行人已履行全部义务',
      groundArisenOn: isoDay(0),
      deletionDeadline: '2026-11-25',
      withdrawnLate: false,
    });
    assert.deepEqual(await status(), { isDishonestDebtor: true, dishonestDebtorCases: [{ caseNumber: other }] });
    // The settlement was performed on 2025-04-25 (a Friday) and deleted on 2025-05-06: after 4-27 (Sunday, 调休),
    // 4-28 and 4-29, so late — 5-1…5-5 were the 劳动节 holiday.
    const second = await withdraw({
      n: other,
      reason: 'SETTLEMENT_PERFORMED',
      note: '执行和解协议已履行完毕',
      on: '2025-05-06',
      ground: '2025-04-25',
    });
    assert.equal(second.body.errors, undefined, JSON.stringify(second.body.errors));
    const late = (second.body.data as any).withdrawDishonestDebtorCase;
    assert.deepEqual(
      [late.withdrawnOn, late.groundArisenOn, late.deletionDeadline, late.withdrawnLate],
      ['2025-05-06', '2025-04-25', '2025-04-29', true],
    );
    assert.deepEqual(await status(), { isDishonestDebtor: false, dishonestDebtorCases: [] });
  });

  it('refuses to withdraw a case twice, or to change a withdrawn one', async () => {
    const before = await counts();
    assertBadInput(await withdraw({ n, reason: 'PERIOD_ENDED' }), 'caseNumber', 'NOT_LISTED');
    assertBadInput(await perform({ n, p: 'NONE_PERFORMED' }), 'caseNumber', 'NOT_LISTED');
    assert.deepEqual(await counts(), before);
    assert.equal((await storedCase(n))?.withdrawalReason, 'PERFORMED');
  });
});

describe('deletion on the grounds the law gives (法释〔2017〕7号 第二条, 第十条)', () => {
  const debtor = makeUscc('91', '330110', 'MA2W0020');
  // Items (四): a two-year term, decided 2024-11-25, so its last day is Wednesday 2026-11-25.
  const termCase = '(2024)浙0110执3001号';
  const early = '(2024)浙0110执3002号';
  const onTime = '(2024)浙0110执3003号';
  const termInput = (n: string) =>
    caseInput(n, debtor, {
      courtName: '杭州市余杭区人民法院',
      behaviours: ['VIOLATING_PROPERTY_REPORTING'],
      filedOn: '2024-09-02',
      decidedOn: '2024-11-25',
      publishedOn: '2024-11-29',
    });
  const at = async <T>(day: string, run: () => Promise<T>) => {
    const restore = fixClock(day);
    try {
      return await run();
    } finally {
      restore();
    }
  };

  before(async () => {
    for (const n of [termCase, early, onTime]) {
      const { body } = await publish(termInput(n));
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    }
  });

  it('refuses the 第十条第一款 grounds for a listing with a term (有纳入期限的，不适用前款规定)', async () => {
    const before = await counts();
    for (const reason of ['PERFORMED', 'SETTLEMENT_PERFORMED', 'APPLICANT_REQUEST', 'EXECUTION_TERMINATED']) {
      const refused = await withdraw({ n: termCase, reason });
      assertBadInput(refused, 'reason', 'TERM_APPLIES');
      assert.match(refused.body.errors![0]!.message, /until 2026-11-25.*EARLY_DELETION/);
    }
    assert.deepEqual(await counts(), before);
  });

  it('deletes early under 第二条第二款 while the term runs, with no deadline', async () => {
    const { body } = await withdraw({ n: early, reason: 'EARLY_DELETION', note: '被执行人已全部履行' });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const c = (body.data as any).withdrawDishonestDebtorCase;
    assert.deepEqual(
      [c.withdrawalBasis, c.deletionDeadline, c.withdrawnLate],
      ['法释〔2017〕7号 第二条第二款', null, null],
    );
  });

  it("records the term's end only after its last day: the day of is refused, the day after counts", async () => {
    const before = await counts();
    const onLastDay = await at('2026-11-25', () => withdraw({ n: termCase, reason: 'PERIOD_ENDED' }));
    assertBadInput(onLastDay, 'withdrawnOn', 'TERM_NOT_ENDED');
    const withGround = await at('2026-11-26', () =>
      withdraw({ n: termCase, reason: 'PERIOD_ENDED', ground: '2026-11-26' }),
    );
    assertBadInput(withGround, 'groundArisenOn', 'NOT_APPLICABLE');
    // After the term an early deletion is no longer the ground, and performance is not recorded on it.
    const tooLate = await at('2026-11-26', () => withdraw({ n: termCase, reason: 'EARLY_DELETION' }));
    assertBadInput(tooLate, 'reason', 'TERM_ENDED');
    const performedLate = await at('2026-11-26', () => perform({ n: termCase, p: 'NONE_PERFORMED' }));
    assertBadInput(performedLate, 'caseNumber', 'NOT_LISTED');
    assert.deepEqual(await counts(), before);
  });

  it('tracks the three working days after the term: on the deadline in time, the day after late', async () => {
    // Last day Wednesday 11-25; Thursday 26, Friday 27, Monday 30 are the three working days.
    const inTime = await at('2026-11-30', () => withdraw({ n: onTime, reason: 'PERIOD_ENDED' }));
    assert.equal(inTime.body.errors, undefined, JSON.stringify(inTime.body.errors));
    const a = (inTime.body.data as any).withdrawDishonestDebtorCase;
    assert.deepEqual(
      [a.withdrawnOn, a.groundArisenOn, a.deletionDeadline, a.withdrawnLate, a.withdrawalBasis],
      ['2026-11-30', '2026-11-25', '2026-11-30', false, '法释〔2017〕7号 第十条第二款'],
    );
    const late = await at('2026-12-01', () => withdraw({ n: termCase, reason: 'PERIOD_ENDED' }));
    assert.equal(late.body.errors, undefined, JSON.stringify(late.body.errors));
    assert.equal((late.body.data as any).withdrawDishonestDebtorCase.withdrawnLate, true);
  });
});

describe('listing a case again (法释〔2017〕7号 第十条第三款、第四款)', () => {
  const debtor = makeUscc('91', '330110', 'MA2W0030');
  const relisting = (n: string, extra: Record<string, unknown> = {}) =>
    caseInput(n, debtor, {
      courtName: '杭州市余杭区人民法院',
      filedOn: '2026-03-02',
      decidedOn: '2026-04-01',
      publishedOn: '2026-04-10',
      ...extra,
    });
  const again = { decidedOn: '2026-11-20', publishedOn: '2026-11-20', initiation: 'APPLICATION' };

  it('refuses a second listing while the first is not deleted', async () => {
    const n = '(2026)浙0110执4000号';
    assert.equal((await publish(relisting(n))).body.errors, undefined);
    assertConflict(await publish(relisting(n, again)), 'input.caseNumber', 'ALREADY_LISTED');
  });

  it('bars an application within six months of a deletion the applicant asked for: the day of, not the day after', async () => {
    // Deleted on 2026-05-20: the bar runs to 2026-11-20 inclusive. Deleted on 05-19: it ended on 11-19.
    for (const [n, deletedOn, barred] of [
      ['(2026)浙0110执4001号', '2026-05-20', true],
      ['(2026)浙0110执4002号', '2026-05-19', false],
    ] as const) {
      assert.equal((await publish(relisting(n))).body.errors, undefined);
      const deleted = await withdraw({ n, reason: 'APPLICANT_REQUEST', on: deletedOn });
      assert.equal(deleted.body.errors, undefined, JSON.stringify(deleted.body.errors));
      const before = await counts();
      const response = await publish(relisting(n, again));
      if (barred) {
        assertBadInput(response, 'input.initiation', 'RELISTING_BAR');
        assert.match(response.body.errors![0]!.message, /not granted until after 2026-11-20/);
        assert.deepEqual(await counts(), before);
        // The court of its own motion may list again (第十条第三款): the bar concerns applications.
        const own = await publish(relisting(n, { ...again, initiation: 'EX_OFFICIO' }));
        assert.equal(own.body.errors, undefined, JSON.stringify(own.body.errors));
      } else {
        assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
      }
      // Both listings of the case are kept; the number finds the current one.
      assert.equal(await tdb.db.prisma.dishonestDebtorCase.count({ where: { caseNumber: n } }), 2);
      const current = await call(
        `query($n: String!) { dishonestDebtorCase(caseNumber: $n) { status decidedOn } }`,
        { n },
        callers.public,
      );
      assert.deepEqual((current.body.data as any).dishonestDebtorCase, { status: 'ACTIVE', decidedOn: '2026-11-20' });
    }
  });
});

describe('consumption restrictions', () => {
  const debtor = makeUscc('91', '330106', 'MA2W0008');
  let id: string;

  it('issues an order with the region from the USCC', async () => {
    const { body } = await issue(restrictionInput(debtor, '（2025）浙0106执1500号'));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const order = (body.data as any).issueConsumptionRestriction;
    id = order.id;
    assert.match(id, /^\d+$/);
    assert.deepEqual(
      { ...order, id: undefined },
      {
        id: undefined,
        subject: { code: debtor },
        caseNumber: '(2025)浙0106执1500号',
        courtName: '杭州市西湖区人民法院',
        restrictedPerson: '陈*明',
        regionCode: '330106',
        issuedOn: '2025-04-20',
        status: 'ACTIVE',
        liftedOn: null,
        liftReason: null,
      },
    );
    const stored = await tdb.db.prisma.consumptionRestriction.findUnique({ where: { id: BigInt(id) } });
    assert.equal(stored?.restrictedPerson, '陈志明');
  });

  it('refuses a second order in force in the same case, and bad input, writing nothing', async () => {
    const before = await counts();
    assertConflict(
      await issue(restrictionInput(debtor, '(2025)浙0106执1500号')),
      'input.caseNumber',
      'ALREADY_IN_FORCE',
    );
    assertBadInput(await issue(restrictionInput(debtor, '(2025)浙0106民初1500号')), 'input.caseNumber', 'CASE_TYPE');
    assertBadInput(
      await issue(restrictionInput(debtor, '(2025)浙0106执1501号', { issuedOn: isoDay(1) })),
      'input.issuedOn',
      'NOT_IN_FUTURE',
    );
    assertBadInput(
      await issue(restrictionInput(person, '(2025)浙0106执1502号', { restrictedPerson: null })),
      'input.regionCode',
      'REQUIRED',
    );
    assertBadInput(
      await issue(restrictionInput(breakCheck(debtor), '(2025)浙0106执1503号')),
      'input.subjectCode',
      'CHECK_CHARACTER',
    );
    assertBadInput(
      await issue(restrictionInput(debtor, '(2025)浙0106执1504号', { courtName: '西湖区' })),
      'input.courtName',
      'COURT_NAME',
    );
    assert.deepEqual(await counts(), before);
  });

  it('lifts an order once, and refuses unknown, malformed and reasonless lifts', async () => {
    const before = await counts();
    assertBadInput(await lift(id, '   '), 'reason', 'REQUIRED');
    assertBadInput(await lift('12a', '已履行完毕'), 'id', 'FORMAT');
    const unknown = await lift('987654321', '已履行完毕');
    assertRefused(unknown, { code: 'NOT_FOUND' });
    assert.deepEqual(await counts(), before);

    const { body } = await lift(id, '被执行人已履行生效法律文书确定的全部义务');
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).liftConsumptionRestriction, {
      id,
      status: 'LIFTED',
      liftedOn: isoDay(0),
      liftReason: '被执行人已履行生效法律文书确定的全部义务',
    });
    const afterLift = await counts();
    assertConflict(await lift(id, '再次解除'), 'id', 'ALREADY_LIFTED');
    assert.deepEqual(await counts(), afterLift);

    // Lifted, a new order may be issued in the same case.
    const again = await issue(restrictionInput(debtor, '(2025)浙0106执1500号', { issuedOn: isoDay(0) }));
    assert.equal(again.body.errors, undefined, JSON.stringify(again.body.errors));
  });
});

describe('who may write', () => {
  const target = makeUscc('91', '330106', 'MA2W0009');
  const n = '(2025)浙0106执1600号';
  let orderId: string;
  before(async () => {
    assert.equal((await publish(caseInput(n, target))).body.errors, undefined);
    const { body } = await issue(restrictionInput(target, n));
    orderId = (body.data as any).issueConsumptionRestriction.id;
  });

  const refusedCallers: [string, Identity][] = [
    ['the public', callers.public],
    ['a tax officer', callers.officer('tax', '（2025）浙0106执1号')],
    ['a supervisor', callers.supervisor('案件2025-001')],
    ['an administrator', callers.admin()],
    ['a court system without the write scope', callers.system('court', ['read', 'personal'])],
    ['a tax system with the write scope', callers.system('tax', ['write'])],
  ];
  for (const [label, who] of refusedCallers) {
    it(`refuses ${label} every mutation, writing nothing`, async () => {
      const before = await counts();
      const responses = [
        await publish(caseInput('(2025)浙0106执1601号', target), who),
        await perform({ n, p: 'PARTLY_PERFORMED', done: '已付10,000元', open: '尚欠348,000元' }, who),
        await withdraw({ n, reason: 'PERFORMED' }, who),
        await issue(restrictionInput(target, '(2025)浙0106执1601号'), who),
        await lift(orderId, '已履行完毕', who),
      ];
      for (const response of responses) {
        expectForbidden(response);
        assert.equal(response.body.data ?? null, null);
      }
      assert.deepEqual(await counts(), before);
      const stored = await storedCase(n);
      assert.equal(stored?.status, 'ACTIVE');
      assert.equal(stored?.performance, 'NONE_PERFORMED');
    });
  }

  it('lets a court officer and a court system with the write scope write', async () => {
    const before = await counts();
    const byOfficer = await perform({ n, p: 'PARTLY_PERFORMED', done: '已付10,000元', open: '尚欠348,000元' });
    assert.equal(byOfficer.body.errors, undefined, JSON.stringify(byOfficer.body.errors));
    const bySystem = await publish(caseInput('(2025)浙0106执1602号', target), courtSystem);
    assert.equal(bySystem.body.errors, undefined, JSON.stringify(bySystem.body.errors));
    assert.equal((bySystem.body.data as any).publishDishonestDebtorCase.caseNumber, '(2025)浙0106执1602号');
    const lifted = await lift(orderId, '被执行人已履行完毕', courtSystem);
    assert.equal(lifted.body.errors, undefined, JSON.stringify(lifted.body.errors));
    // A system with the write scope only reads back public fields (the deadline fields are SHARED).
    const withdrawn = await write(
      'withdrawDishonestDebtorCase',
      `mutation($n: String!) { withdrawDishonestDebtorCase(caseNumber: $n, reason: LISTED_IN_ERROR, note: "经审查不应纳入") {
        status withdrawalKind } }`,
      { n },
      courtSystem,
    );
    assert.equal(withdrawn.body.errors, undefined, JSON.stringify(withdrawn.body.errors));
    const after = await counts();
    assert.deepEqual(after, { cases: before.cases + 1, restrictions: before.restrictions, writes: before.writes + 4 });
  });
});

describe('audit trail of writes', () => {
  it('holds one WRITE row per successful write, naming who wrote what, and the chain verifies', async () => {
    const rows = await writeRows(tdb.db);
    assert.ok(expectedWrites.length >= 15, `only ${expectedWrites.length} writes were made`);
    assert.deepEqual(
      rows.map((r) => ({ actor: r.actor, role: r.role, mutation: (JSON.parse(r.fields) as string[])[0] })),
      expectedWrites,
    );
    for (const row of rows) {
      assert.equal(row.department, 'court');
      assert.ok(row.subject_code, 'every court write names its subject');
    }
    assert.ok(rows.some((r) => r.actor === 'officer-court' && r.role === 'OFFICER'));
    assert.ok(rows.some((r) => r.actor === 'apikey:court' && r.role === 'SYSTEM'));
    const withdrawal = rows.find((r) => r.detail?.includes('被执行人已履行全部义务'));
    assert.ok(withdrawal?.fields.includes('Mutation.withdrawDishonestDebtorCase'));
    assert.ok(rows.some((r) => r.subject_code === person && r.fields.includes('publishDishonestDebtorCase')));
    // The audit detail names the case, never the debtor's ID number.
    assert.ok(!rows.some((r) => r.detail?.includes(personId)));

    const verified = await verifyAudit(tdb.db);
    assert.equal(verified.ok, true, verified.problems.join('; '));
    assert.ok(verified.entries >= rows.length);
  });
});
