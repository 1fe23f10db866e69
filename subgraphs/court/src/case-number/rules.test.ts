import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { assertImplementationCase, normaliseCaseNumber, parseCaseNumber } from './rules.ts';

const today = new Date(Date.UTC(2026, 10, 21));

function rejects(raw: string, rule: string, field = 'caseNumber') {
  assert.throws(
    () => parseCaseNumber(raw, field, today),
    (error: unknown) => {
      assert.ok(error instanceof GraphQLError);
      assert.equal(error.extensions.code, 'BAD_USER_INPUT');
      assert.equal(error.extensions.field, field);
      assert.equal(error.extensions.rule, rule, error.message);
      return true;
    },
    raw,
  );
}

describe('执行案号', () => {
  it('parses the example from 法释〔2017〕7号 practice into its parts', () => {
    assert.deepEqual(parseCaseNumber('(2019)皖1122执1194号', 'caseNumber', today), {
      caseNumber: '(2019)皖1122执1194号',
      year: 2019,
      province: '皖',
      courtCode: '1122',
      caseType: '执',
      sequence: 1194,
      legacy: false,
    });
  });

  it('accepts full-width parentheses, full-width digits and stray spaces, normalised to half-width', () => {
    assert.equal(parseCaseNumber('（2019）皖1122执1194号', 'caseNumber', today).caseNumber, '(2019)皖1122执1194号');
    assert.equal(
      parseCaseNumber(' （２０２４）浙０１０６执１２３４号 ', 'caseNumber', today).caseNumber,
      '(2024)浙0106执1234号',
    );
    assert.equal(normaliseCaseNumber('( 2024 )浙01 执恢 5 号'), '(2024)浙01执恢5号');
  });

  for (const caseNumber of [
    '(2024)浙0106执1234号',
    '(2023)浙01执恢88号',
    '(2022)京0105执保3021号',
    '(2021)沪0115执异456号',
    '(2020)粤03执复12号',
    '(2025)川01执监7号',
    '(2019)苏0508执协2号',
    '(2018)兵0102执126号',
    '(1990)新0102执1号',
    '(2026)鲁0213执他100000号',
    '(2021)浙执复45号',
    '(2020)最高法执监123号',
    '(2019)皖执1194号',
    '(2024)内0102执55号', // 内蒙古's 法院代字 is 内 (法〔2015〕137号 第四条)
    '(2023)沪72执3号', // a special (maritime) court: two digits
    '(2022)军执1号',
  ]) {
    it(`accepts ${caseNumber}`, () => {
      assert.equal(parseCaseNumber(caseNumber, 'caseNumber', today).caseNumber, caseNumber);
    });
  }

  for (const [label, raw, rule] of [
    ['an empty string', '', 'FORMAT'],
    ['a missing 号', '(2019)皖1122执1194', 'FORMAT'],
    ['square brackets', '[2019]皖1122执1194号', 'FORMAT'],
    ['digits after 最高法', '(2020)最高法01执监123号', 'FORMAT'],
    ['a one-digit court code', '(2019)皖1执1194号', 'FORMAT'],
    ['a three-digit court code', '(2019)皖112执1194号', 'FORMAT'],
    ['蒙 for 内蒙古', '(2019)蒙0102执1194号', 'PROVINCE'],
    ['a pre-2016 form after 2016', '(2024)京0101执字第500号', 'YEAR'],
    ['a pre-2016 civil case', '(2014)杭西民初字第01234号', 'CASE_TYPE'],
    ['a five-digit court code', '(2019)皖11223执1194号', 'FORMAT'],
    ['a sequence with a leading zero', '(2019)皖1122执01194号', 'FORMAT'],
    ['a seven-digit sequence', '(2019)皖1122执1234567号', 'FORMAT'],
    ['a two-digit year', '(19)皖1122执1194号', 'YEAR'],
    ['a year before 1990', '(1989)皖1122执1194号', 'YEAR'],
    ['a year after the current one', '(2027)皖1122执1194号', 'YEAR'],
    ['a province spelt out', '(2019)安徽1122执1194号', 'PROVINCE'],
    ['an unknown abbreviation', '(2019)港1122执1194号', 'PROVINCE'],
    ['a Latin letter for the province', '(2019)A1122执1194号', 'PROVINCE'],
    ['a civil first-instance case', '(2019)皖1122民初1194号', 'CASE_TYPE'],
    ['a criminal case', '(2019)皖1122刑初1194号', 'CASE_TYPE'],
    ['an unknown execution type', '(2019)皖1122执X1194号', 'CASE_TYPE'],
  ] as const) {
    it(`rejects ${label} (${rule})`, () => rejects(raw, rule));
  }

  it('names the field it was given', () => rejects('(2019)皖1122民初1194号', 'CASE_TYPE', 'input.caseNumber'));

  it('accepts pre-2016 "…字第…号" numbers as published, leading zeros and all', () => {
    // Forms seen on published lists: a court abbreviation with or without digits or a hyphen, 民执, 执恢, 执复.
    for (const [raw, type] of [
      ['(2015)厦执字第281号', '执'],
      ['（2015）瑶执字第02181号', '执'],
      ['(2015)中-法执字第08491号', '执'],
      ['(2003)皖1202执字第00174号', '执'],
      ['(2009)绍诸民执字第03265号', '执'],
      ['(2014)杭西执民字第01234号', '执'],
      ['(2013)浙执恢字第12号', '执恢'],
      ['(2015)浙执复字第12号', '执复'],
      ['(2016)安执字第00175号', '执'],
    ] as const) {
      const parsed = parseCaseNumber(raw, 'caseNumber', today);
      assert.equal(parsed.legacy, true, raw);
      assert.equal(parsed.caseType, type, raw);
      assert.equal(parsed.caseNumber, normaliseCaseNumber(raw));
    }
    assert.equal(parseCaseNumber('(2015)厦执字第281号', 'caseNumber', today).year, 2015);
  });

  it('lists only in 执行实施 cases (执, 执恢)', () => {
    for (const ok of ['(2024)浙0106执1234号', '(2023)浙01执恢88号', '(2015)厦执字第281号']) {
      assert.doesNotThrow(() => assertImplementationCase(parseCaseNumber(ok, 'f', today), 'f'));
    }
    for (const no of ['(2022)京0105执保3021号', '(2021)沪0115执异456号', '(2021)浙执复45号', '(2015)浙执复字第12号']) {
      assert.throws(
        () => assertImplementationCase(parseCaseNumber(no, 'f', today), 'f'),
        (e: any) => e.extensions.rule === 'CASE_TYPE' && /执行实施/.test(e.message),
        no,
      );
    }
  });
});
