/**
 * The subject register's pure rules of search (信用主体查询, docs/adr/0004-name-search.md): what the search box holds
 * and the index terms a name fragment must contain. No I/O; unit-tested in rules.test.ts.
 */
import { badInput } from '@credit-hub/kit';
import { isPersonKey, USCC_CHARSET } from '@credit-hub/kit/codes';

export const MAX_QUERY_LENGTH = 50;
const CODE_PREFIX = new RegExp(`^[${USCC_CHARSET}]{2,18}$`);

/** What the search box holds: nothing, an exact person key, a code prefix, or a name fragment. */
export type SearchTerm =
  | { type: 'none' }
  | { type: 'personKey'; code: string }
  | { type: 'codePrefix'; prefix: string }
  | { type: 'name'; fragment: string; grams: string[] };

/**
 * Classifies the search box: a person key (NP + 20 hex) exactly, 2–18 USCC characters as a code prefix, anything
 * else as a name fragment (lower-cased). One printable ASCII character is refused: as a code prefix it is too short
 * to narrow anything, and it is no name.
 */
export function classifyQuery(raw: string | null | undefined, field = 'query'): SearchTerm {
  const query = (raw ?? '').trim();
  if (query === '') return { type: 'none' };
  if (query.length > MAX_QUERY_LENGTH) {
    throw badInput(
      field,
      'LENGTH',
      `\`${field}\` may hold at most ${MAX_QUERY_LENGTH} characters, got ${query.length}`,
    );
  }
  const upper = query.toUpperCase();
  if (isPersonKey(upper)) return { type: 'personKey', code: upper };
  if (CODE_PREFIX.test(upper)) return { type: 'codePrefix', prefix: upper };
  if (/^[\x20-\x7e]$/.test(query)) {
    throw badInput(field, 'LENGTH', `\`${field}\` must be a name fragment or a code prefix of at least 2 characters`);
  }
  return { type: 'name', fragment: query.toLowerCase(), grams: nameGrams(query.toLowerCase()) };
}

export const MAX_SUGGESTIONS = 10;

/**
 * The term of a typeahead (suggestSubjects): a name fragment or a code prefix. An empty box is refused (there is
 * nothing to suggest from) and a person key gives no term at all: persons are never suggested.
 */
export function suggestTerm(raw: string, first: number | null | undefined): SearchTerm & { limit: number } {
  const limit = first ?? 8;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS)
    throw badInput('first', 'RANGE', `\`first\` must be between 1 and ${MAX_SUGGESTIONS}, got ${limit}`, {
      min: 1,
      max: MAX_SUGGESTIONS,
    });
  const term = classifyQuery(raw, 'prefix');
  if (term.type === 'none') throw badInput('prefix', 'REQUIRED', '`prefix` must hold a name fragment or a code prefix');
  return { ...term, limit };
}

/**
 * The index terms a fragment must contain: its character pairs, or the character itself when the
 * fragment is one character (mirrors subject.name_grams() in migration 0002).
 */
export function nameGrams(fragment: string): string[] {
  const chars = [...fragment];
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i < chars.length - 1; i += 1) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** A LIKE pattern's literal part: `%`, `_` and the escape character itself escaped. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
