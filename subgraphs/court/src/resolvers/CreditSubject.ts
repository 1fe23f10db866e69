import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { restrictionSubjectFields } from '../restrictions/resolvers/CreditSubject.ts';
import { isListed } from '../rules.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The court holds no subject rows: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  dishonestDebtorCases: async (s, { includeWithdrawn }, ctx) => {
    if (includeWithdrawn) requireLevel(ctx, 'SHARED', 'CreditSubject.dishonestDebtorCases(includeWithdrawn: true)');
    const { loaders } = ctx;
    const cases = await loaders.casesBySubject.load(s.code);
    if (!includeWithdrawn) return cases.filter((c) => isListed(c, loaders.today));
    // Cases off the list (expired or withdrawn) are not public data: reading them is audited like any SHARED field.
    if (cases.some((c) => !isListed(c, loaders.today)))
      ctx.audit.record('READ', s.code, 'CreditSubject.dishonestDebtorCases(includeWithdrawn)');
    return cases;
  },
  isDishonestDebtor: async (s, _args, { loaders }) =>
    (await loaders.casesBySubject.load(s.code)).some((c) => isListed(c, loaders.today)),
  ...restrictionSubjectFields,
};
