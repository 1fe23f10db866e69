/**
 * Reference data of the subject register (行政区划 GB/T 2260, 国民经济行业分类门类 GB/T 4754-2017) as the API shows it:
 * a division with its parents' names, the divisions under a parent. Pure: the data comes from reference/reads.ts;
 * unit-tested in rules.test.ts beside it.
 */
import type { Industry, Region as RegionRow } from '@credit-hub/kit/db';
import type { Region } from '../__generated__/types.ts';

/** The reference lists held per process, by code. */
export interface Reference {
  regions: Map<string, RegionRow>;
  industries: Map<string, Industry>;
}

/** The division with its parents' names (浙江省杭州市西湖区); unknown codes are shown, not dropped. */
export function describeRegion(ref: Reference, code: string): Region {
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

/** The divisions directly under `parentCode` (the provinces without one), by code. */
export function regionsUnder(ref: Reference, parentCode: string | null | undefined): Region[] {
  return [...ref.regions.values()]
    .filter((r) => (parentCode ? r.parentCode === parentCode : r.level === 1))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => describeRegion(ref, r.code));
}

/** The industry section of a subject, if it has a known one. */
export const industryOf = (ref: Reference, code: string | null): Industry | null =>
  code ? (ref.industries.get(code) ?? null) : null;
