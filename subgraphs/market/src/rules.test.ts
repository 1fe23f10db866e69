import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkingCalendar } from '@credit-hub/kit';
import {
  annualReportDeadline,
  annualReportStatus,
  isMarketSubject,
  isRemovalOverdue,
  removalDeadline,
} from './rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('annual report status', () => {
  const report = (filedOn: string | null) => ({ year: 2024, filedOn: filedOn ? d(filedOn) : null });

  it('is due by 30 June of the following year', () => {
    assert.equal(iso(annualReportDeadline(2024)), '2025-06-30');
    assert.equal(iso(annualReportDeadline(2023)), '2024-06-30');
  });

  it('counts a report filed on 30 June as on time and one filed on 1 July as late', () => {
    assert.equal(annualReportStatus(report('2025-01-01'), d('2026-01-01')), 'ON_TIME');
    assert.equal(annualReportStatus(report('2025-06-30'), d('2026-01-01')), 'ON_TIME');
    assert.equal(annualReportStatus(report('2025-07-01'), d('2026-01-01')), 'LATE');
    // Once filed, the status no longer depends on today.
    assert.equal(annualReportStatus(report('2025-07-01'), d('2025-07-01')), 'LATE');
  });

  it('keeps an unfiled report due through 30 June and missing from 1 July', () => {
    assert.equal(annualReportStatus(report(null), d('2025-03-15')), 'DUE');
    assert.equal(annualReportStatus(report(null), d('2025-06-30')), 'DUE');
    assert.equal(annualReportStatus(report(null), d('2025-07-01')), 'MISSING');
    assert.equal(annualReportStatus({ year: 2020, filedOn: null }, d('2025-01-01')), 'MISSING');
  });
});

describe('removal deadline (5 working days after the cure)', () => {
  for (const [cured, deadline, why] of [
    ['2025-09-26', '2025-10-10', 'across National Day: 28 September (Sunday) is a 调休 working day, 1–8 October off'],
    ['2025-01-24', '2025-02-07', 'across the Spring Festival, with 26 January (Sunday) worked'],
    ['2025-11-17', '2025-11-24', 'over an ordinary weekend'],
    ['2025-11-21', '2025-11-28', 'from a Friday'],
    ['2025-11-22', '2025-11-28', 'from a Saturday (the cure day is not counted)'],
    ['2024-12-27', '2025-01-06', 'across New Year'],
  ] as const) {
    it(`cured ${cured} → ${deadline}, ${why}`, () => {
      assert.equal(iso(removalDeadline(d(cured))), deadline);
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
  const entry = (
    extra: Partial<{ status: 'LISTED' | 'REMOVED'; curedOn: Date | null; removalDeadline: Date | null }>,
  ) => ({
    status: 'LISTED' as const,
    curedOn: d('2025-09-26'),
    removalDeadline: d('2025-10-10'),
    ...extra,
  });

  it('is overdue from the day after the deadline', () => {
    assert.equal(isRemovalOverdue(entry({}), d('2025-10-09')), false);
    assert.equal(isRemovalOverdue(entry({}), d('2025-10-10')), false);
    assert.equal(isRemovalOverdue(entry({}), d('2025-10-11')), true);
  });

  it('is never overdue when not cured or already removed', () => {
    assert.equal(isRemovalOverdue(entry({ curedOn: null, removalDeadline: null }), d('2026-01-01')), false);
    assert.equal(isRemovalOverdue(entry({ status: 'REMOVED' }), d('2026-01-01')), false);
  });
});

describe('market subjects', () => {
  it('are enterprises (91), 个体工商户 (92) and 农民专业合作社 (93) only', () => {
    assert.equal(isMarketSubject('91350100M000100Y43'), true);
    assert.equal(isMarketSubject('92330106MA2M00011X'), true);
    assert.equal(isMarketSubject('93330106MA2M00011X'), true);
    for (const other of ['11330100002600011X', '12330100002600011X', '51330100002600011X', 'Y1330100002600011X'])
      assert.equal(isMarketSubject(other), false, other);
  });
});
