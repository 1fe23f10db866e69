import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  HIGH_FREQUENCY_WINDOW_MONTHS,
  highFrequencySince,
  isLicencePublic,
  isStoredLicencePublic,
  periodEnd,
  decideTier,
  deadlineBounds,
  derivePublicity,
  describePublicity,
  isPenaltyPublished,
  parsePublicityConfig,
  PUBLICITY_RULES,
  publicityEndsOn,
  regimeOn,
  repairAllowedFrom,
  sectorOf,
  type PenaltyTier,
} from './rules.ts';

// The publicity rules as plain functions: every boundary is checked on the day before, of and after it.
const published = (decidedOn: string, endsOn: string | null, today: string) =>
  isPenaltyPublished({ decidedOn, publicityEndsOn: endsOn, repairedOn: null }, today);
const window = (decidedOn: string, tier: PenaltyTier, sector: string | null = null, deadline: string | null = null) =>
  publicityEndsOn({ decidedOn, tier, sector, deadline });
/** Whether repair may be applied for on `day`: the earliest allowed day from `day` on is `day` itself. */
const repairable = (decidedOn: string, tier: PenaltyTier, day: string, sector: string | null = null) =>
  repairAllowedFrom({ decidedOn, tier, sector }, day) === day;

describe('the rule in force on the decision date', () => {
  it('is 527号 until 2023-04-30, 58号令 until 2026-03-31, 令第36号 from 2026-04-01', () => {
    assert.equal(regimeOn('2019-01-01').code, 'NDRC-2019-527');
    assert.equal(regimeOn('2023-04-30').code, 'NDRC-2019-527');
    assert.equal(regimeOn('2023-05-01').code, 'NDRC-58');
    assert.equal(regimeOn('2026-03-31').code, 'NDRC-58');
    assert.equal(regimeOn('2026-04-01').code, 'NDRC-36');
    assert.equal(regimeOn('2030-01-01').code, 'NDRC-36');
  });
});

describe('periodEnd: a period of months counted from a day (民法典 第二百零一、二百零二条)', () => {
  it('ends on the corresponding day of the last month', () => {
    assert.equal(periodEnd('2026-05-01', 3), '2026-08-01');
    assert.equal(periodEnd('2026-05-15', 12), '2027-05-15');
    assert.equal(periodEnd('2025-12-10', 1), '2026-01-10', 'across the year end');
    assert.equal(periodEnd('2026-05-01', 0), '2026-05-01');
  });

  it('falls back to the last day of a month that has no corresponding day (month ends)', () => {
    assert.equal(periodEnd('2025-11-30', 3), '2026-02-28');
    assert.equal(periodEnd('2026-01-31', 1), '2026-02-28');
    assert.equal(periodEnd('2026-03-31', 1), '2026-04-30');
    assert.equal(periodEnd('2026-05-31', 6), '2026-11-30');
    assert.equal(periodEnd('2026-08-31', 1), '2026-09-30');
    // A day that exists in the target month is kept, not moved to that month's end.
    assert.equal(periodEnd('2026-02-28', 1), '2026-03-28');
    assert.equal(periodEnd('2026-04-30', 1), '2026-05-30');
  });

  it('handles the leap day: to and from 29 February', () => {
    assert.equal(periodEnd('2024-02-29', 12), '2025-02-28');
    assert.equal(periodEnd('2024-02-29', 48), '2028-02-29', 'four years on, a leap year again');
    assert.equal(periodEnd('2023-08-31', 6), '2024-02-29', 'into a leap February');
    assert.equal(periodEnd('2025-08-31', 6), '2026-02-28', 'into a common February');
    assert.equal(periodEnd('2024-01-29', 1), '2024-02-29');
    assert.equal(periodEnd('2024-01-30', 1), '2024-02-29');
  });

  it('counts back the same way (the start of a window ending on a day)', () => {
    assert.equal(periodEnd('2026-05-15', -36), '2023-05-15');
    assert.equal(periodEnd('2027-02-28', -36), '2024-02-28');
    assert.equal(periodEnd('2028-02-29', -12), '2027-02-28');
    assert.equal(periodEnd('2026-03-31', -1), '2026-02-28');
  });

  it('is the publicity window: a year of 一般 from a month end ends on the month end', () => {
    assert.equal(
      publicityEndsOn({ decidedOn: '2026-08-31', tier: 'GENERAL', sector: null, deadline: null }),
      '2027-08-31',
    );
    assert.equal(
      publicityEndsOn({ decidedOn: '2027-02-28', tier: 'GENERAL', sector: null, deadline: null }),
      '2028-02-28',
    );
  });
});

describe('高频失信主体: the window of HIGH_FREQUENCY_WINDOW_MONTHS', () => {
  it('starts after the day that many months before today', () => {
    assert.equal(HIGH_FREQUENCY_WINDOW_MONTHS, 36);
    assert.equal(highFrequencySince('2026-12-06'), '2023-12-06');
    assert.equal(highFrequencySince('2027-02-28'), '2024-02-28');
    assert.equal(highFrequencySince('2028-02-29'), '2025-02-28');
  });
});

describe('licence publicity (有效期至 validUntil)', () => {
  const valid = (validUntil: string, status = 'VALID') => ({ status, validUntil });

  it('is public the day before validUntil and on validUntil itself, gone the day after', () => {
    assert.equal(isLicencePublic(valid('2026-06-30'), '2026-06-29'), true, 'the day before');
    assert.equal(isLicencePublic(valid('2026-06-30'), '2026-06-30'), true, 'on validUntil');
    assert.equal(isLicencePublic(valid('2026-06-30'), '2026-07-01'), false, 'the day after');
  });

  it('across a month end and the leap day', () => {
    assert.equal(isLicencePublic(valid('2028-02-29'), '2028-02-29'), true);
    assert.equal(isLicencePublic(valid('2028-02-29'), '2028-03-01'), false);
    assert.equal(isLicencePublic(valid('2026-12-31'), '2027-01-01'), false);
  });

  it('is never public unless 有效 (VALID), whatever the date', () => {
    for (const status of ['INVALID'])
      assert.equal(isLicencePublic(valid('2099-12-31', status), '2026-06-29'), false, status);
  });

  it('reads a stored row (dates from the database at UTC midnight) the same way', () => {
    const row = { status: 'VALID', validUntil: new Date('2026-06-30T00:00:00Z') };
    assert.equal(isStoredLicencePublic(row, '2026-06-30'), true);
    assert.equal(isStoredLicencePublic(row, '2026-07-01'), false);
  });
});

describe('令第36号 《信用修复管理办法》 (decisions from 2026-04-01)', () => {
  const D = '2026-05-01';

  it('一般: published for at most 1 year, stops by itself the day after', () => {
    const end = window(D, 'GENERAL');
    assert.equal(end, '2027-05-01');
    assert.equal(published(D, end, '2027-04-30'), true);
    assert.equal(published(D, end, '2027-05-01'), true);
    assert.equal(published(D, end, '2027-05-02'), false);
  });

  it('一般: repair only after the 3-month minimum (from 2026-08-02)', () => {
    assert.equal(repairAllowedFrom({ decidedOn: D, tier: 'GENERAL', sector: null }), '2026-08-02');
    assert.equal(repairable(D, 'GENERAL', '2026-08-01'), false, 'the last day of the minimum');
    assert.equal(repairable(D, 'GENERAL', '2026-08-02'), true);
    assert.equal(repairable(D, 'GENERAL', '2026-08-03'), true);
  });

  it('严重: at least 1 year, at most 3 years', () => {
    const end = window(D, 'SEVERE');
    assert.equal(end, '2029-05-01');
    assert.deepEqual(
      ['2029-04-30', '2029-05-01', '2029-05-02'].map((d) => published(D, end, d)),
      [true, true, false],
    );
    assert.deepEqual(
      ['2027-05-01', '2027-05-02', '2027-05-03'].map((d) => repairable(D, 'SEVERE', d)),
      [false, true, true],
    );
  });

  it('轻微: not published by default; at most 3 months when the department sets a 公示截止期; repairable at once', () => {
    assert.equal(window(D, 'MINOR'), null);
    assert.equal(published(D, null, D), false);
    const end = window(D, 'MINOR', null, '2026-08-01');
    assert.deepEqual(
      ['2026-07-31', '2026-08-01', '2026-08-02'].map((d) => published(D, end, d)),
      [true, true, false],
    );
    assert.equal(repairAllowedFrom({ decidedOn: D, tier: 'MINOR', sector: null }), D);
  });

  it('bounds a 公示截止期 by the tier: from the end of the minimum to the end of the maximum', () => {
    const general = deadlineBounds({ decidedOn: D, tier: 'GENERAL', sector: null });
    assert.deepEqual([general.earliest, general.latest, general.regime.code], ['2026-08-01', '2027-05-01', 'NDRC-36']);
    const severe = deadlineBounds({ decidedOn: D, tier: 'SEVERE', sector: null });
    assert.deepEqual([severe.earliest, severe.latest], ['2027-05-01', '2029-05-01']);
    const minor = deadlineBounds({ decidedOn: D, tier: 'MINOR', sector: null });
    assert.deepEqual([minor.earliest, minor.latest], ['2026-05-02', '2026-08-01']);
    // 令第36号 keeps no sector minimum: a food penalty is bounded by its tier only.
    assert.equal(deadlineBounds({ decidedOn: D, tier: 'GENERAL', sector: 'FOOD' }).earliest, '2026-08-01');
  });
});

describe('国家发展改革委令第58号 (decisions 2023-05-01 … 2026-03-31)', () => {
  it('allows 3 months to 3 years, and 1 year at least in the five sectors', () => {
    const plain = deadlineBounds({ decidedOn: '2025-06-10', tier: 'GENERAL', sector: null });
    assert.deepEqual([plain.earliest, plain.latest, plain.regime.code], ['2025-09-10', '2028-06-10', 'NDRC-58']);
    for (const sector of ['FOOD', 'DRUG', 'SPECIAL_EQUIPMENT', 'WORK_SAFETY', 'FIRE'])
      assert.equal(deadlineBounds({ decidedOn: '2025-06-10', tier: 'GENERAL', sector }).earliest, '2026-06-10');
    assert.deepEqual(
      ['2025-09-10', '2025-09-11', '2025-09-12'].map((d) => repairable('2025-06-10', 'SEVERE', d)),
      [false, true, true],
      'under 58号令 every tier has the 3-month minimum',
    );
  });

  it('recognises the five sectors from the law the 处罚依据 cites', () => {
    assert.equal(sectorOf('《中华人民共和国食品安全法》第一百二十四条第一款'), 'FOOD');
    assert.equal(sectorOf('《中华人民共和国安全生产法》第一百零二条'), 'WORK_SAFETY');
    assert.equal(sectorOf('《中华人民共和国特种设备安全法》第八十四条'), 'SPECIAL_EQUIPMENT');
    assert.equal(sectorOf('《中华人民共和国消防法》第六十条'), 'FIRE');
    assert.equal(sectorOf('《中华人民共和国药品管理法》第一百一十七条'), 'DRUG');
    assert.equal(sectorOf('《中华人民共和国广告法》第五十五条'), null);
  });
});

describe('a decision under one rule, publicity or repair under the next (从旧兼从轻)', () => {
  it('ends a 58号令 一般 penalty at 令第36号 maximum of 1 year, counted from the decision', () => {
    const end = window('2025-06-10', 'GENERAL');
    assert.equal(end, '2026-06-10');
    assert.deepEqual(
      ['2026-06-09', '2026-06-10', '2026-06-11'].map((d) => published('2025-06-10', end, d)),
      [true, true, false],
    );
  });

  it('stops a penalty whose new maximum has already passed on 2026-03-31, never earlier', () => {
    const end = window('2024-06-01', 'GENERAL');
    assert.equal(end, '2026-03-31');
    assert.deepEqual(
      ['2026-03-30', '2026-03-31', '2026-04-01'].map((d) => published('2024-06-01', end, d)),
      [true, true, false],
    );
    // A 轻微 penalty decided under 58号令 is published until the new rule stops it.
    assert.equal(window('2026-03-15', 'MINOR'), '2026-03-31');
    // One the department chose to publish for 3 months keeps them (within the new maximum for 轻微).
    assert.equal(window('2026-03-15', 'MINOR', null, '2026-06-15'), '2026-06-15');
  });

  it('keeps a 58号令 严重 penalty for its 3 years (the new maximum is the same)', () => {
    assert.equal(window('2025-06-10', 'SEVERE'), '2028-06-10');
  });

  it('lets a 58号令 food penalty be repaired from 2026-04-01 on the new 3-month minimum, not before', () => {
    const facts = { decidedOn: '2025-06-10', tier: 'GENERAL' as const, sector: 'FOOD' };
    assert.equal(repairAllowedFrom(facts), '2026-04-01');
    assert.deepEqual(
      ['2026-03-31', '2026-04-01', '2026-04-02'].map((d) => repairable('2025-06-10', 'GENERAL', d, 'FOOD')),
      [false, true, true],
    );
    // A 58号令 severe penalty keeps the shorter 58号令 minimum (3 months), not the new 1 year.
    assert.equal(repairAllowedFrom({ decidedOn: '2026-03-01', tier: 'SEVERE', sector: null }), '2026-06-02');
  });

  it('applies 527号 to decisions before 2023-05-01, with 58号令 minimum from then on', () => {
    assert.equal(window('2022-06-01', 'GENERAL'), '2023-06-01');
    assert.equal(window('2023-04-10', 'SEVERE'), '2026-04-10');
    assert.equal(repairAllowedFrom({ decidedOn: '2023-04-10', tier: 'SEVERE', sector: null }), '2023-07-11');
  });
});

describe('the tier', () => {
  const facts = {
    reportedTier: null,
    department: 'market',
    authorityCode: '11330100G0000010XX',
    violationType: '销售不合格产品',
    legalBasis: '《中华人民共和国产品质量法》第四十九条',
    penaltyTypes: ['FINE'],
  };

  it('is the deciding authority’s own when reported (CF_SXDJ)', () => {
    assert.deepEqual(decideTier({ ...facts, reportedTier: 'SEVERE' }), { tier: 'SEVERE', source: 'REPORTED' });
  });

  it('comes from the province’s table of authority classifications when configured', () => {
    const config = parsePublicityConfig({
      ...PUBLICITY_RULES,
      authorityTiers: [
        {
          department: 'market',
          violationType: '销售不合格产品',
          tier: 'MINOR',
          source: '某省市场监管领域失信信息分类标准',
        },
      ],
    });
    assert.deepEqual(decideTier(facts, config), { tier: 'MINOR', source: 'AUTHORITY_TABLE' });
    assert.deepEqual(decideTier({ ...facts, department: 'tax' }, config), { tier: 'GENERAL', source: 'PENALTY_TYPE' });
    assert.throws(() =>
      parsePublicityConfig({
        ...PUBLICITY_RULES,
        authorityTiers: [{ department: 'market', tier: 'MINOR', source: 'x' }],
      }),
    );
  });

  it('falls back to the most severe 处罚类别; a fine alone is 一般 whatever its amount', () => {
    const tier = (types: string[]) => decideTier({ ...facts, penaltyTypes: types }).tier;
    assert.equal(tier(['WARNING']), 'MINOR');
    assert.equal(tier(['WARNING', 'CIRCULATED_CRITICISM']), 'MINOR');
    assert.equal(tier(['FINE']), 'GENERAL');
    assert.equal(tier(['WARNING', 'FINE']), 'GENERAL');
    assert.equal(tier(['LICENCE_SUSPENSION']), 'GENERAL');
    assert.equal(tier(['FINE', 'LICENCE_REVOCATION']), 'SEVERE');
    assert.equal(tier(['EMPLOYMENT_RESTRICTION']), 'SEVERE');
  });

  it('derives every stored column together and explains the rule in Chinese', () => {
    const d = derivePublicity({
      ...facts,
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      decidedOn: '2025-06-10',
      deadline: null,
    });
    assert.deepEqual(d, {
      tier: 'GENERAL',
      tierSource: 'PENALTY_TYPE',
      sector: 'FOOD',
      regime: 'NDRC-58',
      publicityEndsOn: '2026-06-10',
      repairableFrom: '2026-04-01',
    });
    assert.match(
      describePublicity({ decidedOn: '2025-06-10', tier: 'GENERAL', sector: 'FOOD', publicityEndsOn: '2026-06-10' }),
      /国家发展改革委令第58号.*食品领域最短公示1年.*自2026-04-01起按《信用修复管理办法》（国家发展改革委令第36号）从轻适用.*公示至2026-06-10/,
    );
    assert.match(
      describePublicity({ decidedOn: '2026-05-01', tier: 'MINOR', sector: null, publicityEndsOn: null }),
      /轻微失信信息原则上不予公示.*不予公示$/,
    );
  });
});
