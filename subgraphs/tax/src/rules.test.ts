import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TaxCreditLevel } from './__generated__/types.ts';
import {
  checkLevelScore,
  checkYear,
  currentRating,
  entryStatus,
  isInForce,
  isRatingInForce,
  isRepeatOffender,
  latestPublication,
  oldestYearInForce,
  paidInFullFrom,
  publicityEnd,
  ratingFor,
  ratingValidUntil,
  stopDecisionDueBy,
} from './rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

const rating = (year: number, level: TaxCreditLevel, evaluatedOn: string) => ({
  id: BigInt(year),
  year,
  level,
  evaluatedOn: d(evaluatedOn),
});

describe('which rating counts (rating of year Y: from its determination to 30 April of Y+2)', () => {
  const ratings = [rating(2025, 'B', '2026-04-22'), rating(2024, 'A', '2025-04-20'), rating(2023, 'D', '2024-04-18')];

  it('is valid until 30 April two years after the evaluation year', () => {
    assert.equal(iso(ratingValidUntil(2024)), '2026-04-30');
    assert.equal(isRatingInForce(ratings[1]!, d('2026-04-30')), true);
    assert.equal(isRatingInForce(ratings[1]!, d('2026-05-01')), false);
  });

  it('counts from the day it was determined', () => {
    assert.equal(isRatingInForce(ratings[1]!, d('2025-04-19')), false);
    assert.equal(isRatingInForce(ratings[1]!, d('2025-04-20')), true);
  });

  it('picks the newest rating in force, and none once every one is history', () => {
    assert.equal(currentRating(ratings, d('2025-04-19'))?.year, 2023);
    assert.equal(currentRating(ratings, d('2025-04-20'))?.year, 2024);
    assert.equal(currentRating(ratings, d('2026-04-21'))?.year, 2024);
    assert.equal(currentRating(ratings, d('2026-04-22'))?.year, 2025);
    assert.equal(currentRating(ratings, d('2027-04-30'))?.year, 2025);
    assert.equal(currentRating(ratings, d('2027-05-01')), null);
    assert.equal(currentRating([ratings[1]!], d('2026-05-01')), null);
  });

  it('gives the rating of a year asked for whatever its age', () => {
    assert.equal(ratingFor(ratings, 2023, d('2030-01-01'))?.level, 'D');
    assert.equal(ratingFor(ratings, null, d('2030-01-01')), null);
  });

  it('knows the oldest evaluation year that can still be in force', () => {
    assert.equal(oldestYearInForce(d('2026-04-30')), 2024);
    assert.equal(oldestYearInForce(d('2026-05-01')), 2025);
    assert.equal(oldestYearInForce(d('2026-01-01')), 2024);
  });
});

describe('M and D levels', () => {
  it('accepts M without a score (a new enterprise) or with 70 or more (no operating income)', () => {
    assert.doesNotThrow(() => checkLevelScore('M', null));
    assert.doesNotThrow(() => checkLevelScore('M', 70));
    assert.throws(() => checkLevelScore('M', 69.9), /LEVEL_SCORE|does not fit/);
    assert.doesNotThrow(() => checkLevelScore('D', null));
    assert.throws(() => checkLevelScore('A', null), /required/);
  });
});

describe('years a query may name', () => {
  it('accepts none or a plausible year, and names the field otherwise', () => {
    assert.doesNotThrow(() => checkYear(undefined));
    assert.doesNotThrow(() => checkYear(2024));
    assert.throws(
      () => checkYear(24),
      (e: Error & { extensions?: Record<string, unknown> }) => {
        assert.deepEqual([e.extensions?.field, e.extensions?.rule], ['year', 'RANGE']);
        return true;
      },
    );
  });
});

describe('重大税收违法失信主体 publicity (国家税务总局令第54号)', () => {
  it('lasts three years from publication, through the corresponding day', () => {
    assert.equal(iso(publicityEnd(d('2025-04-12'))), '2028-04-12');
    assert.equal(iso(publicityEnd(d('2024-02-29'))), '2027-02-28');
  });

  it('may be stopped after payment in full from the day after six months', () => {
    assert.equal(iso(paidInFullFrom(d('2025-04-12'))), '2025-10-13');
    assert.equal(iso(paidInFullFrom(d('2025-08-31'))), '2026-03-01');
  });

  it('is published by the 15th of the month after service', () => {
    assert.equal(iso(latestPublication(d('2025-03-10'))), '2025-04-15');
    assert.equal(iso(latestPublication(d('2024-12-20'))), '2025-01-15');
  });

  it('is published through its last day, expired from the next, and removed whatever the day', () => {
    const entry = { status: 'PUBLISHED' as const, publicityEndsOn: d('2027-04-12') };
    assert.equal(entryStatus(entry, d('2027-04-12')), 'PUBLISHED');
    assert.equal(entryStatus(entry, d('2027-04-13')), 'EXPIRED');
    assert.equal(isInForce(entry, d('2027-04-13')), false);
    assert.equal(entryStatus({ ...entry, status: 'REMOVED' }, d('2025-01-01')), 'REMOVED');
  });

  it('is decided within 15 days of the application', () => {
    assert.equal(iso(stopDecisionDueBy(d('2025-10-13'))), '2025-10-28');
  });

  it('counts repeat determinations within the five years up to the decision', () => {
    const entry = { id: 2n, decisionServedOn: d('2025-03-10') };
    assert.equal(isRepeatOffender(entry, [entry]), false);
    assert.equal(isRepeatOffender(entry, [entry, { id: 1n, decisionServedOn: d('2020-03-10') }]), true);
    assert.equal(isRepeatOffender(entry, [entry, { id: 1n, decisionServedOn: d('2020-03-09') }]), false);
    // A later determination does not make this one a repeat.
    assert.equal(isRepeatOffender(entry, [entry, { id: 3n, decisionServedOn: d('2025-09-01') }]), false);
  });
});
