/**
 * Deterministic randomness. Every subject gets its own generator derived from (seed, index), so a
 * subject's rows do not depend on how many subjects came before it: batches can be produced in any
 * order, an append run continues the same sequence, and a change to one kind's rules does not
 * reshuffle every other row.
 */

/** murmur3's 32-bit finaliser: cheap, and good enough to decorrelate neighbouring seeds. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The seed of a separate stream of draws for one domain (market register, courts …). Rows added to
 * the generator draw from `new Rng(domainSeed(seed, domain), index)` instead of the subject's own
 * generator, so adding or changing them never shifts a draw of the rows generated before them.
 */
export function domainSeed(seed: number, domain: number): number {
  return mix32((seed ^ Math.imul(domain, 0x9e3779b1)) + 0x632be5ab);
}

/** sfc32 (Chris Doty-Humphrey's small fast chaotic PRNG): passes PractRand, four 32-bit words of state. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(stream + 0x7f4a7c15);
    this.c = mix32((seed + Math.imul(stream, 0x2545f491)) ^ 0x6a09e667);
    this.d = 1;
    // The first outputs of sfc32 still correlate with the seed words; discard them.
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Standard normal (Box–Muller); only used a few times per subject, so the wasted second value is fine. */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal amount between lo and hi whose median is `median`: money in the real world is skewed. */
  amount(lo: number, median: number, hi: number, spread = 1): number {
    const v = median * Math.exp(this.normal() * spread);
    return Math.min(hi, Math.max(lo, v));
  }
}

/** A fixed weighted choice, prepared once so that each draw is a binary search. */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('Weighted needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new RangeError(`negative or missing weight at ${i}`);
      total += w;
      this.cumulative[i] = total;
    });
    for (let i = 0; i < this.cumulative.length; i++) this.cumulative[i]! /= total;
  }

  pick(rng: Rng): T {
    const x = rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/**
 * A keyed bijection on [0, size): a four-round Feistel network on an m × m square (m = ⌈√size⌉),
 * cycle-walked back into range. It turns a subject's index into a code body that looks random yet
 * can never repeat, without remembering the codes already issued (a million-entry Set would cost
 * ~100 MB and would not survive an append run).
 */
export class Permutation {
  readonly size: number;
  private readonly m: number;
  private readonly keys: readonly number[];

  constructor(size: number, key: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`bad permutation size ${size}`);
    this.size = size;
    this.m = Math.ceil(Math.sqrt(size));
    this.keys = [1, 2, 3, 4].map((r) => mix32(key ^ Math.imul(r, 0x27d4eb2f)));
  }

  apply(x: number): number {
    if (!(x >= 0 && x < this.size && Number.isInteger(x))) throw new RangeError(`${x} is outside [0, ${this.size})`);
    do x = this.round(x);
    while (x >= this.size);
    return x;
  }

  private round(x: number): number {
    const m = this.m;
    let l = Math.floor(x / m);
    let r = x - l * m;
    for (const k of this.keys) {
      const f = mix32(r ^ k) % m;
      const next = (l + f) % m;
      l = r;
      r = next;
    }
    return l * m + r;
  }
}
