import type { FrameRowResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import { valueLabel } from '../rules.ts';

export const FrameRow: FrameRowResolvers<Context> = {
  period: (r) => (r.period ? new Date(`${r.period}T00:00:00Z`) : null),
  labels: (r) => r.keys.map((k, i) => valueLabel(r.dims[i]!, k)),
};
