import { MAINLAND_PROVINCE_PREFIXES } from './provinces.ts';

/**
 * 统一社会信用代码 (unified social credit code, USCC) per GB 32100-2015, including the
 * GB 11714-1997 organisation code embedded in positions 9–17. Rules and sources: docs/rules/codes.md.
 */

export type UsccInvalidReason =
  | 'LENGTH'
  | 'ILLEGAL_CHARACTER'
  | 'REGISTRATION_DEPARTMENT'
  | 'ORGANISATION_TYPE'
  | 'ADMINISTRATIVE_DIVISION'
  | 'ORGANISATION_CODE_CHECK'
  | 'CHECK_CHARACTER';

export type UsccValidation =
  { valid: true; code: string } | { valid: false; reason: UsccInvalidReason; position?: number; message: string };

const FIELD = '统一社会信用代码 (USCC)';

/** The 31 characters in value order 0–30; I, O, S, V, Z are excluded by the standard to avoid misreading. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_LENGTH = 18;

/** Positions 3–8 of a subject registered by a central (national) authority. */
export const CENTRAL_DIVISION = '100000';

/** Wi = 3^(i−1) mod 31, spelled out so a reader can compare it with the standard's table. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * 机构类别码 accepted after each 登记管理部门码. Departments 1 (11/12/13/19), 3 (31–35/39: 34 司法鉴定机构 and 35
 * 仲裁委员会 are in the standard), 5 (51/52/53/59), 9 (91/92/93), N (N1/N2/N3/N9) and Y (Y1) accept exactly what
 * GB 32100-2015 with 第1号修改单 lists. Departments 2 (standard: 21/29), 4 (41/49), 6 (61/62/69), 7 (71/72/79), 8
 * (81/89) and A (A1/A9) also accept 1, 2, 3 and 9: a deliberate leniency (docs/rules/codes.md, open questions),
 * because a table stricter than what registration authorities actually issued would refuse real codes.
 */
export const USCC_ORGANISATION_TYPES: Readonly<Record<string, readonly string[]>> = {
  '1': ['1', '2', '3', '9'],
  '2': ['1', '2', '3', '9'],
  '3': ['1', '2', '3', '4', '5', '9'],
  '4': ['1', '2', '3', '9'],
  '5': ['1', '2', '3', '9'],
  '6': ['1', '2', '3', '9'],
  '7': ['1', '2', '3', '9'],
  '8': ['1', '2', '3', '9'],
  '9': ['1', '2', '3'],
  A: ['1', '2', '3', '9'],
  N: ['1', '2', '3', '9'],
  Y: ['1'],
};

function usccCharValue(ch: string): number {
  return USCC_CHARSET.indexOf(ch);
}

/** GB 11714 reads every letter A–Z (A=10 … Z=35), unlike the USCC charset which skips five. */
function organisationCharValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return -1;
}

/**
 * Check character of a GB 11714 organisation code, given its 8-character body.
 * Throws on malformed input because callers (the data generator) must never build bad codes silently.
 */
export function organisationCodeCheck(body8: string): string {
  const body = body8.toUpperCase();
  if (body.length !== ORGANISATION_CODE_WEIGHTS.length) {
    throw new RangeError(`organisation code body must be 8 characters, got ${body.length}`);
  }
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = organisationCharValue(body[i]!);
    if (value < 0) {
      throw new RangeError(
        `organisation code body has illegal character ${JSON.stringify(body[i])} at position ${i + 1}`,
      );
    }
    sum += value * ORGANISATION_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Check character (position 18) for the first 17 characters of a USCC. Throws on malformed input. */
export function usccCheckCharacter(first17: string): string {
  const head = first17.toUpperCase();
  if (head.length !== USCC_WEIGHTS.length) {
    throw new RangeError(`USCC check needs the first 17 characters, got ${head.length}`);
  }
  let sum = 0;
  for (let i = 0; i < head.length; i++) {
    const value = usccCharValue(head[i]!);
    if (value < 0) {
      throw new RangeError(`USCC has illegal character ${JSON.stringify(head[i])} at position ${i + 1}`);
    }
    sum += value * USCC_WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check]!;
}

function invalid(reason: UsccInvalidReason, message: string, position?: number): UsccValidation {
  return position === undefined
    ? { valid: false, reason, message: `${FIELD} ${message}` }
    : { valid: false, reason, position, message: `${FIELD} ${message}` };
}

/**
 * Validates a USCC. Checks run from the cheapest, most structural rule to the checksums, so the
 * reason reported is the first thing a person fixing the record needs to look at.
 */
export function validateUscc(input: string): UsccValidation {
  const code = input.trim().toUpperCase();
  // Count code points, not UTF-16 units, so a stray CJK or emoji character is reported at the right place.
  const chars = Array.from(code);

  if (chars.length !== USCC_LENGTH) {
    return invalid('LENGTH', `must be ${USCC_LENGTH} characters long, got ${chars.length}`);
  }

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (usccCharValue(ch) < 0) {
      return invalid(
        'ILLEGAL_CHARACTER',
        `contains illegal character ${JSON.stringify(ch)} at position ${i + 1} (allowed: ${USCC_CHARSET}; I, O, S, V, Z are never used)`,
        i + 1,
      );
    }
  }

  const department = chars[0]!;
  const types = USCC_ORGANISATION_TYPES[department];
  if (types === undefined) {
    return invalid(
      'REGISTRATION_DEPARTMENT',
      `registration department code (登记管理部门码, position 1) ${JSON.stringify(department)} is not one of ${Object.keys(USCC_ORGANISATION_TYPES).join(', ')}`,
      1,
    );
  }

  const type = chars[1]!;
  if (!types.includes(type)) {
    return invalid(
      'ORGANISATION_TYPE',
      `organisation type code (机构类别码, position 2) ${JSON.stringify(type)} is not valid for registration department ${department} (allowed: ${types.join(', ')})`,
      2,
    );
  }

  for (let i = 2; i < 8; i++) {
    const ch = chars[i]!;
    if (ch < '0' || ch > '9') {
      return invalid(
        'ADMINISTRATIVE_DIVISION',
        `administrative division code (行政区划码, positions 3–8) must be 6 digits, got ${JSON.stringify(ch)} at position ${i + 1}`,
        i + 1,
      );
    }
  }

  // 登记管理机关行政区划码 (GB/T 2260): a province-level prefix we know, or 100000 for the central level.
  const division = chars.slice(2, 8).join('');
  if (division !== CENTRAL_DIVISION && !MAINLAND_PROVINCE_PREFIXES.includes(division.slice(0, 2))) {
    return invalid(
      'ADMINISTRATIVE_DIVISION',
      `administrative division code (行政区划码, positions 3–8) ${division} does not start with a province-level code (11–65) and is not ${CENTRAL_DIVISION} (central level)`,
      3,
    );
  }

  const orgBody = chars.slice(8, 16).join('');
  const orgExpected = organisationCodeCheck(orgBody);
  const orgActual = chars[16]!;
  if (orgActual !== orgExpected) {
    return invalid(
      'ORGANISATION_CODE_CHECK',
      `embedded organisation code (组织机构代码, positions 9–17) check character is wrong: expected ${orgExpected}, got ${orgActual}`,
      17,
    );
  }

  const expected = usccCheckCharacter(chars.slice(0, 17).join(''));
  const actual = chars[17]!;
  if (actual !== expected) {
    return invalid('CHECK_CHARACTER', `check character is wrong: expected ${expected}, got ${actual}`, 18);
  }

  return { valid: true, code };
}

export function isUscc(s: string): boolean {
  return validateUscc(s).valid;
}
