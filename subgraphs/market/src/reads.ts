/**
 * What the market's lists share: the region and listing-date filters and the newest-first order. The lists
 * themselves are the features' (abnormal/reads.ts, serious/reads.ts); registration and annual reports are read by
 * loaders only.
 */
import { badInput, regionPrefix } from '@credit-hub/kit';

/** Entries carry the region of the subject's registration: a prefix of it selects a division and its subdivisions. */
export function regionCondition(regionCode: string | null | undefined) {
  return regionCode ? { regionCode: { startsWith: regionPrefix(regionCode) } } : {};
}

/** Inclusive listing-date range; a range that ends before it starts is a mistake, not an empty list. */
export function listedCondition(from: Date | null | undefined, to: Date | null | undefined) {
  if (from && to && from.getTime() > to.getTime())
    throw badInput('listedTo', 'ORDER', '`listedTo` must not be before `listedFrom`');
  if (!from && !to) return {};
  return { listedOn: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } };
}

/** Newest listing first, the id breaking ties: the order of the (listedOn, id) keyset cursor. */
export const newestFirst = [{ listedOn: 'desc' as const }, { id: 'desc' as const }];
