import type { GradeBand, Indicator, IndicatorGroup, ModelDefinition } from './definition.ts';
import { DEPARTMENT_LABELS, INPUTS, type InputName, type Inputs, type SourceRecord } from './inputs.ts';

/** One indicator's contribution, as the API and the stored explanation show it. */
export interface ExplainedItem {
  code: string;
  label: string;
  department: string;
  departmentLabel: string;
  input: InputName;
  value: string | null;
  /** Points after the 过惩相当 group rule: what the score adds. */
  points: number;
  /** Points by the indicator's own rule, before its group counted the shared fact once. */
  rawPoints: number;
  capped: boolean;
  rule: string;
  records: SourceRecord[];
  /** The 过惩相当 group, if any. */
  group: string | null;
  /** Why the group rule changed the points, in Chinese; null when it did not. */
  groupNote: string | null;
}

export interface EvaluationResult {
  score: number;
  band: GradeBand;
  items: ExplainedItem[];
}

/** Inputs a model needs that did not arrive: the evaluation is refused rather than computed without them. */
export class MissingInputsError extends Error {
  constructor(readonly inputs: InputName[]) {
    super(`missing evaluation inputs: ${inputs.join(', ')}`);
  }
}

/**
 * A LEVEL rule's table in the input's own level order (A, B, M, C, D): jsonb does not keep object key order.
 */
export function levelEntries(indicator: Indicator): [string, number][] {
  if (indicator.rule.kind !== 'LEVEL') return [];
  const order: readonly string[] =
    'levels' in INPUTS[indicator.input] ? (INPUTS[indicator.input] as { levels: readonly string[] }).levels : [];
  return Object.entries(indicator.rule.points).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

const signed = (n: number) => (n >= 0 ? `加${n}分` : `扣${-n}分`);

/** The rule in Chinese, as shown beside each item. */
export function describeRule(indicator: Indicator): string {
  const r = indicator.rule;
  switch (r.kind) {
    case 'FLAG':
      return `符合时${signed(r.points)}`;
    case 'PER_RECORD':
      return `每条${signed(r.pointsPerRecord)}，最多${r.pointsPerRecord >= 0 ? '加' : '扣'}${r.cap}分`;
    case 'LEVEL':
      return [
        ...levelEntries(indicator).map(([level, p]) => `${level}：${p === 0 ? '0分' : signed(p)}`),
        `其他或无记录：${r.otherwise === 0 ? '0分' : signed(r.otherwise)}`,
      ].join('；');
  }
}

const zero = (n: number) => (n === 0 ? 0 : n);

/** A group's rule in Chinese, as shown beside the model. */
export function describeGroup(group: IndicatorGroup): string {
  return group.mode === 'MAX'
    ? '同一事实只计一次：组内只计扣分最多的一项；有扣分时不计组内加分'
    : `组内各项扣分合计最多${group.cap}分；有扣分时不计组内加分`;
}

/**
 * 过惩相当: within each group the shared fact is counted once. MAX keeps the largest deduction (else the largest
 * bonus); CAPPED_SUM adds the deductions up to the cap, the largest first. A deduction withholds the group's
 * bonuses. Changes `items` in place, with a note on every item whose points the group changed.
 */
function applyGroups(definition: ModelDefinition, items: ExplainedItem[]): void {
  for (const group of definition.groups) {
    const members = items.filter((i) => i.group === group.code);
    const deductions = members.filter((i) => i.rawPoints < 0);
    const bonuses = members.filter((i) => i.rawPoints > 0);
    const counted = deductions.length > 0 ? deductions : bonuses;
    const word = deductions.length > 0 ? '扣分' : '加分';
    if (deductions.length > 0)
      for (const b of bonuses) {
        b.points = 0;
        b.groupNote = `同组“${group.label}”有扣分项，不予加分（过惩相当）`;
      }
    // Largest first; indicator order decides a tie.
    const ordered = [...counted].sort((a, b) => Math.abs(b.rawPoints) - Math.abs(a.rawPoints));
    if (group.mode === 'MAX') {
      const [keeper, ...others] = ordered;
      for (const o of others) {
        o.points = 0;
        o.groupNote = `与“${keeper!.label}”为同一事实，已计入其${word}（过惩相当）`;
      }
      continue;
    }
    let room = group.cap!;
    for (const item of ordered) {
      const take = Math.min(Math.abs(item.rawPoints), room);
      room -= take;
      if (take === Math.abs(item.rawPoints)) continue;
      item.points = zero(Math.sign(item.rawPoints) * take);
      item.groupNote = `同组“${group.label}”合计最多${word}${group.cap}分，本项计${Math.abs(item.points)}分（过惩相当）`;
    }
  }
}

/** The inputs a model reads. */
export const inputsOf = (definition: ModelDefinition): InputName[] => [
  ...new Set(definition.indicators.map((i) => i.input)),
];

/** The band of a score: the first (best) band whose minimum it reaches. */
export function bandOf(definition: ModelDefinition, score: number): GradeBand {
  return definition.grades.find((g) => score >= g.minScore) ?? definition.grades.at(-1)!;
}

/**
 * 公共信用综合评价 as a pure function: base score plus every indicator's points (after its 过惩相当 group counted a
 * shared fact once), kept within the model's scale, then graded. Every indicator appears in the items, with 0
 * points when it does not apply.
 */
export function evaluate(definition: ModelDefinition, inputs: Inputs): EvaluationResult {
  const missing = inputsOf(definition).filter((name) => !inputs[name]);
  if (missing.length > 0) throw new MissingInputsError(missing);
  const items = definition.indicators.map((indicator): ExplainedItem => {
    const input = inputs[indicator.input]!;
    const r = indicator.rule;
    let points = 0;
    let capped = false;
    if (r.kind === 'FLAG' && input.type === 'FLAG') {
      points = input.value ? r.points : 0;
    } else if (r.kind === 'PER_RECORD' && input.type === 'RECORDS') {
      const raw = input.value * r.pointsPerRecord;
      capped = Math.abs(raw) > r.cap;
      points = capped ? Math.sign(raw) * r.cap : raw;
    } else if (r.kind === 'LEVEL' && input.type === 'LEVEL') {
      points = input.value !== null && input.value in r.points ? r.points[input.value]! : r.otherwise;
    }
    return {
      code: indicator.code,
      label: indicator.label,
      department: indicator.department,
      departmentLabel: DEPARTMENT_LABELS[indicator.department] ?? indicator.department,
      input: indicator.input,
      value: input.value === null ? null : String(input.value),
      // -0 would print as 0 but fail deepEqual against 0.
      points: zero(points),
      rawPoints: zero(points),
      capped,
      rule: describeRule(indicator),
      records: input.records,
      group: indicator.group ?? null,
      groupNote: null,
    };
  });
  applyGroups(definition, items);
  const total = items.reduce((sum, item) => sum + item.points, definition.baseScore);
  const score = Math.min(definition.maxScore, Math.max(definition.minScore, total));
  return { score, band: bandOf(definition, score), items };
}
