import {
  badInput,
  checkSubjectCode,
  isCalendarRangeError,
  requiredFieldsUnavailable,
  type WorkingCalendar,
} from '@credit-hub/kit';
import type { CreditSubject } from '../__generated__/types.ts';
import type { MeasureRow } from '../catalogue/mappers.ts';
import {
  ACTION_SEVERITY,
  CREDIT_LISTS,
  isPunitive,
  LIST_INFO,
  MEASURE_KINDS,
  type BusinessMatter,
  type CheckAction,
  type CreditList,
  type ListFlag,
} from '../catalogue/rules.ts';

/**
 * The rules of a credit check (信用核查) as plain functions: which lists the departments' flags put a
 * subject on, which catalogue measures apply in a matter, the resulting action, the feedback rules and
 * 应惩未惩. No database, no GraphQL.
 */

/**
 * The departments' flags as they arrive in the representation (@requires), typed from the generated CreditSubject:
 * null when a department did not answer.
 */
export type ListFlags = Partial<Pick<CreditSubject, ListFlag>>;

/** A measure as applied in one check: the version in force then, and the subject's lists that triggered it. */
export interface MeasureSnapshot {
  code: string;
  version: number;
  name: string;
  kind: MeasureRow['kind'];
  content: string;
  basisTitle: string;
  basisNumber: string | null;
  basisArticle: string | null;
  /** Whether the citation was verified when the check was made (absent in checks recorded before it was kept). */
  basisVerification?: MeasureRow['basisVerification'];
  basisSources?: string[];
  basisNote?: string | null;
  triggeredBy: CreditList[];
}

export interface CheckOutcome {
  lists: CreditList[];
  measures: MeasureSnapshot[];
  withheldIncentives: MeasureSnapshot[];
  action: CheckAction;
}

/**
 * The lists a subject is on, in catalogue order, from the flags. A flag that is missing (its department did
 * not answer) is reported, never read as "not listed": a check must not come back CLEAR for lack of data.
 */
export function listsOf(flags: ListFlags): { lists: CreditList[]; missing: ListFlag[] } {
  const missing: ListFlag[] = [];
  const lists: CreditList[] = [];
  for (const list of CREDIT_LISTS) {
    const value = flags[LIST_INFO[list].flag];
    if (typeof value !== 'boolean') missing.push(LIST_INFO[list].flag);
    else if (value) lists.push(list);
  }
  return { lists, missing };
}

const snapshot = (m: MeasureRow, triggeredBy: CreditList[]): MeasureSnapshot => ({
  code: m.code,
  version: m.version,
  name: m.name,
  kind: m.kind,
  content: m.content,
  basisTitle: m.basisTitle,
  basisNumber: m.basisNumber,
  basisArticle: m.basisArticle,
  basisVerification: m.basisVerification,
  basisSources: m.basisSources,
  basisNote: m.basisNote,
  triggeredBy,
});

const bySeverityThenCode = (a: MeasureSnapshot, b: MeasureSnapshot) =>
  MEASURE_KINDS.indexOf(a.kind) - MEASURE_KINDS.indexOf(b.kind) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The measures in force that apply: the matter is one of the measure's matters and the subject is on at least
 * one of the measure's lists. Incentives are withheld (listed apart, never applied) while the subject is on any
 * black list: 守信激励 is for the trustworthy, and a 失信 listing elsewhere outweighs a red list here.
 */
export function matchMeasures(
  lists: CreditList[],
  matter: BusinessMatter,
  catalogue: MeasureRow[],
): { measures: MeasureSnapshot[]; withheldIncentives: MeasureSnapshot[] } {
  // Most subjects of a batch are on no list: no measure can apply, and the catalogue walk below would allocate a
  // filtered array per measure for each of them (27,000 for a batch of 1,000 clean subjects).
  if (lists.length === 0) return { measures: [], withheldIncentives: [] };
  const onBlackList = lists.some((l) => LIST_INFO[l].type === 'BLACK');
  const measures: MeasureSnapshot[] = [];
  const withheldIncentives: MeasureSnapshot[] = [];
  for (const m of catalogue) {
    if (m.status !== 'ACTIVE' || !m.matters.includes(matter)) continue;
    const triggeredBy = m.lists.filter((l) => lists.includes(l));
    if (triggeredBy.length === 0) continue;
    const applied = snapshot(m, triggeredBy);
    if (m.kind === 'INCENTIVE' && onBlackList) withheldIncentives.push(applied);
    else measures.push(applied);
  }
  return {
    measures: measures.sort(bySeverityThenCode),
    withheldIncentives: withheldIncentives.sort(bySeverityThenCode),
  };
}

/** The most severe kind among the applied measures: INTERCEPT > RESTRICT > REMIND > INCENTIVE; CLEAR if none. */
export function actionOf(measures: Pick<MeasureSnapshot, 'kind'>[]): CheckAction {
  let action: CheckAction = 'CLEAR';
  for (const m of measures) if (ACTION_SEVERITY[m.kind] > ACTION_SEVERITY[action]) action = m.kind;
  return action;
}

/** A whole check from the flags: lists, measures, withheld incentives, action. */
export function evaluateCheck(lists: CreditList[], matter: BusinessMatter, catalogue: MeasureRow[]): CheckOutcome {
  const { measures, withheldIncentives } = matchMeasures(lists, matter, catalogue);
  return { lists, measures, withheldIncentives, action: actionOf(measures) };
}

export interface FeedbackItem {
  measureCode: string;
  applied: boolean;
  reason?: string | null;
}

/**
 * Validates 自动反馈 items against the check: each names a measure the check returned (once), and a measure
 * not applied carries its reason (不执行理由). Errors name `items[i].field` and the rule.
 */
export function validateFeedback(
  items: FeedbackItem[],
  checkMeasures: Pick<MeasureSnapshot, 'code' | 'version'>[],
): { measureCode: string; measureVersion: number; applied: boolean; reason: string | null }[] {
  if (items.length === 0) throw badInput('items', 'REQUIRED', '`items` must report at least one measure');
  if (items.length > 100) throw badInput('items', 'LENGTH', '`items` may report at most 100 measures');
  const seen = new Set<string>();
  return items.map((item, i) => {
    const code = item.measureCode.trim().toUpperCase();
    const measure = checkMeasures.find((m) => m.code === code);
    if (!measure)
      throw badInput(
        `items[${i}].measureCode`,
        'NOT_IN_CHECK',
        `\`items[${i}].measureCode\`: ${code} is not a measure this check returned`,
      );
    if (seen.has(code))
      throw badInput(`items[${i}].measureCode`, 'REPEATED', `\`items[${i}].measureCode\` repeats ${code}`);
    seen.add(code);
    const reason = item.reason?.trim() || null;
    if (!item.applied && !reason)
      throw badInput(
        `items[${i}].reason`,
        'REASON_REQUIRED',
        `\`items[${i}].reason\`: a measure not applied (不执行) needs its reason`,
      );
    if (reason && reason.length > 500)
      throw badInput(`items[${i}].reason`, 'LENGTH', `\`items[${i}].reason\` may hold at most 500 characters`);
    return { measureCode: code, measureVersion: measure.version, applied: item.applied, reason };
  });
}

/** A punitive measure of a check with its current feedback, as the 应惩未惩 report reads it. */
export interface FeedbackCandidate {
  checkedOn: Date;
  kind: MeasureRow['kind'];
  feedback: { applied: boolean; reason: string | null } | null;
}

/**
 * 应惩未惩 for one punitive measure of a check: listed when there is no feedback and more than `workingDays`
 * working days have passed since the check's day (the deadline is that many working days after it), or when
 * the current answer is "not applied" without a reason. Null when it is in order.
 */
export function unpunished(
  candidate: FeedbackCandidate,
  today: Date,
  workingDays: number,
  calendar: WorkingCalendar,
): { reason: 'NO_FEEDBACK' | 'NOT_APPLIED_WITHOUT_REASON'; deadline: Date | null; daysOverdue: number } | null {
  if (!isPunitive(candidate.kind)) return null;
  let deadline: Date | null = null;
  try {
    deadline = calendar.addWorkingDays(candidate.checkedOn, workingDays);
  } catch (error) {
    // The count ran past the last year the calendar holds: the deadline is later than any day it holds, so
    // (today being held) nothing is overdue yet. Any other date outside the calendar is refused, not guessed.
    if (!isCalendarRangeError(error) || error.date <= today.toISOString().slice(0, 10)) throw error;
  }
  const daysOverdue = deadline ? calendar.workingDaysBetween(deadline, today) : 0;
  const { feedback } = candidate;
  if (feedback && !feedback.applied && !feedback.reason?.trim())
    return { reason: 'NOT_APPLIED_WITHOUT_REASON', deadline, daysOverdue };
  if (!feedback && daysOverdue > 0) return { reason: 'NO_FEEDBACK', deadline, daysOverdue };
  return null;
}

/**
 * The refusal of a check whose list flags did not all arrive (REQUIRED_FIELDS_UNAVAILABLE), naming the flags and
 * their departments: a check is never answered CLEAR for lack of data.
 */
export function flagsUnavailable(code: string, missing: ListFlag[]) {
  const departments = [...new Set(missing.map((f) => CREDIT_LISTS.find((l) => LIST_INFO[l].flag === f)!))].map(
    (l) => LIST_INFO[l].department,
  );
  return requiredFieldsUnavailable(
    `the credit check of ${code} is refused: the list status ${missing.join(', ')} did not arrive from ` +
      `${[...new Set(departments)].join(', ')}; a check is never answered without every list`,
    code,
    { missing },
  );
}

/** Most codes a batch check takes: 2,000 codes fit the gateway's 100 KB body limit with room to spare. */
export const MAX_BATCH_CODES = 2000;

/** The codes of a batch check, each validated (USCC checksum or person key), in input order. */
export function checkBatchCodes(codes: readonly string[]): string[] {
  if (codes.length === 0) throw badInput('codes', 'REQUIRED', '`codes` must hold at least one code');
  if (codes.length > MAX_BATCH_CODES)
    throw badInput('codes', 'LENGTH', `\`codes\` may hold at most ${MAX_BATCH_CODES} codes, got ${codes.length}`, {
      max: MAX_BATCH_CODES,
    });
  return codes.map((code, i) => checkSubjectCode(code, `codes[${i}]`));
}

/** A check's reference as given by a client: trimmed, at most 200 characters; null when empty. */
export function checkReference(raw: string | null | undefined): string | null {
  const reference = raw?.trim() || null;
  if (reference && reference.length > 200)
    throw badInput('reference', 'LENGTH', '`reference` may hold at most 200 characters');
  return reference;
}
