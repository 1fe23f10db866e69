import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAudit, type Identity, type RunningService } from '@credit-hub/kit';
import { personKey } from '@credit-hub/kit/codes';
import {
  createTestDatabase,
  makeIdNumber,
  makeUscc,
  postAs,
  callers,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startTaxSubgraph } from './index.ts';

// The tax subgraph's mutations over real HTTP against a real Postgres clone; the file starts empty and
// every write below goes through the API, so the audit trail can be compared write by write at the end.
let tdb: TestDatabase;
let service: RunningService;

const taxOfficer = callers.officer('tax');
const taxSystem = callers.system('tax', ['write']);
const authority = makeUscc('11', '330100', '00260001');
const responsibleId = makeIdNumber('330106', '19750312', '031');
const person = personKey(makeIdNumber('330106', '19800101', '123'), 'secret-xxxxxxxxxxxxxxxx');

const isoDay = (offsetDays: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays))
    .toISOString()
    .slice(0, 10);
};
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
    decisionServedOn publishedOn publicityEndsOn status removedOn removalReason
  }
}`;
const REMOVE = `mutation($id: ID!, $reason: String!) {
  removeMajorTaxViolation(id: $id, reason: $reason) { id status removedOn removalReason }
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

async function remove(id: string, reason: string, who: Identity = taxOfficer) {
  const result = await call(REMOVE, { id, reason }, who);
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

interface WriteRow {
  actor: string;
  role: string;
  department: string | null;
  subject_code: string | null;
  fields: string;
  detail: string | null;
}
const writeRows = () =>
  tdb.db.prisma.$queryRaw<WriteRow[]>`
    SELECT actor, role, department, subject_code, fields, detail FROM audit.entry WHERE action = 'WRITE' ORDER BY seq`;

/** Row counts of everything a write could leave behind. */
async function counts() {
  const [ratings, violations, writes] = await Promise.all([
    tdb.db.prisma.taxCreditRating.count(),
    tdb.db.prisma.majorTaxViolation.count(),
    writeRows().then((rows) => rows.length),
  ]);
  return { ratings, violations, writes };
}

type Response = Awaited<ReturnType<typeof call>>;
function assertBadInput(response: Response, field: string, rule: string) {
  const error = response.body.errors?.[0];
  assert.ok(error, `expected an error, got ${JSON.stringify(response.body)}`);
  assert.equal(error.extensions?.code, 'BAD_USER_INPUT', error.message);
  assert.equal(error.extensions?.field, field, error.message);
  assert.equal(error.extensions?.rule, rule, error.message);
  assert.equal(response.body.data ?? null, null);
}

before(async () => {
  tdb = await createTestDatabase();
  service = await startTaxSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
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
    const before = await counts();
    assertBadInput(await record(ratingInput(person)), 'input.regionCode', 'REQUIRED');
    assert.deepEqual(await counts(), before);

    const ok = await record(ratingInput(person, { regionCode: '330102' }));
    assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
    assert.equal((ok.body.data as any).recordTaxCreditRating.regionCode, '330102');
    const [row] = await tdb.db.prisma.taxCreditRating.findMany({ where: { subjectCode: person } });
    assert.equal(row?.regionCode, '330102');
  });
});

describe('rating validation', () => {
  const subject = makeUscc('91', '330108', 'MA2W0002');
  const nextYear = new Date().getUTCFullYear() + 1;
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(subject) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a score that does not fit the level', { level: 'A', score: 85 }, 'input.score', 'LEVEL_SCORE'],
    ['a missing score for B', { level: 'B', score: null }, 'input.score', 'REQUIRED'],
    ['a score over 100', { level: 'A', score: 120 }, 'input.score', 'RANGE'],
    ['a year in the future', { year: nextYear, evaluatedOn: isoDay(-1) }, 'input.year', 'RANGE'],
    ['an evaluation date in the future', { evaluatedOn: isoDay(2) }, 'input.evaluatedOn', 'NOT_IN_FUTURE'],
    ['an empty authority', { authority: '   ' }, 'input.authority', 'REQUIRED'],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await counts();
      assertBadInput(await record(ratingInput(subject, extra)), field, rule);
      assert.deepEqual(await counts(), before);
    });
  }

  it('refuses an unknown level as a validation error, not a server error', async () => {
    const before = await counts();
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
    assert.deepEqual(await counts(), before);
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
        status: 'PUBLISHED',
        removedOn: null,
        removalReason: null,
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
      const before = await counts();
      assertBadInput(await publish(violationInput(refused, extra)), field, rule);
      assert.deepEqual(await counts(), before);
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
      const before = await counts();
      const { body } = await publish(violationInput(doomed));
      assert.ok(body.errors?.length, 'the publication must fail');
      assert.deepEqual(await counts(), before);
      assert.equal(await tdb.db.prisma.majorTaxViolation.count({ where: { subjectCode: doomed } }), 0);
    } finally {
      await tdb.db.prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_rating ON tax.credit_rating`);
      await tdb.db.prisma.$executeRawUnsafe(`DROP FUNCTION tax.test_refuse_rating()`);
    }
  });
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

  it('stops publication with the reason', async () => {
    assert.equal(await violatorStatus(), true);
    const { body } = await remove(id, '  信用修复，提前停止公布  ');
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).removeMajorTaxViolation, {
      id,
      status: 'REMOVED',
      removedOn: isoDay(0),
      removalReason: '信用修复，提前停止公布',
    });
    const stored = await tdb.db.prisma.majorTaxViolation.findUnique({ where: { id: BigInt(id) } });
    assert.equal(stored?.status, 'REMOVED');
    assert.equal(stored?.removalReason, '信用修复，提前停止公布');
    assert.equal(await violatorStatus(), false);
  });

  it('refuses to remove an entry twice, an unknown id, a malformed id and an empty reason', async () => {
    const before = await counts();
    assertBadInput(await remove(id, '再次撤出'), 'id', 'NOT_LISTED');
    const unknown = await remove('987654321', '信用修复');
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assertBadInput(await remove('12a', '信用修复'), 'id', 'FORMAT');
    const published = makeUscc('91', '330108', 'MA2W0008');
    const { body } = await publish(violationInput(published));
    const other = (body.data as any).publishMajorTaxViolation.id;
    const afterPublish = await counts();
    assert.equal(afterPublish.violations, before.violations + 1);
    assertBadInput(await remove(other, '   '), 'reason', 'REQUIRED');
    assert.deepEqual(await counts(), afterPublish);
    const stored = await tdb.db.prisma.majorTaxViolation.findUnique({ where: { id: BigInt(other) } });
    assert.equal(stored?.status, 'PUBLISHED');
    const first = await tdb.db.prisma.majorTaxViolation.findUnique({ where: { id: BigInt(id) } });
    assert.equal(first?.removalReason, '信用修复，提前停止公布');
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
      const before = await counts();
      const responses = [
        await record(ratingInput(target), who),
        await publish(violationInput(target), who),
        await remove(published, '信用修复', who),
      ];
      for (const response of responses) {
        assert.equal(response.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(response.body));
        assert.equal(response.body.data ?? null, null);
      }
      assert.deepEqual(await counts(), before);
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
    const rows = await writeRows();
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
    assert.match(removal?.detail ?? '', /信用修复，提前停止公布/);

    const verified = await verifyAudit(tdb.db);
    assert.equal(verified.ok, true, verified.problems.join('; '));
    assert.ok(verified.entries >= rows.length);
  });
});
