import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { isBlacklistGrade, isIntegrityGrade, latestRating, type EnvironmentConfig } from '../rules.ts';

/** The black-list flag depends on the number of grades the province uses, hence a factory. */
export const creditSubjectResolvers = (config: EnvironmentConfig): CreditSubjectResolvers => ({
  // Ecology and environment holds no subject rows of the register: a reference is its own key, no SQL.
  __resolveReference: (ref) => ({ code: ref.code }),
  environmentalRating: async (s, _args, { loaders }) => latestRating(await loaders.ratingsBySubject.load(s.code)),
  environmentalRatings: (s, _args, { loaders }) => loaders.ratingsBySubject.load(s.code),
  environmentalPenalties: (s, _args, { loaders }) => loaders.penaltiesBySubject.load(s.code),
  dischargePermits: (s, _args, { loaders }) => loaders.permitsBySubject.load(s.code),
  isEnvironmentalIntegrityEnterprise: async (s, _args, { loaders }) => {
    const latest = latestRating(await loaders.ratingsBySubject.load(s.code));
    return latest !== null && isIntegrityGrade(latest.grade);
  },
  isOnEnvironmentalBlacklist: async (s, _args, { loaders }) => {
    const latest = latestRating(await loaders.ratingsBySubject.load(s.code));
    return latest !== null && isBlacklistGrade(latest.grade, config.grades);
  },
});
