import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock, verifyAudit, type Identity, type RunningService } from '@credit-hub/kit';
import { personKey } from '@credit-hub/kit/codes';
import {
  assertBadInput,
  callers,
  createTestDatabase,
  expectForbidden,
  makeIdNumber,
  makeUscc,
  postAs,
  refusedWrite,
  snapshot,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  writeRows,
} from '@credit-hub/kit/testing';
import { startTaxSubgraph } from '../src/index.ts';

// The tax subgraph's mutations over real HTTP against a real Postgres clone; the file starts empty and
// every write below goes through the API, so the audit trail can be compared write by write at the end.
let tdb: TestDatabase;
let service: RunningService;

const taxOfficer = callers.officer('tax');
const taxSystem = callers.system('tax', ['write']);
const authority = makeUscc('11', '330100', '00260001');
const responsibleId = makeIdNumber('330106', '19750312', '031');
const person = personKey(makeIdNumber('330106', '19800101', '123'), 'secret-xxxxxxxxxxxxxxxx');

// The file stands on one day (the subgraph runs in this process, on the same clock).
const TODAY = '2026-03-15';
const restoreClock = fixClock(TODAY);
const isoDay = (offsetDays: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** The last character of a code replaced by another valid one: the check character/digit no longer fits. */
const breakCheck = (code: string) => code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

/** Every successful write, in order: the audit trail must hold exactly these WRITE rows. */
const expectedWrites: { actor: string; role: string; mutation: string; subject: string | undefined }[] = [];

const call = (q: string, variables: Record<string, unknown> = {}, who: Identity = taxOfficer) =>
  postAs(service.url, who, q, variables);

const RECORD = `mutation($input: TaxCreditRatingInput!) {
  recordTaxCreditRating(input: $input) { subject { code } year level score evaluatedOn authority regionCode }
}`;
const PUBLISH = `mutation($input: MajorTaxViolationInput!) {
  publishMajorTaxViolation(input: $input) {
    id subject { code } taxpayerName responsiblePersonSex situation amountInvolved authorityCode
    decisionServedOn publishedOn publicityEndsOn paidInFullStopFrom status removedOn removalReason
    otherResponsiblePersons { role roleLabel name sex idNumber }
  }
}`;
const REMOVE = `mutation($id: ID!, $input: MajorTaxViolationStopInput!) {
  removeMajorTaxViolation(id: $id, input: $input) {
    id status removedOn removalGround removalGroundLabel removalReason stopAppliedOn stopDecisionDueBy paidOn
  }
}`;

const ratingInput = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  year: 2024,
  level: 'B',
  score: 82.5,
  evaluatedOn: '2025-04-20',
  authority: '国家税务总局杭州市西湖区税务局',
  ...extra,
});

const violationInput = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  taxpayerName: '杭州鑫达贸易有限公司',
  registeredAddress: '浙江省杭州市西湖区文三路90号',
  responsiblePersonName: '钱志远',
  responsiblePersonSex: '男',
  responsiblePersonIdNumber: responsibleId,
  situation: 'TAX_EVASION',
  mainFacts:
    '经国家税务总局杭州市税务局第一稽查局检查，该单位2023年度采取虚假申报手段少缴增值税325万元，占应纳税额的18%。',
  legalBasis: '依照《中华人民共和国税收征收管理法》第六十三条的规定',
  penalty: '追缴税款325万元、加收滞纳金，并处少缴税款百分之五十的罚款',
  amountInvolved: 3250000.5,
  inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
  authorityCode: authority,
  decisionServedOn: '2025-03-10',
  publishedOn: '2025-04-12',
  ...extra,
});

async function record(input: Record<string, unknown>, who: Identity = taxOfficer) {
  const result = await call(RECORD, { input }, who);
  // The write happened when the mutation field has data (a refused output field only nulls that field).
  if ((result.body.data as any)?.recordTaxCreditRating)
    expectedWrites.push({
      actor: who.actor,
      role: who.role,
      mutation: 'Mutation.recordTaxCreditRating',
      subject: String(input.subjectCode),
    });
  return result;
}

async function publish(input: Record<string, unknown>, who: Identity = taxOfficer) {
  const result = await call(PUBLISH, { input }, who);
  if ((result.body.data as any)?.publishMajorTaxViolation)
    expectedWrites.push({
      actor: who.actor,
      role: who.role,
      mutation: 'Mutation.publishMajorTaxViolation',
      subject: String(input.subjectCode),
    });
  return result;
}

async function remove(id: string, input: Record<string, unknown>, who: Identity = taxOfficer) {
  const result = await call(REMOVE, { id, input }, who);
  // The entry's subject is not passed in; which subject the row names is not asserted here.
  if ((result.body.data as any)?.removeMajorTaxViolation)
    expectedWrites.push({
      actor: who.actor,
      role: who.role,
      mutation: 'Mutation.removeMajorTaxViolation',
      subject: undefined,
    });
  return result;
}

/** Every table a tax write touches: a refused write must leave each of them, and the audit trail, as it was. */
const TABLES = ['tax.credit_rating', 'tax.major_violation', 'tax.responsible_person', 'tax.outbox'] as const;
/** Everything a write could change, as one comparable value (the kit's snapshot). */
const stored = () => snapshot(tdb.db, TABLES);
const unchanged = async (before: string) =>
  assert.equal(await stored(), before, 'a refused write changed stored rows or the audit trail');

/** Row counts of everything a write could leave behind. */
async function counts() {
  const [ratings, violations, writes] = await Promise.all([
    tdb.db.prisma.taxCreditRating.count(),
    tdb.db.prisma.majorTaxViolation.count(),
    writeRows(tdb.db).then((rows) => rows.length),
  ]);
  return { ratings, violations, writes };
}

before(async () => {
  tdb = await createTestDatabase();
  service = await startTaxSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restoreClock();
});

describe('recordTaxCreditRating', () => {
  const rated = makeUscc('91', '330106', 'MA2W0001');

  it('creates a rating with the region from the USCC, then corrects it in place', async () => {
    const first = await record(ratingInput(` ${rated.toLowerCase()} `));
    assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
    assert.deepEqual((first.body.data as any).recordTaxCreditRating, {
      subject: { code: rated },
      year: 2024,
      level: 'B',
      score: 82.5,
      evaluatedOn: '2025-04-20',
      authority: '国家税务总局杭州市西湖区税务局',
      regionCode: rated.slice(2, 8),
    });
    assert.equal(await tdb.db.prisma.taxCreditRating.count({ where: { subjectCode: rated } }), 1);

    const second = await record(
      ratingInput(rated, { level: 'A', score: 91, evaluatedOn: '2025-05-06', authority: '国家税务总局杭州市税务局' }),
    );
    assert.equal(second.body.errors, undefined, JSON.stringify(second.body.errors));
    assert.deepEqual((second.body.data as any).recordTaxCreditRating, {
      subject: { code: rated },
      year: 2024,
      level: 'A',
      score: 91,
      evaluatedOn: '2025-05-06',
      authority: '国家税务总局杭州市税务局',
      regionCode: '330106',
    });
    const rows = await tdb.db.prisma.taxCreditRating.findMany({ where: { subjectCode: rated } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.level, 'A');
    assert.equal(rows[0]!.score?.toNumber(), 91);
    assert.equal(rows[0]!.regionCode, '330106');

    // Another year is another row; D may be assigned without a score.
    const other = await record(ratingInput(rated, { year: 2023, level: 'D', score: null }));
    assert.equal(other.body.errors, undefined, JSON.stringify(other.body.errors));
    assert.equal((other.body.data as any).recordTaxCreditRating.score, null);
    assert.equal(await tdb.db.prisma.taxCreditRating.count({ where: { subjectCode: rated } }), 2);
  });

  it('requires the region for a person key and takes the one given', async () => {
    await refusedWrite(
      tdb.db,
      TABLES,
      () => record(ratingInput(person)),
      (answer) => assertBadInput(answer, 'input.regionCode', 'REQUIRED'),
    );

    const ok = await record(ratingInput(person, { regionCode: '330102' }));
    assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
    assert.equal((ok.body.data as any).recordTaxCreditRating.regionCode, '330102');
    const [row] = await tdb.db.prisma.taxCreditRating.findMany({ where: { subjectCode: person } });
    assert.equal(row?.regionCode, '330102');
  });
});

describe('rating validation', () => {
  const subject = makeUscc('91', '330108', 'MA2W0002');
  const nextYear = Number(TODAY.slice(0, 4)) + 1;
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(subject) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a score that does not fit the level', { level: 'A', score: 85 }, 'input.score', 'LEVEL_SCORE'],
    ['a missing score for B', { level: 'B', score: null }, 'input.score', 'REQUIRED'],
    ['a score under 70 for M', { level: 'M', score: 65 }, 'input.score', 'LEVEL_SCORE'],
    ['a score over 100', { level: 'A', score: 120 }, 'input.score', 'RANGE'],
    ['a year in the future', { year: nextYear, evaluatedOn: isoDay(-1) }, 'input.year', 'RANGE'],
    ['an evaluation date in the future', { evaluatedOn: isoDay(2) }, 'input.evaluatedOn', 'NOT_IN_FUTURE'],
    ['an empty authority', { authority: '   ' }, 'input.authority', 'REQUIRED'],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      await refusedWrite(
        tdb.db,
        TABLES,
        () => record(ratingInput(subject, extra)),
        (answer) => assertBadInput(answer, field, rule),
      );
    });
  }

  it('refuses an unknown level as a validation error, not a server error', async () => {
    const before = await stored();
    const literal = await call(
      `mutation { recordTaxCreditRating(input: { subjectCode: "${subject}", year: 2024, level: E, score: 50,
        evaluatedOn: "2025-04-20", authority: "国家税务总局杭州市税务局" }) { year } }`,
    );
    assert.equal(literal.status, 400);
    assert.equal(literal.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    const variable = await record(ratingInput(subject, { level: 'E' }));
    assert.equal(variable.status, 400);
    assert.ok(variable.body.errors?.length);
    assert.notEqual(variable.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    await unchanged(before);
  });
});

describe('publishMajorTaxViolation', () => {
  const violator = makeUscc('91', '330106', 'MA2W0003');

  it('publishes an entry and grades the decision year D in the same write', async () => {
    // An earlier B for the decision year becomes D without a score.
    assert.equal(
      (await record(ratingInput(violator, { year: 2025, evaluatedOn: '2025-02-20' }))).body.errors,
      undefined,
    );
    const { body } = await publish(violationInput(violator));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const entry = (body.data as any).publishMajorTaxViolation;
    assert.match(entry.id, /^\d+$/);
    assert.deepEqual(
      { ...entry, id: undefined },
      {
        id: undefined,
        subject: { code: violator },
        taxpayerName: '杭州鑫达贸易有限公司',
        responsiblePersonSex: '男',
        situation: 'TAX_EVASION',
        amountInvolved: 3250000.5,
        authorityCode: authority,
        decisionServedOn: '2025-03-10',
        publishedOn: '2025-04-12',
        publicityEndsOn: '2028-04-12',
        paidInFullStopFrom: '2025-10-13',
        status: 'PUBLISHED',
        removedOn: null,
        removalReason: null,
        otherResponsiblePersons: [],
      },
    );
    const stored = await tdb.db.prisma.majorTaxViolation.findUnique({ where: { id: BigInt(entry.id) } });
    assert.equal(stored?.regionCode, '330106');
    assert.equal(stored?.responsiblePersonIdNumber, responsibleId);
    const ratings = await tdb.db.prisma.taxCreditRating.findMany({ where: { subjectCode: violator } });
    assert.equal(ratings.length, 1);
    assert.equal(ratings[0]!.year, 2025);
    assert.equal(ratings[0]!.level, 'D');
    assert.equal(ratings[0]!.score, null);

    const subject = await call(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject {
        isMajorTaxViolator taxCreditRating(year: 2025) { level score } } } }`,
      { r: [{ __typename: 'CreditSubject', code: violator }] },
    );
    assert.deepEqual((subject.body.data as any)._entities[0], {
      isMajorTaxViolator: true,
      taxCreditRating: { level: 'D', score: null },
    });
  });

  it('creates the D rating when the subject had none, and accepts the last allowed day', async () => {
    const late = makeUscc('91', '330212', 'MA2W0005');
    // Served in December: the deadline is 15 January of the next year.
    const { body } = await publish(violationInput(late, { decisionServedOn: '2024-12-20', publishedOn: '2025-01-15' }));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal((body.data as any).publishMajorTaxViolation.publicityEndsOn, '2028-01-15');
    const ratings = await tdb.db.prisma.taxCreditRating.findMany({ where: { subjectCode: late } });
    assert.deepEqual(
      ratings.map((r) => [r.year, r.level, r.score, r.regionCode, r.evaluatedOn.toISOString().slice(0, 10)]),
      [[2024, 'D', null, '330212', '2024-12-20']],
    );
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'an authority that is not a government body',
      { authorityCode: makeUscc('91', '330100', '00260002') },
      'input.authorityCode',
      'AUTHORITY_KIND',
    ],
    [
      'publication after the 15th of the following month',
      { publishedOn: '2025-04-16' },
      'input.publishedOn',
      'DEADLINE',
    ],
    ['publication before service', { publishedOn: '2025-03-09' }, 'input.publishedOn', 'ORDER'],
    [
      'an invalid responsible person ID number',
      { responsiblePersonIdNumber: breakCheck(responsibleId) },
      'input.responsiblePersonIdNumber',
      'CHECK_DIGIT',
    ],
    ['a sex other than 男/女', { responsiblePersonSex: 'M' }, 'input.responsiblePersonSex', 'ENUM'],
    ['a negative amount', { amountInvolved: -1 }, 'input.amountInvolved', 'RANGE'],
    ['an invalid subject USCC', { subjectCode: breakCheck(violator) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a person key without region', { subjectCode: person }, 'input.regionCode', 'REQUIRED'],
    ['empty main facts', { mainFacts: ' ' }, 'input.mainFacts', 'REQUIRED'],
  ];
  cases.forEach(([label, extra, field, rule], i) => {
    // A subject of its own per case, so that one case that writes does not fail the others.
    const refused = makeUscc('91', '330106', `MA2R000${i}`);
    it(`refuses ${label}, leaving no entry and no rating`, async () => {
      await refusedWrite(
        tdb.db,
        TABLES,
        () => publish(violationInput(refused, extra)),
        (answer) => assertBadInput(answer, field, rule),
      );
      assert.equal(await tdb.db.prisma.majorTaxViolation.count({ where: { subjectCode: refused } }), 0);
      assert.equal(await tdb.db.prisma.taxCreditRating.count({ where: { subjectCode: refused } }), 0);
    });
  });

  it('keeps no entry when grading the rating fails (one transaction)', async () => {
    const doomed = makeUscc('91', '330106', 'MA2W0006');
    await tdb.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION tax.test_refuse_rating() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject_code = '${doomed}' THEN RAISE EXCEPTION 'rating refused by test'; END IF;
        RETURN NEW;
      END $$`);
    await tdb.db.prisma.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_rating BEFORE INSERT OR UPDATE ON tax.credit_rating
      FOR EACH ROW EXECUTE FUNCTION tax.test_refuse_rating()`);
    try {
      const before = await stored();
      const { body } = await publish(violationInput(doomed));
      assert.ok(body.errors?.length, 'the publication must fail');
      await unchanged(before);
      assert.equal(await tdb.db.prisma.majorTaxViolation.count({ where: { subjectCode: doomed } }), 0);
    } finally {
      await tdb.db.prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_rating ON tax.credit_rating`);
      await tdb.db.prisma.$executeRawUnsafe(`DROP FUNCTION tax.test_refuse_rating()`);
    }
  });
});

describe('M level', () => {
  it('rates a newly established enterprise M without a score, and a subject without income M with 70 or more', async () => {
    const fresh = makeUscc('91', '330106', 'MA2Y0101');
    const idle = makeUscc('91', '330106', 'MA2Y0102');
    const a = await record(ratingInput(fresh, { level: 'M', score: null }));
    assert.equal(a.body.errors, undefined, JSON.stringify(a.body.errors));
    assert.deepEqual(
      [(a.body.data as any).recordTaxCreditRating.level, (a.body.data as any).recordTaxCreditRating.score],
      ['M', null],
    );
    const b = await record(ratingInput(idle, { level: 'M', score: 72 }));
    assert.equal(b.body.errors, undefined, JSON.stringify(b.body.errors));
    assert.equal((b.body.data as any).recordTaxCreditRating.score, 72);
  });
});

describe('further responsible persons', () => {
  const gang = makeUscc('91', '330106', 'MA2Y0103');
  const financeId = makeIdNumber('330102', '19880716', '042');

  it('publishes the court-named persons with the entry, masked for the public', async () => {
    const { body } = await publish(
      violationInput(gang, {
        otherResponsiblePersons: [
          { role: 'ACTUAL_RESPONSIBLE', name: '孙立军', sex: '男' },
          { role: 'FINANCE_PERSON', name: '李晓燕', sex: '女', idNumber: financeId },
        ],
      }),
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const entry = (body.data as any).publishMajorTaxViolation;
    assert.deepEqual(
      entry.otherResponsiblePersons.map((p: any) => [p.role, p.roleLabel, p.name, p.sex, p.idNumber]),
      [
        ['ACTUAL_RESPONSIBLE', '经人民法院生效裁判确定的实际责任人', '孙*军', '男', null],
        // 54号令: the whole birth date hidden, as for the entry's own responsible person.
        [
          'FINANCE_PERSON',
          '负有直接责任的财务人员',
          '李*燕',
          '女',
          `${financeId.slice(0, 6)}********${financeId.slice(14)}`,
        ],
      ],
    );
    assert.ok(!JSON.stringify(body).includes(financeId));
    const stored = await tdb.db.prisma.taxResponsiblePerson.findMany({
      where: { violationId: BigInt(entry.id) },
      orderBy: { id: 'asc' },
    });
    assert.deepEqual(
      stored.map((p) => [p.role, p.name, p.idNumber]),
      [
        ['ACTUAL_RESPONSIBLE', '孙立军', null],
        ['FINANCE_PERSON', '李晓燕', financeId],
      ],
    );
  });

  for (const [label, persons, field, rule] of [
    [
      'an invalid ID number',
      [{ role: 'GANG_MEMBER', name: '周某', idNumber: breakCheck(financeId) }],
      'input.otherResponsiblePersons[0].idNumber',
      'CHECK_DIGIT',
    ],
    ['an empty name', [{ role: 'GANG_MEMBER', name: ' ' }], 'input.otherResponsiblePersons[0].name', 'REQUIRED'],
    [
      'a sex other than 男/女',
      [{ role: 'GANG_MEMBER', name: '周某', sex: 'F' }],
      'input.otherResponsiblePersons[0].sex',
      'ENUM',
    ],
    [
      'more than 50 persons',
      Array.from({ length: 51 }, (_, i) => ({ role: 'GANG_MEMBER', name: `成员${i}` })),
      'input.otherResponsiblePersons',
      'LENGTH',
    ],
  ] as const) {
    it(`refuses ${label}, writing nothing`, async () => {
      const before = await stored();
      assertBadInput(
        await publish(violationInput(makeUscc('91', '330106', 'MA2Y0104'), { otherResponsiblePersons: persons })),
        field,
        rule,
      );
      await unchanged(before);
    });
  }
});

describe('removeMajorTaxViolation', () => {
  const repaired = makeUscc('91', '330108', 'MA2W0007');
  let id: string;

  before(async () => {
    const { body } = await publish(violationInput(repaired));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    id = (body.data as any).publishMajorTaxViolation.id;
  });

  const violatorStatus = async () =>
    (
      (
        await call(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { isMajorTaxViolator } } }`,
          { r: [{ __typename: 'CreditSubject', code: repaired }] },
        )
      ).body.data as any
    )._entities[0].isMajorTaxViolator;

  const PAID = { ground: 'PAID_IN_FULL', reason: '已缴清税款、滞纳金和罚款（完税凭证号 330106250930001）' };

  it('stops publication after payment in full from the day after six months, with the dates', async () => {
    assert.equal(await violatorStatus(), true);
    const before = await stored();
    // Published 2025-04-12: six months end with 2025-10-12.
    assertBadInput(
      await remove(id, { ...PAID, appliedOn: '2025-10-12', paidOn: '2025-09-30' }),
      'input.appliedOn',
      'TOO_EARLY',
    );
    assertBadInput(await remove(id, { ...PAID, paidOn: '2025-09-30' }), 'input.appliedOn', 'REQUIRED');
    assertBadInput(await remove(id, { ...PAID, appliedOn: '2025-10-13' }), 'input.paidOn', 'REQUIRED');
    assertBadInput(
      await remove(id, { ...PAID, appliedOn: '2025-10-13', paidOn: '2025-10-14' }),
      'input.paidOn',
      'ORDER',
    );
    assertBadInput(
      await remove(id, { ...PAID, appliedOn: '2025-10-13', paidOn: '2025-03-09' }),
      'input.paidOn',
      'ORDER',
    );
    assertBadInput(
      await remove(id, { ...PAID, appliedOn: isoDay(1), paidOn: '2025-09-30' }),
      'input.appliedOn',
      'NOT_IN_FUTURE',
    );
    assertBadInput(
      await remove(id, { ...PAID, reason: ' ', appliedOn: '2025-10-13', paidOn: '2025-09-30' }),
      'input.reason',
      'REQUIRED',
    );
    await unchanged(before);
    const { body } = await remove(id, { ...PAID, appliedOn: '2025-10-13', paidOn: '2025-09-30' });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).removeMajorTaxViolation, {
      id,
      status: 'REMOVED',
      removedOn: TODAY,
      removalGround: 'PAID_IN_FULL',
      removalGroundLabel: '已缴清税款、滞纳金和罚款，且失信信息公布满六个月',
      removalReason:
        '已缴清税款、滞纳金和罚款，且失信信息公布满六个月：已缴清税款、滞纳金和罚款（完税凭证号 330106250930001）',
      stopAppliedOn: '2025-10-13',
      stopDecisionDueBy: '2025-10-28',
      paidOn: '2025-09-30',
    });
    assert.equal(await violatorStatus(), false);
  });

  it('does not open payment in full to a subject determined twice within five years; bankruptcy still may', async () => {
    const twice = makeUscc('91', '330108', 'MA2W0011');
    const first = await publish(violationInput(twice, { decisionServedOn: '2022-05-10', publishedOn: '2022-06-01' }));
    assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
    const second = (await publish(violationInput(twice))).body.data as any;
    const secondId = second.publishMajorTaxViolation.id;
    const before = await stored();
    assertBadInput(
      await remove(secondId, { ...PAID, appliedOn: '2025-10-13', paidOn: '2025-09-30' }),
      'input.ground',
      'REPEAT_OFFENDER',
    );
    assertBadInput(
      await remove(secondId, {
        ground: 'BANKRUPTCY_REORGANISATION',
        reason: '（2025）浙01破12号',
        paidOn: '2025-09-30',
        appliedOn: '2025-11-01',
      }),
      'input.paidOn',
      'GROUND',
    );
    assertBadInput(
      await remove(secondId, { ground: 'OUTSTANDING_CONTRIBUTION', reason: '抗洪抢险' }),
      'input.appliedOn',
      'REQUIRED',
    );
    await unchanged(before);
    const { body } = await remove(secondId, {
      ground: 'BANKRUPTCY_REORGANISATION',
      reason: '杭州市中级人民法院（2025）浙01破12号民事裁定书批准重整计划，税款依法受偿',
      appliedOn: '2025-05-06',
    });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(
      [
        (body.data as any).removeMajorTaxViolation.removalGround,
        (body.data as any).removeMajorTaxViolation.stopAppliedOn,
      ],
      ['BANKRUPTCY_REORGANISATION', '2025-05-06'],
    );
  });

  it('stops publication when the determination is revoked, with no application', async () => {
    const wronged = makeUscc('91', '330108', 'MA2W0012');
    const entryId = ((await publish(violationInput(wronged))).body.data as any).publishMajorTaxViolation.id;
    const { body } = await remove(entryId, { ground: 'DECISION_REVOKED', reason: '行政复议决定撤销确定失信主体决定' });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(
      [(body.data as any).removeMajorTaxViolation.status, (body.data as any).removeMajorTaxViolation.stopAppliedOn],
      ['REMOVED', null],
    );
  });

  it('refuses to remove an entry twice, one whose three years ended, an unknown id and a malformed id', async () => {
    const before = await counts();
    assertBadInput(await remove(id, { ground: 'DECISION_REVOKED', reason: '再次撤出' }), 'id', 'NOT_LISTED');
    const unknown = await remove('987654321', { ground: 'DECISION_REVOKED', reason: '撤销' });
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assertBadInput(await remove('12a', { ground: 'DECISION_REVOKED', reason: '撤销' }), 'id', 'FORMAT');
    const old = makeUscc('91', '330108', 'MA2W0013');
    const { body } = await publish(violationInput(old, { decisionServedOn: '2023-02-10', publishedOn: '2023-03-01' }));
    const entry = (body.data as any).publishMajorTaxViolation;
    assert.deepEqual([entry.publicityEndsOn, entry.status], ['2026-03-01', 'EXPIRED']);
    const afterPublish = await counts();
    assert.equal(afterPublish.violations, before.violations + 1);
    const response = await remove(entry.id, { ground: 'DECISION_REVOKED', reason: '撤销' });
    assertBadInput(response, 'id', 'NOT_LISTED');
    assert.match(response.body.errors?.[0]?.message ?? '', /three years ended on 2026-03-01/);
    assert.deepEqual(await counts(), afterPublish);
  });
});

describe('who may write', () => {
  const target = makeUscc('91', '330106', 'MA2W0009');
  const refusedCallers: [string, Identity][] = [
    ['the public', callers.public],
    ['a court officer', callers.officer('court')],
    ['a supervisor', callers.supervisor('案件2025-001')],
    ['an administrator', callers.admin()],
    ['a tax system without the write scope', callers.system('tax', ['read', 'personal'])],
    ['a court system with the write scope', callers.system('court', ['write'])],
  ];
  let published: string;

  before(async () => {
    const { body } = await publish(violationInput(makeUscc('91', '330106', 'MA2W0010')));
    published = (body.data as any).publishMajorTaxViolation.id;
  });

  for (const [label, who] of refusedCallers) {
    it(`refuses ${label} every mutation, writing nothing`, async () => {
      const before = await stored();
      const responses = [
        await record(ratingInput(target), who),
        await publish(violationInput(target), who),
        await remove(published, { ground: 'DECISION_REVOKED', reason: '撤销' }, who),
      ];
      for (const response of responses) {
        expectForbidden(response);
        assert.equal(response.body.data ?? null, null);
      }
      await unchanged(before);
      const entry = await tdb.db.prisma.majorTaxViolation.findUnique({ where: { id: BigInt(published) } });
      assert.equal(entry?.status, 'PUBLISHED');
    });
  }

  it('lets a tax system with the write scope record a rating', async () => {
    const before = await counts();
    const { body } = await record(ratingInput(target, { level: 'C', score: 55 }), taxSystem);
    assert.deepEqual(
      { ...(body.data as any).recordTaxCreditRating, subject: undefined },
      {
        subject: undefined,
        year: 2024,
        level: 'C',
        // Writing is not reading: without the read scope the DEPARTMENT-level score comes back refused.
        score: null,
        evaluatedOn: '2025-04-20',
        authority: '国家税务总局杭州市西湖区税务局',
        regionCode: '330106',
      },
    );
    assert.deepEqual(
      body.errors?.map((e) => [e.path, e.extensions?.code]),
      [[['recordTaxCreditRating', 'score'], 'FORBIDDEN']],
    );
    assert.equal((await counts()).ratings, before.ratings + 1);
    const row = await tdb.db.prisma.taxCreditRating.findFirst({ where: { subjectCode: target } });
    assert.equal(row?.score?.toNumber(), 55);
  });
});

describe('audit trail of writes', () => {
  it('holds one WRITE row per successful write, naming who wrote what, and the chain verifies', async () => {
    const rows = await writeRows(tdb.db);
    assert.ok(expectedWrites.length >= 10, `only ${expectedWrites.length} writes were made`);
    assert.deepEqual(
      rows.map((r) => ({ actor: r.actor, role: r.role, fields: JSON.parse(r.fields) as string[] })),
      expectedWrites.map((w) => ({ actor: w.actor, role: w.role, fields: [w.mutation] })),
    );
    rows.forEach((row, i) => {
      const expected = expectedWrites[i]!;
      assert.equal(row.department, 'tax');
      if (expected.subject !== undefined) assert.equal(row.subject_code, expected.subject.trim().toUpperCase());
    });
    // Who wrote, as which role: an officer and a departmental system.
    assert.ok(rows.some((r) => r.actor === 'officer-tax' && r.role === 'OFFICER'));
    assert.ok(rows.some((r) => r.actor === 'apikey:tax' && r.role === 'SYSTEM'));
    const removal = rows.find((r) => r.fields.includes('Mutation.removeMajorTaxViolation'));
    assert.match(removal?.detail ?? '', /PAID_IN_FULL 已缴清税款、滞纳金和罚款/);

    const verified = await verifyAudit(tdb.db);
    assert.equal(verified.ok, true, verified.problems.join('; '));
    assert.ok(verified.entries >= rows.length);
  });
});
