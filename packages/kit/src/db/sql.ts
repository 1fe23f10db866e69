/**
 * Raw SQL over either of the two handles a service has, behind one typed interface: Prisma's raw-query API (the
 * client, or the `tx` of an interactive transaction such as `ctx.audited`) and one node-postgres connection. Bulk
 * paths need the second: a 5,000-row chunk's jsonb parameter (about 5 MB) spends about 3 s in Prisma's raw-query
 * parameter handling before the statement starts, while the statement itself runs in about 1 s (measured on the
 * 双公示 import). Code written against `Sql` runs unchanged on either; rows come back as `unknown[]` for the caller
 * to parse (zod), so neither handle has to pretend to be the other.
 *
 * One difference the parsers absorb: Prisma returns int8 as BigInt, node-postgres as text (`z.coerce.bigint()`
 * reads both).
 */
import type pg from 'pg';
import type { Db } from './client.ts';

export interface Sql {
  /** The rows of a statement with `$1, $2 …` placeholders, unparsed. */
  rows(text: string, values?: readonly unknown[]): Promise<unknown[]>;
  /** The number of rows a statement inserted, updated or deleted. */
  execute(text: string, values?: readonly unknown[]): Promise<number>;
}

/** What Prisma's client and its transaction clients both have. */
export type PrismaRaw = Pick<Db['prisma'], '$queryRawUnsafe' | '$executeRawUnsafe'>;

/** `Sql` over Prisma: the client itself, or a transaction's `tx`. */
export const prismaSql = (client: PrismaRaw): Sql => ({
  rows: (text, values = []) => client.$queryRawUnsafe<unknown[]>(text, ...values),
  execute: (text, values = []) => client.$executeRawUnsafe(text, ...values),
});

/** The part of pg.Client, pg.Pool and pool clients used here. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** `Sql` over node-postgres, counting its statements (the query-count tests read them). */
export interface PgSql extends Sql {
  statements(): number;
}

/** node-postgres cannot send a BigInt: as text, which Postgres casts where the statement says ::bigint. */
function param(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(param);
  return value;
}

export function pgSql(client: PgQueryable): PgSql {
  let statements = 0;
  const run = (text: string, values: readonly unknown[]) => {
    statements += 1;
    return client.query(text, values.map(param));
  };
  return {
    rows: async (text, values = []) => (await run(text, values)).rows,
    execute: async (text, values = []) => (await run(text, values)).rowCount ?? 0,
    statements: () => statements,
  };
}

/**
 * A string as an SQL literal, the same text node-postgres' `escapeLiteral` gives (quotes doubled; with a backslash,
 * the E'' form with backslashes doubled), for statements sent without parameters (`Db.twoStepTransaction`).
 * node-postgres builds its result one character at a time: for the audit trail's append of a batch check, a
 * 200 KB JSON document, that made a string of one piece per character (about 12 MB per batch in each worker, measured
 * with V8's allocation sampling) before the socket flattened it. Two native replacements make it in one piece.
 */
export function sqlLiteral(text: string): string {
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/**
 * Strings (and nulls) as an SQL literal of a text[] value, for statements sent without parameters: each element
 * double-quoted with its quotes and backslashes escaped (PostgreSQL's array input), the whole as `sqlLiteral`. An
 * array literal is read far faster than a JSON document of the same values (ADR 0136).
 */
export function sqlTextArray(values: readonly (string | null)[]): string {
  const elements = values.map((v) =>
    v === null ? 'NULL' : `"${v.includes('"') || v.includes('\\') ? v.replace(/["\\]/g, '\\$&') : v}"`,
  );
  return `${sqlLiteral(`{${elements.join(',')}}`)}::text[]`;
}

/** Runs `work` in one transaction on a connection of the pool; rolled back as a whole if it throws. */
export async function inPgTransaction<T>(pool: pg.Pool, work: (sql: PgSql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(pgSql(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
