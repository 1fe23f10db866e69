import type { CommitmentResolvers } from '../__generated__/resolvers-types.ts';
import { COMMITMENT_STATUS_LABELS, isCommitmentOverdue } from '../rules.ts';

export const Commitment: CommitmentResolvers = {
  id: (c) => c.id.toString(),
  body: (c) => ({ code: c.bodyCode }),
  statusLabel: (c) => COMMITMENT_STATUS_LABELS[c.status],
  overdue: (c, _args, { loaders }) => isCommitmentOverdue(c, loaders.today),
};
