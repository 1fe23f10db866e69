import type { EvaluationRefreshResolvers } from '../../__generated__/resolvers-types.ts';

export const EvaluationRefresh: EvaluationRefreshResolvers = {
  id: (r) => String(r.id),
};
