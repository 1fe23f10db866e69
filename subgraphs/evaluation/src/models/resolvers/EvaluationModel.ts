import type { EvaluationModelResolvers } from '../../__generated__/resolvers-types.ts';

export const EvaluationModel: EvaluationModelResolvers = {
  baseScore: (m) => m.definition.baseScore,
  minScore: (m) => m.definition.minScore,
  maxScore: (m) => m.definition.maxScore,
  indicators: (m) => m.definition.indicators,
  groups: (m) => m.definition.groups,
  grades: (m) => m.definition.grades,
  definitionJson: (m) => JSON.stringify(m.definition),
};
