import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import type { Loaders } from '../loaders.ts';
import {
  currentRating,
  isBlacklistGrade,
  isIntegrityGrade,
  isWatchGrade,
  type EnvironmentConfig,
  type Grade,
} from '../rules.ts';

/** The rating in force depends on the province's validity rule, hence a factory. */
export const creditSubjectResolvers = (config: EnvironmentConfig): CreditSubjectResolvers => {
  // Every list flag reads the rating in force today: an old GREEN grants nothing, an old RED costs nothing.
  const currentGrade = async (code: string, loaders: Loaders): Promise<Grade | null> =>
    currentRating(await loaders.ratingsBySubject.load(code), undefined, config.validThrough)?.grade ?? null;
  return {
    // Ecology and environment holds no subject rows of the register: a reference is its own key, no SQL.
    __resolveReference: (ref) => ({ code: ref.code }),
    environmentalRating: async (s, _args, { loaders }) =>
      currentRating(await loaders.ratingsBySubject.load(s.code), undefined, config.validThrough),
    environmentalRatings: (s, _args, { loaders }) => loaders.ratingsBySubject.load(s.code),
    environmentalPenalties: (s, _args, { loaders }) => loaders.penaltiesBySubject.load(s.code),
    dischargePermits: (s, _args, { loaders }) => loaders.permitsBySubject.load(s.code),
    isEnvironmentalIntegrityEnterprise: async (s, _args, { loaders }) => {
      const grade = await currentGrade(s.code, loaders);
      return grade !== null && isIntegrityGrade(grade);
    },
    isOnEnvironmentalBlacklist: async (s, _args, { loaders }) => {
      const grade = await currentGrade(s.code, loaders);
      return grade !== null && isBlacklistGrade(grade);
    },
    isOnEnvironmentalWatchList: async (s, _args, { loaders }) => {
      const grade = await currentGrade(s.code, loaders);
      return grade !== null && isWatchGrade(grade);
    },
  };
};
