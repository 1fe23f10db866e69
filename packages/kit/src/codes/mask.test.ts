import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskIdNumber, maskPersonName } from './mask.ts';

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
    assert.equal(maskIdNumber('110105491231002'), '***************');
  });
});
