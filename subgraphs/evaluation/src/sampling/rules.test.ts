import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  coveringRegions,
  drawSample,
  populationRefusal,
  POPULATION_MAX_AGE_DAYS,
  stratumSize,
  type PopulationMember,
} from './rules.ts';

const LEVELS = {
  A: { label: '信用风险低', samplingRatio: 0.02 },
  B: { label: '信用风险一般', samplingRatio: 0.05 },
  C: { label: '信用风险较高', samplingRatio: 0.15 },
  D: { label: '信用风险高', samplingRatio: 0.5 },
} as const;
const members = (level: keyof typeof LEVELS, n: number, offset = 0): PopulationMember[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `91330106${level}${String(offset + i).padStart(9, '0')}`,
    level,
    ...LEVELS[level],
  }));
const population = [...members('A', 120), ...members('B', 300), ...members('C', 41), ...members('D', 3)];

describe('双随机 draw', () => {
  it('sizes each stratum ceil(n × ratio), at least 1 when not empty', () => {
    assert.equal(stratumSize(120, 0.02), 3); // 2.4 → 3
    assert.equal(stratumSize(300, 0.05), 15);
    assert.equal(stratumSize(100, 0.07), 7, 'no floating-point overshoot (7.000000000000001)');
    assert.equal(stratumSize(10, 0.02), 1);
    assert.equal(stratumSize(0, 0.5), 0);
    assert.equal(stratumSize(3, 1), 3);
  });

  it('stratifies by supervision level with the expected sizes', () => {
    const d = drawSample(population, 'seed-2026-Q1');
    assert.deepEqual(
      d.strata.map((s) => [s.level, s.population, s.drawn]),
      [
        ['A', 120, 3],
        ['B', 300, 15],
        ['C', 41, 7],
        ['D', 3, 2],
      ],
    );
    assert.equal(d.selected.length, 27);
    assert.equal(new Set(d.selected).size, 27);
    for (const s of d.strata) {
      const chosen = d.selected.filter((c) => c.charAt(8) === s.level);
      assert.equal(chosen.length, s.drawn, `stratum ${s.level}`);
    }
    assert.deepEqual(d.selected, [...d.selected].sort());
  });

  it('is reproducible: same seed and population, same sample, whatever the input order', () => {
    const a = drawSample(population, 'seed-2026-Q1');
    const b = drawSample([...population].reverse(), 'seed-2026-Q1');
    assert.deepEqual(a, b);
  });

  it('gives another sample for another seed', () => {
    assert.notDeepEqual(
      drawSample(population, 'seed-2026-Q1').selected,
      drawSample(population, 'seed-2026-Q2').selected,
    );
  });

  it('uses the stricter ratio when a stratum mixes model versions', () => {
    const mixed = [...members('C', 10), ...members('C', 10, 100).map((m) => ({ ...m, samplingRatio: 0.3 }))];
    assert.deepEqual(drawSample(mixed, 'x').strata, [
      { level: 'C', label: '信用风险较高', samplingRatio: 0.3, population: 20, drawn: 6 },
    ]);
  });

  it('draws nothing from an empty population', () => {
    assert.deepEqual(drawSample([], 'x'), { strata: [], selected: [] });
  });
});

describe('the staleness guard of a draw', () => {
  const refreshed = new Date('2026-04-25T02:00:00Z');
  const later = (days: number, ms = 0) => new Date(refreshed.getTime() + days * 86_400_000 + ms);

  it('accepts a population refreshed up to 7 days before, to the millisecond', () => {
    assert.equal(POPULATION_MAX_AGE_DAYS, 7);
    assert.equal(populationRefusal(refreshed, refreshed), null);
    assert.equal(populationRefusal(refreshed, later(7)), null);
    assert.equal(populationRefusal(refreshed, later(7, 1)), 'STALE_POPULATION');
    assert.equal(populationRefusal(refreshed, later(30)), 'STALE_POPULATION');
  });

  it('refuses a population nobody refreshed', () => {
    assert.equal(populationRefusal(null, refreshed), 'NOT_REFRESHED');
  });

  it('counts a refresh of the region, its prefecture or its province', () => {
    assert.deepEqual(coveringRegions('330212'), ['330000', '330200', '330212']);
    assert.deepEqual(coveringRegions('3302'), ['330000', '330200']);
    assert.deepEqual(coveringRegions('33'), ['330000']);
  });
});
