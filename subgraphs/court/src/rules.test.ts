import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseCalendar as calendar } from '@credit-hub/kit';
import {
  ageOn,
  deadlineBasisDay,
  deletionDeadlineFrom,
  extensionGroundFits,
  hasTerm,
  isDeletionOverdue,
  isLate,
  isListed,
  listedUntilOf,
  listingState,
  overdueCutoff,
  WITHDRAWAL_REASONS,
} from './rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

describe('the listing term (法释〔2017〕7号 第二条)', () => {
  it('has a term for items (二)–(六), none for item (一) alone', () => {
    assert.equal(hasTerm(['REFUSING_DESPITE_ABILITY']), false);
    assert.equal(hasTerm(['EVADING_EXECUTION']), true);
    assert.equal(hasTerm(['REFUSING_DESPITE_ABILITY', 'REFUSING_SETTLEMENT']), true);
  });

  it('ends on the same calendar day two years (plus the extension) after the decision', () => {
    assert.equal(iso(listedUntilOf(d('2024-11-20'), 2, 0)), '2026-11-20');
    assert.equal(iso(listedUntilOf(d('2024-11-20'), 2, 3)), '2029-11-20');
    assert.equal(iso(listedUntilOf(d('2024-02-29'), 2, 0)), '2026-02-28', 'no 29 February: the month ends');
    assert.equal(iso(listedUntilOf(d('2024-02-29'), 2, 2)), '2028-02-29');
    assert.equal(listedUntilOf(d('2024-11-20'), null, 0), null);
  });

  it('extends only on a ground that fits the behaviours', () => {
    assert.equal(extensionGroundFits('MULTIPLE_BEHAVIOURS', ['EVADING_EXECUTION']), false);
    assert.equal(extensionGroundFits('MULTIPLE_BEHAVIOURS', ['REFUSING_DESPITE_ABILITY', 'EVADING_EXECUTION']), true);
    assert.equal(extensionGroundFits('SERIOUS_VIOLENT_OBSTRUCTION', ['EVADING_EXECUTION']), false);
    assert.equal(extensionGroundFits('SERIOUS_VIOLENT_OBSTRUCTION', ['OBSTRUCTING_EXECUTION']), true);
  });

  it('is on the list through its last day and expired from the day after; withdrawn once recorded', () => {
    const c = { status: 'ACTIVE' as const, listedUntil: d('2026-11-20') };
    assert.deepEqual(
      ['2026-11-19', '2026-11-20', '2026-11-21'].map((day) => listingState(c, d(day))),
      ['ACTIVE', 'ACTIVE', 'EXPIRED'],
    );
    assert.equal(isListed({ status: 'ACTIVE', listedUntil: null }, d('2040-01-01')), true, 'item (一): no end');
    assert.equal(listingState({ status: 'WITHDRAWN', listedUntil: d('2030-01-01') }, d('2026-11-19')), 'WITHDRAWN');
  });
});

describe('deletion within three working days (第十条)', () => {
  it('counts three working days after the ground, holidays and 调休 included', () => {
    assert.equal(iso(deletionDeadlineFrom(d('2026-11-20'), calendar)), '2026-11-25', 'Friday → Wednesday');
    // 2026-09-30: 10-01…10-07 off, Saturday 10-10 worked → 10-08, 10-09, 10-10.
    assert.equal(iso(deletionDeadlineFrom(d('2026-09-30'), calendar)), '2026-10-10');
  });

  it('shows no deadline it cannot count, on either side of the calendar, instead of guessing', () => {
    assert.equal(deletionDeadlineFrom(d('2018-12-20'), calendar), null);
    assert.equal(iso(deletionDeadlineFrom(d('2026-12-28'), calendar)), '2026-12-31');
    assert.equal(deletionDeadlineFrom(d('2026-12-29'), calendar), null, 'the third working day is in 2027');
  });

  it('knows lateness exactly from the days before the act, even for a ground before the calendar', () => {
    // Acting on Thursday 2026-11-26: anything that arose by Sunday 11-22 (due Wednesday 11-25) is late.
    assert.equal(iso(overdueCutoff(d('2026-11-26'), calendar)), '2026-11-22');
    assert.equal(isLate(d('2026-11-20'), d('2026-11-25'), calendar), false, 'on the deadline');
    assert.equal(isLate(d('2026-11-20'), d('2026-11-26'), calendar), true, 'the day after');
    assert.equal(isLate(d('2018-06-01'), d('2026-11-26'), calendar), true);
    const expired = { status: 'ACTIVE' as const, listedUntil: d('2026-11-20') };
    assert.equal(isDeletionOverdue(expired, d('2026-11-25'), calendar), false);
    assert.equal(isDeletionOverdue(expired, d('2026-11-26'), calendar), true);
    assert.throws(() => overdueCutoff(d('2027-01-04'), calendar), { name: 'GraphQLError' });
  });

  it('has each ground apply where the law puts it ("有纳入期限的，不适用前款规定")', () => {
    const tenth = ['PERFORMED', 'SETTLEMENT_PERFORMED', 'APPLICANT_REQUEST', 'NO_ASSETS_FOUND'] as const;
    for (const r of tenth) assert.equal(WITHDRAWAL_REASONS[r].applies, 'NO_TERM', r);
    assert.equal(WITHDRAWAL_REASONS.PERIOD_ENDED.applies, 'TERM');
    assert.equal(WITHDRAWAL_REASONS.EARLY_DELETION.deadline, false);
    assert.equal(WITHDRAWAL_REASONS.LISTED_IN_ERROR.kind, 'REVOCATION');
    assert.equal(WITHDRAWAL_REASONS.OTHER.applies, 'NONE');
    // The term's end counts from its last day, a ground from the day it arose.
    const c = { listedUntil: d('2026-11-20') };
    assert.equal(iso(deadlineBasisDay('PERIOD_ENDED', c, null)), '2026-11-20');
    assert.equal(iso(deadlineBasisDay('PERFORMED', c, d('2026-06-01'))), '2026-06-01');
    assert.equal(deadlineBasisDay('EARLY_DELETION', c, d('2026-06-01')), null);
  });
});

describe('ageOn (第四条: a minor is never listed)', () => {
  it('counts whole years: the day before the birthday, the birthday itself, the day after', () => {
    const on = (iso: string) => new Date(`${iso}T00:00:00Z`);
    assert.equal(ageOn('2008-06-15', on('2026-06-14')), 17);
    assert.equal(ageOn('2008-06-15', on('2026-06-15')), 18);
    assert.equal(ageOn('2008-06-15', on('2026-06-16')), 18);
  });

  it('takes a birthday on 29 February as passed on 1 March of a common year', () => {
    const on = (iso: string) => new Date(`${iso}T00:00:00Z`);
    assert.equal(ageOn('2008-02-29', on('2026-02-28')), 17);
    assert.equal(ageOn('2008-02-29', on('2026-03-01')), 18);
  });
});
