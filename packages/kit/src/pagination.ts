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

/** A Prisma-shaped condition: rows strictly after a (date, id) cursor in (field, id) order. */
export type DateIdSeek<F extends string> =
  | {
      OR: [{ [K in F]: { lt: Date } | { gt: Date } }, { [K in F]: Date } & { id: { lt: bigint } | { gt: bigint } }];
    }
  | Record<string, never>;

/**
 * The keyset seek of a list ordered by a date field, then by id — every (date, id) list of the departments: rows
 * strictly after the cursor `after` (from readPage with isDateIdCursor) in `order`, as a where condition that fits
 * the model's Prisma where input (`{ AND: [filter, dateIdSeek('filedOn', page.after, 'desc')] }`). The first page
 * (no cursor) seeks nothing. The order must match the query's `orderBy: [{ [field]: order }, { id: order }]`.
 */
export function dateIdSeek<F extends string>(
  field: F,
  after: [string, string] | null,
  order: 'asc' | 'desc',
): DateIdSeek<F> {
  if (!after) return {};
  const [day, id] = after;
  const date = new Date(`${day}T00:00:00Z`);
  const beyond = order === 'desc' ? 'lt' : 'gt';
  // The computed keys are exactly F: a record type cannot be spelt with them.
  return {
    OR: [{ [field]: { [beyond]: date } }, { [field]: date, id: { [beyond]: BigInt(id) } }],
  } as unknown as DateIdSeek<F>;
}

/** The (date, id) cursor key of a row, the counterpart of dateIdSeek: `toConnection(rows, page, dateIdKey('filedOn'))`. */
export const dateIdKey =
  <F extends string>(field: F) =>
  (row: { [K in F]: Date | null } & { id: bigint }): [string, string] => [
    (row[field] as Date).toISOString().slice(0, 10),
    row.id.toString(),
  ];
