import type { BusinessMatter, CheckAction, CreditList } from '../catalogue/rules.ts';
import type { MeasureSnapshot } from './rules.ts';

/** Parent types of the check types (codegen mappers point here). */

/** A credit check, just made or read back (evaluation.credit_check). */
export interface CheckRow {
  id: string;
  subjectCode: string;
  matter: BusinessMatter;
  reference: string | null;
  lists: CreditList[];
  measures: MeasureSnapshot[];
  withheldIncentives: MeasureSnapshot[];
  action: CheckAction;
  department: string | null;
  checkedAt: Date;
  /** Made in this request: no feedback can exist yet, so none is read. */
  fresh: boolean;
}

/** The current answer for one measure of a check. */
export interface FeedbackRow {
  checkId: string;
  measureCode: string;
  measureVersion: number;
  applied: boolean;
  reason: string | null;
  reportedBy: string;
  reportedAt: Date;
}

/** One row of creditCheckStatistics. */
export interface StatisticsRow {
  periodStart: Date;
  department: string | null;
  matter: BusinessMatter;
  checks: number;
  subjectsOnLists: number;
  interceptions: number;
  restrictions: number;
  reminders: number;
  incentives: number;
  clear: number;
  /** DAY or MONTH: how the period is labelled. */
  unit: 'DAY' | 'MONTH';
}

/** One 应惩未惩 entry. */
export interface UnpunishedRow {
  checkId: string;
  department: string | null;
  subjectCode: string;
  matter: BusinessMatter;
  reference: string | null;
  measure: MeasureSnapshot;
  checkedAt: Date;
  /** Null when it lies past the last year the working-day calendar holds (then it is after today). */
  deadline: Date | null;
  daysOverdue: number;
  reason: 'NO_FEEDBACK' | 'NOT_APPLIED_WITHOUT_REASON';
}

/** One 应查未查 entry. */
export interface UncheckedRow {
  id: bigint;
  department: string;
  subjectCode: string;
  matter: BusinessMatter;
  reference: string;
  decidedOn: Date;
  lastCheckedAt: Date | null;
}

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditCheckMapper = CheckRow;
export type MeasureFeedbackMapper = FeedbackRow;
export type CreditCheckStatisticsMapper = StatisticsRow;
export type UnpunishedMeasureMapper = UnpunishedRow;
export type UncheckedDecisionMapper = UncheckedRow;
export type AppliedMeasureMapper = MeasureSnapshot;
