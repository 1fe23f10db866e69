import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseCalendar as cal } from './index.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

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

  it('covers 2024 to 2026', () => {
    assert.equal(cal.firstYear, 2024);
    assert.equal(cal.lastYear, 2026);
  });
});
