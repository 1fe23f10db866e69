import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INDUSTRIES, REGIONS, findRegion, regionFullName, regionName } from './index.ts';

describe('REGIONS', () => {
  it('uses unique six-digit codes', () => {
    for (const r of REGIONS) assert.match(r.code, /^\d{6}$/, r.code);
    assert.equal(new Set(REGIONS.map((r) => r.code)).size, REGIONS.length);
  });

  it('has exactly one province, 浙江省, and every parent exists one level up', () => {
    const provinces = REGIONS.filter((r) => r.level === 1);
    assert.deepEqual(provinces, [{ code: '330000', name: '浙江省', level: 1, parentCode: null }]);
    for (const r of REGIONS) {
      if (r.level === 1) continue;
      assert.ok(r.parentCode !== null, r.code);
      const parent = findRegion(r.parentCode);
      assert.ok(parent, `${r.code} has a missing parent ${r.parentCode}`);
      assert.equal(parent.level, r.level - 1, r.code);
    }
  });

  it('lists the eleven prefecture-level cities under 330000', () => {
    const cities = REGIONS.filter((r) => r.level === 2);
    assert.equal(cities.length, 11);
    for (const c of cities) {
      assert.equal(c.parentCode, '330000', c.code);
      assert.match(c.code, /^33\d{2}00$/);
      assert.ok(c.name.endsWith('市'), c.name);
    }
    assert.equal(regionName('330100'), '杭州市');
    assert.equal(regionName('331100'), '丽水市');
  });

  it('gives every city at least four county-level divisions sharing its first four digits', () => {
    for (const city of REGIONS.filter((r) => r.level === 2)) {
      const counties = REGIONS.filter((r) => r.parentCode === city.code);
      assert.ok(counties.length >= 4, `${city.name} has ${counties.length}`);
      for (const c of counties) {
        assert.equal(c.code.slice(0, 4), city.code.slice(0, 4), c.code);
        assert.match(c.name, /(区|县|市)$/, c.name);
      }
    }
  });

  it('has all ten districts of 杭州 and none of the retired codes', () => {
    const districts = REGIONS.filter((r) => r.parentCode === '330100' && r.name.endsWith('区')).map((r) => r.name);
    assert.equal(districts.length, 10);
    for (const retired of ['330103', '330104', '330204']) assert.equal(findRegion(retired), undefined, retired);
  });

  it('writes districts with their city and counties on their own', () => {
    assert.equal(regionFullName('330106'), '杭州市西湖区');
    assert.equal(regionFullName('330182'), '建德市');
    assert.equal(regionFullName('330122'), '桐庐县');
    assert.equal(regionFullName('440305'), undefined);
    assert.equal(regionName('440305'), undefined);
  });
});

describe('INDUSTRIES', () => {
  it('has the twenty sections A–T in order with Chinese names', () => {
    assert.deepEqual(
      INDUSTRIES.map((i) => i.code),
      'ABCDEFGHIJKLMNOPQRST'.split(''),
    );
    for (const i of INDUSTRIES) assert.match(i.name, /^[\u4e00-\u9fff、]+$/, i.name);
    assert.equal(INDUSTRIES.find((i) => i.code === 'I')?.name, '信息传输、软件和信息技术服务业');
  });
});
