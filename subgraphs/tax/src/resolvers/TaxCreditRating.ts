import { toIsoDate } from '@credit-hub/kit';
import type { TaxCreditRatingResolvers } from '../__generated__/resolvers-types.ts';
import { currentRating, ratingValidUntil } from '../rules.ts';

export const TaxCreditRating: TaxCreditRatingResolvers = {
  subject: (r) => ({ code: r.subjectCode }),
  score: (r) => (r.score === null ? null : r.score.toNumber()),
  evaluatedOn: (r) => toIsoDate(r.evaluatedOn)!,
  validUntil: (r) => toIsoDate(ratingValidUntil(r.year))!,
  // In force means the one that counts today: in its validity and no newer rating of the subject in force.
  inForce: async (r, _args, { loaders }) =>
    currentRating(await loaders.ratingsBySubject.load(r.subjectCode), loaders.today)?.id === r.id,
};
