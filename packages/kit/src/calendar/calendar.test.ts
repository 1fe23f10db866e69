import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CalendarRangeError,
  calendarFromNotices,
  chineseCalendar as cal,
  holidayNotices,
  WorkingCalendar,
  type YearNotice,
} from './index.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Asserts that `run` throws the calendar's range error naming `date`. */
function refuses(run: () => unknown, date: string) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof CalendarRangeError, String(error));
    assert.equal(error.extensions.code, 'CALENDAR_RANGE');
    assert.equal(error.extensions.date, date);
    assert.equal(error.extensions.coveredFrom, 2019);
    assert.equal(error.extensions.coveredTo, 2026);
    assert.match(error.message, new RegExp(`^${date} is outside the working-day calendar.*2019–2026`));
    return true;
  });
}

describe('Chinese working-day calendar', () => {
  it('knows holidays and adjusted working days (调休)', () => {
    assert.equal(cal.isWorkingDay(d('2025-10-08')), false, '国庆中秋 2025');
    assert.equal(cal.isWorkingDay(d('2025-09-28')), true, 'Sunday made a working day');
    assert.equal(cal.isWorkingDay(d('2026-02-14')), true, 'Saturday before 春节 2026');
    assert.equal(cal.isWorkingDay(d('2026-02-23')), false);
    assert.equal(cal.isWorkingDay(d('2024-06-10')), false, '端午 2024');
    assert.equal(cal.isWorkingDay(d('2025-11-22')), false, 'an ordinary Saturday');
    assert.equal(cal.isWorkingDay(d('2025-11-24')), true, 'an ordinary Monday');
  });

  it('counts working days across a holiday week', () => {
    // Cured on Friday 2025-09-26: 9-28 (Sunday, 调休), 9-29, 9-30, (10-1…10-8 off), 10-9, 10-10 → 5th is 10-10.
    assert.equal(iso(cal.addWorkingDays(d('2025-09-26'), 5)), '2025-10-10');
    assert.equal(iso(cal.addWorkingDays(d('2025-11-21'), 7)), '2025-12-02');
    assert.equal(cal.workingDaysBetween(d('2025-09-26'), d('2025-10-10')), 5);
    assert.equal(cal.workingDaysBetween(d('2025-10-11'), d('2025-09-26')), 0);
  });

  it('holds 2023 (国办发明电〔2022〕16号): 中秋国庆 9-29…10-6 off, Saturday 10-7 and Sunday 10-8 worked', () => {
    // The domain audit's example: a decision on 2023-09-27 is due on 10-12, not on 10-06 (Monday–Friday).
    assert.equal(iso(cal.addWorkingDays(d('2023-09-27'), 7)), '2023-10-12');
    assert.equal(cal.isWorkingDay(d('2023-10-07')), true);
    assert.equal(cal.isWorkingDay(d('2023-10-06')), false);
    assert.equal(cal.isWorkingDay(d('2023-01-02')), false, '元旦 2022-12-31…2023-01-02');
    assert.equal(cal.isWorkingDay(d('2023-01-28')), true, 'Saturday after 春节');
    assert.equal(cal.isWorkingDay(d('2023-06-25')), true, 'Sunday after 端午');
  });

  it('holds the amended 2019 劳动节 and the extended 2020 春节', () => {
    assert.equal(cal.isWorkingDay(d('2019-05-03')), false, '5-1…5-4 off (国办发明电〔2019〕3号)');
    assert.equal(cal.isWorkingDay(d('2019-05-05')), true, 'Sunday 5-5 worked');
    assert.equal(cal.isWorkingDay(d('2020-01-31')), false, '春节 extended to 2-2 (国办发明电〔2020〕1号)');
    assert.equal(cal.isWorkingDay(d('2020-02-01')), false, 'the 调休 Saturday was cancelled by the extension');
    assert.equal(cal.isWorkingDay(d('2020-02-03')), true);
    assert.equal(cal.isWorkingDay(d('2020-01-19')), true, 'Sunday before 春节 worked');
  });

  it('covers 2019 to 2026, one notice per year', () => {
    assert.equal(cal.firstYear, 2019);
    assert.equal(cal.lastYear, 2026);
    assert.deepEqual(
      holidayNotices.map((n) => n.year),
      [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
    );
    for (const n of holidayNotices) {
      assert.ok(n.notice.includes(`${n.year}年`), n.notice);
      assert.ok(n.sources.length > 0, `${n.year} names its sources`);
    }
  });

  it('refuses a date before the first year, on both sides of the edge', () => {
    assert.equal(cal.isWorkingDay(d('2019-01-01')), false, '元旦 2019');
    assert.equal(cal.isWorkingDay(d('2019-01-02')), true);
    refuses(() => cal.isWorkingDay(d('2018-12-31')), '2018-12-31');
    // A 2018 decision's deadline would need 2018's notice for its first days.
    refuses(() => cal.addWorkingDays(d('2018-12-27'), 7), '2018-12-28');
    assert.equal(iso(cal.addWorkingDays(d('2018-12-31'), 1)), '2019-01-02', 'only the days counted must be covered');
  });

  it('refuses a date after the last year instead of counting 2027-01-01 (元旦) as a working day', () => {
    assert.equal(cal.isWorkingDay(d('2026-12-31')), true);
    refuses(() => cal.isWorkingDay(d('2027-01-01')), '2027-01-01');
    // 12-25, 12-28 … 12-31: five working days still fit in 2026; the sixth would be in 2027.
    assert.equal(iso(cal.addWorkingDays(d('2026-12-24'), 5)), '2026-12-31');
    refuses(() => cal.addWorkingDays(d('2026-12-24'), 7), '2027-01-01');
    assert.equal(cal.workingDaysBetween(d('2026-12-28'), d('2026-12-31')), 3);
    refuses(() => cal.workingDaysBetween(d('2026-12-28'), d('2027-01-04')), '2027-01-01');
    assert.equal(cal.covers(d('2026-12-31')), true);
    assert.equal(cal.covers(d('2027-01-01')), false);
  });

  it('checks every notice against its own text when it is loaded', () => {
    const notice = (h: Partial<YearNotice['holidays'][number]>): YearNotice => ({
      year: 2030,
      notice: '2030年 test',
      issuedOn: null,
      sources: ['test'],
      holidays: [{ name: '劳动节', from: '2030-05-01', to: '2030-05-05', days: 5, workdays: ['2030-05-11'], ...h }],
    });
    assert.equal(calendarFromNotices([notice({})]).isWorkingDay(d('2030-05-11')), true);
    assert.throws(() => calendarFromNotices([notice({ days: 4 })]), /2030 劳动节: 2030-05-01–2030-05-05 is 5 days/);
    assert.throws(() => calendarFromNotices([notice({ workdays: ['2030-05-08'] })]), /not a weekend day/);
    assert.throws(() => new WorkingCalendar({ holidays: [], workdays: [], years: [2028, 2030] }), /no notice for 2029/);
  });
});
