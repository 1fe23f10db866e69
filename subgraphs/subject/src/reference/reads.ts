import type { Db } from '@credit-hub/kit/db';
import type { Reference } from './rules.ts';

/** How long the reference lists are held before they are read again. */
export const REFERENCE_TTL_MS = 5 * 60_000;
const caches = new WeakMap<Db, { at: number; value: Promise<Reference> }>();

/**
 * Regions and industries are reference data (a few hundred rows, edited a few times a year): held per process and
 * database and refreshed every five minutes, so a page of subjects costs no statement for them at all (the
 * _entities test counts one statement for a page). The age is measured on the monotonic timer, not the hub clock:
 * it is the cache's freshness, not a date of the domain, and a clock fixed by a test or a demo must not freeze it.
 */
export function reference(db: Db, now = performance.now()): Promise<Reference> {
  const cached = caches.get(db);
  if (cached && now - cached.at < REFERENCE_TTL_MS) return cached.value;
  const value = Promise.all([db.prisma.region.findMany(), db.prisma.industry.findMany()]).then(
    ([regions, industries]) => ({
      regions: new Map(regions.map((r) => [r.code, r])),
      industries: new Map(industries.map((i) => [i.code, i])),
    }),
  );
  // A failed load must not be cached for five minutes.
  value.catch(() => caches.delete(db));
  caches.set(db, { at: now, value });
  return value;
}
