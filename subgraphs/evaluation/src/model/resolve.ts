import { requiredFieldsUnavailable } from '@credit-hub/kit';
import type { Context } from '../context.ts';
import { DEPARTMENT_LABELS, INPUTS, collectInputs, inputsDigest, type InputName, type SubjectFacts } from './inputs.ts';
import { MissingInputsError, evaluate, type ExplainedItem } from './evaluate.ts';
import type { ModelRecord } from './store.ts';

/** The CreditEvaluation parent. */
export interface EvaluationParent {
  subjectCode: string;
  score: number;
  grade: string;
  gradeLabel: string;
  supervision: { level: string; label: string; samplingRatio: number };
  model: ModelRecord;
  baseScore: number;
  evaluatedAt: Date;
  explanation: ExplainedItem[];
}

function inputsUnavailable(code: string, inputs: (InputName | 'kind' | 'region')[]) {
  const departments = [
    ...new Set(inputs.map((i) => (i === 'kind' || i === 'region' ? 'subject' : INPUTS[i].department))),
  ];
  const names = departments.map((d) => (d === 'subject' ? '主体库 (subject)' : `${DEPARTMENT_LABELS[d]} (${d})`));
  return requiredFieldsUnavailable(
    `the credit evaluation of ${code} needs ${inputs.join(', ')} from ${names.join(', ')}, which did not arrive ` +
      '(the department is unavailable, or the caller may not read it): it is not computed without them',
    code,
    { departments, inputs },
  );
}

/**
 * CreditSubject.creditEvaluation: picks the active model of the subject's kind, evaluates the facts the
 * gateway passed in the representation, and stores the result (batched per request).
 */
export async function resolveCreditEvaluation(facts: SubjectFacts, ctx: Context): Promise<EvaluationParent | null> {
  const kind = facts.kind;
  const region = facts.region?.code;
  if (!kind || !region) throw inputsUnavailable(facts.code, [...(kind ? [] : ['kind' as const]), 'region']);
  const model = (await ctx.loaders.activeModels()).find((m) => m.subjectKinds.includes(kind));
  if (!model) return null;
  const { inputs } = collectInputs(facts);
  let result;
  try {
    result = evaluate(model.definition, inputs);
  } catch (error) {
    if (error instanceof MissingInputsError) throw inputsUnavailable(facts.code, error.inputs);
    throw error;
  }
  const supervision = result.band.supervision;
  const evaluatedAt = await ctx.loaders.storeEvaluation.load({
    subjectCode: facts.code,
    subjectKind: kind,
    regionCode: region,
    industryCode: facts.industry?.code ?? null,
    modelCode: model.code,
    modelVersion: model.version,
    score: result.score,
    grade: result.band.grade,
    gradeLabel: result.band.label,
    supervisionLevel: supervision.level,
    supervisionLabel: supervision.label,
    samplingRatio: supervision.samplingRatio,
    explanation: result.items,
    inputsDigest: inputsDigest(facts, inputs),
  });
  return {
    subjectCode: facts.code,
    score: result.score,
    grade: result.band.grade,
    gradeLabel: result.band.label,
    supervision,
    model,
    baseScore: model.definition.baseScore,
    evaluatedAt,
    explanation: result.items,
  };
}
