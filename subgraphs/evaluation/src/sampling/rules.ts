import { createHash } from 'node:crypto';
import prand from 'pure-rand';

/** A member of a draw's population: a stored evaluation's subject and its supervision level. */
export interface PopulationMember {
  code: string;
  level: string;
  label: string;
  samplingRatio: number;
}

export interface Stratum {
  level: string;
  label: string;
  samplingRatio: number;
  population: number;
  drawn: number;
}

export interface Draw {
  strata: Stratum[];
  /** Selected codes in code order. */
  selected: string[];
}

/**
 * How many of a stratum are drawn: ceil(size × ratio), at least 1 when the stratum is not empty. The product
 * is rounded to 6 decimals first so that 100 × 0.07 = 7.000000000000001 does not become 8.
 */
export function stratumSize(population: number, ratio: number): number {
  if (population === 0) return 0;
  const exact = Math.round(population * ratio * 1e6) / 1e6;
  return Math.min(population, Math.max(1, Math.ceil(exact)));
}

/** The seed string as a 32-bit integer: the first four bytes of its SHA-256. */
export const seedNumber = (seed: string) => createHash('sha256').update(seed, 'utf8').digest().readInt32BE(0);

// Code-point order, independent of any database collation or locale.
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * 双随机 draw, stratified by supervision level. Reproducible: the population is put in code order, the
 * strata in level order, and each stratum is sampled by a partial Fisher–Yates shuffle driven by one
 * xoroshiro128+ generator (pure-rand) seeded from the seed string. The same seed and population always
 * give the same sample; any change to either gives an independent one.
 *
 * A stratum's ratio is the highest ratio its members carry (members evaluated by different model versions
 * may carry different ratios; the stricter one wins).
 */
export function drawSample(population: readonly PopulationMember[], seed: string): Draw {
  const strata = new Map<string, { label: string; ratio: number; codes: string[] }>();
  for (const m of population) {
    const s = strata.get(m.level);
    if (s) {
      s.codes.push(m.code);
      s.ratio = Math.max(s.ratio, m.samplingRatio);
    } else strata.set(m.level, { label: m.label, ratio: m.samplingRatio, codes: [m.code] });
  }
  const rng = prand.xoroshiro128plus(seedNumber(seed));
  const result: Draw = { strata: [], selected: [] };
  for (const level of [...strata.keys()].sort(byCode)) {
    const s = strata.get(level)!;
    const codes = [...s.codes].sort(byCode);
    const k = stratumSize(codes.length, s.ratio);
    for (let i = 0; i < k; i++) {
      const j = prand.unsafeUniformIntDistribution(i, codes.length - 1, rng);
      [codes[i], codes[j]] = [codes[j]!, codes[i]!];
    }
    result.selected.push(...codes.slice(0, k));
    result.strata.push({ level, label: s.label, samplingRatio: s.ratio, population: codes.length, drawn: k });
  }
  result.selected.sort(byCode);
  return result;
}

/**
 * The oldest population a draw may use, in days since the refresh that last evaluated it (`npm run evaluate`,
 * recorded by recordEvaluationRefresh). A stored evaluation is rewritten only when a subject is read, so a region
 * nobody refreshed keeps yesterday's grades: a subject listed as 失信 last week would still sit in the A stratum at
 * 2 %. A week lets a weekly refresh job run late by a day; a draw on older data is refused, not merely flagged,
 * because a 双随机 draw is announced and recorded for 一公开 and cannot be taken back (docs/evaluation.md).
 */
export const POPULATION_MAX_AGE_DAYS = 7;

/** The regions whose refresh covers a draw's: the region itself and the prefecture and province above it. */
export function coveringRegions(prefix: string): string[] {
  const regions: string[] = [];
  for (let length = 2; length <= prefix.length; length += 2) regions.push(prefix.slice(0, length).padEnd(6, '0'));
  return regions;
}

/**
 * Whether a draw may use a population last refreshed at `refreshedAt` (null: never): null when it may, else the
 * rule it breaks — NOT_REFRESHED or STALE_POPULATION.
 */
export function populationRefusal(
  refreshedAt: Date | null,
  now: Date,
  maxAgeDays = POPULATION_MAX_AGE_DAYS,
): 'NOT_REFRESHED' | 'STALE_POPULATION' | null {
  if (!refreshedAt) return 'NOT_REFRESHED';
  return now.getTime() - refreshedAt.getTime() > maxAgeDays * 86_400_000 ? 'STALE_POPULATION' : null;
}
