import { requireLevel } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../../__generated__/resolvers-types.ts';
import { isInForce } from '../rules.ts';

/** The 限制消费令 fields of CreditSubject, spread into resolvers/CreditSubject.ts. */
export const restrictionSubjectFields: Pick<
  CreditSubjectResolvers,
  'consumptionRestrictions' | 'isConsumptionRestricted'
> = {
  consumptionRestrictions: async (s, { includeLifted }, ctx) => {
    if (includeLifted) requireLevel(ctx, 'SHARED', 'CreditSubject.consumptionRestrictions(includeLifted: true)');
    const orders = await ctx.loaders.restrictionsBySubject.load(s.code);
    if (!includeLifted) return orders.filter(isInForce);
    // Lifted orders are not public data: reading them is audited like any SHARED field.
    if (orders.some((o) => !isInForce(o)))
      ctx.audit.record('READ', s.code, 'CreditSubject.consumptionRestrictions(includeLifted)');
    return orders;
  },
  isConsumptionRestricted: async (s, _args, { loaders }) =>
    (await loaders.restrictionsBySubject.load(s.code)).some(isInForce),
};
