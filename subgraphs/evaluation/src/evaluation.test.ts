import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import pg from 'pg';
import { ensureEvaluationModels, startEvaluationSubgraph } from './index.ts';

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
  integrityEvaluation: null,
  ...extra,
});
const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code
  creditEvaluation { score grade modelVersion explanation { code points value } } } } }`;

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
        { code: 'PUBLISHED_PENALTIES', points: -30, value: '3' },
      ],
    );
    const stored = await tdb.db.prisma.subjectEvaluation.findUniqueOrThrow({ where: { subjectCode: firm } });
    assert.equal(stored.industryCode, 'C');
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
});
