import { badInput } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listPenalties, listRatings } from '../lists.ts';
import {
  checkGradeInUse,
  COLOUR_LABELS,
  gradeLabels,
  gradesInUse,
  isBlacklistGrade,
  isWatchGrade,
  type EnvironmentConfig,
} from '../rules.ts';

function checkYear(year: number, field = 'year') {
  if (year < 1990 || year > 2100)
    throw badInput(field, 'RANGE', `\`${field}\` must be a year between 1990 and 2100, got ${year}`);
}

/** The grade filter and the grade list depend on the grades the province uses, hence a factory. */
export const queryResolvers = (config: EnvironmentConfig): QueryResolvers => {
  const labels = gradeLabels(config);
  return {
    environmentalRatings: (_root, args, { db }) => {
      checkYear(args.year);
      // Asking a four-grade province for BLACK is a mistake, not an empty list.
      if (args.grade) checkGradeInUse(args.grade, config.grades, 'grade');
      return listRatings(db, args);
    },
    environmentalPenalties: (_root, args, { db }) => listPenalties(db, args),
    environmentalGrades: () =>
      gradesInUse(config.grades).map((grade) => ({
        grade,
        label: labels[grade],
        colourLabel: COLOUR_LABELS[grade],
        blacklist: isBlacklistGrade(grade),
        watchList: isWatchGrade(grade),
      })),
  };
};
