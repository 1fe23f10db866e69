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

/** Optional text: blank is absent (null); otherwise as requiredText (trimmed, at most `max` characters). */
export function optionalText(value: string | null | undefined, field: string, max = 2000): string | null {
  return value?.trim() ? requiredText(value, field, max) : null;
}

/** A legal date that must not lie after today in China. */
export function notInFuture(date: Date, field: string, today: Date = chinaToday()): void {
  if (date.getTime() > today.getTime())
    throw badInput(field, 'NOT_IN_FUTURE', `\`${field}\` must not be in the future`);
}

/** A character text in the database cannot hold, and why (the rule, a stable token). */
export interface UnstorableCharacter {
  rule: 'NUL_CHARACTER' | 'UNPAIRED_SURROGATE';
  /** UTF-16 position in the string, as JavaScript counts it. */
  position: number;
  /** The character as U+XXXX. */
  character: string;
}

// NUL (PostgreSQL text cannot hold it: error 22021) and half of a UTF-16 surrogate pair (not a character
// at all: UTF-8 cannot encode it, drivers silently turn it into U+FFFD). Checked per code unit, no `u` flag.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** The first character of `text` no database text column can store, or null when it has none. */
export function unstorableCharacter(text: string): UnstorableCharacter | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  const unit = match[0].charCodeAt(0);
  return {
    rule: unit === 0 ? 'NUL_CHARACTER' : 'UNPAIRED_SURROGATE',
    position: match.index,
    character: `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`,
  };
}

/** Says, for a message, what is wrong with the character found by unstorableCharacter. */
export function describeUnstorable(found: UnstorableCharacter): string {
  return found.rule === 'NUL_CHARACTER'
    ? `a NUL character (U+0000) at position ${found.position}, which text cannot hold`
    : `half of a UTF-16 surrogate pair (${found.character}) at position ${found.position}, which is not a character`;
}

/**
 * The first string inside a JSON-like value (object keys included) holding an unstorable character,
 * with its path (`input.items[2].name`), or null. Iterative, and the path is spelled only for the hit:
 * a request body may nest tens of thousands of levels deep within its size limit, which a recursive walk
 * would answer with a stack overflow.
 */
export function findUnstorableText(value: unknown, path: string): { path: string; found: UnstorableCharacter } | null {
  // Each visited container or key is a node: its parent and the path segment leading to it.
  const parents: number[] = [-1];
  const segments: string[] = [path];
  const spell = (node: number) => {
    const parts: string[] = [];
    for (let n = node; n >= 0; n = parents[n]!) parts.push(segments[n]!);
    return parts.reverse().reduce((at, part) => (!at ? part : part.startsWith('[') ? at + part : `${at}.${part}`));
  };
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, node] = pending.pop()!;
    if (typeof current === 'string') {
      const found = unstorableCharacter(current);
      if (found) return { path: spell(node), found };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item, i) => [`[${i}]`, item])
      : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [segment, inner] = entries[i]!;
      parents.push(node);
      segments.push(segment);
      const child = parents.length - 1;
      const keyFound = Array.isArray(current) ? null : unstorableCharacter(segment);
      if (keyFound) return { path: spell(child), found: keyFound };
      pending.push([inner, child]);
    }
  }
  return null;
}

/**
 * A copy of a JSON-like value with every unstorable character replaced by U+FFFD (the replacement
 * character), for keeping refused input on record (quarantine) where the original cannot be stored.
 * Iterative, like findUnstorableText.
 */
export function storableCopy(value: unknown): unknown {
  const clean = (text: string) => text.replace(UNSTORABLE_ALL, '\uFFFD');
  const root: { value: unknown } = { value: undefined };
  const pending: [unknown, Record<string | number, unknown>, string | number][] = [[value, root, 'value']];
  while (pending.length > 0) {
    const [current, target, slot] = pending.pop()!;
    if (typeof current === 'string') target[slot] = clean(current);
    else if (Array.isArray(current)) {
      const copy: unknown[] = new Array(current.length);
      target[slot] = copy;
      current.forEach((item, i) => pending.push([item, copy as unknown as Record<number, unknown>, i]));
    } else if (current !== null && typeof current === 'object') {
      const copy: Record<string, unknown> = {};
      target[slot] = copy;
      for (const [key, inner] of Object.entries(current)) pending.push([inner, copy, clean(key)]);
    } else target[slot] = current;
  }
  return root.value;
}

/** Refuses text a department or caller sends that the database could not store (BAD_USER_INPUT). */
export function checkStorableText(value: unknown, field: string): void {
  const hit = findUnstorableText(value, field);
  if (hit)
    throw badInput(hit.path, hit.found.rule, `\`${hit.path}\` contains ${describeUnstorable(hit.found)}`, {
      position: hit.found.position,
    });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a UUID in its text form. Ids the database keeps as `uuid` are checked with it before a statement, so a
 * malformed id is the caller's BAD_USER_INPUT (or simply not found), never a database error.
 */
export const isUuid = (value: string): boolean => UUID.test(value);
