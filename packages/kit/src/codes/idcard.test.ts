import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { idCheckDigit, isIdNumber, upgradeIdNumber15, validateIdNumber, type IdNumberInvalidReason } from './idcard.ts';

const TODAY = new Date('2025-06-01T04:00:00Z'); // 2025-06-01 12:00 in Beijing

function reasonOf(id: string, today: Date = TODAY): IdNumberInvalidReason | undefined {
  const r = validateIdNumber(id, today);
  return r.valid ? undefined : r.reason;
}

/** Completes 17 digits with the module's own check digit. */
function withCheck(first17: string): string {
  return first17 + idCheckDigit(first17);
}

describe('validateIdNumber', () => {
  it('accepts the GB 11643 example and returns its parts', () => {
    assert.deepEqual(validateIdNumber('11010519491231002X', TODAY), {
      valid: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
      regionCode: '110105',
      upgradedFrom: null,
    });
  });

  it('accepts numbers whose check digits were computed by hand', () => {
    const cases: Array<[string, string, 'MALE' | 'FEMALE']> = [
      ['110105199003071239', '1990-03-07', 'MALE'],
      ['440306200002295678', '2000-02-29', 'MALE'],
      ['650102198511110013', '1985-11-11', 'MALE'],
      ['810000199506150025', '1995-06-15', 'FEMALE'],
    ];
    for (const [id, birthDate, sex] of cases) {
      const r = validateIdNumber(id, TODAY);
      assert.equal(r.valid, true, id);
      if (!r.valid) continue;
      assert.equal(r.birthDate, birthDate);
      assert.equal(r.sex, sex);
      assert.equal(r.regionCode, id.slice(0, 6));
    }
  });

  it('accepts lower-case x and normalises it to X', () => {
    const r = validateIdNumber(' 11010519491231002x ', TODAY);
    assert.equal(r.valid, true);
    if (r.valid) assert.equal(r.idNumber, '11010519491231002X');
  });

  it('rejects a wrong check digit, saying which digit was expected', () => {
    for (const wrong of ['0', '1', '2', '9', 'X']) {
      if (wrong === '9') continue;
      assert.equal(reasonOf(`11010519900307123${wrong}`), 'CHECK_DIGIT', wrong);
    }
    const r = validateIdNumber('110105199003071238', TODAY);
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'CHECK_DIGIT');
    assert.equal(r.message, '居民身份证号码 (ID number) check digit (position 18) is wrong: expected 9, got 8');
  });

  it('detects a single changed digit in the body', () => {
    const id = '110105199003071239';
    for (let i = 0; i < 17; i++) {
      const digit = (Number(id[i]) + 1) % 10;
      const corrupted = id.slice(0, i) + String(digit) + id.slice(i + 1);
      assert.notEqual(validateIdNumber(corrupted, TODAY).valid, true, corrupted);
    }
  });

  it('rejects 1990-02-30 even when the check digit is right', () => {
    const id = withCheck('11010519900230123');
    const r = validateIdNumber(id, TODAY);
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'BIRTH_DATE');
    assert.match(r.message, /^居民身份证号码 \(ID number\) birth date .*1990-02-30 is not a real calendar date$/);
  });

  it('rejects other impossible dates', () => {
    assert.equal(reasonOf(withCheck('11010519000229123')), 'BIRTH_DATE'); // 1900 is not a leap year
    assert.equal(reasonOf(withCheck('11010519901301123')), 'BIRTH_DATE');
    assert.equal(reasonOf(withCheck('11010519900000123')), 'BIRTH_DATE');
    assert.equal(reasonOf(withCheck('11010519900431123')), 'BIRTH_DATE');
  });

  it('rejects birth dates before 1900-01-01 (including the standard’s 1880 example)', () => {
    assert.equal(idCheckDigit('44052418800101001'), '4');
    assert.equal(reasonOf('440524188001010014'), 'BIRTH_DATE');
    assert.equal(reasonOf(withCheck('11010518991231123')), 'BIRTH_DATE');
    assert.equal(reasonOf(withCheck('11010519000101123')), undefined);
  });

  it('rejects a future birth date and accepts today', () => {
    const tomorrow = withCheck('11010520250602123');
    const r = validateIdNumber(tomorrow, TODAY);
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'BIRTH_DATE');
    assert.match(r.message, /2025-06-02 is in the future \(today is 2025-06-01\)/);
    assert.equal(reasonOf(withCheck('11010520250601123')), undefined);
    assert.equal(reasonOf(withCheck('11010530000101123')), 'BIRTH_DATE');
  });

  it('judges "today" in Beijing time, not the server zone', () => {
    // 17:00 UTC on 1 June is already 01:00 on 2 June in Beijing.
    const lateUtc = new Date('2025-06-01T17:00:00Z');
    assert.equal(reasonOf(withCheck('11010520250602123'), lateUtc), undefined);
    assert.equal(reasonOf(withCheck('11010520250603123'), lateUtc), 'BIRTH_DATE');
  });

  it('defaults today to now', () => {
    assert.equal(isIdNumber('11010519491231002X'), true);
    assert.equal(isIdNumber(withCheck('11010530000101123')), false);
  });

  it('rejects wrong lengths', () => {
    for (const id of ['', '11010519491231002', '11010519491231002X1', '11010549123100', '1101054912310021']) {
      const r = validateIdNumber(id, TODAY);
      assert.equal(r.valid, false);
      if (r.valid) continue;
      assert.equal(r.reason, 'LENGTH');
      assert.match(r.message, new RegExp(`^居民身份证号码 \\(ID number\\) .*got ${id.length}$`));
    }
  });

  it('rejects letters outside the final position and anything but X at the end', () => {
    assert.equal(reasonOf('1101051949123100X2'), 'ILLEGAL_CHARACTER');
    assert.equal(reasonOf('11010519491231002Y'), 'ILLEGAL_CHARACTER');
    assert.equal(reasonOf('11010519491231002-'), 'ILLEGAL_CHARACTER');
    const r = validateIdNumber('11010A19491231002X', TODAY);
    assert.equal(r.valid, false);
    if (!r.valid) assert.match(r.message, /position 6 must be a digit, got "A"/);
  });

  it('rejects implausible province prefixes', () => {
    for (const prefix of ['00', '10', '16', '24', '38', '47', '55', '66', '72', '84', '91', '99']) {
      const r = validateIdNumber(withCheck(`${prefix}010519900307123`), TODAY);
      assert.equal(r.valid, false, prefix);
      if (r.valid) continue;
      assert.equal(r.reason, 'REGION');
      assert.match(r.message, /^居民身份证号码 \(ID number\) region code/);
    }
    for (const prefix of ['11', '15', '23', '37', '46', '54', '65', '71', '81', '82', '83']) {
      assert.equal(reasonOf(withCheck(`${prefix}010519900307123`)), undefined, prefix);
    }
  });
});

describe('15-digit first-generation numbers', () => {
  it('accepts one and upgrades it to the 18-digit number of the same person', () => {
    // GB 11643's own example 11010519491231002X, as its 15-digit predecessor: no century, no check digit.
    assert.deepEqual(validateIdNumber(' 110105491231002 ', TODAY), {
      valid: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
      regionCode: '110105',
      upgradedFrom: '110105491231002',
    });
    // A worked example of the upgrade: body 34052419800101001, Σ = 189, 189 mod 11 = 2 → X.
    assert.equal(upgradeIdNumber15('340524800101001'), '34052419800101001X');
    assert.equal(validateIdNumber('340524800101001', TODAY).valid && 'MALE', 'MALE');
  });

  it('checks region, birth date and characters the way an 18-digit number is checked', () => {
    assert.equal(reasonOf('990105491231002'), 'REGION');
    assert.equal(reasonOf('110105490230002'), 'BIRTH_DATE');
    const r = validateIdNumber('110105491331002', TODAY);
    assert.equal(r.valid, false);
    if (!r.valid) assert.match(r.message, /positions 7–12 of the 15-digit number, read as 19YYMMDD\) 1949-13-31/);
    // No X in a first-generation number: it has no check digit.
    assert.equal(reasonOf('11010549123100X'), 'ILLEGAL_CHARACTER');
    assert.throws(() => upgradeIdNumber15('11010519491231002X'), RangeError);
  });
});

describe('idCheckDigit', () => {
  it('maps the remainder to 1 0 X 9 8 7 6 5 4 3 2', () => {
    assert.equal(idCheckDigit('00000000000000000'), '1'); // Σ = 0
    assert.equal(idCheckDigit('11010519491231002'), 'X');
    assert.equal(idCheckDigit('11010519900307123'), '9');
  });

  it('throws on malformed input', () => {
    assert.throws(() => idCheckDigit('1101051949123100'), RangeError);
    assert.throws(() => idCheckDigit('1101051949123100X'), RangeError);
  });
});
