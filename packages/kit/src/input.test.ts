import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { checkStorableText, findUnstorableText, isUuid, storableCopy, unstorableCharacter } from './input.ts';

describe('unstorableCharacter', () => {
  it('accepts ordinary, Chinese, emoji (a surrogate pair), tab and newline text', () => {
    for (const text of ['', '杭州安信数据科技有限公司', '𠮷野家 🍜', 'a\tb\nc\r\n', '\uFFFD', '\uFFFF'])
      assert.equal(unstorableCharacter(text), null, JSON.stringify(text));
  });

  it('finds NUL anywhere, with its position', () => {
    assert.deepEqual(unstorableCharacter('\u0000'), { rule: 'NUL_CHARACTER', position: 0, character: 'U+0000' });
    assert.deepEqual(unstorableCharacter('安信\u0000'), { rule: 'NUL_CHARACTER', position: 2, character: 'U+0000' });
  });

  it('finds half of a surrogate pair: a lone high, a lone low, a reversed pair, one at either end', () => {
    const cases: [string, number, string][] = [
      ['\uD800', 0, 'U+D800'],
      ['a\uDBFF', 1, 'U+DBFF'],
      ['\uDC00b', 0, 'U+DC00'],
      ['\uDC00\uD800', 0, 'U+DC00'],
      ['🍜\uD83C', 2, 'U+D83C'],
      ['x\uDFFF🍜', 1, 'U+DFFF'],
    ];
    for (const [text, position, character] of cases)
      assert.deepEqual(unstorableCharacter(text), { rule: 'UNPAIRED_SURROGATE', position, character }, character);
  });
});

describe('findUnstorableText', () => {
  it('walks objects, lists and keys, naming the path', () => {
    assert.equal(findUnstorableText({ a: ['ok', { b: 'fine' }], n: 3, z: null }, 'input'), null);
    assert.equal(findUnstorableText({ a: ['ok', { b: 'x\u0000' }] }, 'input')?.path, 'input.a[1].b');
    assert.equal(findUnstorableText(['\uD800'], '')?.path, '[0]');
    assert.equal(findUnstorableText({ 'k\u0000': 1 }, '')?.path, 'k\u0000');
  });

  it('checkStorableText refuses with BAD_USER_INPUT naming the field and the rule', () => {
    assert.doesNotThrow(() => checkStorableText('正常文本', 'name'));
    const error = (() => {
      try {
        checkStorableText({ items: [{ name: 'a\uDC00' }] }, 'input');
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof GraphQLError);
    assert.deepEqual(error.extensions, {
      code: 'BAD_USER_INPUT',
      field: 'input.items[0].name',
      rule: 'UNPAIRED_SURROGATE',
      position: 1,
    });
  });

  it('walks a value nested far deeper than the call stack allows, without overflowing', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = i % 2 ? [deep] : { k: deep };
    const hit = findUnstorableText(deep, '$v');
    assert.equal(hit?.found.rule, 'NUL_CHARACTER');
    assert.ok(hit?.path.startsWith('$v[0].k[0].k'));
    assert.equal(findUnstorableText(JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)), ''), null);
  });
});

describe('storableCopy', () => {
  it('replaces unstorable characters with U+FFFD in values and keys, keeping everything else', () => {
    const original = { a: ['x\u0000y', 1, null, true, { 'k\uD800': '🍜\uDC00' }], b: '正常' };
    assert.deepEqual(storableCopy(original), { a: ['x\uFFFDy', 1, null, true, { 'k\uFFFD': '🍜\uFFFD' }], b: '正常' });
    assert.equal(findUnstorableText(storableCopy(original), ''), null);
    let deep: unknown = '\u0000';
    for (let i = 0; i < 50_000; i += 1) deep = [deep];
    assert.equal(findUnstorableText(storableCopy(deep), ''), null);
  });
});

describe('isUuid', () => {
  it('accepts a UUID in either case and refuses anything else', () => {
    assert.equal(isUuid('0b6f3c52-8d0e-4f6e-9a59-2f1f0d3c9e41'), true);
    assert.equal(isUuid('0B6F3C52-8D0E-4F6E-9A59-2F1F0D3C9E41'), true);
    for (const bad of [
      '',
      'x'.repeat(200),
      '0b6f3c52-8d0e-4f6e-9a59-2f1f0d3c9e4',
      '0b6f3c52-8d0e-4f6e-9a59-2f1f0d3c9e41 ',
    ])
      assert.equal(isUuid(bad), false, JSON.stringify(bad));
  });
});
