/**
 * The tax department's rules: which 纳税信用 rating counts on a day, how a level and its score agree, and the
 * publicity of a 重大税收违法失信主体 entry (three years, early stop only on a 54号令 ground). Pure: every rule that
 * depends on the day takes `today` (the request's one date, loaders.ts); sources and open questions in
 * docs/rules/tax.md.
 */
import { badInput, dayAfter, periodEnd } from '@credit-hub/kit';
import type {
  ListingStatus,
  TaxCreditLevel,
  TaxPublicationStopGround,
  TaxResponsibleRole,
  TaxViolationSituation,
} from './__generated__/types.ts';
import type { MajorTaxViolationMapper } from './mappers.ts';

type Violation = MajorTaxViolationMapper;

/** Chinese labels of the eleven situations of 国家税务总局令第54号 第六条. */
export const SITUATION_LABELS: Record<TaxViolationSituation, string> = {
  TAX_EVASION: '偷税',
  EVADING_ARREARS_RECOVERY: '逃避追缴欠税',
  EXPORT_REBATE_FRAUD: '骗取出口退税',
  VIOLENT_REFUSAL: '抗税',
  FALSE_SPECIAL_INVOICES: '虚开增值税专用发票',
  FALSE_ORDINARY_INVOICES: '虚开普通发票',
  ILLEGAL_INVOICE_PRINTING: '非法印制发票',
  ABSCONDED: '走逃（失联）',
  FACILITATING_EVASION: '为他人偷逃税款提供便利',
  TAX_AGENT_VIOLATION: '税务代理人违法',
  OTHER_SERIOUS: '其他严重税收违法行为',
};

/** Evaluation years and list years a query may name. */
export const YEAR_RANGE = { from: 1990, to: 2100 } as const;

/** A year argument of a list, when given, must be a plausible year (not 24 or 20240). */
export function checkYear(year: number | null | undefined, field = 'year'): void {
  if (year !== null && year !== undefined && (year < YEAR_RANGE.from || year > YEAR_RANGE.to)) {
    throw badInput(
      field,
      'RANGE',
      `\`${field}\` must be a year between ${YEAR_RANGE.from} and ${YEAR_RANGE.to}, got ${year}`,
    );
  }
}

/**
 * Level and score must agree (国家税务总局公告2014年第40号, 2018年第8号; 2025年第12号 keeps the levels). D may be
 * assigned directly without a score; M has two cases: a newly established enterprise, which has no score (it
 * is not rated in its first evaluation year, 2025年第12号 第十五条), and a subject without operating income in the
 * year, which needs a score of 70 or more.
 */
export function checkLevelScore(level: TaxCreditLevel, score: number | null | undefined): void {
  if (score === null || score === undefined) {
    if (level !== 'D' && level !== 'M')
      throw badInput(
        'input.score',
        'REQUIRED',
        `\`input.score\` is required for level ${level}: only D (assigned directly) and a new enterprise's M have none`,
      );
    return;
  }
  if (score < 0 || score > 100) throw badInput('input.score', 'RANGE', '`input.score` must be between 0 and 100');
  const ok = {
    A: score >= 90,
    B: score >= 70 && score < 90,
    M: score >= 70,
    C: score >= 40 && score < 70,
    D: score < 40,
  }[level];
  if (!ok)
    throw badInput(
      'input.score',
      'LEVEL_SCORE',
      `\`input.score\` ${score} does not fit level ${level} (A ≥ 90, B 70–<90, M ≥ 70, C 40–<70, D < 40)`,
    );
}

// ---------------------------------------------------------------------------------------------------------
// 纳税信用 ratings: which one counts today

/**
 * A rating counts only while it is the year's current one. The rating of evaluation year Y (评价年度, a calendar
 * year: 《纳税缴费信用管理办法》 第十五条) is determined and published in April of Y+1 (税务机关每年4月确定上一年度
 * 评价结果), and is current from its determination until the rating of year Y+1 is due, at the end of April of
 * Y+2. After that it is history: a 2019 A grants no incentive in 2026, a 2019 D no punishment. A newer rating
 * replaces an older one from its own determination date (a D assigned directly mid-year replaces last year's A).
 */
export const RATING_DUE = { month: 4, lastDay: 30 } as const;

/** The last day the rating of evaluation year `year` counts: 30 April of year + 2. */
export const ratingValidUntil = (year: number) =>
  new Date(Date.UTC(year + 2, RATING_DUE.month - 1, RATING_DUE.lastDay));

/** What the validity of a rating depends on. */
type Dated = { year: number; evaluatedOn: Date };

export const isRatingInForce = (r: Dated, today: Date) =>
  r.evaluatedOn.getTime() <= today.getTime() && today.getTime() <= ratingValidUntil(r.year).getTime();

/** The oldest evaluation year whose rating can still be in force today. */
export function oldestYearInForce(today: Date): number {
  const year = today.getUTCFullYear();
  return today.getTime() <= Date.UTC(year, RATING_DUE.month - 1, RATING_DUE.lastDay) ? year - 2 : year - 1;
}

/** The rating in force today: the newest year among those in force, or null. `ratings` are newest year first. */
export function currentRating<R extends Dated>(ratings: readonly R[], today: Date): R | null {
  return ratings.find((r) => isRatingInForce(r, today)) ?? null;
}

/** The rating of `year` (history, whatever its age), or the one in force today when `year` is omitted. */
export function ratingFor<R extends Dated>(
  ratings: readonly R[],
  year: number | null | undefined,
  today: Date,
): R | null {
  if (year === undefined || year === null) return currentRating(ratings, today);
  return ratings.find((r) => r.year === year) ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// 重大税收违法失信主体: three years of publicity, early stop only on the 54号令 grounds

/** Publicity lasts three years from publication and then stops by itself. */
export const PUBLICITY_TERM = { years: 3 } as const;
/** PAID_IN_FULL needs the entry published at least six months when the subject applies. */
export const PAID_IN_FULL_AFTER = { months: 6 } as const;
/** PAID_IN_FULL is not open to a subject determined a 失信主体 twice or more within five years. */
export const REPEAT_WINDOW = { years: 5 } as const;
/** The tax authority decides an application within 15 days (to verify: see docs/rules/tax.md). */
export const STOP_DECISION_DAYS = 15;

/** The last day of publicity: three years from publication (民法典 第二百零一、二百零二条 counting). */
export const publicityEnd = (publishedOn: Date) => periodEnd(publishedOn, PUBLICITY_TERM);

/** The first day a PAID_IN_FULL application may be made: the day after six months of publicity. */
export const paidInFullFrom = (publishedOn: Date) => dayAfter(periodEnd(publishedOn, PAID_IN_FULL_AFTER));

/** The last day for the decision on an application to stop publication. */
export const stopDecisionDueBy = (appliedOn: Date) => periodEnd(appliedOn, { days: STOP_DECISION_DAYS });

/**
 * Whether the subject was determined a 失信主体 twice or more within the five years up to this decision
 * (this one included): then PAID_IN_FULL is not open to it.
 */
export function isRepeatOffender(
  entry: Pick<Violation, 'id' | 'decisionServedOn'>,
  others: readonly Pick<Violation, 'id' | 'decisionServedOn'>[],
): boolean {
  const from = periodEnd(entry.decisionServedOn, { years: -REPEAT_WINDOW.years }).getTime();
  const to = entry.decisionServedOn.getTime();
  return others.some(
    (o) => o.id !== entry.id && o.decisionServedOn.getTime() >= from && o.decisionServedOn.getTime() <= to,
  );
}

export const STOP_GROUND_LABELS: Record<TaxPublicationStopGround, string> = {
  PAID_IN_FULL: '已缴清税款、滞纳金和罚款，且失信信息公布满六个月',
  BANKRUPTCY_REORGANISATION: '破产重整或和解，人民法院裁定批准，税务机关依法受偿',
  OUTSTANDING_CONTRIBUTION: '突发事件期间作出突出贡献',
  DECISION_REVOKED: '确定失信主体的决定被撤销或变更',
};

/** Grounds that answer the subject's application (DECISION_REVOKED answers a review or a court). */
export const APPLICATION_GROUNDS: readonly TaxPublicationStopGround[] = [
  'PAID_IN_FULL',
  'BANKRUPTCY_REORGANISATION',
  'OUTSTANDING_CONTRIBUTION',
];

export const RESPONSIBLE_ROLE_LABELS: Record<TaxResponsibleRole, string> = {
  ACTUAL_RESPONSIBLE: '经人民法院生效裁判确定的实际责任人',
  FINANCE_PERSON: '负有直接责任的财务人员',
  GANG_MEMBER: '团伙成员',
};

/** An entry's status as of a day: the schema's ListingStatus. */
export type EntryStatus = ListingStatus;

/**
 * An entry's status as the public sees it: published while inside its three-year publicity period,
 * expired after it (publicity stops by itself), removed when stopped early.
 */
export function entryStatus(v: Pick<Violation, 'status' | 'publicityEndsOn'>, today: Date): EntryStatus {
  if (v.status === 'REMOVED') return 'REMOVED';
  return v.publicityEndsOn.getTime() >= today.getTime() ? 'PUBLISHED' : 'EXPIRED';
}

export const isInForce = (v: Pick<Violation, 'status' | 'publicityEndsOn'>, today: Date) =>
  entryStatus(v, today) === 'PUBLISHED';

/** The 15th of the month after service: the latest publication date 总局令第54号 allows. */
export function latestPublication(served: Date): Date {
  return new Date(Date.UTC(served.getUTCFullYear(), served.getUTCMonth() + 1, 15));
}
