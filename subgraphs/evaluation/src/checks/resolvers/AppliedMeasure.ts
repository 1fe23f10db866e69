import type { AppliedMeasureResolvers } from '../../__generated__/resolvers-types.ts';
import { legalBasis, MEASURE_KIND_LABELS } from '../../catalogue/rules.ts';

export const AppliedMeasure: AppliedMeasureResolvers = {
  kindLabel: (m) => MEASURE_KIND_LABELS[m.kind],
  legalBasis: (m) => legalBasis(m),
};
