import type { CreditSubjectResolvers } from '../../__generated__/resolvers-types.ts';
import type { Context } from '../../context.ts';
import type { EvaluationParent } from '../mappers.ts';
import {
  MissingInputsError,
  collectInputs,
  evaluate,
  inputsDigest,
  inputsUnavailable,
  type SubjectFacts,
} from '../rules.ts';

/**
 * CreditSubject.creditEvaluation: picks the active model of the subject's kind, evaluates the facts the gateway
 * passed in the representation, and stores the result (batched per request; docs/adr/0050 says why a read stores it).
 */
async function creditEvaluation(facts: SubjectFacts, ctx: Context): Promise<EvaluationParent | null> {
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

/** The composite evaluation's part of CreditSubject; its facts are typed by CreditSubjectMapper (no cast). */
export const scoringSubjectFields: Pick<CreditSubjectResolvers, 'creditEvaluation' | 'creditGrade'> = {
  creditEvaluation: (subject, _args, ctx) => creditEvaluation(subject, ctx),
  // The stored result's grade: no @requires, so an anonymous caller never fetches the departments' SHARED facts.
  creditGrade: (subject, _args, { loaders }) => loaders.storedGrade.load(subject.code),
};
