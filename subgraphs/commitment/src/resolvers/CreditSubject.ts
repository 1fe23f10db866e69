import { clock, requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { isPublic } from '../rules.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The subgraph holds no subject rows: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  creditCommitments: async (s, { includeUnpublished }, ctx) => {
    // Broken commitments past their publicity are government users' only (the public sees 信用中国's view).
    if (includeUnpublished) requireLevel(ctx, 'SHARED', 'CreditSubject.creditCommitments(includeUnpublished)');
    const rows = await ctx.loaders.commitmentsBySubject.load(s.code);
    if (includeUnpublished) return rows;
    const today = clock.today();
    return rows.filter((c) => isPublic(c, today));
  },
};
