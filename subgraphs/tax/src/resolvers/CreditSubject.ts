import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { isInForce, ratingFor } from '../rules.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The tax department holds no subject rows: a reference is its own key.
  __resolveReference: (ref) => ({ code: ref.code }),
  taxCreditRatings: (s, _args, { loaders }) => loaders.ratingsBySubject.load(s.code),
  // Without a year these answer with the rating in force today: an old A grants nothing, an old D costs nothing.
  taxCreditRating: async (s, { year }, { loaders }) => ratingFor(await loaders.ratingsBySubject.load(s.code), year),
  isALevelTaxpayer: async (s, { year }, { loaders }) =>
    ratingFor(await loaders.ratingsBySubject.load(s.code), year)?.level === 'A',
  majorTaxViolations: async (s, { includeRemoved }, ctx) => {
    if (includeRemoved) requireLevel(ctx, 'SHARED', 'CreditSubject.majorTaxViolations(includeRemoved: true)');
    const entries = await ctx.loaders.violationsBySubject.load(s.code);
    return includeRemoved ? entries : entries.filter((v) => isInForce(v));
  },
  isMajorTaxViolator: async (s, _args, { loaders }) =>
    (await loaders.violationsBySubject.load(s.code)).some((v) => isInForce(v)),
};
