import type { CommitmentResolvers, ComplaintResolvers } from '../__generated__/resolvers-types.ts';
import { COMMITMENT_STATUS_LABELS, COMPLAINT_OUTCOME_LABELS, isCommitmentOverdue } from '../rules.ts';

export const Commitment: CommitmentResolvers = {
  id: (c) => c.id.toString(),
  body: (c) => ({ code: c.bodyCode }),
  statusLabel: (c) => COMMITMENT_STATUS_LABELS[c.status],
  overdue: (c) => isCommitmentOverdue(c),
};

export const Complaint: ComplaintResolvers = {
  id: (c) => c.id.toString(),
  body: (c) => ({ code: c.bodyCode }),
  complainant: (c) => (c.complainantCode ? { code: c.complainantCode } : null),
  outcomeLabel: (c) => COMPLAINT_OUTCOME_LABELS[c.outcome],
};
