import { requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { listAbnormal, listOverdueRemovals, listTransfersDue } from '../reads.ts';
import { checkAbnormalStatus } from '../rules.ts';

/** The 经营异常名录 lists, spread into resolvers/Query.ts (who may call them: schema.graphql's @access). */
export const abnormalQueries: Pick<
  QueryResolvers,
  'abnormalOperations' | 'overdueAbnormalRemovals' | 'abnormalTransfersDue'
> = {
  abnormalOperations: async (_root, args, ctx) => {
    // EXPIRED is a mistake whoever asks: refused as such before asking who may see removed entries.
    const status = checkAbnormalStatus(args.status);
    const removed = status !== 'LISTED';
    if (removed) requireLevel(ctx, 'SHARED', `abnormalOperations(status: ${status})`);
    const page = await listAbnormal(ctx.db, args);
    // Entries not in force are not public: every subject whose entries are released is on the audit trail.
    if (removed)
      for (const e of page.nodes)
        ctx.audit.record('READ', e.subjectCode, `Query.abnormalOperations(status: ${status})`);
    return page;
  },
  overdueAbnormalRemovals: (_root, args, { db, loaders }) => listOverdueRemovals(db, args, loaders.today),
  abnormalTransfersDue: (_root, args, { db, loaders }) => listTransfersDue(db, args, loaders.today),
};
