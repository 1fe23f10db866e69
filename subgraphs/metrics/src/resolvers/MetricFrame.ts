import type { MetricFrameResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import { DIMENSIONS } from '../rules.ts';

export const MetricFrame: MetricFrameResolvers<Context> = {
  fields: (f) => [
    ...(f.grain ? [{ name: 'period', label: '时间' }] : []),
    ...f.groupBy.map((d) => ({ name: d, label: DIMENSIONS[d].label })),
    { name: 'value', label: f.metric.label },
  ],
  rows: (f) => f.rows.map((r) => ({ ...r, dims: f.groupBy })),
  sources: (f) => f.metric.sources,
};
