import type { MeasureResolvers } from '../../__generated__/resolvers-types.ts';
import { legalBasis, MEASURE_KIND_LABELS } from '../rules.ts';

export const Measure: MeasureResolvers = {
  kindLabel: (m) => MEASURE_KIND_LABELS[m.kind],
  legalBasis: (m) => legalBasis(m),
  changedAt: (m) => m.createdAt,
};
