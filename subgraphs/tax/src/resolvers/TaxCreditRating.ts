import { toIsoDate } from '@credit-hub/kit';
import type { TaxCreditRatingResolvers } from '../__generated__/resolvers-types.ts';

export const TaxCreditRating: TaxCreditRatingResolvers = {
  subject: (r) => ({ code: r.subjectCode }),
  score: (r) => (r.score === null ? null : r.score.toNumber()),
  evaluatedOn: (r) => toIsoDate(r.evaluatedOn)!,
};
