import type { MetricFactRowResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import { valueLabel } from '../rules.ts';

export const MetricFactRow: MetricFactRowResolvers<Context> = {
  day: (r) => new Date(`${r.day}T00:00:00Z`),
  districtLabel: (r) => valueLabel('district', r.district),
};
