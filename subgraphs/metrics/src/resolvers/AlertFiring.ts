import type { AlertFiringResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import { metricById } from '../rules.ts';

export const AlertFiring: AlertFiringResolvers<Context> = {
  ruleId: (f) => f.rule_id,
  metricLabel: (f) => metricById(f.metric)?.label ?? f.metric,
  comparator: (f) => (f.comparator === 'ABOVE' ? 'ABOVE' : 'BELOW'),
  periodStart: (f) => f.period_start,
  periodEnd: (f) => f.period_end,
  firedAt: (f) => f.fired_at,
};
