import { canRead, requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { parseCaseNumber } from '../case-number.ts';
import { listCases } from '../lists.ts';
import { isListed } from '../rules.ts';

export const Query: QueryResolvers = {
  dishonestDebtorCase: async (_root, args, ctx) => {
    const { caseNumber } = parseCaseNumber(args.caseNumber, 'caseNumber');
    const found = await ctx.loaders.caseByNumber.load(caseNumber);
    if (!found || isListed(found)) return found;
    // Withdrawn cases are not public: the public learns nothing, not even that the case existed.
    if (!canRead(ctx.identity, 'SHARED', ctx.subgraph.department)) return null;
    ctx.audit.record('READ', found.subjectCode, 'Query.dishonestDebtorCase(withdrawn)');
    return found;
  },
  dishonestDebtorCases: async (_root, args, ctx) => {
    const withdrawn = args.status === 'WITHDRAWN';
    if (withdrawn) requireLevel(ctx, 'SHARED', 'dishonestDebtorCases(status: WITHDRAWN)');
    const page = await listCases(ctx.db, args);
    if (withdrawn)
      for (const c of page.nodes)
        ctx.audit.record('READ', c.subjectCode, 'Query.dishonestDebtorCases(status: WITHDRAWN)');
    return page;
  },
};
