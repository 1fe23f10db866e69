import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../../__generated__/resolvers-types.ts';
import { isAbnormalInForce } from '../rules.ts';

/** The 经营异常名录 fields of CreditSubject, spread into resolvers/CreditSubject.ts. */
export const abnormalSubjectFields: Pick<
  CreditSubjectResolvers,
  'abnormalOperations' | 'isInAbnormalOperationList' | 'isMarkedAbnormal'
> = {
  abnormalOperations: async (s, { includeRemoved }, ctx) => {
    if (includeRemoved) requireLevel(ctx, 'SHARED', 'CreditSubject.abnormalOperations(includeRemoved: true)');
    const entries = await ctx.loaders.abnormalBySubject.load(s.code);
    if (!includeRemoved) return entries.filter(isAbnormalInForce);
    // Removed and revoked entries are no longer public: releasing them to a government user leaves a trail.
    if (entries.some((e) => !isAbnormalInForce(e)))
      ctx.audit.record('READ', s.code, 'CreditSubject.abnormalOperations(includeRemoved: true)');
    return entries;
  },
  isInAbnormalOperationList: async (s, _args, { loaders }) =>
    (await loaders.abnormalBySubject.load(s.code)).some((e) => e.kind === 'LISTING' && isAbnormalInForce(e)),
  isMarkedAbnormal: async (s, _args, { loaders }) =>
    (await loaders.abnormalBySubject.load(s.code)).some((e) => e.kind === 'MARK' && isAbnormalInForce(e)),
};
