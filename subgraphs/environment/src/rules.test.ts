import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { readEnv } from './env.ts';
import { dayAfter } from '@credit-hub/kit';
import {
  checkFine,
  earliestPublishedDecision,
  isPenaltyPublished,
  penaltyPublicityEnd,
  checkGradeInUse,
  checkIndustryCode,
  checkPermitNumber,
  checkScore,
  checkValidity,
  COLOUR_LABELS,
  currentRating,
  gradeLabels,
  gradesInUse,
  isBlacklistGrade,
  isIntegrityGrade,
  isRatingInForce,
  isWatchGrade,
  permitStatus,
  ratingValidUntil,
  type Grade,
} from './rules.ts';
import type { EnvironmentalRatingMapper } from './mappers.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HOLDER = '91330106MA2H7K3AX0';

/** Asserts that `fn` throws BAD_USER_INPUT with this field and rule. */
function assertRule(fn: () => unknown, field: string, rule: string) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof GraphQLError, String(error));
    assert.deepEqual(
      [error.extensions.code, error.extensions.field, error.extensions.rule],
      ['BAD_USER_INPUT', field, rule],
    );
    return true;
  });
}

describe('grades', () => {
  it('labels the national four (环发〔2013〕150号) and their colours by default', () => {
    const labels = gradeLabels({ grades: 4 });
    assert.deepEqual(
      gradesInUse(4).map((g) => `${g} ${labels[g]} ${COLOUR_LABELS[g]}`),
      ['GREEN 环保诚信 绿牌', 'BLUE 环保良好 蓝牌', 'YELLOW 环保警示 黄牌', 'RED 环保不良 红牌'],
    );
    // A BLACK row kept from a five-grade past shows its card colour.
    assert.equal(labels.BLACK, '黑牌');
  });

  it('takes five-grade labels from the configuration, else from the 沈阳/哈尔滨 scheme', () => {
    const fallback = gradeLabels({ grades: 5 });
    assert.deepEqual(
      gradesInUse(5).map((g) => fallback[g]),
      ['很好', '好', '一般', '差', '很差'],
    );
    const xian = gradeLabels({ grades: 5, labels: ['优秀', '良好', '基本达到要求', '环境违法', '严重违法'] });
    assert.equal(xian.RED, '环境违法');
    assert.throws(() => gradeLabels({ grades: 5, labels: ['很好', '好', '一般', '差'] }), /5 grade labels/);
  });

  it('uses four grades without BLACK, or five', () => {
    assert.deepEqual(gradesInUse(4), ['GREEN', 'BLUE', 'YELLOW', 'RED']);
    assert.equal(checkGradeInUse('BLACK', 5, 'input.grade'), 'BLACK');
    assert.equal(checkGradeInUse('RED', 4, 'input.grade'), 'RED');
    assertRule(() => checkGradeInUse('BLACK', 4, 'input.grade'), 'input.grade', 'GRADE_NOT_USED');
  });

  it('puts GREEN on the red list, YELLOW on 重点关注 and RED and BLACK on the black list, in both scales', () => {
    const all = ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'] as Grade[];
    assert.deepEqual(all.filter(isIntegrityGrade), ['GREEN']);
    assert.deepEqual(all.filter(isWatchGrade), ['YELLOW']);
    assert.deepEqual(all.filter(isBlacklistGrade), ['RED', 'BLACK']);
  });
});

describe('which rating counts', () => {
  const rating = (year: number, grade: Grade, evaluatedOn: string) =>
    ({ id: BigInt(year), year, grade, evaluatedOn: d(evaluatedOn) }) as EnvironmentalRatingMapper;
  const ratings = [rating(2025, 'BLUE', '2026-05-12'), rating(2024, 'GREEN', '2025-05-20')];

  it('counts from publication to 31 December two years on by default', () => {
    assert.equal(ratingValidUntil(2024).toISOString().slice(0, 10), '2026-12-31');
    assert.equal(isRatingInForce(ratings[1]!, d('2025-05-19')), false);
    assert.equal(isRatingInForce(ratings[1]!, d('2025-05-20')), true);
    assert.equal(isRatingInForce(ratings[1]!, d('2026-12-31')), true);
    assert.equal(isRatingInForce(ratings[1]!, d('2027-01-01')), false);
  });

  it('ends on the configured day instead', () => {
    const through = { month: 8, day: 31 };
    assert.equal(ratingValidUntil(2024, through).toISOString().slice(0, 10), '2026-08-31');
    assert.equal(isRatingInForce(ratings[1]!, d('2026-09-01'), through), false);
  });

  it('takes the newest rating in force; an old one is history', () => {
    assert.equal(currentRating(ratings, d('2026-05-11'))?.grade, 'GREEN');
    assert.equal(currentRating(ratings, d('2026-05-12'))?.grade, 'BLUE');
    assert.equal(currentRating([ratings[1]!], d('2027-01-01')), null);
  });
});

describe('scores', () => {
  it('accepts 0–100 with two decimals', () => {
    for (const ok of [0, 0.01, 59.99, 85.5, 100]) assert.equal(checkScore(ok, 'input.socialSupervision'), ok);
    for (const out of [-0.01, 100.01, 150, Number.NaN, Number.POSITIVE_INFINITY])
      assertRule(() => checkScore(out, 'input.socialSupervision'), 'input.socialSupervision', 'RANGE');
    assertRule(() => checkScore(85.125, 'input.pollutionPrevention'), 'input.pollutionPrevention', 'PRECISION');
  });

  it('accepts fines in whole 分, not negative', () => {
    for (const ok of [0, 0.01, 100000, 1234567.89, 9_999_999_999_999.99]) assert.equal(checkFine(ok, 'input.fine'), ok);
    assertRule(() => checkFine(-1, 'input.fine'), 'input.fine', 'RANGE');
    assertRule(() => checkFine(1e13, 'input.fine'), 'input.fine', 'RANGE');
    assertRule(() => checkFine(200000.005, 'input.fine'), 'input.fine', 'PRECISION');
  });
});

describe('discharge permits', () => {
  it('shows a VALID permit as EXPIRED from the day after its last valid day', () => {
    const permit = { status: 'VALID' as const, validUntil: d('2026-03-31') };
    assert.equal(permitStatus(permit, d('2026-03-30')), 'VALID');
    assert.equal(permitStatus(permit, d('2026-03-31')), 'VALID');
    assert.equal(permitStatus(permit, d('2026-04-01')), 'EXPIRED');
  });

  it('keeps REVOKED, CANCELLED and stored EXPIRED as they are', () => {
    for (const status of ['REVOKED', 'CANCELLED', 'EXPIRED'] as const) {
      assert.equal(permitStatus({ status, validUntil: d('2030-01-01') }, d('2026-01-01')), status);
      assert.equal(permitStatus({ status, validUntil: d('2020-01-01') }, d('2026-01-01')), status);
    }
  });

  it("reads the permit number as the holder's USCC, a sequence and P (HJ 608-2017)", () => {
    assert.equal(checkPermitNumber('91330106MA2H7K3AX0001P', HOLDER, 'n'), '91330106MA2H7K3AX0001P');
    assert.equal(checkPermitNumber(' 91330106ma2h7k3ax0012p ', HOLDER, 'n'), '91330106MA2H7K3AX0012P');
    for (const bad of [
      '91330106MA2H7K3AX0001', // no mark
      '91330106MA2H7K3AX0000P', // sequence 000
      '91330106MA2H7K3AX001P', // two-digit sequence
      '91330106MA2H7K3AX0001W', // 排污登记, not a permit
      '91330106MA2H7K3AX0-001P',
      '',
    ])
      assertRule(() => checkPermitNumber(bad, HOLDER, 'n'), 'n', 'FORMAT');
    assertRule(() => checkPermitNumber('91330106MA2H7K3AX1001P', HOLDER, 'n'), 'n', 'PERMIT_HOLDER');
  });

  it('allows at most five years of validity, ending after it starts', () => {
    checkValidity(d('2023-06-18'), d('2028-06-17'), 'v');
    checkValidity(d('2023-06-18'), d('2028-06-18'), 'v');
    checkValidity(d('2024-02-29'), d('2029-03-01'), 'v');
    assertRule(() => checkValidity(d('2023-06-18'), d('2028-06-19'), 'v'), 'v', 'VALIDITY_PERIOD');
    assertRule(() => checkValidity(d('2023-06-18'), d('2023-06-18'), 'v'), 'v', 'ORDER');
    assertRule(() => checkValidity(d('2023-06-18'), d('2023-06-17'), 'v'), 'v', 'ORDER');
  });
});

describe('industry sections', () => {
  it('accept A–T of GB/T 4754-2017, in either case', () => {
    assert.equal(checkIndustryCode('C', 'industryCode'), 'C');
    assert.equal(checkIndustryCode(' d ', 'industryCode'), 'D');
    for (const bad of ['Z', 'C26', '2614', ''])
      assertRule(() => checkIndustryCode(bad, 'industryCode'), 'industryCode', 'FORMAT');
  });
});

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgresql://127.0.0.1/credit_hub', ALLOW_UNSIGNED_IDENTITY: 'true' };

  it('defaults to the national four grades on port 4105, ratings counting to 31 December', () => {
    const env = readEnv(base);
    assert.equal(env.ENVIRONMENT_GRADES, 4);
    assert.equal(env.ENVIRONMENT_PORT, 4105);
    assert.equal(env.ENVIRONMENT_HOST, '127.0.0.1');
    assert.equal(env.ENVIRONMENT_GRADE_LABELS, undefined);
    assert.equal(env.ENVIRONMENT_RATING_VALID_THROUGH, undefined);
    assert.equal(readEnv({ ...base, ENVIRONMENT_GRADES: '' }).ENVIRONMENT_GRADES, 4);
  });

  it('reads the province’s grade names and validity day', () => {
    const env = readEnv({
      ...base,
      ENVIRONMENT_GRADES: '5',
      ENVIRONMENT_GRADE_LABELS: '优秀, 良好,基本达到要求,环境违法,严重违法',
      ENVIRONMENT_RATING_VALID_THROUGH: '08-31',
    });
    assert.deepEqual(env.ENVIRONMENT_GRADE_LABELS, ['优秀', '良好', '基本达到要求', '环境违法', '严重违法']);
    assert.deepEqual(env.ENVIRONMENT_RATING_VALID_THROUGH, { month: 8, day: 31 });
    for (const bad of ['8-31', '13-01', '02-30', '2026-08-31'])
      assert.throws(
        () => readEnv({ ...base, ENVIRONMENT_RATING_VALID_THROUGH: bad }),
        /ENVIRONMENT_RATING_VALID_THROUGH/,
        bad,
      );
    assert.throws(() => readEnv({ ...base, ENVIRONMENT_GRADE_LABELS: '很好,,差' }), /ENVIRONMENT_GRADE_LABELS/);
  });

  it('reads ENVIRONMENT_GRADES=4 and refuses anything but 4 or 5', () => {
    assert.equal(readEnv({ ...base, ENVIRONMENT_GRADES: '4' }).ENVIRONMENT_GRADES, 4);
    assert.equal(readEnv({ ...base, ENVIRONMENT_GRADES: '5' }).ENVIRONMENT_GRADES, 5);
    for (const bad of ['3', '6', 'five', '4.0'])
      assert.throws(() => readEnv({ ...base, ENVIRONMENT_GRADES: bad }), /ENVIRONMENT_GRADES/, bad);
  });
});

describe('publicity of environmental penalties', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const iso = (date: Date) => date.toISOString().slice(0, 10);

  it('ends one year after the decision under 527号 and 令第36号, at the month end when the day is missing', () => {
    assert.equal(iso(penaltyPublicityEnd(d('2022-06-10'))), '2023-06-10');
    assert.equal(iso(penaltyPublicityEnd(d('2023-04-30'))), '2024-04-30');
    assert.equal(iso(penaltyPublicityEnd(d('2026-04-01'))), '2027-04-01');
    assert.equal(iso(penaltyPublicityEnd(d('2028-02-29'))), '2029-02-28');
  });

  it('keeps a 58号令 decision until 2026-03-31 at least, and one year from the decision at most after that', () => {
    assert.equal(iso(penaltyPublicityEnd(d('2023-05-01'))), '2026-03-31');
    assert.equal(iso(penaltyPublicityEnd(d('2025-03-31'))), '2026-03-31');
    assert.equal(iso(penaltyPublicityEnd(d('2025-04-01'))), '2026-04-01');
    assert.equal(iso(penaltyPublicityEnd(d('2026-03-31'))), '2027-03-31');
  });

  it('gives, for every day, the earliest decision still published: the list range agrees with the rule', () => {
    // Every day from 2022 to 2028 against every decision of the three years before it (the rules' windows, leap days
    // and month ends included): published exactly when decided in [earliestPublishedDecision(today), today].
    for (let today = d('2022-01-01'); today <= d('2028-12-31'); today = dayAfter(today)) {
      const earliest = earliestPublishedDecision(today);
      for (let back = 0; back <= 1200; back += 1) {
        const decided = new Date(today.getTime() - back * 86_400_000);
        const inRange = decided >= earliest;
        if (inRange !== isPenaltyPublished(decided, today))
          assert.fail(`${iso(decided)} on ${iso(today)}: rule ${!inRange}, range ${inRange}`);
      }
    }
  });
});
