import { canRead, requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { parseCaseNumber } from '../case-number/rules.ts';
import { listCases, listDeletionsDue } from '../reads.ts';
import { isListed } from '../rules.ts';

export const Query: QueryResolvers = {
  dishonestDebtorCase: async (_root, args, ctx) => {
    const { caseNumber } = parseCaseNumber(args.caseNumber, 'caseNumber');
    const listings = await ctx.loaders.casesByNumber.load(caseNumber);
    // The current listing (not withdrawn) if there is one, else the latest.
    const found = listings.find((c) => c.status === 'ACTIVE') ?? listings[0] ?? null;
    if (!found || isListed(found, ctx.loaders.today)) return found;
    // Off the list (expired or withdrawn): the public learns nothing, not even that the case existed.
    if (!canRead(ctx.identity, 'SHARED', ctx.subgraph.department)) return null;
    ctx.audit.record('READ', found.subjectCode, 'Query.dishonestDebtorCase(not listed)');
    return found;
  },
  dishonestDebtorCases: async (_root, args, ctx) => {
    const offList = args.status === 'WITHDRAWN' || args.status === 'EXPIRED';
    if (offList) requireLevel(ctx, 'SHARED', `dishonestDebtorCases(status: ${args.status})`);
    const page = await listCases(ctx.db, args, ctx.loaders.today);
    if (offList)
      for (const c of page.nodes)
        ctx.audit.record('READ', c.subjectCode, `Query.dishonestDebtorCases(status: ${args.status})`);
    return page;
  },
  dishonestDebtorDeletionsDue: async (_root, args, ctx) => {
    const page = await listDeletionsDue(ctx.db, args, ctx.loaders.today);
    for (const c of page.nodes) ctx.audit.record('READ', c.subjectCode, 'Query.dishonestDebtorDeletionsDue');
    return page;
  },
};
