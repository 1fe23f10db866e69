import type { Connection } from '@credit-hub/kit';
import type { SeriousIllegalListing } from '@credit-hub/kit/db';

/** A 严重违法失信名单 entry, as stored (its status as of today is computed, rules.ts `seriousStatus`). */
export type SeriousIllegalListingMapper = SeriousIllegalListing;

/** A page of entries; `totalCount` is counted only when asked for. */
export type SeriousIllegalListingConnectionMapper = Connection<SeriousIllegalListingMapper> & {
  totalCount: () => Promise<number>;
};
