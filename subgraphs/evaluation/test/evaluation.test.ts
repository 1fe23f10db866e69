import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import pg from 'pg';
import { ensureEvaluationModels, startEvaluationSubgraph } from '../src/index.ts';

// The evaluation subgraph in-process, called as the gateway calls it: _entities with the representations
// carrying the departments' facts (@requires). No department table is touched.
let tdb: TestDatabase;
let service: RunningService;
const firm = '91330106MA2G00011X';

before(async () => {
  tdb = await createTestDatabase();
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  await ensureEvaluationModels(client);
  await client.end();
  service = await startEvaluationSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

const representation = (extra: Record<string, unknown> = {}) => ({
  __typename: 'CreditSubject',
  code: firm,
  kind: 'ENTERPRISE',
  region: { code: '330106' },
  industry: { code: 'C' },
  taxCreditRatings: [{ year: 2024, level: 'B', evaluatedOn: '2025-04-20' }],
  isALevelTaxpayer: false,
  majorTaxViolations: [],
  isMajorTaxViolator: false,
  dishonestDebtorCases: [],
  isDishonestDebtor: false,
  isConsumptionRestricted: false,
  environmentalRating: null,
  isEnvironmentalIntegrityEnterprise: false,
  isOnEnvironmentalBlacklist: false,
  abnormalOperations: [],
  isInAbnormalOperationList: false,
  seriousIllegalListings: [],
  isSeriousIllegal: false,
  publishedPenaltyCount: 3,
  severePenaltyCount: 0,
  isHighFrequencyOffender: false,
  validLicenceCount: 0,
  integrityEvaluation: null,
  ...extra,
});
const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code
  creditEvaluation { score grade modelCode modelVersion explanation { code points value } } } } }`;
const GROUPS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code
  creditEvaluation { score gradeLabel explanation { code points rawPoints group groupNote } } } } }`;

describe('evaluation subgraph with representations', () => {
  it('evaluates the facts passed in the representation', async () => {
    const { body } = await postAs(service.url, callers.officer('tax'), QUERY, { r: [representation()] });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const e = (body.data as any)._entities[0].creditEvaluation;
    // 800 + 30 (tax B) − 30 (three published penalties)
    assert.equal(e.score, 800);
    assert.deepEqual(
      e.explanation.filter((i: any) => i.points !== 0),
      [
        { code: 'TAX_CREDIT_LEVEL', points: 30, value: 'B' },
        { code: 'GENERAL_PENALTIES', points: -30, value: '3' },
      ],
    );
    assert.equal(e.modelCode, 'HUB-ENTERPRISE');
    const stored = await tdb.db.prisma.subjectEvaluation.findUniqueOrThrow({ where: { subjectCode: firm } });
    assert.equal(stored.industryCode, 'C');
  });

  it('counts a major tax violation once, explaining the D level it forced, and lets 资质 reach 优秀', async () => {
    const violator = representation({
      code: '91330106MA2G00022X',
      taxCreditRatings: [{ year: 2025, level: 'D', evaluatedOn: '2026-04-20' }],
      majorTaxViolations: [{ id: '9', situationLabel: '偷税', publishedOn: '2025-03-15' }],
      isMajorTaxViolator: true,
      publishedPenaltyCount: 0,
    });
    const excellent = representation({
      code: '91330106MA2G00033X',
      taxCreditRatings: [{ year: 2025, level: 'A', evaluatedOn: '2026-04-20' }],
      isALevelTaxpayer: true,
      publishedPenaltyCount: 0,
      validLicenceCount: 2,
    });
    const { body } = await postAs(service.url, callers.officer('tax'), GROUPS, { r: [violator, excellent] });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const [v, x] = (body.data as any)._entities.map((s: any) => s.creditEvaluation);
    assert.equal(v.score, 500);
    assert.deepEqual(
      v.explanation.filter((i: any) => i.rawPoints !== 0),
      [
        {
          code: 'TAX_CREDIT_LEVEL',
          points: 0,
          rawPoints: -250,
          group: 'TAX_FACT',
          groupNote: '与“重大税收违法失信主体”为同一事实，已计入其扣分（过惩相当）',
        },
        { code: 'MAJOR_TAX_VIOLATION', points: -300, rawPoints: -300, group: 'TAX_FACT', groupNote: null },
      ],
    );
    assert.deepEqual([x.score, x.gradeLabel], [900, '优秀']);
  });

  it('refuses, naming the department, when a required fact did not arrive', async () => {
    const { body } = await postAs(service.url, callers.officer('tax'), QUERY, {
      r: [representation({ dishonestDebtorCases: null })],
    });
    const error = body.errors?.[0] as any;
    assert.equal(error.extensions.code, 'REQUIRED_FIELDS_UNAVAILABLE');
    assert.deepEqual(error.extensions.departments, ['court']);
    assert.match(error.message, /人民法院 \(court\)/);
  });

  it('gives natural persons no evaluation, and refuses the public', async () => {
    const person = await postAs(service.url, callers.officer('tax'), QUERY, {
      r: [representation({ code: 'NP0000000000000000000A', kind: 'NATURAL_PERSON' })],
    });
    assert.equal((person.body.data as any)._entities[0].creditEvaluation, null);
    const pub = await postAs(service.url, callers.public, QUERY, { r: [representation()] });
    assert.equal(pub.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('shows everyone the stored grade only, batched, and null for a subject never evaluated', async () => {
    const GRADE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code
      creditGrade { grade gradeLabel evaluatedAt } } } }`;
    const other = '91330106MA2G99999X'; // evaluated by no test of this file
    const stored = await tdb.db.prisma.subjectEvaluation.findUniqueOrThrow({ where: { subjectCode: firm } });
    tdb.db.resetStatements();
    const { body } = await postAs(service.url, callers.public, GRADE, {
      r: [firm, other].map((code) => ({ __typename: 'CreditSubject', code })),
    });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any)._entities, [
      {
        code: firm,
        creditGrade: {
          grade: stored.grade,
          gradeLabel: stored.gradeLabel,
          evaluatedAt: stored.evaluatedAt.toISOString(),
        },
      },
      { code: other, creditGrade: null },
    ]);
    assert.equal(tdb.db.statements(), 1, 'one statement for every subject of the request');
    const score = await postAs(
      service.url,
      callers.public,
      `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on CreditSubject { creditGrade { score } } } }`,
      { r: [{ __typename: 'CreditSubject', code: firm }] },
    );
    assert.equal(score.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED', 'the score is no field of it');
  });
});
