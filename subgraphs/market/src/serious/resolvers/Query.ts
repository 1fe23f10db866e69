import { requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { listSerious } from '../reads.ts';

/** The 严重违法失信名单 list, spread into resolvers/Query.ts. */
export const seriousQueries: Pick<QueryResolvers, 'seriousIllegalListings'> = {
  seriousIllegalListings: async (_root, args, ctx) => {
    const removed = !!args.status && args.status !== 'LISTED';
    if (removed) requireLevel(ctx, 'SHARED', `seriousIllegalListings(status: ${args.status})`);
    const page = await listSerious(ctx.db, args, ctx.loaders.today);
    // Entries not in force are not public: every subject whose entries are released is on the audit trail.
    if (removed)
      for (const e of page.nodes)
        ctx.audit.record('READ', e.subjectCode, `Query.seriousIllegalListings(status: ${args.status})`);
    return page;
  },
};
