import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeIdNumber, makeUscc } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '../authorities/rules.ts';
import { licenceRow, MARKET_AUTHORITY, penaltyRow, PERSON_ID, TAX_AUTHORITY } from '../../test/seed.ts';
import { documentPersonKey, validateRow, type ValidationContext } from './rules.ts';

const ctx: ValidationContext = {
  department: 'market',
  authorities: new Map(AUTHORITIES.map((a) => [a.code, { department: a.department }])),
  today: '2025-06-30',
  personKey: documentPersonKey('test-person-key-secret'),
};
const breakCheck = (code: string) => code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

/** The (field, rule) pairs a row fails. */
const fails = (kind: 'CF' | 'XK', raw: Record<string, unknown>) => {
  const result = validateRow(kind, raw, ctx);
  return result.ok ? [] : result.reasons.map((r) => `${r.field}:${r.rule}`).sort();
};

describe('validateRow', () => {
  it('accepts a valid penalty and licence and normalises them', () => {
    const p = validateRow('CF', penaltyRow({ CF_JDRQ: '2025/03/10', CF_CFLB: '罚款；没收违法所得' }), ctx);
    assert.ok(p.ok);
    assert.equal(p.record.decidedOn, '2025-03-10');
    assert.deepEqual(p.record.values.penaltyTypes, ['FINE', 'CONFISCATION_OF_ILLEGAL_GAINS']);
    assert.equal(p.record.publicity?.tier, 'GENERAL');
    // Decided under 58号令; 令第36号 ends a 一般 penalty's publicity after 1 year, but not before 2026-03-31.
    assert.equal(p.record.publicity?.publicityEndsOn, '2026-03-31');
    const l = validateRow('XK', licenceRow({ XK_ZT: 1 }), ctx);
    assert.ok(l.ok);
    assert.equal(l.record.values.status, 'VALID');
  });

  it('requires the required columns, naming each', () => {
    assert.deepEqual(fails('CF', penaltyRow({ CF_WSH: '', CF_YJ: undefined, CF_CFLB: ' ' })), [
      'CF_CFLB:REQUIRED',
      'CF_WSH:REQUIRED',
      'CF_YJ:REQUIRED',
    ]);
    const result = validateRow('CF', penaltyRow({ CF_WSH: '' }), ctx);
    assert.ok(!result.ok && /CF_WSH 行政处罚决定书文号/.test(result.reasons[0]!.message));
  });

  it('checks USCC checksums of the subject, the authority and the data source', () => {
    assert.deepEqual(
      fails(
        'CF',
        penaltyRow({
          CF_XDR_SHXYM: breakCheck(penaltyRow().CF_XDR_SHXYM as string),
          CF_SJLYDM: breakCheck(MARKET_AUTHORITY.code),
        }),
      ),
      ['CF_SJLYDM:USCC_CHECK_CHARACTER', 'CF_XDR_SHXYM:USCC_CHECK_CHARACTER'],
    );
    assert.deepEqual(fails('XK', licenceRow({ XK_XKJGDM: breakCheck(MARKET_AUTHORITY.code) })), [
      'XK_XKJGDM:USCC_CHECK_CHARACTER',
    ]);
    assert.deepEqual(fails('CF', penaltyRow({ CF_XDR_SHXYM: '' })), ['CF_XDR_SHXYM:REQUIRED_FOR_CATEGORY']);
  });

  it('checks ID numbers of natural persons and legal representatives (type 01, GB 11643)', () => {
    const person = { CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_XDR_MC: '王小明' };
    assert.deepEqual(fails('CF', penaltyRow({ ...person })), [
      'CF_XDR_ZJHM:REQUIRED_FOR_CATEGORY',
      'CF_XDR_ZJLX:REQUIRED_FOR_CATEGORY',
    ]);
    assert.deepEqual(fails('CF', penaltyRow({ ...person, CF_XDR_ZJLX: '01', CF_XDR_ZJHM: breakCheck(PERSON_ID) })), [
      'CF_XDR_ZJHM:ID_CHECK_DIGIT',
    ]);
    const ok = validateRow('CF', penaltyRow({ ...person, CF_XDR_ZJLX: '01', CF_XDR_ZJHM: PERSON_ID }), ctx);
    assert.ok(ok.ok && ok.record.subjectCode === ctx.personKey(PERSON_ID) && ok.record.subjectCode.startsWith('NP'));
    // The person's 15-digit first-generation number is the same person: the same key.
    const first = `${PERSON_ID.slice(0, 6)}${PERSON_ID.slice(8, 17)}`;
    const old = validateRow('CF', penaltyRow({ ...person, CF_XDR_ZJLX: '01', CF_XDR_ZJHM: first }), ctx);
    assert.ok(old.ok && old.record.subjectCode === ctx.personKey(PERSON_ID));
    const passport = validateRow('CF', penaltyRow({ ...person, CF_XDR_ZJLX: '02', CF_XDR_ZJHM: 'E12345678' }), ctx);
    assert.ok(passport.ok && /^NP[0-9A-F]{20}$/.test(passport.record.subjectCode));
    assert.deepEqual(fails('CF', penaltyRow({ CF_FR_ZJHM: makeIdNumber('330106', '19700101', '001') })), [
      'CF_FR_ZJLX:REQUIRED_WITH',
    ]);
    assert.deepEqual(fails('CF', penaltyRow({ CF_FR_ZJLX: '01', CF_FR_ZJHM: '330106197001010010' })), [
      'CF_FR_ZJHM:ID_CHECK_DIGIT',
    ]);
  });

  it('checks enum values', () => {
    assert.deepEqual(
      fails('CF', penaltyRow({ CF_XDR_LB: '公司', CF_CFLB: '罚款;打板子', CF_FR_ZJLX: '09', CF_FR_ZJHM: 'X1' })),
      ['CF_CFLB:ENUM', 'CF_FR_ZJLX:ENUM', 'CF_XDR_LB:ENUM'],
    );
    assert.deepEqual(fails('XK', licenceRow({ XK_XKLB: '07', XK_ZT: '3' })), ['XK_XKLB:ENUM', 'XK_ZT:ENUM']);
  });

  it('checks dates: format, not in the future, 公示截止期 after the decision, 有效期至 ≥ 有效期自, 长期', () => {
    assert.deepEqual(fails('CF', penaltyRow({ CF_JDRQ: '2025-02-30' })), ['CF_JDRQ:DATE_FORMAT']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_JDRQ: '2025-07-01', CF_YXQ: '2026-01-01' })), [
      'CF_JDRQ:NOT_IN_FUTURE',
    ]);
    assert.deepEqual(fails('CF', penaltyRow({ CF_JDRQ: '2025-06-30' })), []);
    assert.deepEqual(fails('CF', penaltyRow({ CF_GSJZQ: '2025-03-10' })), ['CF_GSJZQ:AFTER_DECISION']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_YXQ: '2025-03-09' })), ['CF_YXQ:NOT_BEFORE_DECISION']);
    assert.deepEqual(fails('XK', licenceRow({ XK_YXQZI: '2025-03-09' })), ['XK_YXQZI:NOT_BEFORE_VALID_FROM']);
    const long = validateRow('XK', licenceRow({ XK_YXQZI: '长期' }), ctx);
    assert.ok(long.ok && long.record.values.validUntil === '2099-12-31');
  });

  it('checks amounts: non-negative decimals with at most 6 decimals, required with 罚款', () => {
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR_FK: '-1' })), ['CF_NR_FK:NEGATIVE']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR_FK: '1.1234567' })), ['CF_NR_FK:PRECISION']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR_FK: '1,5' })), ['CF_NR_FK:AMOUNT_FORMAT']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR_FK: '1234567890123' })), ['CF_NR_FK:RANGE']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR_FK: 0.5 })), []);
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR_FK: '' })), ['CF_NR_FK:REQUIRED_FOR_FINE']);
  });

  it('checks lengths and unknown columns', () => {
    assert.deepEqual(fails('CF', penaltyRow({ CF_WSH: 'x'.repeat(129) })), ['CF_WSH:LENGTH']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_XYZ: '1' })), ['CF_XYZ:UNKNOWN_COLUMN']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR: { a: 1 } })), ['CF_NR:TYPE']);
  });

  it('checks the authority: in the register and of the submitting department', () => {
    const unregistered = makeUscc('11', '330100', 'ABCDEFGH');
    assert.deepEqual(fails('CF', penaltyRow({ CF_CFJGDM: TAX_AUTHORITY.code })), ['CF_CFJGDM:AUTHORITY_DEPARTMENT']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_CFJGDM: unregistered })), ['CF_CFJGDM:AUTHORITY_UNKNOWN']);
  });

  it('collects every failure of a row', () => {
    assert.equal(
      fails('CF', penaltyRow({ CF_WSH: '', CF_NR_FK: '-2', CF_CFLB: '打', CF_CFJGDM: TAX_AUTHORITY.code })).length,
      4,
    );
  });

  it('derives the tier: reported by the authority (CF_SXDJ), else by the most severe 处罚类别', () => {
    const tier = (o: Record<string, unknown>) => {
      const r = validateRow('CF', penaltyRow(o), ctx);
      return r.ok
        ? [r.record.publicity?.tier, r.record.publicity?.tierSource, r.record.publicity?.publicityEndsOn]
        : r.reasons;
    };
    assert.deepEqual(tier({ CF_CFLB: '警告', CF_NR_FK: '' }), ['MINOR', 'PENALTY_TYPE', '2026-03-31']);
    assert.deepEqual(tier({ CF_CFLB: '罚款', CF_NR_FK: '100' }), ['GENERAL', 'PENALTY_TYPE', '2026-03-31']);
    assert.deepEqual(tier({ CF_CFLB: '责令关闭' }), ['SEVERE', 'PENALTY_TYPE', '2028-03-10']);
    assert.deepEqual(tier({ CF_SXDJ: '严重' }), ['SEVERE', 'REPORTED', '2028-03-10']);
    assert.deepEqual(tier({ CF_SXDJ: '3' }), ['SEVERE', 'REPORTED', '2028-03-10']);
    assert.deepEqual(tier({ CF_GSJZQ: '2025-09-01' }), ['GENERAL', 'PENALTY_TYPE', '2025-09-01']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_SXDJ: '较重' })), ['CF_SXDJ:ENUM']);
  });

  it('quarantines a 公示截止期 outside the bounds of the tier, naming them', () => {
    const reasons = (o: Record<string, unknown>, c: ValidationContext = ctx) => {
      const r = validateRow('CF', penaltyRow(o), c);
      return r.ok ? [] : r.reasons.map((x) => [x.field, x.rule, x.message]);
    };
    // Decided 2025-03-10 under 58号令: 3 months to 3 years (2025-06-10 … 2028-03-10).
    assert.deepEqual(reasons({ CF_GSJZQ: '2028-03-10' }), []);
    assert.deepEqual(reasons({ CF_GSJZQ: '2025-06-10' }), []);
    const [above] = reasons({ CF_GSJZQ: '2099-12-31' });
    assert.deepEqual(above!.slice(0, 2), ['CF_GSJZQ', 'ABOVE_MAXIMUM_PUBLICITY']);
    assert.match(
      above![2]!,
      /CF_GSJZQ 公示截止期: 2099-12-31 .*国家发展改革委令第58号.*the latest 公示截止期 is 2028-03-10/,
    );
    const [below] = reasons({ CF_GSJZQ: '2025-06-09' });
    assert.deepEqual(below!.slice(0, 2), ['CF_GSJZQ', 'BELOW_MINIMUM_PUBLICITY']);
    assert.match(below![2]!, /the earliest 公示截止期 is 2025-06-10/);
    // A food penalty under 58号令: at least 1 year.
    const food = { CF_YJ: '《中华人民共和国食品安全法》第一百二十四条', CF_GSJZQ: '2026-03-09' };
    assert.match(reasons(food)[0]![2]!, /（食品领域）.*the earliest 公示截止期 is 2026-03-10/);
    // Under 令第36号: 一般 at most 1 year; 轻微 published at most 3 months when the department wants it published.
    const later = { ...ctx, today: '2026-12-01' };
    const d36 = { CF_JDRQ: '2026-05-01', CF_YXQ: '2027-05-01' };
    assert.deepEqual(reasons({ ...d36, CF_GSJZQ: '2027-05-01' }, later), []);
    assert.equal(reasons({ ...d36, CF_GSJZQ: '2027-05-02' }, later)[0]![1], 'ABOVE_MAXIMUM_PUBLICITY');
    assert.equal(reasons({ ...d36, CF_GSJZQ: '2026-07-31' }, later)[0]![1], 'BELOW_MINIMUM_PUBLICITY');
    const minor = { ...d36, CF_CFLB: '警告', CF_NR_FK: '' };
    assert.deepEqual(reasons({ ...minor, CF_GSJZQ: '2026-08-01' }, later), []);
    assert.equal(reasons({ ...minor, CF_GSJZQ: '2026-08-02' }, later)[0]![1], 'ABOVE_MAXIMUM_PUBLICITY');
    const unpublished = validateRow('CF', penaltyRow(minor), later);
    assert.ok(
      unpublished.ok && unpublished.record.publicity?.publicityEndsOn === null,
      '轻微: not published by default',
    );
  });

  it('refuses a cell holding a NUL or half a surrogate pair, naming the column (the database could not store it)', () => {
    assert.deepEqual(fails('CF', penaltyRow({ CF_WSH: '湖市监罚〔2025〕\u00001号' })), ['CF_WSH:NUL_CHARACTER']);
    assert.deepEqual(fails('CF', penaltyRow({ CF_NR_FK: '\uD8001.5' })).includes('CF_NR_FK:UNPAIRED_SURROGATE'), true);
    assert.deepEqual(fails('CF', penaltyRow({ 'CF_X\u0000': 'a' })), [
      'CF_X\u0000:NUL_CHARACTER',
      'CF_X\u0000:UNKNOWN_COLUMN',
    ]);
  });
});
