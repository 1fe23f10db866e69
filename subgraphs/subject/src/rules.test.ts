import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { classifyQuery, likeEscape, MAX_QUERY_LENGTH, nameGrams } from './rules.ts';

const refusesLength = (raw: string) =>
  assert.throws(
    () => classifyQuery(raw),
    (e: unknown) => e instanceof GraphQLError && e.extensions.field === 'query' && e.extensions.rule === 'LENGTH',
  );

describe('classifyQuery', () => {
  it('treats an empty or blank box as no condition', () => {
    assert.deepEqual(classifyQuery(null), { type: 'none' });
    assert.deepEqual(classifyQuery('   '), { type: 'none' });
  });

  it('recognises an exact person key in any case', () => {
    const key = 'np0123456789abcdef0123';
    assert.deepEqual(classifyQuery(key), { type: 'personKey', code: key.toUpperCase() });
  });

  it('takes 2–18 USCC characters as a code prefix, upper-cased', () => {
    assert.deepEqual(classifyQuery(' 913301 '), { type: 'codePrefix', prefix: '913301' });
    assert.deepEqual(classifyQuery('91330106ma2h7k3a'), { type: 'codePrefix', prefix: '91330106MA2H7K3A' });
  });

  it('takes anything else as a name fragment with its character pairs', () => {
    assert.deepEqual(classifyQuery('华创信'), { type: 'name', fragment: '华创信', grams: ['华创', '创信'] });
    assert.deepEqual(classifyQuery('面'), { type: 'name', fragment: '面', grams: ['面'] });
    // I, O, S, V, Z are not USCC characters: "Sony" cannot be a code prefix.
    assert.equal(classifyQuery('Sony').type, 'name');
  });

  it('refuses one ASCII character and an overlong box, naming query and LENGTH', () => {
    refusesLength('A');
    refusesLength('9');
    refusesLength('华'.repeat(MAX_QUERY_LENGTH + 1));
  });
});

describe('nameGrams (mirrors subject.name_grams() of migration 0002)', () => {
  it('gives each distinct character pair once', () => {
    assert.deepEqual(nameGrams('哈哈哈'), ['哈哈']);
    assert.deepEqual(nameGrams('科技公司'), ['科技', '技公', '公司']);
  });

  it('counts characters, not UTF-16 units', () => {
    assert.deepEqual(nameGrams('𠀀𠀁'), ['𠀀𠀁']);
    assert.deepEqual(nameGrams('𠀀'), ['𠀀']);
  });
});

describe('likeEscape', () => {
  it('escapes LIKE wildcards and the escape character, nothing else', () => {
    assert.equal(likeEscape('100%_a\\b'), '100\\%\\_a\\\\b');
    assert.equal(likeEscape('华创'), '华创');
  });
});
