import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkingCalendar } from '@credit-hub/kit';
import { periodEnd } from '@credit-hub/kit';
import {
  abnormalKindFor,
  annualReportDeadline,
  annualReportStatus,
  earliestEarlyRemoval,
  isMarketSubject,
  isRemovalOverdue,
  isSeriousInForce,
  isTransferDue,
  removalDeadline,
  seriousExpiry,
  seriousStatus,
  transferCutoff,
  transferDueFrom,
  unmetEarlyRemovalConditions,
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

describe('market subjects', () => {
  it('are enterprises (91), 个体工商户 (92) and 农民专业合作社 (93) only', () => {
    assert.equal(isMarketSubject('91350100M000100Y43'), true);
    assert.equal(isMarketSubject('92330106MA2M00011X'), true);
    assert.equal(isMarketSubject('93330106MA2M00011X'), true);
    for (const other of ['11330100002600011X', '12330100002600011X', '51330100002600011X', 'Y1330100002600011X'])
      assert.equal(isMarketSubject(other), false, other);
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

describe('严重违法失信名单 term (总局令第44号)', () => {
  const entry = (listedOn: string, extra: Partial<{ status: 'LISTED' | 'REMOVED' | 'REVOKED' }> = {}) => ({
    status: 'LISTED' as const,
    expiresOn: seriousExpiry(d(listedOn), null),
    ...extra,
  });

  it('is in force for three years and ends by itself the day after', () => {
    assert.equal(iso(seriousExpiry(d('2023-05-10'), null)), '2026-05-10');
    assert.equal(seriousStatus(entry('2023-05-10'), d('2026-05-09')), 'LISTED');
    assert.equal(seriousStatus(entry('2023-05-10'), d('2026-05-10')), 'LISTED');
    assert.equal(seriousStatus(entry('2023-05-10'), d('2026-05-11')), 'EXPIRED');
    assert.equal(isSeriousInForce(entry('2023-05-10'), d('2026-05-11')), false);
  });

  it('lasts as long as a longer 限制从业 measure', () => {
    assert.equal(iso(seriousExpiry(d('2023-05-10'), d('2028-05-09'))), '2028-05-09');
    assert.equal(iso(seriousExpiry(d('2023-05-10'), d('2025-01-01'))), '2026-05-10');
  });

  it('ends a listing of 29 February on 28 February three years later', () => {
    assert.equal(iso(seriousExpiry(d('2024-02-29'), null)), '2027-02-28');
  });

  it('keeps removed and revoked entries as stored, whatever the date', () => {
    assert.equal(seriousStatus(entry('2025-05-10', { status: 'REMOVED' }), d('2025-06-01')), 'REMOVED');
    assert.equal(seriousStatus(entry('2025-05-10', { status: 'REVOKED' }), d('2025-06-01')), 'REVOKED');
  });

  it('may be removed early from the day after the first year', () => {
    assert.equal(iso(earliestEarlyRemoval(d('2024-05-10'))), '2025-05-11');
    assert.equal(iso(earliestEarlyRemoval(d('2024-02-29'))), '2025-03-01');
  });

  it('needs all three conditions for a penalty-based listing', () => {
    const all = { penaltyPerformed: true, harmRemoved: true, noNewHeavyPenalty: true };
    assert.deepEqual(unmetEarlyRemovalConditions('HEAVY_PENALTY', all), []);
    assert.deepEqual(unmetEarlyRemovalConditions('HEAVY_PENALTY', { ...all, penaltyPerformed: false }), [
      'penaltyPerformed',
    ]);
    assert.deepEqual(
      unmetEarlyRemovalConditions('HEAVY_PENALTY', {
        penaltyPerformed: false,
        harmRemoved: false,
        noNewHeavyPenalty: false,
      }),
      ['penaltyPerformed', 'harmRemoved', 'noNewHeavyPenalty'],
    );
  });

  it('needs the 经营异常名录 entry removed, not a penalty performed, for a transferred listing', () => {
    const facts = { penaltyPerformed: false, harmRemoved: true, noNewHeavyPenalty: true };
    assert.deepEqual(unmetEarlyRemovalConditions('ABNORMAL_TRANSFER', { ...facts, abnormalEntryRemoved: true }), []);
    assert.deepEqual(unmetEarlyRemovalConditions('ABNORMAL_TRANSFER', { ...facts, abnormalEntryRemoved: false }), [
      'abnormalEntryRemoved',
    ]);
  });
});
