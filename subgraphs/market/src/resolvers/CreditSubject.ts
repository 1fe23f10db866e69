import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { isAbnormalInForce, isSeriousInForce, startOfToday } from '../rules.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // Market supervision holds no subject rows of the register: a reference is its own key, no SQL.
  __resolveReference: (ref) => ({ code: ref.code }),
  registration: (s, _args, { loaders }) => loaders.registrationBySubject.load(s.code),
  annualReports: (s, _args, { loaders }) => loaders.annualReportsBySubject.load(s.code),
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
  seriousIllegalListings: async (s, { includeRemoved }, ctx) => {
    if (includeRemoved) requireLevel(ctx, 'SHARED', 'CreditSubject.seriousIllegalListings(includeRemoved: true)');
    const entries = await ctx.loaders.seriousBySubject.load(s.code);
    const today = startOfToday();
    const inForce = (e: (typeof entries)[number]) => isSeriousInForce(e, today);
    if (!includeRemoved) return entries.filter(inForce);
    if (entries.some((e) => !inForce(e)))
      ctx.audit.record('READ', s.code, 'CreditSubject.seriousIllegalListings(includeRemoved: true)');
    return entries;
  },
  isSeriousIllegal: async (s, _args, { loaders }) => {
    const today = startOfToday();
    return (await loaders.seriousBySubject.load(s.code)).some((e) => isSeriousInForce(e, today));
  },
};
