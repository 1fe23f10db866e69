import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthAligned, rollupLevelFor, splitRange } from './rules.ts';

describe('splitting a period into whole months and leftover days', () => {
  it('reads whole months from the rollup and the partial months at either end from the facts', () => {
    assert.deepEqual(splitRange(['2026-01-15', '2026-04-10']), {
      months: ['2026-02-01', '2026-03-01'],
      days: [
        ['2026-01-15', '2026-01-31'],
        ['2026-04-01', '2026-04-10'],
      ],
    });
    assert.deepEqual(splitRange(['2026-01-01', '2026-12-31']), { months: ['2026-01-01', '2026-12-01'], days: [] });
  });

  it('handles February, leap years and the last day of a month', () => {
    assert.deepEqual(splitRange(['2024-02-01', '2024-02-29']), { months: ['2024-02-01', '2024-02-01'], days: [] });
    assert.deepEqual(splitRange(['2025-02-01', '2025-02-28']), { months: ['2025-02-01', '2025-02-01'], days: [] });
    assert.deepEqual(splitRange(['2024-02-01', '2024-02-28']), { months: null, days: [['2024-02-01', '2024-02-28']] });
    assert.deepEqual(splitRange(['2025-12-31', '2026-01-31']), {
      months: ['2026-01-01', '2026-01-01'],
      days: [['2025-12-31', '2025-12-31']],
    });
  });

  it('keeps a range inside one month, or across one month end without a whole month, as days', () => {
    assert.deepEqual(splitRange(['2026-02-02', '2026-02-20']), { months: null, days: [['2026-02-02', '2026-02-20']] });
    assert.deepEqual(splitRange(['2025-12-31', '2026-01-01']), { months: null, days: [['2025-12-31', '2026-01-01']] });
  });

  it('takes every month before or after an open end', () => {
    assert.deepEqual(splitRange([null, '2026-03-10']), {
      months: [null, '2026-02-01'],
      days: [['2026-03-01', '2026-03-10']],
    });
    assert.deepEqual(splitRange([null, '2026-03-31']), { months: [null, '2026-03-01'], days: [] });
    assert.deepEqual(splitRange(['2026-03-10', null]), {
      months: ['2026-04-01', null],
      days: [['2026-03-10', '2026-03-31']],
    });
  });
});

describe('choosing a rollup level', () => {
  it('uses the coarsest level keeping every dimension read, the full one for region and industry together', () => {
    assert.equal(rollupLevelFor([]), 1);
    assert.equal(rollupLevelFor(['department', 'severity']), 1);
    assert.equal(rollupLevelFor(['city', 'list']), 2);
    assert.equal(rollupLevelFor(['industry', 'severity']), 3);
    assert.equal(rollupLevelFor(['district']), 4);
    assert.equal(rollupLevelFor(['city', 'industry']), 4);
  });

  it('reads months for grains made of whole months only', () => {
    assert.deepEqual(
      [null, 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'].map((g) => monthAligned(g as never)),
      [true, false, false, true, true, true],
    );
  });
});
