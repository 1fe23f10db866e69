import type { SeriousIllegalListingResolvers } from '../../__generated__/resolvers-types.ts';
import {
  earliestEarlyRemoval,
  HEAVY_PENALTY_LABELS,
  SERIOUS_GROUND_LABELS,
  SERIOUS_STATUS_LABELS,
  seriousStatus,
} from '../rules.ts';

// The status is computed from the dates against today: an entry past its term shows EXPIRED on the day after.
export const SeriousIllegalListing: SeriousIllegalListingResolvers = {
  id: (e) => e.id.toString(),
  subject: (e) => ({ code: e.subjectCode }),
  groundLabel: (e) => SERIOUS_GROUND_LABELS[e.ground],
  penaltyKindLabel: (e) => (e.penaltyKind ? HEAVY_PENALTY_LABELS[e.penaltyKind] : null),
  abnormalOperationId: (e) => e.abnormalOperationId?.toString() ?? null,
  earlyRemovalFrom: (e) => earliestEarlyRemoval(e.listedOn),
  status: (e, _args, { loaders }) => seriousStatus(e, loaders.today),
  statusLabel: (e, _args, { loaders }) => SERIOUS_STATUS_LABELS[seriousStatus(e, loaders.today)],
};
