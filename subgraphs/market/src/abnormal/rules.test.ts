import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodEnd, WorkingCalendar } from '@credit-hub/kit';
import {
  abnormalKindFor,
  isRemovalOverdue,
  isTransferDue,
  removalDeadline,
  transferCutoff,
  transferDueFrom,
} from './rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('removal deadline (5 working days after the application)', () => {
  for (const [applied, deadline, why] of [
    ['2025-09-26', '2025-10-10', 'across National Day: 28 September (Sunday) is a 调休 working day, 1–8 October off'],
    ['2025-01-24', '2025-02-07', 'across the Spring Festival, with 26 January (Sunday) worked'],
    ['2025-11-17', '2025-11-24', 'over an ordinary weekend'],
    ['2025-11-21', '2025-11-28', 'from a Friday'],
    ['2025-11-22', '2025-11-28', 'from a Saturday (the application day is not counted)'],
    ['2024-12-27', '2025-01-06', 'across New Year'],
  ] as const) {
    it(`applied ${applied} → ${deadline}, ${why}`, () => {
      assert.equal(iso(removalDeadline(d(applied))), deadline);
    });
  }

  it('counts with the calendar it is given (holidays are data)', () => {
    const calendar = new WorkingCalendar({ holidays: ['2030-05-01', '2030-05-02'], workdays: ['2030-05-04'] });
    // 2030-04-30 is a Tuesday: 1–2 May off, Friday 3, Saturday 4 (worked), Monday 6, Tuesday 7, Wednesday 8.
    assert.equal(iso(removalDeadline(d('2030-04-30'), calendar)), '2030-05-08');
  });

  it('refuses a deadline that runs into a year the calendar does not hold, instead of guessing', () => {
    assert.throws(
      () => removalDeadline(d('2026-12-28')),
      (e: any) => e.extensions.code === 'CALENDAR_RANGE' && e.extensions.date === '2027-01-01',
    );
    assert.throws(
      () => removalDeadline(d('2018-12-28')),
      (e: any) => e.extensions.code === 'CALENDAR_RANGE' && e.extensions.date === '2018-12-29',
    );
  });
});

describe('removal overdue', () => {
  const entry = (extra: Partial<{ status: 'LISTED' | 'REMOVED' | 'REVOKED'; removalDeadline: Date | null }>) => ({
    status: 'LISTED' as const,
    removalDeadline: d('2025-10-10'),
    ...extra,
  });

  it('is overdue from the day after the deadline', () => {
    assert.equal(isRemovalOverdue(entry({}), d('2025-10-09')), false);
    assert.equal(isRemovalOverdue(entry({}), d('2025-10-10')), false);
    assert.equal(isRemovalOverdue(entry({}), d('2025-10-11')), true);
  });

  it('is never overdue without a pending application, or once removed or revoked', () => {
    assert.equal(isRemovalOverdue(entry({ removalDeadline: null }), d('2026-01-01')), false);
    assert.equal(isRemovalOverdue(entry({ status: 'REMOVED' }), d('2026-01-01')), false);
    assert.equal(isRemovalOverdue(entry({ status: 'REVOKED' }), d('2026-01-01')), false);
  });
});

describe('经营异常名录 or 经营异常状态', () => {
  it('lists enterprises and cooperatives, marks 个体工商户', () => {
    assert.equal(abnormalKindFor('91350100M000100Y43'), 'LISTING');
    assert.equal(abnormalKindFor('93330106MA2M00011X'), 'LISTING');
    assert.equal(abnormalKindFor('92330106MA2M00011X'), 'MARK');
  });
});

describe('transfer to the 严重违法失信名单 after three years on the 经营异常名录', () => {
  const listing = { kind: 'LISTING' as const, status: 'LISTED' as const, listedOn: d('2023-07-10') };

  it('is due from the day after the three years end', () => {
    assert.equal(iso(transferDueFrom(d('2023-07-10'))), '2026-07-11');
    assert.equal(isTransferDue(listing, d('2026-07-09')), false);
    assert.equal(isTransferDue(listing, d('2026-07-10')), false);
    assert.equal(isTransferDue(listing, d('2026-07-11')), true);
  });

  it('never applies to a mark, nor to an entry removed or revoked', () => {
    assert.equal(isTransferDue({ ...listing, kind: 'MARK' }, d('2027-01-01')), false);
    assert.equal(isTransferDue({ ...listing, status: 'REMOVED' }, d('2027-01-01')), false);
    assert.equal(isTransferDue({ ...listing, status: 'REVOKED' }, d('2027-01-01')), false);
  });

  it('the cutoff date selects exactly the listings whose three years have ended', () => {
    // Every day of four years against every listing day of the year before: one comparison in SQL must agree.
    for (let t = d('2026-01-01').getTime(); t <= d('2028-03-31').getTime(); t += 86_400_000 * 3) {
      const today = new Date(t);
      const cutoff = transferCutoff(today);
      for (let l = today.getTime() - 86_400_000 * 1200; l <= today.getTime() - 86_400_000 * 1000; l += 86_400_000) {
        const listedOn = new Date(l);
        const due = periodEnd(listedOn, { years: 3 }).getTime() < today.getTime();
        assert.equal(listedOn.getTime() <= cutoff.getTime(), due, `${iso(listedOn)} on ${iso(today)}`);
      }
    }
  });
});
