import { clock } from '../clock.ts';
/**
 * 居民身份证号码 (18-character resident ID number) per GB 11643-1999.
 */

export type IdNumberInvalidReason = 'LENGTH' | 'ILLEGAL_CHARACTER' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export type IdNumberValidation =
  | { valid: true; idNumber: string; birthDate: string; sex: 'MALE' | 'FEMALE'; regionCode: string }
  | { valid: false; reason: IdNumberInvalidReason; message: string };

const FIELD = '居民身份证号码 (ID number)';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Σ mod 11 → check character, indexed by the remainder. */
const ID_CHECK_CHARACTERS = '10X98765432';

/**
 * Two-digit province-level prefixes (GB/T 2260) that appear on resident ID numbers and on the
 * residence permits for Hong Kong/Macao (81, 82) and Taiwan (83) residents, which use the same
 * format. 71 (台湾省) is kept because it exists in GB/T 2260. The 9-prefixed foreigners'
 * permanent-residence numbers are a different document and are deliberately not accepted here.
 * Only the province is checked: county codes are retired and renumbered over time, and an old
 * but genuine number must not be rejected because its county no longer exists.
 */
export const ID_PROVINCE_PREFIXES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
];

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
 * Validates an 18-character ID number. `today` exists so tests and batch re-validation of historic
 * records are deterministic; it defaults to now.
 */
export function validateIdNumber(input: string, today: Date = clock.now()): IdNumberValidation {
  const idNumber = input.trim().toUpperCase();
  const chars = Array.from(idNumber);

  if (chars.length !== 18) {
    return invalid('LENGTH', `must be 18 characters long, got ${chars.length}`);
  }

  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    const ok = (ch >= '0' && ch <= '9') || (i === 17 && ch === 'X');
    if (!ok) {
      const rule = i === 17 ? 'a digit or X' : 'a digit';
      return invalid('ILLEGAL_CHARACTER', `position ${i + 1} must be ${rule}, got ${JSON.stringify(ch)}`);
    }
  }

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
  if (!isRealDate(year, month, day)) {
    return invalid('BIRTH_DATE', `birth date (positions 7–14) ${birthDate} is not a real calendar date`);
  }
  if (birth < EARLIEST_BIRTH_DATE) {
    return invalid('BIRTH_DATE', `birth date (positions 7–14) ${birthDate} is before 1900-01-01`);
  }
  const todayKey = chinaDateKey(today);
  if (birth > todayKey) {
    const todayText = `${todayKey.slice(0, 4)}-${todayKey.slice(4, 6)}-${todayKey.slice(6, 8)}`;
    return invalid('BIRTH_DATE', `birth date (positions 7–14) ${birthDate} is in the future (today is ${todayText})`);
  }

  const expected = idCheckDigit(idNumber.slice(0, 17));
  const actual = idNumber[17]!;
  if (actual !== expected) {
    return invalid('CHECK_DIGIT', `check digit (position 18) is wrong: expected ${expected}, got ${actual}`);
  }

  // Position 17 (the last digit of the sequence code) is odd for men, even for women.
  const sex = (idNumber.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { valid: true, idNumber, birthDate, sex, regionCode };
}

export function isIdNumber(s: string, today?: Date): boolean {
  return validateIdNumber(s, today).valid;
}
