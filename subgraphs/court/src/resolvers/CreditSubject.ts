import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { isInForce, isListed } from '../rules.ts';

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
