import type { AbnormalOperationResolvers } from '../__generated__/resolvers-types.ts';
import { ABNORMAL_REASON_LABELS, isRemovalOverdue, LISTING_STATUS_LABELS } from '../rules.ts';

export const AbnormalOperation: AbnormalOperationResolvers = {
  id: (e) => e.id.toString(),
  subject: (e) => ({ code: e.subjectCode }),
  reasonLabel: (e) => ABNORMAL_REASON_LABELS[e.reason],
  statusLabel: (e) => LISTING_STATUS_LABELS[e.status],
  removalOverdue: (e) => isRemovalOverdue(e),
};
