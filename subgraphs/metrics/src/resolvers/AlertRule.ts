import type { AlertRuleResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';

export const AlertRule: AlertRuleResolvers<Context> = {
  filters: (r) => Object.entries(r.filters).map(([dimension, values]) => ({ dimension, values })),
};
