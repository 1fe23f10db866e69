import { toIsoDate } from '@credit-hub/kit';
import type { EnvironmentalRatingResolvers } from '../__generated__/resolvers-types.ts';
import { COLOUR_LABELS, currentRating, gradeLabels, ratingValidUntil } from '../rules.ts';

// The four area scores are DEPARTMENT level (schema.graphql): the access layer refuses them to others and audits
// each read. The labels and the validity follow the province's configuration (ctx.config).
export const EnvironmentalRating: EnvironmentalRatingResolvers = {
  subject: (r) => ({ code: r.subjectCode }),
  gradeLabel: (r, _args, { config }) => gradeLabels(config)[r.grade],
  colourLabel: (r) => COLOUR_LABELS[r.grade],
  pollutionPrevention: (r) => r.pollutionPrevention.toNumber(),
  ecologicalProtection: (r) => r.ecologicalProtection.toNumber(),
  environmentalManagement: (r) => r.environmentalManagement.toNumber(),
  socialSupervision: (r) => r.socialSupervision.toNumber(),
  validUntil: (r, _args, { config }) => toIsoDate(ratingValidUntil(r.year, config.validThrough))!,
  // In force means the one that counts today: in its validity and no newer rating of the subject in force.
  inForce: async (r, _args, { loaders, config }) =>
    currentRating(await loaders.ratingsBySubject.load(r.subjectCode), loaders.today, config.validThrough)?.id === r.id,
};
