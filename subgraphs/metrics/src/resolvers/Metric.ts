import type { MetricResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';

export const Metric: MetricResolvers<Context> = {
  ownRowsOnly: (m) => Boolean(m.ownRowsOnly),
  fed: (m) => m.stream !== null,
  pendingOn: (m) => m.pendingOn ?? null,
};
