import type { IntegrityEvaluationResolvers } from '../../__generated__/resolvers-types.ts';

export const IntegrityEvaluation: IntegrityEvaluationResolvers = {
  subject: (e) => ({ code: e.bodyCode }),
};
