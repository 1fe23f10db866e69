import type { ComplaintResolvers } from '../__generated__/resolvers-types.ts';
import { COMPLAINT_OUTCOME_LABELS } from '../rules.ts';

export const Complaint: ComplaintResolvers = {
  id: (c) => c.id.toString(),
  body: (c) => ({ code: c.bodyCode }),
  complainant: (c) => (c.complainantCode ? { code: c.complainantCode } : null),
  outcomeLabel: (c) => COMPLAINT_OUTCOME_LABELS[c.outcome],
};
