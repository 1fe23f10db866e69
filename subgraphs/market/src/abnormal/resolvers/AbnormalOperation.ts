import type { AbnormalOperationResolvers } from '../../__generated__/resolvers-types.ts';
import {
  ABNORMAL_KIND_LABELS,
  ABNORMAL_REASON_LABELS,
  ABNORMAL_STATUS_LABELS,
  isRemovalOverdue,
  transferDueFrom,
} from '../rules.ts';

export const AbnormalOperation: AbnormalOperationResolvers = {
  id: (e) => e.id.toString(),
  subject: (e) => ({ code: e.subjectCode }),
  kindLabel: (e) => ABNORMAL_KIND_LABELS[e.kind],
  reasonLabel: (e) => ABNORMAL_REASON_LABELS[e.reason],
  statusLabel: (e) => ABNORMAL_STATUS_LABELS[e.kind][e.status],
  removalOverdue: (e, _args, { loaders }) => isRemovalOverdue(e, loaders.today),
  transferDueFrom: (e) => (e.kind === 'LISTING' ? transferDueFrom(e.listedOn) : null),
};
