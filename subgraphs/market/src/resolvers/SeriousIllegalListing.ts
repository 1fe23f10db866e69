import type { SeriousIllegalListingResolvers } from '../__generated__/resolvers-types.ts';
import { LISTING_STATUS_LABELS } from '../rules.ts';

export const SeriousIllegalListing: SeriousIllegalListingResolvers = {
  id: (e) => e.id.toString(),
  subject: (e) => ({ code: e.subjectCode }),
  statusLabel: (e) => LISTING_STATUS_LABELS[e.status],
};
