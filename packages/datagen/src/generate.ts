import { MAX_SUBJECT_INDEX } from './codes.ts';
import { dayOf } from './dates.ts';
import { Rng } from './random.ts';
import { buildSubject } from './subjects.ts';
import { FIRST_RATING_YEAR, ratedYears, ratings, violation } from './tax.ts';
import type { GenerateOptions, GeneratedSubject, RatingRow, ViolationRow } from './types.ts';

export const DEFAULT_SEED = 42;

/** Shares of market subjects that the tax department rates: all enterprises, about half of the others. */
const RATED_SHARE = { ENTERPRISE: 1, INDIVIDUAL_BUSINESS: 0.5, FARMERS_COOPERATIVE: 0.5 } as const;
/** Shares that end up on the 重大税收违法失信主体 list at some point in 2022–2025. */
const BLACK_LIST_SHARE = { ENTERPRISE: 0.0045, INDIVIDUAL_BUSINESS: 0.0006, FARMERS_COOPERATIVE: 0 } as const;

export function checkOptions(options: GenerateOptions): Required<GenerateOptions> {
  const { subjects, seed = DEFAULT_SEED, personKeySecret, startIndex = 0 } = options;
  if (!Number.isSafeInteger(subjects) || subjects < 0)
    throw new RangeError(`subjects must be a non-negative integer, got ${subjects}`);
  if (!Number.isSafeInteger(startIndex) || startIndex < 0)
    throw new RangeError(`startIndex must be a non-negative integer, got ${startIndex}`);
  if (startIndex + subjects > MAX_SUBJECT_INDEX) {
    throw new RangeError(
      `at most ${MAX_SUBJECT_INDEX} subjects can be generated (unique ID numbers run out), asked for ${startIndex} + ${subjects}`,
    );
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!personKeySecret)
    throw new RangeError('personKeySecret is required: natural persons are keyed by HMAC of their ID number');
  return { subjects, seed, personKeySecret, startIndex };
}

/** The subject with this global index; pure function of (seed, index, secret). */
export function generateSubject(seed: number, index: number, personKeySecret: string): GeneratedSubject {
  const rng = new Rng(seed, index);
  const built = buildSubject(rng, index, personKeySecret);
  const { row, market } = built;
  let rated: RatingRow[] = [];
  let listed: ViolationRow | null = null;

  if (
    market !== null &&
    (row.kind === 'ENTERPRISE' || row.kind === 'INDIVIDUAL_BUSINESS' || row.kind === 'FARMERS_COOPERATIVE')
  ) {
    if (rng.chance(RATED_SHARE[row.kind])) {
      let blackListYear: number | null = null;
      if (rng.chance(BLACK_LIST_SHARE[row.kind])) {
        // A decision needs some months of business behind it and a rated year to turn into D.
        const candidates = ratedYears(market.establishedDay, market.lastActiveYear).filter(
          (y) => y >= FIRST_RATING_YEAR && dayOf(y, 12, 28) - market.establishedDay >= 150,
        );
        if (candidates.length > 0) blackListYear = rng.pick(candidates);
      }
      rated = ratings(rng, {
        code: row.code,
        regionCode: row.regionCode,
        county: market.county,
        establishedDay: market.establishedDay,
        lastYear: market.lastActiveYear,
        blackListYear,
      });
      if (blackListYear !== null) {
        listed = violation(rng, {
          code: row.code,
          name: row.name,
          regionCode: row.regionCode,
          county: market.county,
          establishedDay: market.establishedDay,
          representative: market.representative,
          year: blackListYear,
        });
      }
    }
  }
  return { index, subject: row, person: built.person, ratings: rated, violation: listed };
}

/**
 * Streams subjects one at a time, so a million-subject load never holds more than the current batch.
 * Same options ⇒ same rows, in the same order.
 */
export function* generate(options: GenerateOptions): Generator<GeneratedSubject, void, undefined> {
  const { subjects, seed, personKeySecret, startIndex } = checkOptions(options);
  for (let i = startIndex; i < startIndex + subjects; i++) yield generateSubject(seed, i, personKeySecret);
}
