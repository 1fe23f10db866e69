import { toIsoDate } from '@credit-hub/kit';
import type { ConsumptionRestrictionResolvers } from '../../__generated__/resolvers-types.ts';
import { isInForce } from '../rules.ts';

export const ConsumptionRestriction: ConsumptionRestrictionResolvers = {
  id: (r) => r.id.toString(),
  subject: (r) => ({ code: r.subjectCode }),
  // The table shares the case status enum; to the API an order is in force or lifted.
  status: (r) => (isInForce(r) ? 'ACTIVE' : 'LIFTED'),
  issuedOn: (r) => toIsoDate(r.issuedOn)!,
  liftedOn: (r) => toIsoDate(r.liftedOn),
};
