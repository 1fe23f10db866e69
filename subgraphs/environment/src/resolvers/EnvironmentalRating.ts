import type { EnvironmentalRatingResolvers } from '../__generated__/resolvers-types.ts';
import { COLOUR_LABELS, GRADE_LABELS, totalScore } from '../rules.ts';

// The four area scores and the total are DEPARTMENT level (schema.graphql): the access layer refuses them to
// others and audits each read.
export const EnvironmentalRating: EnvironmentalRatingResolvers = {
  subject: (r) => ({ code: r.subjectCode }),
  gradeLabel: (r) => GRADE_LABELS[r.grade],
  colourLabel: (r) => COLOUR_LABELS[r.grade],
  pollutionPrevention: (r) => r.pollutionPrevention.toNumber(),
  ecologicalProtection: (r) => r.ecologicalProtection.toNumber(),
  environmentalManagement: (r) => r.environmentalManagement.toNumber(),
  socialSupervision: (r) => r.socialSupervision.toNumber(),
  totalScore: (r) => totalScore(r),
};
