import { clock } from '../clock.ts';
import { MAINLAND_PROVINCE_PREFIXES } from './provinces.ts';
/**
 * 居民身份证号码 (resident ID number) per GB 11643-1999: 18 characters (6-digit region, 8-digit birth date, 3-digit
 * sequence, check character). First-generation numbers of 15 digits (6-digit region, YYMMDD, 3-digit sequence, no
 * check digit) are still carried by historical court, penalty and tax records; they are accepted and upgraded to
 * the 18-digit number of the same person ("19" before the two-digit year, then the check digit), so that both
 * spellings give one person key. Rules and sources: docs/rules/codes.md.
 */

export type IdNumberInvalidReason = 'LENGTH' | 'ILLEGAL_CHARACTER' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export type IdNumberValidation =
  | {
      valid: true;
      /** Always the 18-character number, also when a 15-digit one was given. */
      idNumber: string;
      birthDate: string;
      sex: 'MALE' | 'FEMALE';
      regionCode: string;
      /** The 15-digit number it was upgraded from, or null. */
      upgradedFrom: string | null;
    }
  | { valid: false; reason: IdNumberInvalidReason; message: string };

const FIELD = '居民身份证号码 (ID number)';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Σ mod 11 → check character, indexed by the remainder. */
const ID_CHECK_CHARACTERS = '10X98765432';

/**
 * Province-level prefixes that appear on resident ID numbers: the 31 mainland provinces, and 81 (香港), 82 (澳门)
 * and 83 (台湾) of the residence permits for Hong Kong, Macao and Taiwan residents, which use the same format. 71
 * (台湾省) is kept because it exists in GB/T 2260. The 9-prefixed foreigners' permanent-residence numbers are a
 * different document and are deliberately not accepted here.
 */
export const ID_PROVINCE_PREFIXES: readonly string[] = [...MAINLAND_PROVINCE_PREFIXES, '71', '81', '82', '83'];

const EARLIEST_BIRTH_DATE = '19000101';

/** Beijing time has had no DST since 1991, so a fixed offset is exact for "today". */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Check digit for the first 17 digits. Throws on malformed input so the generator cannot emit bad numbers. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`ID check digit needs exactly 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < ID_WEIGHTS.length; i++) {
    sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  }
  return ID_CHECK_CHARACTERS[sum % 11]!;
}

/**
 * The calendar date in China for an instant. Birth dates on ID cards are Chinese civil dates; using
 * the server's zone (often UTC) would reject a child born today for the first eight hours of the day.
 */
function chinaDateKey(instant: Date): string {
  const d = new Date(instant.getTime() + CHINA_UTC_OFFSET_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}${m}${day}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids any local-DST surprises.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function invalid(reason: IdNumberInvalidReason, message: string): IdNumberValidation {
  return { valid: false, reason, message: `${FIELD} ${message}` };
}

/**
 * The 18-digit number of a 15-digit first-generation one: the century "19" inserted before the two-digit birth
 * year (15-digit numbers were issued from 1984 to people born in the 1900s), then the GB 11643 check digit.
 * Throws on anything but 15 digits; validateIdNumber is the checked path.
 */
export function upgradeIdNumber15(id15: string): string {
  if (!/^\d{15}$/.test(id15))
    throw new RangeError(`a first-generation ID number has 15 digits, got ${JSON.stringify(id15)}`);
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckDigit(first17);
}

/**
 * Validates an ID number, 18 characters or a 15-digit first-generation number (returned upgraded to 18). `today`
 * exists so tests and batch re-validation of historic records are deterministic; it defaults to now.
 */
export function validateIdNumber(input: string, today: Date = clock.now()): IdNumberValidation {
  const given = input.trim().toUpperCase();
  const chars = Array.from(given);
  const legacy = chars.length === 15;

  if (chars.length !== 18 && !legacy) {
    return invalid('LENGTH', `must be 18 characters long (or a 15-digit first-generation number), got ${chars.length}`);
  }

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const last = !legacy && i === 17;
    const ok = (ch >= '0' && ch <= '9') || (last && ch === 'X');
    if (!ok) {
      const rule = last ? 'a digit or X' : 'a digit';
      return invalid('ILLEGAL_CHARACTER', `position ${i + 1} must be ${rule}, got ${JSON.stringify(ch)}`);
    }
  }

  const idNumber = legacy ? upgradeIdNumber15(given) : given;
  const regionCode = idNumber.slice(0, 6);
  if (!ID_PROVINCE_PREFIXES.includes(regionCode.slice(0, 2))) {
    return invalid(
      'REGION',
      `region code (positions 1–6) ${regionCode} does not start with a known province code (got ${regionCode.slice(0, 2)})`,
    );
  }

  const birth = idNumber.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  const where = legacy ? 'positions 7–12 of the 15-digit number, read as 19YYMMDD' : 'positions 7–14';
  if (!isRealDate(year, month, day)) {
    return invalid('BIRTH_DATE', `birth date (${where}) ${birthDate} is not a real calendar date`);
  }
  if (birth < EARLIEST_BIRTH_DATE) {
    return invalid('BIRTH_DATE', `birth date (${where}) ${birthDate} is before 1900-01-01`);
  }
  const todayKey = chinaDateKey(today);
  if (birth > todayKey) {
    const todayText = `${todayKey.slice(0, 4)}-${todayKey.slice(4, 6)}-${todayKey.slice(6, 8)}`;
    return invalid('BIRTH_DATE', `birth date (${where}) ${birthDate} is in the future (today is ${todayText})`);
  }

  // A 15-digit number has no check digit: the upgrade computed it.
  const expected = idCheckDigit(idNumber.slice(0, 17));
  const actual = idNumber[17]!;
  if (actual !== expected) {
    return invalid('CHECK_DIGIT', `check digit (position 18) is wrong: expected ${expected}, got ${actual}`);
  }

  // The last digit of the sequence code (position 17, or 15 of a 15-digit number) is odd for men, even for women.
  const sex = (idNumber.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { valid: true, idNumber, birthDate, sex, regionCode, upgradedFrom: legacy ? given : null };
}

export function isIdNumber(s: string, today?: Date): boolean {
  return validateIdNumber(s, today).valid;
}
