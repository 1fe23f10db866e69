import type { EvaluationIndicatorGroupResolvers } from '../../__generated__/resolvers-types.ts';
import { describeGroup } from '../rules.ts';

export const EvaluationIndicatorGroup: EvaluationIndicatorGroupResolvers = {
  cap: (g) => g.cap ?? null,
  rule: (g) => describeGroup(g),
};
