import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  earliestEarlyRemoval,
  isSeriousInForce,
  seriousExpiry,
  seriousStatus,
  unmetEarlyRemovalConditions,
} from './rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

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
