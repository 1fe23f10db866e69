import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byNewestDecision } from './rules.ts';

describe('byNewestDecision', () => {
  it('puts the latest decision first, and the later record first on the same day', () => {
    const rows = [
      { id: 1n, decidedOn: new Date('2026-03-01') },
      { id: 3n, decidedOn: new Date('2026-05-01') },
      { id: 2n, decidedOn: new Date('2026-03-01') },
    ];
    assert.deepEqual(
      [...rows].sort(byNewestDecision).map((r) => r.id),
      [3n, 2n, 1n],
    );
  });
});
