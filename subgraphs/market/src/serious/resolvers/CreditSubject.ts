import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../../__generated__/resolvers-types.ts';
import { isSeriousInForce } from '../rules.ts';

/** The 严重违法失信名单 fields of CreditSubject, spread into resolvers/CreditSubject.ts. */
export const seriousSubjectFields: Pick<CreditSubjectResolvers, 'seriousIllegalListings' | 'isSeriousIllegal'> = {
  seriousIllegalListings: async (s, { includeRemoved }, ctx) => {
    if (includeRemoved) requireLevel(ctx, 'SHARED', 'CreditSubject.seriousIllegalListings(includeRemoved: true)');
    const { loaders } = ctx;
    const entries = await loaders.seriousBySubject.load(s.code);
    const inForce = (e: (typeof entries)[number]) => isSeriousInForce(e, loaders.today);
    if (!includeRemoved) return entries.filter(inForce);
    // Removed, revoked and expired entries are no longer public: releasing them leaves a trail.
    if (entries.some((e) => !inForce(e)))
      ctx.audit.record('READ', s.code, 'CreditSubject.seriousIllegalListings(includeRemoved: true)');
    return entries;
  },
  isSeriousIllegal: async (s, _args, { loaders }) =>
    (await loaders.seriousBySubject.load(s.code)).some((e) => isSeriousInForce(e, loaders.today)),
};
