import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeIdNumber } from '../testing/fixtures.ts';
import { documentPersonKey, isPersonKey, personKey } from './person-key.ts';

const SECRET = 'person-key-test-secret';

describe('person keys', () => {
  it('keys a 居民身份证号码 stably, differently per secret, and refuses an invalid number', () => {
    const id = makeIdNumber('330106', '19800101', '123');
    assert.ok(isPersonKey(personKey(id, SECRET)));
    assert.equal(personKey(id, SECRET), personKey(id, SECRET));
    assert.notEqual(personKey(id, SECRET), personKey(id, 'another-secret'));
    const wrongCheckDigit = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
    assert.throws(() => personKey(wrongCheckDigit, SECRET), RangeError);
  });

  it('gives a 15-digit first-generation number the key of its 18-digit upgrade', () => {
    const id = makeIdNumber('330106', '19800101', '123');
    const first = `${id.slice(0, 6)}${id.slice(8, 17)}`;
    assert.equal(first.length, 15);
    assert.equal(personKey(first, SECRET), personKey(id, SECRET));
    assert.equal(documentPersonKey(first, SECRET), personKey(id, SECRET));
  });

  it('keys other ID documents by type and number, and a bare 身份证 number as personKey does', () => {
    const id = makeIdNumber('330106', '19800101', '123');
    assert.equal(documentPersonKey(id, SECRET), personKey(id, SECRET));
    const passport = documentPersonKey('02:E12345678', SECRET);
    assert.ok(isPersonKey(passport));
    assert.notEqual(passport, documentPersonKey('03:E12345678', SECRET));
  });
});
