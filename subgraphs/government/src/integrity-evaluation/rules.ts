/**
 * The 政务诚信 evaluation of a government body or public institution (the IntegrityEvaluation feature): the model
 * as data and the evaluation as a pure function of the facts. Sources and the reasons for the numbers:
 * docs/rules/government.md.
 */
import { badInput } from '@credit-hub/kit';
import type { ArrearsMapper, CommitmentMapper, ComplaintMapper } from '../mappers.ts';

/**
 * The 政务诚信 evaluation model, as data. A body starts at `base` points; each deduction below is taken once
 * per record (or once for the courts), kinds with a `cap` stop counting at the cap. The score never goes
 * below 0 and is graded by the first threshold it reaches. No national text fixes the points (国发〔2016〕76号
 * asks each province to build its own 政务诚信评价 and provinces weigh the items differently; see
 * docs/rules/government.md): change the numbers here and bump `version`, which every evaluation reports.
 *
 * | kind               | source                         | points | cap | counted when (as of the evaluation date)                |
 * | DISHONEST_DEBTOR   | courts (isDishonestDebtor)     | 40     | —   | currently listed; current year only (no court history)  |
 * | OVERDUE_ARREARS    | arrears                        | 5      | 30  | due date passed and not cleared at the evaluation date   |
 * | BROKEN_COMMITMENT  | commitments                    | 10     | —   | found BROKEN (fulfilledOn) within the evaluation year     |
 * | UPHELD_COMPLAINT   | complaints                     | 5      | —   | outcome UPHELD (handledOn) within the evaluation year     |
 *
 * Grades: 诚信 ≥ 90, 基本诚信 ≥ 75, 失信风险 ≥ 60, 失信 below 60.
 */
export const EVALUATION_MODEL = {
  version: 'GOV-2026.1',
  base: 100,
  deductions: {
    DISHONEST_DEBTOR: { points: 40, cap: null, source: 'COURT', reason: '被人民法院列为失信被执行人' },
    OVERDUE_ARREARS: { points: 5, cap: 30, source: 'ARREARS', reason: '拖欠中小企业账款逾期未清偿' },
    BROKEN_COMMITMENT: { points: 10, cap: null, source: 'COMMITMENT', reason: '政府承诺未履行' },
    UPHELD_COMPLAINT: { points: 5, cap: null, source: 'COMPLAINT', reason: '政府违约投诉成立' },
  },
  grades: [
    { grade: 'CREDITWORTHY', label: '诚信', min: 90 },
    { grade: 'BASICALLY_CREDITWORTHY', label: '基本诚信', min: 75 },
    { grade: 'AT_RISK', label: '失信风险', min: 60 },
    { grade: 'DISHONEST', label: '失信', min: 0 },
  ],
} as const satisfies EvaluationModel;

export type DeductionKind = 'DISHONEST_DEBTOR' | 'OVERDUE_ARREARS' | 'BROKEN_COMMITMENT' | 'UPHELD_COMPLAINT';
export type DeductionSource = 'COURT' | 'ARREARS' | 'COMMITMENT' | 'COMPLAINT';
export type IntegrityGrade = 'CREDITWORTHY' | 'BASICALLY_CREDITWORTHY' | 'AT_RISK' | 'DISHONEST';

export interface EvaluationModel {
  version: string;
  base: number;
  deductions: Record<DeductionKind, { points: number; cap: number | null; source: DeductionSource; reason: string }>;
  /** Highest threshold first; the last one must be 0. */
  grades: readonly { grade: IntegrityGrade; label: string; min: number }[];
}

/** One deduction, explainable on its own: what, why, how many points, which record. */
export interface Deduction {
  kind: DeductionKind;
  reason: string;
  points: number;
  source: DeductionSource;
  /** The record's id; null for the courts. */
  sourceId: string | null;
}

export interface EvaluationFacts {
  /** The date the facts are taken at (31 December of the year, or today for the current year). */
  asOf: Date;
  /**
   * The courts' 失信被执行人 status, applied as of today: pass it for the current year's evaluation only,
   * null for past years (the court subgraph publishes no history).
   */
  isDishonestDebtor: boolean | null;
  arrears: readonly Pick<ArrearsMapper, 'id' | 'description' | 'dueOn' | 'clearedOn'>[];
  commitments: readonly Pick<CommitmentMapper, 'id' | 'content' | 'status' | 'fulfilledOn'>[];
  complaints: readonly Pick<ComplaintMapper, 'id' | 'content' | 'outcome' | 'handledOn'>[];
}

export interface EvaluationResult {
  score: number;
  grade: IntegrityGrade;
  gradeLabel: string;
  deductions: Deduction[];
  modelVersion: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const brief = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);
const within = (date: Date | null, from: Date, to: Date) =>
  date !== null && date.getTime() >= from.getTime() && date.getTime() <= to.getTime();
const byDateThenId =
  <T extends { id: bigint }>(date: (row: T) => Date) =>
  (a: T, b: T) =>
    date(a).getTime() - date(b).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The first year an evaluation may be asked for. */
export const FIRST_EVALUATION_YEAR = 2000;

/** The year asked for (the current one by default), refused outside FIRST_EVALUATION_YEAR … the current year. */
export function checkEvaluationYear(year: number | null | undefined, today: Date, field = 'year'): number {
  const current = today.getUTCFullYear();
  const asked = year ?? current;
  if (asked < FIRST_EVALUATION_YEAR || asked > current)
    throw badInput(
      field,
      'RANGE',
      `\`${field}\` must be between ${FIRST_EVALUATION_YEAR} and ${current}, got ${asked}`,
    );
  return asked;
}

/** The date an evaluation of `year` takes its facts at: 31 December, or `today` for the current year. */
export function evaluationDate(year: number, today: Date): Date {
  return year >= today.getUTCFullYear() ? today : new Date(Date.UTC(year, 11, 31));
}

/** The grade of a score: the first threshold (highest first) it reaches. */
export function gradeOf(score: number, model: EvaluationModel = EVALUATION_MODEL) {
  const found = model.grades.find((g) => score >= g.min) ?? model.grades[model.grades.length - 1]!;
  return { grade: found.grade, label: found.label };
}

/**
 * The 政务诚信 evaluation as a plain function of the facts. Deductions come in model order (courts, arrears,
 * commitments, complaints), records oldest first; an arrear beyond the cap is listed with 0 points, so the
 * points always add up to base − score unless the score stopped at 0.
 */
export function evaluateIntegrity(facts: EvaluationFacts, model: EvaluationModel = EVALUATION_MODEL): EvaluationResult {
  const { asOf } = facts;
  const yearStart = new Date(Date.UTC(asOf.getUTCFullYear(), 0, 1));
  const deductions: Deduction[] = [];
  const taken: Record<DeductionKind, number> = {
    DISHONEST_DEBTOR: 0,
    OVERDUE_ARREARS: 0,
    BROKEN_COMMITMENT: 0,
    UPHELD_COMPLAINT: 0,
  };
  /** Adds one item; once its kind reaches the cap the item is still listed, with 0 points. */
  const deduct = (kind: DeductionKind, detail: string | null, sourceId: string | null) => {
    const rule = model.deductions[kind];
    const room = rule.cap === null ? rule.points : Math.max(0, rule.cap - taken[kind]);
    const points = Math.min(rule.points, room);
    taken[kind] += points;
    const capped = points < rule.points ? `（已达本项扣分上限${rule.cap}分）` : '';
    const reason = `${rule.reason}${detail ? `：${detail}` : ''}${capped}`;
    deductions.push({ kind, reason, points, source: rule.source, sourceId });
  };

  if (facts.isDishonestDebtor) deduct('DISHONEST_DEBTOR', null, null);

  // Overdue at the evaluation date: the due date has passed and the arrear was not cleared by then.
  const overdue = facts.arrears
    .filter(
      (a) => a.dueOn.getTime() < asOf.getTime() && (a.clearedOn === null || a.clearedOn.getTime() > asOf.getTime()),
    )
    .sort(byDateThenId((a) => a.dueOn));
  for (const a of overdue)
    deduct('OVERDUE_ARREARS', `${brief(a.description)}（约定付款日期${iso(a.dueOn)}）`, a.id.toString());

  const broken = facts.commitments
    .filter((c) => c.status === 'BROKEN' && within(c.fulfilledOn, yearStart, asOf))
    .sort(byDateThenId((c) => c.fulfilledOn!));
  for (const c of broken) deduct('BROKEN_COMMITMENT', brief(c.content), c.id.toString());

  const upheld = facts.complaints
    .filter((c) => c.outcome === 'UPHELD' && within(c.handledOn, yearStart, asOf))
    .sort(byDateThenId((c) => c.handledOn!));
  for (const c of upheld) deduct('UPHELD_COMPLAINT', brief(c.content), c.id.toString());

  const score = Math.max(0, model.base - deductions.reduce((sum, d) => sum + d.points, 0));
  const { grade, label } = gradeOf(score, model);
  return { score, grade, gradeLabel: label, deductions, modelVersion: model.version };
}
