import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import {
  currentRating,
  isBlacklistGrade,
  isIntegrityGrade,
  isPenaltyPublished,
  isWatchGrade,
  type Grade,
} from '../rules.ts';

/** The rating in force today, under the province's validity rule (ctx.config). */
const ratingInForce = async (code: string, { loaders, config }: Context) =>
  currentRating(await loaders.ratingsBySubject.load(code), loaders.today, config.validThrough);

// Every list flag reads the rating in force today: an old GREEN grants nothing, an old RED costs nothing.
const gradeIs = (test: (grade: Grade) => boolean) => async (s: { code: string }, _args: unknown, ctx: Context) => {
  const grade = (await ratingInForce(s.code, ctx))?.grade;
  return grade !== undefined && test(grade);
};

export const CreditSubject: CreditSubjectResolvers = {
  // Ecology and environment holds no subject rows of the register: a reference is its own key, no SQL.
  __resolveReference: (ref) => ({ code: ref.code }),
  environmentalRating: (s, _args, ctx) => ratingInForce(s.code, ctx),
  environmentalRatings: (s, _args, { loaders }) => loaders.ratingsBySubject.load(s.code),
  environmentalPenalties: async (s, { includeExpired }, ctx) => {
    if (includeExpired) requireLevel(ctx, 'SHARED', 'CreditSubject.environmentalPenalties(includeExpired: true)');
    const penalties = await ctx.loaders.penaltiesBySubject.load(s.code);
    return includeExpired ? penalties : penalties.filter((p) => isPenaltyPublished(p.decidedOn, ctx.loaders.today));
  },
  dischargePermits: (s, _args, { loaders }) => loaders.permitsBySubject.load(s.code),
  isEnvironmentalIntegrityEnterprise: gradeIs(isIntegrityGrade),
  isOnEnvironmentalBlacklist: gradeIs(isBlacklistGrade),
  isOnEnvironmentalWatchList: gradeIs(isWatchGrade),
};
