import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byNewest, isPublic, publicityEnd, repairableFrom, stateLabel, summaryOf } from './rules.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('publicityEnd (令第36号 maximum by tier, counted from the check)', () => {
  it('publishes 一般 for 1 year and 严重 for 3 years, 轻微 not at all', () => {
    assert.equal(publicityEnd('GENERAL', d('2026-03-10'))?.toISOString().slice(0, 10), '2027-03-10');
    assert.equal(publicityEnd('SEVERE', d('2024-02-29'))?.toISOString().slice(0, 10), '2027-02-28');
    assert.equal(publicityEnd('MINOR', d('2026-03-10')), null);
  });
});

describe('isPublic', () => {
  const broken = { state: 'BROKEN' as const, checkedOn: d('2026-03-10'), publicityEndsOn: d('2027-03-10') };
  it('shows commitments in force and kept, whatever the day', () => {
    assert.equal(isPublic({ state: 'IN_FORCE', checkedOn: null, publicityEndsOn: null }, d('2030-01-01')), true);
    assert.equal(isPublic({ state: 'KEPT', checkedOn: d('2026-01-01'), publicityEndsOn: null }, d('2030-01-01')), true);
  });
  it('shows a broken one from its check through the last day of its publicity, then no more', () => {
    assert.equal(isPublic(broken, d('2026-03-09')), false);
    assert.equal(isPublic(broken, d('2026-03-10')), true);
    assert.equal(isPublic(broken, d('2027-03-10')), true);
    assert.equal(isPublic(broken, d('2027-03-11')), false);
  });
  it('stops showing a repaired breach from its repair day (信用修复)', () => {
    const repaired = { ...broken, repairedOn: d('2026-07-01') };
    assert.equal(isPublic(repaired, d('2026-06-30')), true);
    assert.equal(isPublic(repaired, d('2026-07-01')), false);
  });
  it('may be repaired after the tier’s minimum: 一般 3 months, 严重 1 year; 轻微 has nothing to repair', () => {
    assert.equal(repairableFrom('GENERAL', d('2026-06-01'))?.toISOString().slice(0, 10), '2026-09-02');
    assert.equal(repairableFrom('SEVERE', d('2026-06-01'))?.toISOString().slice(0, 10), '2027-06-02');
    assert.equal(repairableFrom('MINOR', d('2026-06-01')), null);
  });
  it('never shows a 轻微 breach', () => {
    assert.equal(isPublic({ ...broken, publicityEndsOn: null }, d('2026-03-10')), false);
  });
});

describe('stateLabel', () => {
  it('says 待核查 for an unchecked commitment past its term', () => {
    const c = { state: 'IN_FORCE' as const, termEndsOn: d('2026-06-30') };
    assert.equal(stateLabel(c, d('2026-06-30')), '履约中');
    assert.equal(stateLabel(c, d('2026-07-01')), '待核查');
    assert.equal(stateLabel({ ...c, state: 'KEPT' }, d('2026-07-01')), '已践诺');
    assert.equal(stateLabel({ ...c, state: 'BROKEN' }, d('2026-07-01')), '未践诺');
  });
});

describe('summaryOf', () => {
  it('keeps a short text and cuts a long one at 60 characters with an ellipsis', () => {
    assert.equal(summaryOf('  承诺按期  补交材料 '), '承诺按期 补交材料');
    const long = '承'.repeat(61);
    assert.equal(summaryOf(long), `${'承'.repeat(60)}…`);
  });
});

describe('byNewest', () => {
  it('puts the latest commitment first', () => {
    const rows = [
      { id: 'a', madeOn: d('2026-03-01') },
      { id: 'c', madeOn: d('2026-05-01') },
      { id: 'b', madeOn: d('2026-03-01') },
    ];
    assert.deepEqual(
      [...rows].sort(byNewest).map((r) => r.id),
      ['c', 'b', 'a'],
    );
  });
});
