import { chinaToday, requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { checkId, checkStatistics, loadCheck, uncheckedDecisions, unpunishedMeasures } from '../reads.ts';
import { checkBatchCodes } from '../rules.ts';

export const checkQueries: Pick<
  QueryResolvers,
  'creditCheckSubjects' | 'creditCheckRecord' | 'creditCheckStatistics' | 'unpunishedMeasures' | 'uncheckedDecisions'
> = {
  creditCheckSubjects: (_root, { codes }) => checkBatchCodes(codes).map((code) => ({ code })),
  creditCheckRecord: async (_root, { id }, ctx) => {
    const check = await loadCheck(ctx.db.prisma, checkId(id, 'id'));
    if (!check) return null;
    // A department sees its own checks; supervisors every department's.
    if (check.department !== ctx.identity.department) requireLevel(ctx, 'SUPERVISOR', 'another department’s check');
    return check;
  },
  creditCheckStatistics: (_root, { from, to, department, matter, groupBy }, { db }) =>
    checkStatistics(db.prisma, { from, to, department, matter, groupBy: groupBy ?? 'MONTH' }),
  unpunishedMeasures: (_root, { from, to, department, matter, workingDays }, { db }) =>
    unpunishedMeasures(db.prisma, { from, to, department, matter, workingDays, today: chinaToday() }),
  uncheckedDecisions: (_root, { from, to, department, matter, days }, { db }) =>
    uncheckedDecisions(db.prisma, { from, to, department, matter, days }),
};
