import { requireLevel, type SubgraphContext } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listAbnormal, listOverdueRemovals, listSerious } from '../lists.ts';

/** Removed entries are not public: government users only, and every subject they concern is audited. */
function guardRemoved(ctx: SubgraphContext<unknown>, status: string | null | undefined, what: string) {
  if (status !== 'REMOVED') return false;
  requireLevel(ctx, 'SHARED', `${what}(status: REMOVED)`);
  return true;
}

export const Query: QueryResolvers = {
  abnormalOperations: async (_root, args, ctx) => {
    const removed = guardRemoved(ctx, args.status, 'abnormalOperations');
    const page = await listAbnormal(ctx.db, args);
    if (removed)
      for (const e of page.nodes) ctx.audit.record('READ', e.subjectCode, 'Query.abnormalOperations(status: REMOVED)');
    return page;
  },
  seriousIllegalListings: async (_root, args, ctx) => {
    const removed = guardRemoved(ctx, args.status, 'seriousIllegalListings');
    const page = await listSerious(ctx.db, args);
    if (removed)
      for (const e of page.nodes)
        ctx.audit.record('READ', e.subjectCode, 'Query.seriousIllegalListings(status: REMOVED)');
    return page;
  },
  overdueAbnormalRemovals: (_root, args, { db }) => listOverdueRemovals(db, args),
};
