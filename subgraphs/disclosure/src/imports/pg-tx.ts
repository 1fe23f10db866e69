/**
 * A transaction handle with the shape of Prisma's raw-query API over one node-postgres connection, for the
 * import's chunk transactions. Measured: a 5,000-row chunk's jsonb parameter (about 5 MB) spends about 3 s in
 * Prisma's raw-query parameter handling before the statement even starts, while the statement itself runs
 * in about 1 s. The ingest core (IngestTx) and the audit trail (appendAudit) only need these four methods,
 * so they run unchanged on the direct connection.
 */
import pg from 'pg';
import type { Db } from '@credit-hub/kit/db';

/** int8 as BigInt, as Prisma returns it (the audit chain's sequence numbers are bigint). */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format as 'text')) as never,
};

/** node-postgres cannot send BigInt: as text, which Postgres casts where the statement says ::bigint. */
function param(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(param);
  return value;
}

/** `$queryRaw` template → `$1, $2 …` placeholders. */
const text = (strings: TemplateStringsArray) => strings.reduce((sql, part, i) => `${sql}$${i}${part}`);

export interface PgTx {
  handle: Db['prisma'];
  /** Statements sent through this handle (the query-count tests read it). */
  statements(): number;
}

export function pgTx(client: pg.PoolClient): PgTx {
  let statements = 0;
  const run = (sql: string, values: unknown[]) => {
    statements += 1;
    return client.query({ text: sql, values: values.map(param), types: TYPES });
  };
  const handle = {
    $queryRawUnsafe: async (sql: string, ...values: unknown[]) => (await run(sql, values)).rows,
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await run(sql, values)).rowCount ?? 0,
    $queryRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => (await run(text(strings), values)).rows,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) =>
      (await run(text(strings), values)).rowCount ?? 0,
  };
  return { handle: handle as unknown as Db['prisma'], statements: () => statements };
}

/** Runs `work` in one transaction on a connection of the pool; rolled back as a whole if it throws. */
export async function inPgTransaction<T>(pool: pg.Pool, work: (tx: PgTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const tx = pgTx(client);
    const result = await work(tx);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
