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
