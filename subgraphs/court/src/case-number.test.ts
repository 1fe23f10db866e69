import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { normaliseCaseNumber, parseCaseNumber } from './case-number.ts';

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
});
