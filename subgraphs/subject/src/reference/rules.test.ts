import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRegion, industryOf, regionsUnder, type Reference } from './rules.ts';

const region = (code: string, name: string, level: number, parentCode: string | null) => ({
  code,
  name,
  level,
  parentCode,
});
const ref: Reference = {
  regions: new Map(
    [
      region('330000', '浙江省', 1, null),
      region('320000', '江苏省', 1, null),
      region('330100', '杭州市', 2, '330000'),
      region('330108', '滨江区', 3, '330100'),
      region('330106', '西湖区', 3, '330100'),
      region('330001', '省直辖单位', 3, '330000'),
    ].map((r) => [r.code, r]),
  ),
  industries: new Map([['I', { code: 'I', name: '信息传输、软件和信息技术服务业' }]]),
};

describe('describeRegion', () => {
  it("joins the province's, city's and own names", () => {
    assert.deepEqual(describeRegion(ref, '330106'), {
      code: '330106',
      name: '西湖区',
      fullName: '浙江省杭州市西湖区',
      level: 3,
    });
  });

  it('names a province or a city once, not repeated for each level', () => {
    assert.equal(describeRegion(ref, '330000').fullName, '浙江省');
    assert.equal(describeRegion(ref, '330100').fullName, '浙江省杭州市');
  });

  it('skips a missing level of the chain (a division directly under the province)', () => {
    assert.equal(describeRegion(ref, '330001').fullName, '浙江省省直辖单位');
  });

  it('shows an unknown code rather than dropping it', () => {
    assert.deepEqual(describeRegion(ref, '440106'), {
      code: '440106',
      name: '未知行政区划',
      fullName: '行政区划 440106',
      level: null,
    });
  });
});

describe('regionsUnder', () => {
  it('gives the provinces without a parent and the children of a parent, by code', () => {
    assert.deepEqual(
      regionsUnder(ref, null).map((r) => r.code),
      ['320000', '330000'],
    );
    assert.deepEqual(
      regionsUnder(ref, '330100').map((r) => r.name),
      ['西湖区', '滨江区'],
    );
    assert.deepEqual(regionsUnder(ref, '999900'), []);
  });
});

describe('industryOf', () => {
  it('finds a known section, and nothing for none or an unknown one', () => {
    assert.equal(industryOf(ref, 'I')?.name, '信息传输、软件和信息技术服务业');
    assert.equal(industryOf(ref, null), null);
    assert.equal(industryOf(ref, 'Z'), null);
  });
});
