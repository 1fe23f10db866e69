import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { isInForce, isListed } from '../rules.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The court holds no subject rows: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  dishonestDebtorCases: async (s, { includeWithdrawn }, ctx) => {
    if (includeWithdrawn) requireLevel(ctx, 'SHARED', 'CreditSubject.dishonestDebtorCases(includeWithdrawn: true)');
    const cases = await ctx.loaders.casesBySubject.load(s.code);
    if (!includeWithdrawn) return cases.filter(isListed);
    // Withdrawn cases are not public data: reading them is audited like any SHARED field.
    if (cases.some((c) => !isListed(c)))
      ctx.audit.record('READ', s.code, 'CreditSubject.dishonestDebtorCases(includeWithdrawn)');
    return cases;
  },
  isDishonestDebtor: async (s, _args, { loaders }) => (await loaders.casesBySubject.load(s.code)).some(isListed),
  consumptionRestrictions: async (s, { includeLifted }, ctx) => {
    if (includeLifted) requireLevel(ctx, 'SHARED', 'CreditSubject.consumptionRestrictions(includeLifted: true)');
    const orders = await ctx.loaders.restrictionsBySubject.load(s.code);
    if (!includeLifted) return orders.filter(isInForce);
    if (orders.some((o) => !isInForce(o)))
      ctx.audit.record('READ', s.code, 'CreditSubject.consumptionRestrictions(includeLifted)');
    return orders;
  },
  isConsumptionRestricted: async (s, _args, { loaders }) =>
    (await loaders.restrictionsBySubject.load(s.code)).some(isInForce),
};
