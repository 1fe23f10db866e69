import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { isInForce, ratingFor } from '../rules.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The tax department holds no subject rows: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  taxCreditRatings: (s, _args, { loaders }) => loaders.ratingsBySubject.load(s.code),
  // Without a year these answer with the rating in force today: an old A grants nothing, an old D costs nothing.
  taxCreditRating: async (s, { year }, { loaders }) =>
    ratingFor(await loaders.ratingsBySubject.load(s.code), year, loaders.today),
  isALevelTaxpayer: async (s, { year }, { loaders }) =>
    ratingFor(await loaders.ratingsBySubject.load(s.code), year, loaders.today)?.level === 'A',
  aLevelTaxpayerYear: async (s, _args, { loaders }) => {
    const inForce = ratingFor(await loaders.ratingsBySubject.load(s.code), null, loaders.today);
    return inForce?.level === 'A' ? inForce.year : null;
  },
  majorTaxViolations: async (s, { includeRemoved }, ctx) => {
    if (includeRemoved) requireLevel(ctx, 'SHARED', 'CreditSubject.majorTaxViolations(includeRemoved: true)');
    const { loaders } = ctx;
    const entries = await loaders.violationsBySubject.load(s.code);
    if (!includeRemoved) return entries.filter((v) => isInForce(v, loaders.today));
    // Removed and expired entries are no longer public: releasing them to a government user leaves a trail.
    if (entries.some((v) => !isInForce(v, loaders.today)))
      ctx.audit.record('READ', s.code, 'CreditSubject.majorTaxViolations(includeRemoved: true)');
    return entries;
  },
  isMajorTaxViolator: async (s, _args, { loaders }) =>
    (await loaders.violationsBySubject.load(s.code)).some((v) => isInForce(v, loaders.today)),
};
