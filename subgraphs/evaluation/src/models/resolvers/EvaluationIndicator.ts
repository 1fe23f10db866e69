import type { EvaluationIndicatorResolvers } from '../../__generated__/resolvers-types.ts';
import { describeRule, levelEntries } from '../rules.ts';

export const EvaluationIndicator: EvaluationIndicatorResolvers = {
  ruleKind: (i) => i.rule.kind,
  points: (i) => (i.rule.kind === 'FLAG' ? i.rule.points : null),
  pointsPerRecord: (i) => (i.rule.kind === 'PER_RECORD' ? i.rule.pointsPerRecord : null),
  cap: (i) => (i.rule.kind === 'PER_RECORD' ? i.rule.cap : null),
  levelPoints: (i) => (i.rule.kind === 'LEVEL' ? levelEntries(i).map(([level, points]) => ({ level, points })) : null),
  otherwisePoints: (i) => (i.rule.kind === 'LEVEL' ? i.rule.otherwise : null),
  rule: (i) => describeRule(i),
  group: (i) => i.group ?? null,
};
