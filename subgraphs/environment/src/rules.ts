/**
 * The environment subgraph's rules, pure: no I/O, no GraphQL, no clock (a rule that depends on the day is given
 * `today`, the one date of the request). Sources: docs/rules/environment.md.
 */
import { badInput, dayAfter, periodEnd } from '@credit-hub/kit';
import { industryName } from '@credit-hub/kit/reference';
import type { DischargePermitMapper, EnvironmentalRatingMapper } from './mappers.ts';

// ---------------------------------------------------------------------------------------------------------
// Grades (企业环境信用评价, 环发〔2013〕150号)

export type Grade = EnvironmentalRatingMapper['grade'];

/**
 * How many grades the province uses: the national four of 环发〔2013〕150号 (环保诚信, 环保良好, 环保警示, 环保不良:
 * green, blue, yellow and red cards), or five where a province adds a fifth, black card. Configuration
 * (ENVIRONMENT_GRADES), not code; the national four are the default.
 */
export type GradeScale = 4 | 5;
export const GRADE_SCALES: readonly GradeScale[] = [4, 5];
export const DEFAULT_GRADE_SCALE: GradeScale = 4;

/** Every grade by its card colour, best first; the colours are what every scheme shares. */
export const GRADES: readonly Grade[] = ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'];

export const COLOUR_LABELS: Record<Grade, string> = {
  GREEN: '绿牌',
  BLUE: '蓝牌',
  YELLOW: '黄牌',
  RED: '红牌',
  BLACK: '黑牌',
};

/** The grades a province with `scale` grades uses, best first. */
export const gradesInUse = (scale: GradeScale): readonly Grade[] => (scale === 5 ? GRADES : GRADES.slice(0, 4));

/** The four national grade names (环发〔2013〕150号: 环保诚信企业, 环保良好企业, 环保警示企业, 环保不良企业). */
export const NATIONAL_LABELS: readonly string[] = ['环保诚信', '环保良好', '环保警示', '环保不良'];

/**
 * Labels of a five-grade scheme when the province configures none: 很好, 好, 一般, 差, 很差 with green to black
 * cards, as 《沈阳市企业环境信用等级评价管理办法》 (2011) grades and 哈尔滨 does. Five-grade schemes differ by
 * province (西安 uses 优秀, 良好, 基本达到要求, 环境违法, 严重违法), so ENVIRONMENT_GRADE_LABELS should name the
 * province's own.
 */
export const DEFAULT_FIVE_GRADE_LABELS: readonly string[] = ['很好', '好', '一般', '差', '很差'];

/**
 * When a rating stops counting: the rating of evaluation year Y is published in Y+1 and counts until the rating of
 * Y+1 is due, on this month and day of Y+2 (ENVIRONMENT_RATING_VALID_THROUGH, default 12-31: provinces publish the
 * year's results at different times of the following year, so the latest day is the default).
 */
export interface ValidThrough {
  month: number;
  day: number;
}
export const DEFAULT_VALID_THROUGH: ValidThrough = { month: 12, day: 31 };

/** What the environment subgraph is configured with. */
export interface EnvironmentConfig {
  grades: GradeScale;
  /** Labels of the grades in use, best first (the national four, or the province's five). */
  labels?: readonly string[];
  validThrough?: ValidThrough;
}

/** The label of every grade under a configuration; a grade outside the scale shows its card colour. */
export function gradeLabels(config: EnvironmentConfig): Record<Grade, string> {
  const inUse = gradesInUse(config.grades);
  const labels = config.labels ?? (config.grades === 5 ? DEFAULT_FIVE_GRADE_LABELS : NATIONAL_LABELS);
  if (labels.length !== inUse.length)
    throw new Error(`environment subgraph: ${inUse.length} grade labels are needed, got ${labels.length}`);
  const all = { ...COLOUR_LABELS };
  inUse.forEach((grade, i) => (all[grade] = labels[i]!));
  return all;
}

/**
 * The configuration as the service starts with it, checked: it fails at start, not at the first request, when the
 * grades are not 4 or 5 or the labels do not match them.
 */
export function checkConfig(config: EnvironmentConfig): EnvironmentConfig {
  if (!GRADE_SCALES.includes(config.grades))
    throw new Error(`environment subgraph: grades must be 4 or 5, got ${String(config.grades)}`);
  gradeLabels(config);
  return config;
}

export const isGradeInUse = (grade: Grade, scale: GradeScale) => gradesInUse(scale).includes(grade);

/** Refuses a grade the province does not use (BLACK where there are four grades). */
export function checkGradeInUse(grade: Grade, scale: GradeScale, field: string): Grade {
  if (!isGradeInUse(grade, scale)) {
    throw badInput(
      field,
      'GRADE_NOT_USED',
      `\`${field}\` ${grade} is not used here: this hub is configured for ${scale} grades (${gradesInUse(scale).join(', ')})`,
      { grades: [...gradesInUse(scale)] },
    );
  }
  return grade;
}

/** 环保诚信企业 (the red list): the green card. */
export const isIntegrityGrade = (grade: Grade) => grade === 'GREEN';

/**
 * The black list: the red card (环保不良, 惩戒性措施 of 环发〔2013〕150号) in both scales, and the black card where a
 * province adds one. A five-grade province's red card is as bad as the national red card or worse, so it is not
 * let off the measures the national scheme attaches to it.
 */
export const isBlacklistGrade = (grade: Grade) => grade === 'RED' || grade === 'BLACK';

/**
 * The grade a black-list rating is repaired to (信用修复, docs/rules/repair.md): 环保警示 (yellow). 广州 repairs red-card
 * ratings of the year to 环保警示 or 环保良好 (穗环〔2019〕131号 and its 2020 repair notices); the hub takes the one
 * step that ends the black-list measures and keeps the 严格管理 of a 警示 enterprise. A department that finds a
 * better grade deserved republishes the year's rating.
 */
export const REPAIRED_GRADE: Grade = 'YELLOW';

/** 重点关注 (watch list): the yellow card (环保警示, 约束性措施 and 严格管理 of 环发〔2013〕150号) in both scales. */
export const isWatchGrade = (grade: Grade) => grade === 'YELLOW';

// ---------------------------------------------------------------------------------------------------------
// Which rating counts on a day

/** The last day the rating of evaluation year `year` counts. */
export const ratingValidUntil = (year: number, through: ValidThrough = DEFAULT_VALID_THROUGH) =>
  new Date(Date.UTC(year + 2, through.month - 1, through.day));

export const isRatingInForce = (
  r: Pick<EnvironmentalRatingMapper, 'year' | 'evaluatedOn'>,
  today: Date,
  through?: ValidThrough,
) => r.evaluatedOn.getTime() <= today.getTime() && today.getTime() <= ratingValidUntil(r.year, through).getTime();

/**
 * The rating in force on `today`: the newest evaluation year among those published and still valid, or null. An
 * old GREEN grants no incentive, an old RED no punishment. `ratings` are newest year first (see the loader).
 */
export function currentRating<R extends Pick<EnvironmentalRatingMapper, 'year' | 'evaluatedOn'>>(
  ratings: readonly R[],
  today: Date,
  through?: ValidThrough,
): R | null {
  return ratings.find((r) => isRatingInForce(r, today, through)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Years, industries, scores

/** The first year of 企业环境信用评价 under 环发〔2013〕150号 (in force from 1 March 2014). */
export const FIRST_RATING_YEAR = 2014;

/** A year a rating list may be asked for: a plausible calendar year, so a typo is an error, not an empty list. */
export function checkListYear(year: number, field = 'year'): number {
  if (year < 1990 || year > 2100)
    throw badInput(field, 'RANGE', `\`${field}\` must be a year between 1990 and 2100, got ${year}`);
  return year;
}

/** An industry section (门类) of GB/T 4754-2017, A–T, as subjects carry it; normalised to upper case. */
export function checkIndustryCode(raw: string, field: string): string {
  const code = raw.trim().toUpperCase();
  if (!industryName(code)) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\` must be an industry section (门类) of GB/T 4754-2017, A–T (e.g. C 制造业), got ${JSON.stringify(raw)}`,
    );
  }
  return code;
}

export const MAX_SCORE = 100;

/** Whether a number has at most two decimals (scores are Decimal(5, 2), amounts are in 元 and 分). */
export const hasAtMostTwoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

/** An area score: 0–100 with at most two decimals. */
export function checkScore(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0 || value > MAX_SCORE)
    throw badInput(field, 'RANGE', `\`${field}\` must be between 0 and ${MAX_SCORE}, got ${value}`);
  if (!hasAtMostTwoDecimals(value))
    throw badInput(field, 'PRECISION', `\`${field}\` may have at most two decimals, got ${value}`);
  return value;
}

/** Decimal(16, 2) holds 14 digits before the point; a fine of ten trillion yuan is a typing mistake anyway. */
export const MAX_FINE = 1e13;

/** A fine in 元: 0 or more, in whole 分 (two decimals). */
export function checkFine(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0 || value >= MAX_FINE)
    throw badInput(field, 'RANGE', `\`${field}\` (元) must be 0 or more and below ${MAX_FINE}, got ${value}`);
  if (!hasAtMostTwoDecimals(value))
    throw badInput(field, 'PRECISION', `\`${field}\` (元) may have at most two decimals (分), got ${value}`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// 排污许可证

export type PermitStatus = DischargePermitMapper['status'];

export const PERMIT_STATUS_LABELS: Record<PermitStatus, string> = {
  VALID: '有效',
  EXPIRED: '已过期',
  REVOKED: '已撤销',
  CANCELLED: '已注销',
};

/**
 * The status on `today` (a China date): a VALID permit whose last valid day has passed is EXPIRED (the day itself is
 * valid).
 */
export function permitStatus(p: Pick<DischargePermitMapper, 'status' | 'validUntil'>, today: Date): PermitStatus {
  if (p.status === 'VALID' && p.validUntil.getTime() < today.getTime()) return 'EXPIRED';
  return p.status;
}

/**
 * 许可证编号 (固定污染源代码, HJ 608-2017): positions 1–18 the holder's USCC, 19–21 a sequence number per site
 * (001–999), 22 the mark P (排污许可证), e.g. 91130200699229617X001P.
 */
const PERMIT_NUMBER = /^([0-9A-Z]{18})(\d{3})([A-Z])$/;

/** Marks accepted in position 22; HJ 608-2017 uses P for a permit (a 排污登记 is not a permit). */
export const PERMIT_NUMBER_MARKS: readonly string[] = ['P'];

/** The permit number as stored (trimmed, upper case), checked against the holder's USCC. */
export function checkPermitNumber(raw: string, holder: string, field: string): string {
  const number = raw.trim().toUpperCase();
  const parts = PERMIT_NUMBER.exec(number);
  if (!parts || parts[2] === '000' || !PERMIT_NUMBER_MARKS.includes(parts[3]!)) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\` must be the holder's USCC, a 3-digit sequence (001–999) and ${PERMIT_NUMBER_MARKS.join('/')}, ` +
        `e.g. ${holder}001P; got ${JSON.stringify(raw)}`,
    );
  }
  if (parts[1] !== holder) {
    throw badInput(
      field,
      'PERMIT_HOLDER',
      `\`${field}\` ${number} belongs to ${parts[1]}, not to the subject ${holder}: a permit number starts with its ` +
        "holder's USCC",
    );
  }
  return number;
}

/** 排污许可证有效期为5年 (《排污许可管理条例》第十四条). */
export const PERMIT_MAX_YEARS = 5;

const addYears = (date: Date, years: number) =>
  new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));

/** validFrom before validUntil, and at most five years between them. */
export function checkValidity(validFrom: Date, validUntil: Date, field: string): void {
  if (validUntil.getTime() <= validFrom.getTime())
    throw badInput(field, 'ORDER', `\`${field}\` must be after \`validFrom\``);
  if (validUntil.getTime() > addYears(validFrom, PERMIT_MAX_YEARS).getTime()) {
    throw badInput(
      field,
      'VALIDITY_PERIOD',
      `\`${field}\` may be at most ${PERMIT_MAX_YEARS} years after \`validFrom\` (《排污许可管理条例》第十四条)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Publicity of 环境行政处罚 (docs/rules/environment.md, "Publicity of penalties")

/** 令第36号 《信用修复管理办法》 governs decisions from this day; 58号令 from 2023-05-01 until the day before. */
const ORDER_36_FROM = new Date(Date.UTC(2026, 3, 1));
const ORDER_58_FROM = new Date(Date.UTC(2023, 4, 1));
const ORDER_58_LAST = new Date(Date.UTC(2026, 2, 31));

/**
 * The last day a 环境行政处罚 is published (公示截止, inclusive), counted from its decision date as the national rules
 * for 行政处罚信息 count it for the 一般 tier (the environment department reports no tier; docs/rules/disclosure.md
 * uses 一般 when none is reported): one year under 527号 (decisions before 2023-05-01) and under 令第36号 (from
 * 2026-04-01); three years under 58号令, but no longer than 令第36号's one year once it is in force (从旧兼从轻), and
 * not before 2026-03-31, the last day of 58号令.
 */
export function penaltyPublicityEnd(decidedOn: Date): Date {
  const oneYear = periodEnd(decidedOn, { years: 1 });
  if (decidedOn < ORDER_58_FROM || decidedOn >= ORDER_36_FROM) return oneYear;
  // Under 58号令 the maximum was three years; 令第36号 caps it at one year from the decision, never before 2026-03-31.
  return oneYear > ORDER_58_LAST ? oneYear : ORDER_58_LAST;
}

/** The rule a penalty's publicity follows, in Chinese (what the site shows beside 公示截止). */
export function penaltyPublicityBasis(decidedOn: Date): string {
  if (decidedOn >= ORDER_36_FROM) return '《信用修复管理办法》（国家发展改革委令第36号）：一般失信信息最长公示1年';
  if (decidedOn >= ORDER_58_FROM)
    return '国家发展改革委令第58号（最长3年），自2026年4月1日起适用令第36号（一般失信信息最长公示1年）';
  return '发改办财金〔2019〕527号：一般失信信息最长公示1年';
}

/** Whether a penalty decided on `decidedOn` is published on `today`: decided by then, not past its publicity end. */
export const isPenaltyPublished = (decidedOn: Date, today: Date): boolean =>
  decidedOn <= today && today <= penaltyPublicityEnd(decidedOn);

/**
 * The earliest decision date still published on `today`. penaltyPublicityEnd never decreases with the decision
 * date, so the published penalties are exactly those decided in [this day, today]: a list filters by decision date
 * in SQL. Before 2026-04-01 every 58号令 decision is still published; otherwise one year back, plus a day when
 * the month-end rule makes that day's year end before `today` (a year from 2023-02-28 ends 2024-02-28, so on
 * 2024-02-29 the earliest published decision is 2023-03-01).
 */
export function earliestPublishedDecision(today: Date): Date {
  let oneYearBack = periodEnd(today, { years: -1 });
  if (periodEnd(oneYearBack, { years: 1 }) < today) oneYearBack = dayAfter(oneYearBack);
  if (today <= ORDER_58_LAST && ORDER_58_FROM < oneYearBack) return ORDER_58_FROM;
  return oneYearBack;
}
