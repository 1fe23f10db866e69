import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayAfter, isOnOrBefore, periodEnd } from './period.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('periodEnd (民法典 第二百零一、二百零二条)', () => {
  it('ends a period of years on the corresponding day of the last month', () => {
    assert.equal(iso(periodEnd(d('2023-05-10'), { years: 3 })), '2026-05-10');
    assert.equal(iso(periodEnd(d('2025-12-31'), { years: 1 })), '2026-12-31');
  });

  it('ends on the month end when the last month has no corresponding day', () => {
    assert.equal(iso(periodEnd(d('2024-02-29'), { years: 3 })), '2027-02-28');
    assert.equal(iso(periodEnd(d('2024-02-29'), { years: 4 })), '2028-02-29');
    assert.equal(iso(periodEnd(d('2023-08-31'), { months: 6 })), '2024-02-29');
    assert.equal(iso(periodEnd(d('2025-03-31'), { months: 1 })), '2025-04-30');
  });

  it('counts months across year ends and adds days', () => {
    assert.equal(iso(periodEnd(d('2025-11-15'), { months: 6 })), '2026-05-15');
    assert.equal(iso(periodEnd(d('2025-12-25'), { days: 15 })), '2026-01-09');
    assert.equal(iso(periodEnd(d('2025-01-31'), { years: 1, months: 1 })), '2026-02-28');
  });

  it('is in force through its last day and not after', () => {
    const last = periodEnd(d('2023-05-10'), { years: 3 });
    assert.equal(isOnOrBefore(d('2026-05-09'), last), true);
    assert.equal(isOnOrBefore(d('2026-05-10'), last), true);
    assert.equal(isOnOrBefore(d('2026-05-11'), last), false);
    assert.equal(iso(dayAfter(last)), '2026-05-11');
  });
});
