import { regionPrefix } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listArrears } from '../reads.ts';

export const Query: QueryResolvers = {
  arrears: async (_root, args, ctx) => {
    const page = await listArrears(ctx.db, args);
    // Arrears are SHARED data about both sides: each debtor and creditor released is audited.
    for (const a of page.nodes) {
      ctx.audit.record('READ', a.debtorCode, 'Query.arrears');
      ctx.audit.record('READ', a.creditorCode, 'Query.arrears');
    }
    return page;
  },
  governmentIntegrity: (_root, { regionCode }) => {
    // Refuses a malformed region here (BAD_USER_INPUT), not later in the fields that read it.
    regionPrefix(regionCode);
    return { regionCode };
  },
};
