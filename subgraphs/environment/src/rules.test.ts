import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prisma } from '@credit-hub/kit/db';
import { GraphQLError } from 'graphql';
import { readEnv } from './env.ts';
import { checkIndustryCode } from './lists.ts';
import {
  checkFine,
  checkGradeInUse,
  checkPermitNumber,
  checkScore,
  checkValidity,
  COLOUR_LABELS,
  GRADE_LABELS,
  gradesInUse,
  isBlacklistGrade,
  isIntegrityGrade,
  permitStatus,
  totalScore,
  type Grade,
} from './rules.ts';

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
  it('labels each grade and its colour', () => {
    assert.deepEqual(
      gradesInUse(5).map((g) => `${g} ${GRADE_LABELS[g]} ${COLOUR_LABELS[g]}`),
      ['GREEN 环保诚信 绿牌', 'BLUE 良好 蓝牌', 'YELLOW 警示 黄牌', 'RED 不良 红牌', 'BLACK 严重失信 黑牌'],
    );
  });

  it('uses four grades without BLACK, or five', () => {
    assert.deepEqual(gradesInUse(4), ['GREEN', 'BLUE', 'YELLOW', 'RED']);
    assert.equal(checkGradeInUse('BLACK', 5, 'input.grade'), 'BLACK');
    assert.equal(checkGradeInUse('RED', 4, 'input.grade'), 'RED');
    assertRule(() => checkGradeInUse('BLACK', 4, 'input.grade'), 'input.grade', 'GRADE_NOT_USED');
  });

  it('puts GREEN on the red list in both scales', () => {
    for (const grade of gradesInUse(5)) assert.equal(isIntegrityGrade(grade), grade === 'GREEN', grade);
  });

  it('puts BLACK on the black list with five grades, RED (and any BLACK) with four', () => {
    const blacklisted = (scale: 4 | 5) =>
      (['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'] as Grade[]).filter((g) => isBlacklistGrade(g, scale));
    assert.deepEqual(blacklisted(5), ['BLACK']);
    assert.deepEqual(blacklisted(4), ['RED', 'BLACK']);
  });
});

describe('scores', () => {
  const scores = (a: string, b: string, c: string, e: string) => ({
    pollutionPrevention: new Prisma.Decimal(a),
    ecologicalProtection: new Prisma.Decimal(b),
    environmentalManagement: new Prisma.Decimal(c),
    socialSupervision: new Prisma.Decimal(e),
  });

  it('totals as the mean of the four areas, rounded half up to two decimals', () => {
    assert.equal(totalScore(scores('92.5', '88', '95.25', '90')), 91.44); // 365.75 / 4 = 91.4375
    assert.equal(totalScore(scores('100', '100', '100', '100')), 100);
    assert.equal(totalScore(scores('0', '0', '0', '0.02')), 0.01); // 0.005 rounds up
    assert.equal(totalScore(scores('60.1', '70.2', '80.3', '90.4')), 75.25);
  });

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

  it('defaults to five grades on port 4105', () => {
    const env = readEnv(base);
    assert.equal(env.ENVIRONMENT_GRADES, 5);
    assert.equal(env.ENVIRONMENT_PORT, 4105);
    assert.equal(env.ENVIRONMENT_HOST, '127.0.0.1');
    assert.equal(readEnv({ ...base, ENVIRONMENT_GRADES: '' }).ENVIRONMENT_GRADES, 5);
  });

  it('reads ENVIRONMENT_GRADES=4 and refuses anything but 4 or 5', () => {
    assert.equal(readEnv({ ...base, ENVIRONMENT_GRADES: '4' }).ENVIRONMENT_GRADES, 4);
    assert.equal(readEnv({ ...base, ENVIRONMENT_GRADES: '5' }).ENVIRONMENT_GRADES, 5);
    for (const bad of ['3', '6', 'five', '4.0'])
      assert.throws(() => readEnv({ ...base, ENVIRONMENT_GRADES: bad }), /ENVIRONMENT_GRADES/, bad);
  });
});
