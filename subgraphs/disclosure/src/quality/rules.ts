/**
 * 双公示 quality metrics (上报率/合规率/及时率, definitions in docs/disclosure.md): plain functions over the facts of
 * every decision (reads.ts gathers them in one statement), unit-tested beside.
 */
import { chinaToday, DEPARTMENTS, toIsoDate } from '@credit-hub/kit';
import { chineseCalendar, isCalendarRangeError, type WorkingCalendar } from '@credit-hub/kit/calendar';
import type { DisclosureKind, DisclosurePeriod } from '../__generated__/types.ts';

/** Working days a department has to publish a decision (7 个工作日). */
export const DISCLOSURE_DEADLINE_WORKING_DAYS = 7;

export interface DecisionFact {
  kind: DisclosureKind;
  authorityCode: string;
  documentNumber: string;
  department: string;
  decidedOn: string;
  /** First receipt of the key in any submission, valid or not; null when never received. */
  firstReceivedAt: Date | null;
  /** Whether that first receipt passed validation. */
  firstOk: boolean | null;
}

export type Period = DisclosurePeriod;

export interface Quality {
  department: string;
  departmentName: string;
  period: string;
  periodStart: string;
  due: number;
  reported: number;
  compliant: number;
  timely: number;
  /** Reported decisions whose timeliness the calendar cannot tell yet (deadline in a year it does not hold). */
  timelinessUndetermined: number;
  reportingRate: number | null;
  complianceRate: number | null;
  timelinessRate: number | null;
}

const isoDay = (d: Date) => toIsoDate(d)!;
/** The China calendar day of an instant (UTC+8, no daylight saving). */
export const chinaDayOf = (at: Date) => isoDay(chinaToday(at));

/**
 * The last day to publish a decision: the 7th working day after the decision date. Null when the count needs a
 * year whose holiday notice the calendar does not hold: the deadline is then not computed, never guessed.
 */
export function deadlineOf(decidedOn: string, calendar: WorkingCalendar = chineseCalendar): string | null {
  try {
    return isoDay(calendar.addWorkingDays(new Date(`${decidedOn}T00:00:00Z`), DISCLOSURE_DEADLINE_WORKING_DAYS));
  } catch (error) {
    if (isCalendarRangeError(error)) return null;
    throw error;
  }
}

/**
 * Whether a deadline the calendar could not count lies after its last day: the count started inside the calendar
 * and ran out of it, so every day the calendar holds is before the deadline.
 */
const pastCalendarEnd = (decidedOn: string, calendar: WorkingCalendar) => decidedOn >= isoDay(calendar.firstDay);

export const isReported = (f: DecisionFact) => f.firstReceivedAt !== null;
export const isCompliant = (f: DecisionFact) => f.firstReceivedAt !== null && f.firstOk === true;

/**
 * Whether the first receipt was within the deadline; null when the calendar cannot tell yet. A receipt on or
 * before the calendar's last day is timely even then when the deadline lies past that day.
 */
export function isTimely(f: DecisionFact, calendar: WorkingCalendar = chineseCalendar): boolean | null {
  if (f.firstReceivedAt === null) return false;
  const received = chinaDayOf(f.firstReceivedAt);
  const deadline = deadlineOf(f.decidedOn, calendar);
  if (deadline !== null) return received <= deadline;
  return pastCalendarEnd(f.decidedOn, calendar) && received <= isoDay(calendar.lastDay) ? true : null;
}

export function periodOf(decidedOn: string, period: Period): { label: string; start: string } {
  if (period === 'DAY') return { label: decidedOn, start: decidedOn };
  const [y, m] = decidedOn.split('-') as [string, string];
  if (period === 'MONTH') return { label: `${y}-${m}`, start: `${y}-${m}-01` };
  const q = Math.floor((Number(m) - 1) / 3);
  return { label: `${y}-Q${q + 1}`, start: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01` };
}

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/** Aggregates facts per department and period (period null: one row per department over the whole range). */
export function aggregate(
  facts: readonly DecisionFact[],
  period: Period | null,
  calendar: WorkingCalendar = chineseCalendar,
): Quality[] {
  const groups = new Map<string, Quality>();
  for (const f of facts) {
    const p = period ? periodOf(f.decidedOn, period) : { label: 'ALL', start: '' };
    const key = `${f.department}\u0000${p.label}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        department: f.department,
        departmentName: DEPARTMENTS[f.department as keyof typeof DEPARTMENTS] ?? f.department,
        period: p.label,
        periodStart: p.start,
        due: 0,
        reported: 0,
        compliant: 0,
        timely: 0,
        timelinessUndetermined: 0,
        reportingRate: null,
        complianceRate: null,
        timelinessRate: null,
      };
      groups.set(key, g);
    }
    g.due += 1;
    if (isReported(f)) g.reported += 1;
    if (isCompliant(f)) g.compliant += 1;
    const timely = isReported(f) ? isTimely(f, calendar) : false;
    if (timely === true) g.timely += 1;
    if (timely === null) g.timelinessUndetermined += 1;
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.reportingRate = rate(g.reported, g.due);
    g.complianceRate = rate(g.compliant, g.reported);
    // Decisions whose timeliness cannot be told yet count neither way.
    g.timelinessRate = rate(g.timely, g.reported - g.timelinessUndetermined);
  }
  return out.sort((a, b) => a.department.localeCompare(b.department) || a.periodStart.localeCompare(b.periodStart));
}

/** Departments ranked by the mean of their three rates over the range (missing rates count as 0). */
export function rank(facts: readonly DecisionFact[]) {
  const totals = aggregate(facts, null);
  return totals
    .map((quality) => ({
      quality,
      score: ((quality.reportingRate ?? 0) + (quality.complianceRate ?? 0) + (quality.timelinessRate ?? 0)) / 3,
    }))
    .sort((a, b) => b.score - a.score || a.quality.department.localeCompare(b.quality.department))
    .map((entry, i) => ({ rank: i + 1, ...entry }));
}

export interface Issue extends DecisionFact {
  /** Null when the calendar cannot count it (a year without its holiday notice). */
  deadline: string | null;
  /** Null when the deadline, or the days from it to the receipt (or today), cannot be counted. */
  workingDaysLate: number | null;
  firstSubmissionFailed: boolean;
}

function toIssue(f: DecisionFact, today: string, calendar: WorkingCalendar): Issue {
  const deadline = deadlineOf(f.decidedOn, calendar);
  const until = f.firstReceivedAt ? chinaDayOf(f.firstReceivedAt) : today;
  let late: number | null = null;
  if (deadline !== null) {
    try {
      late = calendar.workingDaysBetween(new Date(`${deadline}T00:00:00Z`), new Date(`${until}T00:00:00Z`));
    } catch (error) {
      if (!isCalendarRangeError(error)) throw error;
    }
  }
  return { ...f, deadline, workingDaysLate: late, firstSubmissionFailed: f.firstReceivedAt !== null && !f.firstOk };
}

const byDecision = (a: DecisionFact, b: DecisionFact) =>
  a.decidedOn.localeCompare(b.decidedOn) ||
  a.authorityCode.localeCompare(b.authorityCode) ||
  a.documentNumber.localeCompare(b.documentNumber);

/**
 * Decisions first received after their deadline, or never received and already past it. A decision whose
 * deadline the calendar cannot count is not listed (it is counted as undetermined in the quality figures).
 */
export function lateIssues(facts: readonly DecisionFact[], today: string, calendar = chineseCalendar): Issue[] {
  return facts
    .filter((f) => {
      if (isReported(f)) return isTimely(f, calendar) === false;
      const deadline = deadlineOf(f.decidedOn, calendar);
      return deadline !== null && deadline < today;
    })
    .sort(byDecision)
    .map((f) => toIssue(f, today, calendar));
}

/** Reported decisions whose first submission failed validation. */
export function nonCompliantIssues(facts: readonly DecisionFact[], today: string, calendar = chineseCalendar) {
  return facts
    .filter((f) => isReported(f) && !isCompliant(f))
    .sort(byDecision)
    .map((f) => toIssue(f, today, calendar));
}
