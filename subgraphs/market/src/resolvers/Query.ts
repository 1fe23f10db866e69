import { requireLevel, type SubgraphContext } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkAbnormalStatus, listAbnormal, listOverdueRemovals, listSerious, listTransfersDue } from '../lists.ts';

/** Entries not in force are not public: government users only, and every subject they concern is audited. */
function guardRemoved(ctx: SubgraphContext<unknown>, status: string | null | undefined, what: string) {
  if (!status || status === 'LISTED') return false;
  requireLevel(ctx, 'SHARED', `${what}(status: ${status})`);
  return true;
}

export const Query: QueryResolvers = {
  abnormalOperations: async (_root, args, ctx) => {
    checkAbnormalStatus(args.status);
    const removed = guardRemoved(ctx, args.status, 'abnormalOperations');
    const page = await listAbnormal(ctx.db, args);
    if (removed)
      for (const e of page.nodes)
        ctx.audit.record('READ', e.subjectCode, `Query.abnormalOperations(status: ${args.status})`);
    return page;
  },
  seriousIllegalListings: async (_root, args, ctx) => {
    const removed = guardRemoved(ctx, args.status, 'seriousIllegalListings');
    const page = await listSerious(ctx.db, args);
    if (removed)
      for (const e of page.nodes)
        ctx.audit.record('READ', e.subjectCode, `Query.seriousIllegalListings(status: ${args.status})`);
    return page;
  },
  overdueAbnormalRemovals: (_root, args, { db }) => listOverdueRemovals(db, args),
  abnormalTransfersDue: (_root, args, { db }) => listTransfersDue(db, args),
};
