import { isPersonKey, PERSON_KEY_PREFIX, validateUscc } from './codes/index.ts';
import { badInput } from './errors.ts';
import { chinaToday } from './scalars.ts';

/**
 * Checks every department's write inputs share. Each throws BAD_USER_INPUT naming the field and the
 * rule, before any transaction starts, so a refused write touches nothing.
 */

/** A valid USCC (trimmed, upper case), or the validator's rule (LENGTH, CHECK_CHARACTER, …) and position. */
export function checkUscc(raw: string, field: string): string {
  const result = validateUscc(raw.trim().toUpperCase());
  if (!result.valid)
    throw badInput(field, result.reason, `\`${field}\`: ${result.message}`, { position: result.position });
  return result.code;
}

/**
 * A subject key: a person key (NP + 20 hex characters) or a valid USCC. A USCC never starts with NP,
 * so anything else starting with NP is a malformed person key (rule PERSON_KEY_FORMAT).
 */
export function checkSubjectCode(raw: string, field: string): string {
  const code = raw.trim().toUpperCase();
  if (isPersonKey(code)) return code;
  if (code.startsWith(PERSON_KEY_PREFIX) && code.length !== 18) {
    throw badInput(
      field,
      'PERSON_KEY_FORMAT',
      `\`${field}\`: a person key is NP followed by 20 hexadecimal characters, got ${JSON.stringify(raw)}`,
    );
  }
  return checkUscc(code, field);
}

/**
 * The region a record is filed under: the one given (six digits), else the USCC's 登记管理机关行政区划码
 * (positions 3–8). A person key carries no region, so one must be given.
 */
export function regionFor(subjectCode: string, given: string | null | undefined, field: string): string {
  const region = given?.trim();
  if (region) {
    if (!/^\d{6}$/.test(region))
      throw badInput(field, 'FORMAT', `\`${field}\` must be a six-digit administrative division code`);
    return region;
  }
  if (isPersonKey(subjectCode))
    throw badInput(field, 'REQUIRED', `\`${field}\` is required when the subject is a natural person`);
  return subjectCode.slice(2, 8);
}

/** Trimmed text that must be present and at most `max` characters. */
export function requiredText(value: string | null | undefined, field: string, max = 2000): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, 'REQUIRED', `\`${field}\` must not be empty`);
  if (text.length > max) throw badInput(field, 'LENGTH', `\`${field}\` may hold at most ${max} characters`);
  return text;
}

/** A legal date that must not lie after today in China. */
export function notInFuture(date: Date, field: string, today: Date = chinaToday()): void {
  if (date.getTime() > today.getTime())
    throw badInput(field, 'NOT_IN_FUTURE', `\`${field}\` must not be in the future`);
}
