import { MAX_SUBJECT_INDEX } from './codes.ts';
import { caseSlot, courtRows, type CourtRows } from './court.ts';
import { dayOf } from './dates.ts';
import { environmentRows, penaltySlot, type EnvironmentRows } from './environment.ts';
import { governmentRows, type GovernmentRows } from './government.ts';
import { marketRows, type MarketRows } from './market.ts';
import { Rng, domainSeed } from './random.ts';
import { buildSubject } from './subjects.ts';
import { FIRST_VIOLATION_YEAR, ratedYears, ratings, violation } from './tax.ts';
import type { GenerateOptions, GeneratedSubject, RatingRow, ViolationRow } from './types.ts';

export const DEFAULT_SEED = 42;

/** Shares of market subjects that the tax department rates: all enterprises, about half of the others. */
const RATED_SHARE = { ENTERPRISE: 1, INDIVIDUAL_BUSINESS: 0.5, FARMERS_COOPERATIVE: 0.5 } as const;
/** Shares that end up on the 重大税收违法失信主体 list at some point in 2022–2025. */
const BLACK_LIST_SHARE = { ENTERPRISE: 0.0045, INDIVIDUAL_BUSINESS: 0.0006, FARMERS_COOPERATIVE: 0 } as const;

/**
 * Domains with a generator of their own per subject: `new Rng(domainSeed(seed, domain), index)`. The
 * subject's own generator makes the subject, its ratings and its tax black-list entry, exactly as
 * before these domains existed; each domain added later draws from its own stream, so it cannot shift
 * a single draw of what came before it, and changing one domain leaves the others alone.
 */
const MARKET_DOMAIN = 1;
const COURT_DOMAIN = 2;
const ENVIRONMENT_DOMAIN = 3;
const GOVERNMENT_DOMAIN = 4;

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
          (y) => y >= FIRST_VIOLATION_YEAR && dayOf(y, 12, 28) - market.establishedDay >= 150,
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

  let register: MarketRows | null = null;
  if (
    market !== null &&
    (row.kind === 'ENTERPRISE' || row.kind === 'INDIVIDUAL_BUSINESS' || row.kind === 'FARMERS_COOPERATIVE')
  ) {
    register = marketRows(new Rng(domainSeed(seed, MARKET_DOMAIN), index), {
      code: row.code,
      name: row.name,
      kind: row.kind,
      regionCode: row.regionCode,
      industry: row.industryCode,
      legalRepresentative: row.legalRepresentative,
      status: row.registrationStatus,
      county: market.county,
      establishedDay: market.establishedDay,
      lastActiveYear: market.lastActiveYear,
    });
  }

  let court: CourtRows | null = null;
  const slot = caseSlot(index);
  if (slot !== null) {
    court = courtRows(
      new Rng(domainSeed(seed, COURT_DOMAIN), index),
      {
        code: row.code,
        name: row.name,
        kind: row.kind,
        regionCode: row.regionCode,
        legalRepresentative: row.legalRepresentative,
        establishedDay: market?.establishedDay ?? (row.establishedOn === null ? null : dayOfIso(row.establishedOn)),
        idNumber: built.person?.idNumber ?? null,
        lastYear: row.registrationStatus === 'CANCELLED' && market ? market.lastActiveYear + 1 : Infinity,
      },
      slot,
    );
  }

  let environment: EnvironmentRows | null = null;
  if (market !== null && row.kind === 'ENTERPRISE') {
    environment = environmentRows(
      new Rng(domainSeed(seed, ENVIRONMENT_DOMAIN), index),
      {
        code: row.code,
        regionCode: row.regionCode,
        industry: row.industryCode,
        status: row.registrationStatus,
        county: market.county,
        establishedDay: market.establishedDay,
        lastActiveYear: market.lastActiveYear,
      },
      penaltySlot(index),
    );
  }

  let government: GovernmentRows | null = null;
  if (row.kind === 'GOVERNMENT_BODY' || row.kind === 'PUBLIC_INSTITUTION') {
    government = governmentRows(new Rng(domainSeed(seed, GOVERNMENT_DOMAIN), index), {
      seed,
      index,
      personKeySecret,
      subject: row,
    });
  }

  return {
    index,
    subject: row,
    person: built.person,
    ratings: rated,
    violation: listed,
    registration: register?.registration ?? null,
    annualReports: register?.annualReports ?? [],
    abnormalEntries: register?.abnormalEntries ?? [],
    seriousListing: register?.seriousListing ?? null,
    courtCases: court?.cases ?? [],
    restrictions: court?.restrictions ?? [],
    environmentalRatings: environment?.ratings ?? [],
    environmentalPenalties: environment?.penalties ?? [],
    dischargePermits: environment?.permits ?? [],
    arrears: government?.arrears ?? [],
    commitments: government?.commitments ?? [],
    complaints: government?.complaints ?? [],
  };
}

function dayOfIso(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * Streams subjects one at a time, so a million-subject load never holds more than the current batch.
 * Same options ⇒ same rows, in the same order.
 */
export function* generate(options: GenerateOptions): Generator<GeneratedSubject, void, undefined> {
  const { subjects, seed, personKeySecret, startIndex } = checkOptions(options);
  for (let i = startIndex; i < startIndex + subjects; i++) yield generateSubject(seed, i, personKeySecret);
}
