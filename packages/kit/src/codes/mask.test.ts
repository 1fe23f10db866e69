import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskIdNumber, maskIdNumberBirthDate, maskPersonName } from './mask.ts';

describe('maskPersonName', () => {
  it('masks by length', () => {
    assert.equal(maskPersonName('张三'), '张*');
    assert.equal(maskPersonName('张小三'), '张*三');
    assert.equal(maskPersonName('欧阳小明'), '欧**明');
    assert.equal(maskPersonName('司马相如凤'), '司***凤');
  });

  it('keeps only the first and last character of names with a middle dot', () => {
    assert.equal(maskPersonName('买买提·艾力'), '买****力');
    assert.equal(maskPersonName('阿依古丽·买买提'), '阿******提');
  });

  it('handles empty, single-character and non-BMP names', () => {
    assert.equal(maskPersonName(''), '');
    assert.equal(maskPersonName('   '), '');
    assert.equal(maskPersonName('张'), '*');
    assert.equal(maskPersonName('𠮷野'), '𠮷*');
    assert.equal(maskPersonName('王𠮷明'), '王*明');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 10 and last 4 characters, as on published lists', () => {
    assert.equal(maskIdNumber('342301196401013224'), '3423011964****3224');
    assert.equal(maskIdNumber('11010519491231002x'), '1101051949****002X');
  });

  it('masks anything of the wrong length completely', () => {
    assert.equal(maskIdNumber(''), '');
    assert.equal(maskIdNumber('E12345678'), '*********');
  });
});

describe('ID numbers of a 15-digit first generation', () => {
  it('keep region and two-digit year for the public, and lose the whole birth date on the tax black list', () => {
    assert.equal(maskIdNumber('110105491231002'), '11010549****002');
    assert.equal(maskIdNumberBirthDate('110105491231002'), '110105******002');
  });
});

describe('maskIdNumberBirthDate (国家税务总局令第54号: 隐去出生年、月、日号码段)', () => {
  it('hides positions 7–14, the whole birth date, and keeps region and the last four', () => {
    assert.equal(maskIdNumberBirthDate('342301196401013224'), '342301********3224');
    assert.equal(maskIdNumberBirthDate(' 11010519491231002x '), '110105********002X');
    // No birth digit survives: neither the year (visible in the ID_NUMBER form) nor month or day.
    assert.ok(!maskIdNumberBirthDate('342301196401013224').includes('1964'));
  });

  it('hides other documents completely', () => {
    assert.equal(maskIdNumberBirthDate('E12345678'), '*********');
    assert.equal(maskIdNumberBirthDate(''), '');
  });
});
