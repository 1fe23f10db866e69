import { badInput } from './errors.ts';
import { findUnstorableText } from './input.ts';

/**
 * Relay-style cursor connections with keyset paging. Offsets are never used: at a million subjects an
 * OFFSET scan grows with the page number, a keyset seek does not.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<K> {
  /** Rows to fetch: one more than asked, to know whether there is a next page. */
  limit: number;
  first: number;
  /** Decoded keyset position to continue after, or null for the first page. */
  after: K | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<K>(cursor: string, isKey: (value: unknown) => value is K): K {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  // A cursor is opaque to the caller but its key reaches SQL: a forged one holding a NUL (valid base64,
  // valid JSON) would otherwise become a database error instead of a refusal.
  if (!isKey(value) || findUnstorableText(value, '')) {
    throw badInput('after', 'CURSOR', '`after` is not a cursor returned by this list: pass an endCursor from pageInfo');
  }
  return value;
}

/** Validates `first`/`after` and turns them into a keyset page. */
export function readPage<K>(
  args: PageArgs,
  isKey: (value: unknown) => value is K,
  maxPageSize = MAX_PAGE_SIZE,
): Page<K> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badInput('first', 'RANGE', `\`first\` must be between 1 and ${maxPageSize}, got ${first}`, {
      min: 1,
      max: maxPageSize,
    });
  }
  const after = args.after ? decodeCursor(args.after, isKey) : null;
  return { limit: first + 1, first, after };
}

/** Builds a connection from `page.limit` fetched rows (one extra row signals a next page). */
export function toConnection<T, K>(rows: T[], page: Page<K>, keyOf: (row: T) => K): Connection<T> {
  const hasNextPage = rows.length > page.first;
  const nodes = hasNextPage ? rows.slice(0, page.first) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export const isString = (v: unknown): v is string => typeof v === 'string';
/**
 * The cursor of a list ordered newest first by a date, then by id: (YYYY-MM-DD, decimal id). Checked
 * strictly, because the parts become a date and a BigInt: a forged cursor must be a BAD_USER_INPUT,
 * not a crash.
 */
export const isDateIdCursor = (v: unknown): v is [string, string] =>
  Array.isArray(v) &&
  v.length === 2 &&
  typeof v[0] === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v[0]) &&
  !Number.isNaN(Date.parse(`${v[0]}T00:00:00Z`)) &&
  typeof v[1] === 'string' &&
  /^\d{1,18}$/.test(v[1]);
