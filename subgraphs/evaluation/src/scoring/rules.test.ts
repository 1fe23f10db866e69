import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { parseDefinition, parseDefinitionText, type ModelDefinition } from '../models/rules.ts';
import {
  MissingInputsError,
  collectInputs,
  commitmentInputs,
  evaluate,
  inputsDigest,
  inputsOf,
  type SubjectFacts,
} from './rules.ts';

// 公共信用综合评价 as plain functions: facts → inputs → score, grade, items. No database, no GraphQL.
const versions = JSON.parse(readFileSync(new URL('../../data/models.json', import.meta.url), 'utf8')) as {
  code: string;
  version: number;
  subjectKinds: string[];
  definition: unknown;
}[];
// The newest shipped version of each code: the one a fresh installation activates.
const shipped = versions.filter((m) => !versions.some((n) => n.code === m.code && n.version > m.version));
const model = (code: string) => parseDefinition(shipped.find((m) => m.code === code)!.definition);
const organisation = model('HUB-ENTERPRISE');
const publicSector = model('HUB-GOVERNMENT-BODY');

const CODE = '91330106MA2G00011X';
const clean = (extra: Partial<SubjectFacts> = {}): SubjectFacts => ({
  code: CODE,
  kind: 'ENTERPRISE',
  region: { code: '330106' },
  industry: { code: 'C' },
  taxCreditRatings: [],
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
  publishedPenaltyCount: 0,
  severePenaltyCount: 0,
  isHighFrequencyOffender: false,
  validLicenceCount: 0,
  integrityEvaluation: null,
  ...extra,
});
const run = (facts: SubjectFacts, model: ModelDefinition = organisation) =>
  evaluate(model, collectInputs(facts).inputs);
const item = (r: ReturnType<typeof run>, code: string) => r.items.find((i) => i.code === code)!;
const cases = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    caseNumber: `(2025)浙0106执${3001 + i}号`,
    courtName: '杭州市西湖区人民法院',
    publishedOn: '2025-04-01',
  }));

/** A one-indicator model whose bands sit at 700 / 600 / 0, to test edges exactly. */
const edges = (rule: unknown, input = 'isConsumptionRestricted', department = 'court'): ModelDefinition =>
  parseDefinition({
    baseScore: 700,
    maxScore: 1000,
    indicators: [{ code: 'X', label: '测试指标', department, input, rule }],
    grades: [
      {
        grade: 'GOOD',
        label: '良好',
        minScore: 700,
        supervision: { level: 'B', label: '信用风险一般', samplingRatio: 0.05 },
      },
      {
        grade: 'FAIR',
        label: '中等',
        minScore: 600,
        supervision: { level: 'C', label: '信用风险较高', samplingRatio: 0.15 },
      },
      {
        grade: 'POOR',
        label: '较差',
        minScore: 0,
        supervision: { level: 'D', label: '信用风险高', samplingRatio: 0.5 },
      },
    ],
  });

describe('evaluate() with the shipped enterprise model', () => {
  it('gives a clean, unrated enterprise the base score, 良好 (B), and lists every indicator with 0 points', () => {
    const r = run(clean());
    assert.equal(r.score, 800);
    assert.equal(r.band.grade, 'GOOD');
    assert.equal(r.band.label, '良好');
    assert.deepEqual(r.band.supervision, { level: 'B', label: '信用风险一般', samplingRatio: 0.05 });
    assert.equal(r.items.length, organisation.indicators.length);
    assert.ok(r.items.every((i) => i.points === 0));
    assert.equal(item(r, 'TAX_CREDIT_LEVEL').value, null);
  });

  it('scores the tax level from the latest rated year (LEVEL rule), with the rating as source record', () => {
    const r = run(
      clean({
        taxCreditRatings: [
          { year: 2023, level: 'C', evaluatedOn: '2024-04-20', inForce: true },
          { year: 2024, level: 'A', evaluatedOn: '2025-04-20', inForce: true },
        ],
        environmentalRating: { year: 2024, grade: 'GREEN', gradeLabel: '环保诚信' },
      }),
    );
    assert.deepEqual(
      { points: item(r, 'TAX_CREDIT_LEVEL').points, value: item(r, 'TAX_CREDIT_LEVEL').value },
      { points: 80, value: 'A' },
    );
    assert.deepEqual(item(r, 'TAX_CREDIT_LEVEL').records, [
      { id: '2024', description: '2024年度纳税信用A级（2025-04-20 评定）' },
    ]);
    assert.equal(item(r, 'ENVIRONMENTAL_RATING').points, 40);
    assert.equal(r.score, 920);
    assert.equal(r.band.label, '优秀');
  });

  it('lets an enterprise reach 优秀 without an environmental rating: tax A and its 资质', () => {
    const a: Partial<SubjectFacts> = {
      taxCreditRatings: [{ year: 2025, level: 'A', evaluatedOn: '2026-04-20', inForce: true }],
      isALevelTaxpayer: true,
    };
    const two = run(clean({ ...a, validLicenceCount: 2 }));
    assert.deepEqual([two.score, two.band.grade, item(two, 'LICENCES').points], [900, 'EXCELLENT', 20]);
    const three = run(clean({ ...a, validLicenceCount: 3 }));
    assert.deepEqual([three.score, item(three, 'LICENCES').capped], [900, true]);
    const one = run(clean({ ...a, validLicenceCount: 1 }));
    assert.deepEqual([one.score, one.band.grade], [890, 'GOOD'], 'one below the band');
  });

  it('deducts per 失信被执行人 case with the 执行案号 as records, capped at 300', () => {
    const one = run(clean({ dishonestDebtorCases: cases(1), isDishonestDebtor: true }));
    assert.equal(item(one, 'DISHONEST_DEBTOR').points, -150);
    assert.equal(item(one, 'DISHONEST_DEBTOR').capped, false);
    assert.deepEqual(item(one, 'DISHONEST_DEBTOR').records, [
      { id: '(2025)浙0106执3001号', description: '杭州市西湖区人民法院 2025-04-01 发布失信被执行人信息' },
    ]);
    assert.equal(one.score, 650);
    assert.equal(one.band.label, '中等');
    const two = run(clean({ dishonestDebtorCases: cases(2), isDishonestDebtor: true }));
    assert.equal(item(two, 'DISHONEST_DEBTOR').points, -300);
    assert.equal(item(two, 'DISHONEST_DEBTOR').capped, false, 'exactly at the cap is not beyond it');
    const three = run(clean({ dishonestDebtorCases: cases(3), isDishonestDebtor: true }));
    assert.equal(item(three, 'DISHONEST_DEBTOR').points, -300);
    assert.equal(item(three, 'DISHONEST_DEBTOR').capped, true);
    assert.equal(item(three, 'DISHONEST_DEBTOR').records.length, 3);
    assert.equal(item(three, 'DISHONEST_DEBTOR').rule, '每条扣150分，最多扣300分');
  });

  it('applies flags, 双公示 counts and market listings', () => {
    const r = run(
      clean({
        isConsumptionRestricted: true,
        publishedPenaltyCount: 13,
        severePenaltyCount: 1,
        isHighFrequencyOffender: true,
        abnormalOperations: [{ id: '7', reasonLabel: '未按规定期限公示年度报告', listedOn: '2025-07-10' }],
        isInAbnormalOperationList: true,
      }),
    );
    assert.equal(item(r, 'CONSUMPTION_RESTRICTED').points, -50, 'a restriction without a 失信 case counts');
    assert.equal(item(r, 'GENERAL_PENALTIES').points, -100);
    assert.equal(item(r, 'GENERAL_PENALTIES').capped, true);
    assert.equal(item(r, 'GENERAL_PENALTIES').value, '12', 'the published penalties that are not severe');
    assert.equal(item(r, 'SEVERE_PENALTIES').points, -40);
    assert.equal(item(r, 'ABNORMAL_OPERATION').points, -40);
    assert.equal(item(r, 'ABNORMAL_OPERATION').records[0]!.id, '7');
    assert.equal(
      r.items.find((i) => i.input === 'isHighFrequencyOffender'),
      undefined,
      '高频失信 is not scored',
    );
    assert.equal(r.score, 800 - 50 - 100 - 40 - 40);
    assert.equal(
      r.items.reduce((s, i) => s + i.points, 800),
      r.score,
      'base + items = score when the scale does not clip',
    );
  });

  it('keeps the score within the scale (never below 0)', () => {
    const r = run(
      clean({
        dishonestDebtorCases: cases(3),
        seriousIllegalListings: [{ id: '1', decisionDocument: '杭市监严〔2025〕1号', listedOn: '2025-01-01' }],
        majorTaxViolations: [{ id: '9', situationLabel: '偷税', publishedOn: '2025-03-15' }],
        taxCreditRatings: [{ year: 2024, level: 'D', evaluatedOn: '2025-04-20', inForce: true }],
        environmentalRating: { year: 2024, grade: 'BLACK', gradeLabel: '严重失信' },
      }),
    );
    assert.equal(r.score, 0);
    assert.equal(r.band.grade, 'POOR');
  });
});

describe('过惩相当: one fact is counted once (fails if double counting returns)', () => {
  const violation = [{ id: '9', situationLabel: '偷税', publishedOn: '2025-03-15' }];

  it('deducts a major tax violation once, not again for the D level it forces', () => {
    const r = run(
      clean({
        majorTaxViolations: violation,
        isMajorTaxViolator: true,
        taxCreditRatings: [{ year: 2025, level: 'D', evaluatedOn: '2026-04-20', inForce: true }],
      }),
    );
    assert.equal(item(r, 'MAJOR_TAX_VIOLATION').points, -300);
    assert.deepEqual([item(r, 'TAX_CREDIT_LEVEL').rawPoints, item(r, 'TAX_CREDIT_LEVEL').points], [-250, 0]);
    assert.match(item(r, 'TAX_CREDIT_LEVEL').groupNote!, /与“重大税收违法失信主体”为同一事实/);
    assert.equal(r.score, 500);
    const dOnly = run(
      clean({ taxCreditRatings: [{ year: 2025, level: 'D', evaluatedOn: '2026-04-20', inForce: true }] }),
    );
    assert.equal(dOnly.score, 550, 'a D level on its own still counts');
    // A bonus of the same group is withheld while the group deducts (a stale A beside a listing).
    const stale = run(
      clean({
        majorTaxViolations: violation,
        isMajorTaxViolator: true,
        taxCreditRatings: [{ year: 2025, level: 'A', evaluatedOn: '2026-04-20', inForce: true }],
      }),
    );
    assert.deepEqual([item(stale, 'TAX_CREDIT_LEVEL').points, stale.score], [0, 500]);
  });

  it('deducts a 失信被执行人 once, not again for the consumption restriction the law attaches to it', () => {
    const r = run(clean({ dishonestDebtorCases: cases(1), isDishonestDebtor: true, isConsumptionRestricted: true }));
    assert.equal(item(r, 'DISHONEST_DEBTOR').points, -150);
    assert.deepEqual([item(r, 'CONSUMPTION_RESTRICTED').rawPoints, item(r, 'CONSUMPTION_RESTRICTED').points], [-50, 0]);
    assert.equal(r.score, 650);
  });

  it('counts a severe penalty once: not in the general count, not on top of the listing it led to, not as 高频', () => {
    const one = run(clean({ publishedPenaltyCount: 1, severePenaltyCount: 1, isHighFrequencyOffender: false }));
    assert.deepEqual([item(one, 'SEVERE_PENALTIES').points, item(one, 'GENERAL_PENALTIES').points], [-40, 0]);
    assert.equal(one.score, 760);
    const listed = run(
      clean({
        publishedPenaltyCount: 1,
        severePenaltyCount: 1,
        seriousIllegalListings: [{ id: '1', decisionDocument: '杭市监严〔2026〕1号', listedOn: '2026-05-01' }],
        isSeriousIllegal: true,
      }),
    );
    assert.equal(item(listed, 'SERIOUS_ILLEGAL').points, -300);
    assert.deepEqual([item(listed, 'SEVERE_PENALTIES').rawPoints, item(listed, 'SEVERE_PENALTIES').points], [-40, 0]);
    assert.equal(listed.score, 500);
    const often = run(clean({ publishedPenaltyCount: 5, severePenaltyCount: 1, isHighFrequencyOffender: true }));
    assert.equal(often.score, 800 - 40 - 40, 'five penalties cost what they cost, 高频失信 adds nothing');
  });

  it('still adds up distinct penalties of a subject that is on no list', () => {
    const r = run(clean({ publishedPenaltyCount: 7, severePenaltyCount: 2 }));
    assert.deepEqual([item(r, 'SEVERE_PENALTIES').points, item(r, 'GENERAL_PENALTIES').points], [-80, -50]);
    assert.equal(
      r.items.every((i) => i.groupNote === null),
      true,
    );
    assert.equal(r.score, 670);
  });

  it('keeps base + Σ points = score, with the raw points of every item alongside', () => {
    const r = run(
      clean({
        majorTaxViolations: violation,
        taxCreditRatings: [{ year: 2025, level: 'D', evaluatedOn: '2026-04-20', inForce: true }],
        dishonestDebtorCases: cases(1),
        isConsumptionRestricted: true,
      }),
    );
    assert.equal(
      r.items.reduce((sum, i) => sum + i.points, 800),
      r.score,
    );
    assert.ok(r.items.reduce((sum, i) => sum + i.rawPoints, 800) < r.score);
  });

  it('refuses a model that would count one fact twice', () => {
    const refused = (definition: unknown) => {
      try {
        parseDefinition(definition);
      } catch (e) {
        return [(e as GraphQLError).extensions.field, (e as GraphQLError).extensions.rule];
      }
      return null;
    };
    const ungrouped = JSON.parse(JSON.stringify(shipped[0]!.definition)) as Record<string, any>;
    delete ungrouped.indicators[0].group; // TAX_CREDIT_LEVEL beside MAJOR_TAX_VIOLATION
    assert.deepEqual(refused(ungrouped), ['definition.indicators[1].group', 'DOUBLE_COUNTING']);
    const twice = JSON.parse(JSON.stringify(shipped[0]!.definition)) as Record<string, any>;
    twice.indicators.push({ ...twice.indicators[9], code: 'ENVIRONMENTAL_RATING_2' });
    assert.deepEqual(refused(twice), [
      `definition.indicators[${twice.indicators.length - 1}].group`,
      'DOUBLE_COUNTING',
    ]);
    const highFrequency = JSON.parse(JSON.stringify(shipped[0]!.definition)) as Record<string, any>;
    highFrequency.indicators.push({
      code: 'HIGH_FREQUENCY_OFFENDER',
      label: '高频失信主体',
      department: 'disclosure',
      input: 'isHighFrequencyOffender',
      rule: { kind: 'FLAG', points: -60 },
    });
    assert.equal(refused(highFrequency)![1], 'DOUBLE_COUNTING');
    const noCap = JSON.parse(JSON.stringify(shipped[0]!.definition)) as Record<string, any>;
    delete noCap.groups[2].cap;
    assert.deepEqual(refused(noCap), ['definition.groups[2].cap', 'REQUIRED']);
    const unknown = JSON.parse(JSON.stringify(shipped[0]!.definition)) as Record<string, any>;
    unknown.indicators[4].group = 'NOPE';
    assert.equal(refused(unknown)![1], 'UNKNOWN_GROUP');
    for (const m of shipped) assert.equal(refused(m.definition), null, `${m.code} passes`);
  });
});

describe('the shipped models and the subject classes', () => {
  it('are this platform’s own (not named after a province) and cover every kind but natural persons once', () => {
    assert.ok(shipped.every((m) => m.code.startsWith('HUB-')));
    const kinds = shipped.flatMap((m) => m.subjectKinds).sort();
    assert.deepEqual(kinds, [
      'ENTERPRISE',
      'FARMERS_COOPERATIVE',
      'GOVERNMENT_BODY',
      'INDIVIDUAL_BUSINESS',
      'OTHER',
      'PUBLIC_INSTITUTION',
      'SOCIAL_ORGANISATION',
    ]);
  });

  it('scores 社会组织 without market lists, tax levels or environmental ratings', () => {
    const inputs = inputsOf(model('HUB-SOCIAL-ORGANISATION'));
    for (const name of [
      'taxCreditLevel',
      'abnormalOperations',
      'seriousIllegalListings',
      'environmentalGrade',
    ] as const)
      assert.ok(!inputs.includes(name), name);
    const r = run(
      clean({ kind: 'SOCIAL_ORGANISATION', publishedPenaltyCount: 1, severePenaltyCount: 0 }),
      model('HUB-SOCIAL-ORGANISATION'),
    );
    assert.equal(r.score, 790);
  });

  it('evaluates 事业单位 and 机关 with models of their own', () => {
    const institution = inputsOf(model('HUB-PUBLIC-INSTITUTION'));
    const body = inputsOf(model('HUB-GOVERNMENT-BODY'));
    assert.ok(institution.includes('environmentalGrade') && institution.includes('validLicenceCount'));
    assert.ok(!body.includes('environmentalGrade') && !body.includes('majorTaxViolations'));
  });
});

describe('grade band edges', () => {
  it('puts a score exactly on a band minimum in that band, one below in the next', () => {
    // base 700, the flag deducts 100 → 600: exactly 中等's minimum.
    const at = evaluate(
      edges({ kind: 'FLAG', points: -100 }),
      collectInputs(clean({ isConsumptionRestricted: true })).inputs,
    );
    assert.equal(at.score, 600);
    assert.equal(at.band.grade, 'FAIR');
    const below = evaluate(
      edges({ kind: 'FLAG', points: -101 }),
      collectInputs(clean({ isConsumptionRestricted: true })).inputs,
    );
    assert.equal(below.score, 599);
    assert.equal(below.band.grade, 'POOR');
    const top = evaluate(edges({ kind: 'FLAG', points: -100 }), collectInputs(clean()).inputs);
    assert.equal(top.score, 700);
    assert.equal(top.band.grade, 'GOOD');
  });
});

describe('the public-sector model and 政务诚信', () => {
  it('scores the 政务诚信 grade of a government body, and its 失信 case once (the grade deducts for it)', () => {
    const r = run(
      clean({
        kind: 'GOVERNMENT_BODY',
        integrityEvaluation: { year: 2026, score: 55, grade: 'DISHONEST', gradeLabel: '失信' },
        dishonestDebtorCases: cases(1),
        isDishonestDebtor: true,
      }),
      publicSector,
    );
    assert.equal(item(r, 'GOVERNMENT_INTEGRITY').points, -250);
    assert.deepEqual(item(r, 'GOVERNMENT_INTEGRITY').records, [
      { id: '2026', description: '2026年度政务诚信评价：失信（55分）' },
    ]);
    assert.deepEqual([item(r, 'DISHONEST_DEBTOR').rawPoints, item(r, 'DISHONEST_DEBTOR').points], [-100, 0]);
    assert.equal(r.score, 550);
    const creditworthy = run(
      clean({
        kind: 'GOVERNMENT_BODY',
        integrityEvaluation: { year: 2026, score: 95, grade: 'CREDITWORTHY', gradeLabel: '诚信' },
      }),
      publicSector,
    );
    // 诚信 is the norm for a body without records: 良好, like an A-level taxpayer without 资质.
    assert.deepEqual([creditworthy.score, creditworthy.band.label], [880, '良好']);
  });

  it('refuses to evaluate a government body whose 政务诚信 evaluation did not arrive', () => {
    assert.throws(
      () => run(clean({ kind: 'GOVERNMENT_BODY', integrityEvaluation: null }), publicSector),
      (e: unknown) => e instanceof MissingInputsError && e.inputs.includes('integrityGrade'),
    );
  });
});

describe('collectInputs()', () => {
  it('reports a department that did not answer as unavailable, never as clean', () => {
    const { unavailable } = collectInputs(
      clean({ dishonestDebtorCases: null, isDishonestDebtor: null, publishedPenaltyCount: null }),
    );
    assert.deepEqual(unavailable, [
      'isDishonestDebtor',
      'dishonestDebtorCases',
      'publishedPenaltyCount',
      'generalPenaltyCount',
    ]);
    assert.throws(
      () => run(clean({ dishonestDebtorCases: null })),
      (e: unknown) => e instanceof MissingInputsError && e.inputs.join() === 'dishonestDebtorCases',
    );
  });

  it('changes the digest when a record changes, not when nothing does', () => {
    const a = clean({ dishonestDebtorCases: cases(1) });
    const digest = (f: SubjectFacts) => inputsDigest(f, collectInputs(f).inputs);
    assert.equal(digest(a), digest(clean({ dishonestDebtorCases: cases(1) })));
    assert.notEqual(digest(a), digest(clean()));
    assert.notEqual(digest(clean()), digest(clean({ region: { code: '330108' } })));
  });
});

describe('definition validation', () => {
  const base = () => JSON.parse(JSON.stringify(shipped[0]!.definition)) as Record<string, any>;
  const failure = (definition: unknown) => {
    try {
      parseDefinition(definition);
    } catch (e) {
      assert.ok(e instanceof GraphQLError);
      return { field: e.extensions.field, rule: e.extensions.rule, code: e.extensions.code, message: e.message };
    }
    assert.fail('expected the definition to be refused');
  };

  it('accepts the shipped models', () => {
    for (const m of shipped) assert.doesNotThrow(() => parseDefinition(m.definition));
  });

  it('names the path and the rule of each error', () => {
    const d1 = base();
    d1.indicators[2].rule.cap = -5;
    assert.deepEqual(
      { field: failure(d1).field, rule: failure(d1).rule, code: failure(d1).code },
      { field: 'definition.indicators[2].rule.cap', rule: 'TOO_SMALL', code: 'BAD_USER_INPUT' },
    );
    const d2 = base();
    d2.indicators[0].rule = { kind: 'FLAG', points: 10 };
    assert.deepEqual([failure(d2).field, failure(d2).rule], ['definition.indicators[0].rule.kind', 'RULE_KIND']);
    const d3 = base();
    d3.indicators[0].rule.points.E = 5;
    assert.deepEqual([failure(d3).field, failure(d3).rule], ['definition.indicators[0].rule.points.E', 'LEVEL']);
    const d4 = base();
    d4.grades[3].minScore = 100;
    assert.deepEqual([failure(d4).field, failure(d4).rule], ['definition.grades[3].minScore', 'COVERS_SCALE']);
    const d5 = base();
    d5.grades[1].minScore = 950;
    assert.deepEqual([failure(d5).field, failure(d5).rule], ['definition.grades[1].minScore', 'DESCENDING']);
    const d6 = base();
    d6.indicators[1].department = 'court';
    assert.deepEqual(
      [failure(d6).field, failure(d6).rule],
      ['definition.indicators[1].department', 'SOURCE_DEPARTMENT'],
    );
    const d7 = base();
    d7.indicators[0].input = 'creditScore';
    assert.equal(failure(d7).field, 'definition.indicators[0].input');
    const d8 = base();
    d8.extra = true;
    assert.equal(failure(d8).rule, 'UNRECOGNIZED_KEYS');
    const d9 = base();
    d9.grades[0].supervision.samplingRatio = 1.5;
    assert.deepEqual(
      [failure(d9).field, failure(d9).rule],
      ['definition.grades[0].supervision.samplingRatio', 'TOO_BIG'],
    );
    assert.match(failure(d9).message, /definition\.grades\[0\]\.supervision\.samplingRatio/);
  });

  it('refuses text that is not JSON', () => {
    assert.throws(
      () => parseDefinitionText('{"baseScore": '),
      (e: GraphQLError) => e.extensions.rule === 'JSON',
    );
  });
});

describe("commitmentInputs() (信用承诺, the evaluation's own facts)", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const fact = (outcome: 'KEPT' | 'BROKEN', checkedOn: string, publicityEndsOn: string | null = null) => ({
    commitmentId: `${outcome}-${checkedOn}`,
    outcome,
    matter: '食品经营许可',
    checkedOn: d(checkedOn),
    publicityEndsOn: publicityEndsOn ? d(publicityEndsOn) : null,
  });
  it('counts kept ones checked within 3 years and broken ones while published', () => {
    const facts = [
      fact('KEPT', '2023-06-01'), // exactly 3 years before: out
      fact('KEPT', '2023-06-02'),
      fact('BROKEN', '2025-06-01', '2026-06-01'), // last day of publicity: counts
      fact('BROKEN', '2025-05-31', '2026-05-31'), // publicity over
      fact('BROKEN', '2026-05-01', null), // 轻微: never published
    ];
    const inputs = commitmentInputs(facts, d('2026-06-01'));
    assert.equal(inputs.keptCommitments?.value, 1);
    assert.equal(inputs.brokenCommitments?.value, 1);
    assert.deepEqual(inputs.brokenCommitments?.records, [
      { id: 'BROKEN-2025-06-01', description: '食品经营许可信用承诺未践诺（2025-06-01 核查）' },
    ]);
  });
  it('scores them in HUB-ENTERPRISE: +5 per kept (at most 20), −50 per broken (at most 150)', () => {
    const facts = [fact('KEPT', '2026-01-01'), fact('BROKEN', '2026-02-01', '2027-02-01')];
    const result = evaluate(organisation, collectInputs(clean(), facts, d('2026-06-01')).inputs);
    const item = (code: string) => result.items.find((i) => i.code === code)!;
    assert.deepEqual([item('COMMITMENT_KEPT').points, item('COMMITMENT_BROKEN').points], [5, -50]);
    const without = evaluate(organisation, collectInputs(clean(), [], d('2026-06-01')).inputs);
    assert.equal(result.score, without.score - 45);
  });
});
