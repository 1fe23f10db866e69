import type { Db } from '@credit-hub/kit/db';
import type { IndustryRow, RegionRow } from './mappers.ts';

export interface Reference {
  regions: Map<string, RegionRow>;
  industries: Map<string, IndustryRow>;
}

const TTL_MS = 5 * 60_000;
const caches = new WeakMap<Db, { at: number; value: Promise<Reference> }>();

/**
 * Regions and industries are reference data (a few hundred rows, edited a few times a year): held per
 * process and refreshed every five minutes, so a page of subjects costs no statement for them at all.
 */
export function reference(db: Db, now = Date.now()): Promise<Reference> {
  const cached = caches.get(db);
  if (cached && now - cached.at < TTL_MS) return cached.value;
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

/** The division with its parents' names (浙江省杭州市西湖区); unknown codes are shown, not dropped. */
export function describeRegion(ref: Reference, code: string) {
  const own = ref.regions.get(code);
  const chain = [...new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code])]
    .map((c) => ref.regions.get(c))
    .filter((r): r is RegionRow => r !== undefined);
  return {
    code,
    name: own?.name ?? '未知行政区划',
    fullName: own ? chain.map((r) => r.name).join('') : `行政区划 ${code}`,
    level: own?.level ?? null,
  };
}
