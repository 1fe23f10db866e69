/**
 * The rules of the 失信被执行人 list (最高人民法院关于公布失信被执行人名单信息的若干规定, 法释〔2017〕7号) as pure
 * functions of dates. Whether a case is on the list is computed here from its dates against "today" (the kit's
 * clock), in every read path, so a case leaves the list on the day after its term without any job running; the
 * SQL predicate `listedSql` says exactly what `isListed` says. Sources and open questions: docs/rules/court.md.
 */
import { CalendarRangeError, isCalendarRangeError, type WorkingCalendar } from '@credit-hub/kit';
import { periodEnd } from '@credit-hub/kit/period';
import { Prisma, type DishonestDebtorCase } from '@credit-hub/kit/db';

/** A stored case: the rules read the row's own columns, whatever the API makes of them. */
type CaseRow = DishonestDebtorCase;
export type Behaviour = CaseRow['behaviours'][number];
export type Reason = NonNullable<CaseRow['withdrawalReason']>;

/** The six behaviours of 第一条 in the order of its items (一)–(六). */
export const BEHAVIOURS: readonly Behaviour[] = [
  'REFUSING_DESPITE_ABILITY',
  'OBSTRUCTING_EXECUTION',
  'EVADING_EXECUTION',
  'VIOLATING_PROPERTY_REPORTING',
  'VIOLATING_CONSUMPTION_RESTRICTION',
  'REFUSING_SETTLEMENT',
];

/** Chinese labels of the six behaviours of 法释〔2017〕7号 第一条. */
export const BEHAVIOUR_LABELS: Record<Behaviour, string> = {
  REFUSING_DESPITE_ABILITY: '有履行能力而拒不履行生效法律文书确定义务',
  OBSTRUCTING_EXECUTION: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  EVADING_EXECUTION: '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  VIOLATING_PROPERTY_REPORTING: '违反财产报告制度',
  VIOLATING_CONSUMPTION_RESTRICTION: '违反限制消费令',
  REFUSING_SETTLEMENT: '无正当理由拒不履行执行和解协议',
};

/** 履行情况 labels as the published list words them. */
export const PERFORMANCE_LABELS: Record<CaseRow['performance'], string> = {
  NONE_PERFORMED: '全部未履行',
  PARTLY_PERFORMED: '部分未履行',
};

/** 第二条第一款: two years for items (二)–(六), extendable by one to three years. */
export const TERM_YEARS = 2;
export const MAX_TERM_EXTENSION_YEARS = 3;
/** 第十条第二款 (and 第九条, 第十条第一款, 第十二条): delete or revoke within three working days. */
export const DELETION_WORKING_DAYS = 3;
/** 第十条第四款: no relisting on the applicant's request within six months of a deletion it asked for. */
export const RELISTING_BAR_MONTHS = 6;
/** 第四条: a minor (under 18 on the decision day) is never listed. */
export const MINIMUM_AGE = 18;

export const TERM_EXTENSION_LABELS: Record<NonNullable<CaseRow['termExtensionGround']>, string> = {
  SERIOUS_VIOLENT_OBSTRUCTION: '以暴力、威胁方法妨碍、抗拒执行情节严重',
  MULTIPLE_BEHAVIOURS: '具有多项失信行为',
};

/**
 * Whether a listing has a term (第二条第一款): it has when any of items (二)–(六) applies. Item (一) alone is
 * listed until performance or a 第十条第一款 ground. A case with item (一) and another item gets the term of the
 * other (open question in docs/rules/court.md).
 */
export const hasTerm = (behaviours: readonly Behaviour[]) => behaviours.some((b) => b !== 'REFUSING_DESPITE_ABILITY');

/** Whether an extension ground fits the behaviours (第二条第一款第二句). */
export function extensionGroundFits(
  ground: NonNullable<CaseRow['termExtensionGround']>,
  behaviours: readonly Behaviour[],
): boolean {
  return ground === 'MULTIPLE_BEHAVIOURS' ? behaviours.length >= 2 : behaviours.includes('OBSTRUCTING_EXECUTION');
}

/**
 * The last day on the list: the term counts from the decision, which takes effect the day it is made (第五条);
 * the day itself is not counted (民事诉讼法 第八十五条), so the term ends on the same day `years` later.
 * Null when there is no term.
 */
export function listedUntilOf(decidedOn: Date, termYears: number | null, extensionYears: number): Date | null {
  return termYears === null ? null : periodEnd(decidedOn, { years: termYears + extensionYears });
}

/** Where a case stands on `today`: on the list, past its term with the deletion not yet recorded, or withdrawn. */
export type ListingState = 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';

export function listingState(c: Pick<CaseRow, 'status' | 'listedUntil'>, today: Date): ListingState {
  if (c.status === 'WITHDRAWN') return 'WITHDRAWN';
  // On the list through its last day; from the next day on it is neither public nor a credit-check hit.
  if (c.listedUntil && c.listedUntil.getTime() < today.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

/** On the list today: what the public sees, what makes isDishonestDebtor true and what credit checks match. */
export const isListed = (c: Pick<CaseRow, 'status' | 'listedUntil'>, today: Date) =>
  listingState(c, today) === 'ACTIVE';

/**
 * `isListed` as a SQL condition on a case row aliased `alias` (writes refuse future dates, so a row the court has
 * not withdrawn is listed from publication until its last day). Keep it identical to `listingState`.
 */
export function listedSql(alias: string, today: Date): Prisma.Sql {
  const t = Prisma.raw(alias);
  return Prisma.sql`${t}.status = 'ACTIVE' AND (${t}.listed_until IS NULL OR ${t}.listed_until >= ${today}::date)`;
}

/** `listingState` as a Prisma filter, for the list queries. */
export function stateWhere(state: ListingState, today: Date): Prisma.DishonestDebtorCaseWhereInput {
  if (state === 'WITHDRAWN') return { status: 'WITHDRAWN' };
  if (state === 'EXPIRED') return { status: 'ACTIVE', listedUntil: { lt: today } };
  return { status: 'ACTIVE', OR: [{ listedUntil: null }, { listedUntil: { gte: today } }] };
}

/** 删除 (deletion) or 撤销 (revocation): revocation undoes a listing that should not have been made. */
export type WithdrawalKind = 'DELETION' | 'REVOCATION';

interface ReasonRule {
  label: string;
  basis: string;
  kind: WithdrawalKind;
  /** Which listings the ground applies to: with a term, without one, or both. */
  applies: 'TERM' | 'NO_TERM' | 'ANY' | 'NONE';
  /** Whether the 3-working-day deadline applies from the day the ground arose. */
  deadline: boolean;
}

/**
 * The grounds on which a listing ends, with the article each comes from. 第十条第二款: "有纳入期限的，不适用前款规定"
 * — the seven 第十条第一款 grounds apply only to a listing without a term; a listing with a term ends with its term,
 * or earlier by the court's decision under 第二条第二款. Revocation (第九条, 第十二条) applies to both.
 */
export const WITHDRAWAL_REASONS: Record<Reason, ReasonRule> = {
  PERFORMED: {
    label: '被执行人已履行生效法律文书确定的义务或人民法院已执行完毕',
    basis: '法释〔2017〕7号 第十条第一款第（一）项',
    kind: 'DELETION',
    applies: 'NO_TERM',
    deadline: true,
  },
  SETTLEMENT_PERFORMED: {
    label: '当事人达成执行和解协议且已履行完毕',
    basis: '法释〔2017〕7号 第十条第一款第（二）项',
    kind: 'DELETION',
    applies: 'NO_TERM',
    deadline: true,
  },
  APPLICANT_REQUEST: {
    label: '申请执行人书面申请删除失信信息，人民法院审查同意',
    basis: '法释〔2017〕7号 第十条第一款第（三）项',
    kind: 'DELETION',
    applies: 'NO_TERM',
    deadline: true,
  },
  NO_ASSETS_FOUND: {
    label: '终结本次执行程序后，两次以上查询未发现可供执行财产，且未提供有效财产线索',
    basis: '法释〔2017〕7号 第十条第一款第（四）项',
    kind: 'DELETION',
    applies: 'NO_TERM',
    deadline: true,
  },
  EXECUTION_SUSPENDED: {
    label: '因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行',
    basis: '法释〔2017〕7号 第十条第一款第（五）项',
    kind: 'DELETION',
    applies: 'NO_TERM',
    deadline: true,
  },
  NOT_ENFORCEABLE: {
    label: '人民法院依法裁定不予执行',
    basis: '法释〔2017〕7号 第十条第一款第（六）项',
    kind: 'DELETION',
    applies: 'NO_TERM',
    deadline: true,
  },
  EXECUTION_TERMINATED: {
    label: '人民法院依法裁定终结执行',
    basis: '法释〔2017〕7号 第十条第一款第（七）项',
    kind: 'DELETION',
    applies: 'NO_TERM',
    deadline: true,
  },
  PERIOD_ENDED: {
    label: '纳入期限届满',
    basis: '法释〔2017〕7号 第十条第二款',
    kind: 'DELETION',
    applies: 'TERM',
    deadline: true,
  },
  EARLY_DELETION: {
    label: '积极履行生效法律文书确定义务或主动纠正失信行为，提前删除',
    basis: '法释〔2017〕7号 第二条第二款',
    kind: 'DELETION',
    applies: 'TERM',
    deadline: false,
  },
  LISTED_IN_ERROR: {
    label: '不应纳入失信被执行人名单，予以撤销',
    basis: '法释〔2017〕7号 第九条',
    kind: 'REVOCATION',
    applies: 'ANY',
    deadline: true,
  },
  CORRECTION_GRANTED: {
    label: '纠正申请理由成立，予以撤销',
    basis: '法释〔2017〕7号 第十一条第（一）项、第十二条',
    kind: 'REVOCATION',
    applies: 'ANY',
    deadline: true,
  },
  OTHER: {
    label: '其他情形（历史记录）',
    basis: '—',
    kind: 'DELETION',
    applies: 'NONE',
    deadline: false,
  },
};

/**
 * The day a withdrawal's three working days count from: the day its ground arose, or for PERIOD_ENDED the last
 * day of the term ("纳入期限届满后三个工作日内"). Null when no deadline applies (early deletion, history).
 */
export function deadlineBasisDay(
  reason: Reason,
  c: Pick<CaseRow, 'listedUntil'>,
  groundArisenOn: Date | null,
): Date | null {
  if (!WITHDRAWAL_REASONS[reason].deadline) return null;
  return reason === 'PERIOD_ENDED' ? c.listedUntil : groundArisenOn;
}

/**
 * Three working days after `from` (the day itself not counted), or null when the working-day calendar cannot count
 * them (a year whose holiday notice it does not hold): shown as "not countable", never guessed. Whether the deadline
 * was met is still known exactly (isLate), since it only needs the days just before the act.
 */
export function deletionDeadlineFrom(from: Date, calendar: WorkingCalendar): Date | null {
  try {
    return calendar.addWorkingDays(from, DELETION_WORKING_DAYS);
  } catch (error) {
    if (isCalendarRangeError(error)) return null;
    throw error;
  }
}

/**
 * The latest day a ground may have arisen (or a term ended) for its 3-working-day deadline to lie before `day`:
 * anything that arose on or before it is late on `day`. Counting back from `day` keeps every day looked at inside the
 * calendar, and the answer holds for older dates too, since the deadline never moves back as its start does.
 */
export function overdueCutoff(day: Date, calendar: WorkingCalendar): Date {
  // Refused for a day the calendar does not hold, naming that day (not the first uncovered day it would meet).
  calendar.assertCovers(day);
  const cutoff = new Date(day.getTime());
  do cutoff.setUTCDate(cutoff.getUTCDate() - 1);
  while (calendar.addWorkingDays(cutoff, DELETION_WORKING_DAYS).getTime() >= day.getTime());
  return cutoff;
}

/** Whether acting on `actedOn` for a ground that arose on `from` misses the three working days. */
export const isLate = (from: Date, actedOn: Date, calendar: WorkingCalendar) =>
  from.getTime() <= overdueCutoff(actedOn, calendar).getTime();

/**
 * The overdue cut-off on `day` as far as the working-day calendar can tell. On a day it holds: `overdueCutoff`, exact,
 * and nothing undetermined. On a day after its last year (the next year's holiday notice not yet in): the latest day
 * whose three working days the calendar can still count — that deadline lies inside the calendar, so before `day`, and
 * anything that arose on or before it is overdue for certain — and, from the day after it, the days whose deadline
 * falls in the uncovered year: whether those have passed is not known until its notice is added (docs/rules/court.md W5).
 */
export function knownOverdueCutoff(
  day: Date,
  calendar: WorkingCalendar,
): { cutoff: Date; undeterminedFrom: Date | null } {
  if (day.getUTCFullYear() <= calendar.lastYear)
    return { cutoff: overdueCutoff(day, calendar), undeterminedFrom: null };
  const cutoff = new Date(Date.UTC(calendar.lastYear, 11, 31));
  while (deletionDeadlineFrom(cutoff, calendar) === null) cutoff.setUTCDate(cutoff.getUTCDate() - 1);
  return { cutoff, undeterminedFrom: new Date(cutoff.getTime() + 86_400_000) };
}

/**
 * Whether an expired listing's deletion is overdue on `today` (its three working days have passed). A term whose
 * deadline lies in a year the calendar does not hold yet is neither: CALENDAR_RANGE, naming that year's first day.
 */
export function isDeletionOverdue(
  c: Pick<CaseRow, 'status' | 'listedUntil'>,
  today: Date,
  calendar: WorkingCalendar,
): boolean {
  if (listingState(c, today) !== 'EXPIRED') return false;
  const { cutoff, undeterminedFrom } = knownOverdueCutoff(today, calendar);
  if (c.listedUntil!.getTime() <= cutoff.getTime()) return true;
  if (undeterminedFrom && c.listedUntil!.getTime() >= undeterminedFrom.getTime())
    throw new CalendarRangeError(`${calendar.lastYear + 1}-01-01`, calendar.firstYear, calendar.lastYear);
  return false;
}

/** Age in whole years on `on`, from a birth date YYYY-MM-DD (第四条: a debtor under 18 is never listed). */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age -= 1;
  return age;
}
