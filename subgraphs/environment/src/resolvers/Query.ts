import { requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listPenalties, listRatings } from '../reads.ts';
import {
  checkGradeInUse,
  checkListYear,
  COLOUR_LABELS,
  gradeLabels,
  gradesInUse,
  isBlacklistGrade,
  isWatchGrade,
} from '../rules.ts';

export const Query: QueryResolvers = {
  environmentalRatings: (_root, args, { db, config }) => {
    checkListYear(args.year);
    // Asking a four-grade province for BLACK is a mistake, not an empty list.
    if (args.grade) checkGradeInUse(args.grade, config.grades, 'grade');
    return listRatings(db, args);
  },
  environmentalPenalties: (_root, args, ctx) => {
    // Penalties past their publicity are not public any more: only government users may list them.
    if (args.includeExpired) requireLevel(ctx, 'SHARED', 'environmentalPenalties(includeExpired: true)');
    return listPenalties(ctx.db, args, args.includeExpired ? null : ctx.loaders.today);
  },
  environmentalGrades: (_root, _args, { config }) => {
    const labels = gradeLabels(config);
    return gradesInUse(config.grades).map((grade) => ({
      grade,
      label: labels[grade],
      colourLabel: COLOUR_LABELS[grade],
      blacklist: isBlacklistGrade(grade),
      watchList: isWatchGrade(grade),
    }));
  },
};
