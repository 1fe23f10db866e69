import type { GradeBand, Indicator, ModelDefinition } from './definition.ts';
import { DEPARTMENT_LABELS, INPUTS, type InputName, type Inputs, type SourceRecord } from './inputs.ts';

/** One indicator's contribution, as the API and the stored explanation show it. */
export interface ExplainedItem {
  code: string;
  label: string;
  department: string;
  departmentLabel: string;
  input: InputName;
  value: string | null;
  points: number;
  capped: boolean;
  rule: string;
  records: SourceRecord[];
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

/** The inputs a model reads. */
export const inputsOf = (definition: ModelDefinition): InputName[] => [
  ...new Set(definition.indicators.map((i) => i.input)),
];

/** The band of a score: the first (best) band whose minimum it reaches. */
export function bandOf(definition: ModelDefinition, score: number): GradeBand {
  return definition.grades.find((g) => score >= g.minScore) ?? definition.grades.at(-1)!;
}

/**
 * 公共信用综合评价 as a pure function: base score plus every indicator's points, kept within the model's
 * scale, then graded. Every indicator appears in the items, with 0 points when it does not apply.
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
      points: points === 0 ? 0 : points,
      capped,
      rule: describeRule(indicator),
      records: input.records,
    };
  });
  const total = items.reduce((sum, item) => sum + item.points, definition.baseScore);
  const score = Math.min(definition.maxScore, Math.max(definition.minScore, total));
  return { score, band: bandOf(definition, score), items };
}
