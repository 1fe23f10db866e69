import { notFound } from '@credit-hub/kit';
import type { InspectionSampleResolvers } from '../../__generated__/resolvers-types.ts';
import { findRefresh } from '../reads.ts';

export const InspectionSample: InspectionSampleResolvers = {
  id: (d) => String(d.id),
  selected: (d) => d.selectedCodes.map((code) => ({ code })),
  unevaluatedSubjectCount: (d) => d.unevaluatedCount,
  refresh: async (d, _args, { db }) => {
    if (d.refreshId === null) return null;
    const refresh = await findRefresh(db, d.refreshId);
    if (!refresh) throw notFound('evaluation refresh', String(d.refreshId));
    return refresh;
  },
};
