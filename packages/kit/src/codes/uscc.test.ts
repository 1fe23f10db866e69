import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  USCC_CHARSET,
  isUscc,
  organisationCodeCheck,
  usccCheckCharacter,
  validateUscc,
  type UsccInvalidReason,
} from './uscc.ts';

const WORKED_EXAMPLE = '91350100M000100Y43';

function reasonOf(code: string): UsccInvalidReason | undefined {
  const r = validateUscc(code);
  return r.valid ? undefined : r.reason;
}

/** Builds a valid code from its first 16 characters with the module's own check functions. */
function build(first16: string): string {
  const first17 = first16 + organisationCodeCheck(first16.slice(8, 16));
  return first17 + usccCheckCharacter(first17);
}

describe('validateUscc', () => {
  it('accepts the GB 32100-2015 worked example', () => {
    assert.deepEqual(validateUscc(WORKED_EXAMPLE), { valid: true, code: WORKED_EXAMPLE });
    assert.equal(isUscc(WORKED_EXAMPLE), true);
  });

  it('accepts codes computed independently of this module (hand / separate script)', () => {
    // Each of these was computed outside this module; they guard against the checks only agreeing with themselves.
    for (const code of [
      '92500105MAC817EJ5D', // a real 个体工商户 code seen in public data
      'N2330102MA2H4K7C5W', // 农业 / 村级集体经济组织
      'Y1110105MA01B2C343', // 其他
      '1210000040000000XN', // organisation code check is X
      '51440300MJL1234542',
      '31110000E00001232F',
    ]) {
      assert.deepEqual(validateUscc(code), { valid: true, code }, code);
    }
  });

  it('hand-computes the worked example checks step by step', () => {
    // M=22, Y=34: 22·3 + 1·5 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4.
    assert.equal(organisationCodeCheck('M000100Y'), '4');
    assert.equal(usccCheckCharacter('91350100M000100Y4'), '3');
  });

  it('rejects the worked example with a final Z as an illegal character (Z is not in the charset)', () => {
    const r = validateUscc('91350100M000100Y4Z');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'ILLEGAL_CHARACTER');
    assert.equal(r.position, 18);
    assert.match(r.message, /^统一社会信用代码 \(USCC\) /);
    assert.match(r.message, /"Z"/);
    assert.match(r.message, /position 18/);
  });

  it('rejects a wrong but legal final character as CHECK_CHARACTER with a precise message', () => {
    const r = validateUscc('91350100M000100Y4Y');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'CHECK_CHARACTER');
    assert.equal(r.position, 18);
    assert.equal(r.message, '统一社会信用代码 (USCC) check character is wrong: expected 3, got Y');
  });

  it('detects every other wrong final character', () => {
    for (const ch of USCC_CHARSET) {
      if (ch === '3') continue;
      assert.equal(reasonOf(`91350100M000100Y4${ch}`), 'CHECK_CHARACTER', ch);
    }
  });

  it('detects each single-position corruption of the organisation code body', () => {
    // GB 11714 value: digits as themselves, A=10 … Z=35 (independent of the module's own mapping).
    const gb11714 = (ch: string): number => parseInt(ch, 36);
    const body = Array.from('M000100Y');
    let blindSpots = 0;
    for (let i = 0; i < body.length; i++) {
      for (const ch of USCC_CHARSET) {
        if (ch === body[i]) continue;
        const corrupted = [...body];
        corrupted[i] = ch;
        // Keep the original positions 17–18 so any mismatch must be noticed.
        const code = `91350100${corrupted.join('')}43`;
        const r = validateUscc(code);
        assert.equal(r.valid, false, code);
        if (r.valid) continue;
        // The mod-11 check cannot see a substitution whose value changes by a multiple of 11
        // (0/B/M/X, 1/C/N/Y, …); the mod-31 USCC check character catches those instead.
        if ((gb11714(ch) - gb11714(body[i]!)) % 11 === 0) {
          blindSpots++;
          assert.equal(r.reason, 'CHECK_CHARACTER', code);
          continue;
        }
        assert.equal(r.reason, 'ORGANISATION_CODE_CHECK', code);
        assert.equal(r.position, 17);
        assert.match(r.message, /^统一社会信用代码 \(USCC\) embedded organisation code .*expected \S+, got 4$/);
      }
    }
    assert.ok(blindSpots > 0, 'the blind-spot branch must actually be exercised');
  });

  it('detects a wrong organisation code check character', () => {
    const r = validateUscc('91350100M000100Y53');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'ORGANISATION_CODE_CHECK');
    assert.match(r.message, /expected 4, got 5/);
  });

  it('accepts valid codes beginning with N and Y built with the check functions', () => {
    for (const first16 of ['N1110108MA12345A', 'N3520102H0000000', 'Y1310115MA1K4L6P', 'N9450100MA5N0000']) {
      const code = build(first16);
      assert.equal(isUscc(code), true, code);
    }
  });

  it('rejects wrong lengths and says the actual length', () => {
    for (const code of ['', '91350100M000100Y4', '91350100M000100Y433', '9135']) {
      const r = validateUscc(code);
      assert.equal(r.valid, false);
      if (r.valid) continue;
      assert.equal(r.reason, 'LENGTH');
      assert.match(r.message, new RegExp(`^统一社会信用代码 \\(USCC\\) .*got ${code.length}$`));
    }
  });

  it('trims and upper-cases input', () => {
    assert.deepEqual(validateUscc('  91350100m000100y43\n'), { valid: true, code: WORKED_EXAMPLE });
    assert.equal(isUscc('92500105mac817ej5d'), true);
  });

  it('rejects I, O, S, V and Z anywhere, naming character and 1-based position', () => {
    for (const ch of ['I', 'O', 'S', 'V', 'Z']) {
      const code = `91350100${ch}000100Y43`;
      const r = validateUscc(code);
      assert.equal(r.valid, false);
      if (r.valid) continue;
      assert.equal(r.reason, 'ILLEGAL_CHARACTER');
      assert.equal(r.position, 9);
      assert.match(r.message, new RegExp(`"${ch}" at position 9`));
    }
    assert.equal(reasonOf('91350100M000100Y4-'), 'ILLEGAL_CHARACTER');
    assert.equal(reasonOf('91350100M00010０Y43'), 'ILLEGAL_CHARACTER'); // full-width zero
  });

  it('counts a CJK character as one position', () => {
    const r = validateUscc('9135010统M000100Y43');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'ILLEGAL_CHARACTER');
    assert.equal(r.position, 8);
  });

  it('rejects unknown registration departments', () => {
    for (const dept of ['0', 'B', 'X']) {
      const r = validateUscc(`${dept}1350100M000100Y43`);
      assert.equal(r.valid, false);
      if (r.valid) continue;
      assert.equal(r.reason, 'REGISTRATION_DEPARTMENT');
      assert.equal(r.position, 1);
    }
  });

  it('checks the organisation type against the department table', () => {
    assert.equal(reasonOf('94350100M000100Y43'), 'ORGANISATION_TYPE');
    assert.equal(reasonOf('99350100M000100Y43'), 'ORGANISATION_TYPE'); // 9 has no 其他
    assert.equal(reasonOf('54350100M000100Y43'), 'ORGANISATION_TYPE');
    assert.equal(reasonOf('14350100M000100Y43'), 'ORGANISATION_TYPE');
    assert.equal(reasonOf('Y2350100M000100Y43'), 'ORGANISATION_TYPE');
    assert.equal(reasonOf('N4350100M000100Y43'), 'ORGANISATION_TYPE');
    assert.equal(reasonOf('70350100M000100Y43'), 'ORGANISATION_TYPE');
    const r = validateUscc('94350100M000100Y43');
    if (!r.valid) {
      assert.equal(r.position, 2);
      assert.match(r.message, /^统一社会信用代码 \(USCC\) organisation type code .*"4".*department 9/);
    }
    // Accepted types only get as far as the checksum.
    for (const prefix of [
      '91',
      '92',
      '93',
      '51',
      '52',
      '53',
      '59',
      '11',
      '12',
      '13',
      '19',
      'Y1',
      'N1',
      'N2',
      'N3',
      'N9',
      '34',
      '35',
      '71',
      '81',
      'A1',
    ]) {
      assert.notEqual(reasonOf(`${prefix}350100M000100Y43`), 'ORGANISATION_TYPE', prefix);
      assert.equal(isUscc(build(`${prefix}350100M000100Y`)), true, prefix);
    }
  });

  it('requires six digits in the administrative division', () => {
    const r = validateUscc('913501A0M000100Y43');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.reason, 'ADMINISTRATIVE_DIVISION');
    assert.equal(r.position, 7);
    assert.equal(reasonOf('91N50100M000100Y43'), 'ADMINISTRATIVE_DIVISION');
  });

  it('requires a known province-level prefix, or 100000 for the central level', () => {
    for (const division of ['000000', '999999', '100100', '700000', '810000', '160000', '660000']) {
      const r = validateUscc(build(`91${division}M000100Y`));
      assert.equal(r.valid, false, division);
      if (r.valid) continue;
      assert.equal(r.reason, 'ADMINISTRATIVE_DIVISION');
      assert.equal(r.position, 3);
      assert.match(r.message, new RegExp(`positions 3–8\\) ${division} does not start with a province-level code`));
    }
    for (const division of ['100000', '110000', '330106', '650000', '659001', '150000']) {
      assert.equal(isUscc(build(`91${division}M000100Y`)), true, division);
    }
  });
});

describe('check helpers', () => {
  it('organisationCodeCheck writes 10 as X and 11 as 0', () => {
    assert.equal(organisationCodeCheck('40000000'), 'X'); // 4·3 = 12 → 11 − 1 = 10
    assert.equal(organisationCodeCheck('00000000'), '0'); // Σ = 0 → 11
    assert.equal(organisationCodeCheck('D2143569'), 'X'); // widely quoted GB 11714 example D2143569-X
  });

  it('usccCheckCharacter writes 31 as 0', () => {
    assert.equal(usccCheckCharacter('00000000000000000'), '0');
  });

  it('helpers reject malformed input loudly', () => {
    assert.throws(() => organisationCodeCheck('1234567'), RangeError);
    assert.throws(() => organisationCodeCheck('1234567-'), RangeError);
    assert.throws(() => usccCheckCharacter('91350100M000100Y'), RangeError);
    assert.throws(() => usccCheckCharacter('91350100M000100Z4'), RangeError);
  });
});
