import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { databaseUnavailable } from '../errors.ts';
import { PrismaClient } from '../../generated/prisma/index.js';
import { logger } from '../observability/log.ts';
import { traceQueries } from '../observability/tracing.ts';
import { pgSql, type PgQueryable, type Sql } from './sql.ts';
import { unavailableReason } from './unavailable.ts';

export { Prisma, PrismaClient } from '../../generated/prisma/index.js';

export interface Db {
  prisma: PrismaClient;
  /**
   * The node-postgres pool under the client, for bulk paths where Prisma's parameter handling costs more
   * than the statement (a 5 MB jsonb parameter takes seconds through the raw-query path).
   */
  pool: pg.Pool;
  /**
   * A read straight on the pool, counted with the rest: the read path (rowsByKeys) sends its statements here, named
   * so that each connection prepares a text once. A connection failure becomes DATABASE_UNAVAILABLE (retryable).
   */
  read<T>(statement: { name?: string; text: string; values?: unknown[] }): Promise<T[]>;
  /**
   * Raw SQL straight on the pool (autocommit), counted with the rest: one bulk statement whose array or jsonb parameters
   * Prisma's raw-query path would spend longer on than PostgreSQL spends on the statement (a batch credit check's
   * 1,000 records, ADR 0120). A connection failure becomes DATABASE_UNAVAILABLE.
   */
  sql: Sql;
  /**
   * A transaction on one pool connection (BEGIN … COMMIT, ROLLBACK when `work` throws), its statements counted with the
   * rest and the transaction itself as one more, as Prisma's interactive transactions are: the audit trail's append of
   * a request's reads (ADR 0120).
   */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * A transaction in two round trips where `transaction` takes one per statement plus two: BEGIN and the `opening`
   * statements as one simple-protocol query (each still its own statement with its own snapshot), then the statement
   * `closing` builds from the rows of the last opening one, sent with COMMIT. No parameters: a value goes in as a
   * literal escaped by `sqlLiteral` (sql.ts). Counted as `transaction` counts the same statements. The audit trail's append
   * of a request's reads, on every audited response (ADR 0125).
   */
  twoStepTransaction(opening: string[], closing: (rows: unknown[]) => string): Promise<void>;
  /** SQL statements sent since start (or the last reset): the query-count tests read this. */
  statements(): number;
  resetStatements(): void;
  close(): Promise<void>;
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  } catch {
    return 'postgres';
  }
}

/**
 * One Prisma client per service process, querying through node-postgres (driver adapter, no engine
 * binary). Every statement is counted, because "a page of N subjects costs a constant number of
 * statements" is a property the tests assert, not a hope.
 */
export interface DbOptions {
  /** Connections of this process's pool (poolSizeOf: a share of the deployment's DATABASE_CONNECTION_BUDGET). */
  poolSize?: number;
  applicationName?: string;
  /**
   * How long a statement waits for a free connection of the pool before it fails as DATABASE_UNAVAILABLE
   * (POOL_EXHAUSTED). Without it node-postgres waits forever, and a burst holds every request of the process.
   */
  connectTimeoutMs?: number;
}

export function createDb(url: string, options: DbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'credit-hub',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  // An idle connection the server drops (restart, failover, admin shutdown) must not crash the
  // service: the pool discards it and the next query opens a new one.
  pool.on('error', (error) =>
    logger.warn(
      { err: error, application: options.applicationName },
      'database connection lost; reconnecting on next use',
    ),
  );
  // One span per statement while tracing is on (packages/kit/src/observability/tracing.ts).
  traceQueries(pool, databaseName(url));
  const adapter = new PrismaPg(pool);
  // Minimal error format: a logged database error carries its message, never a frame of source code.
  const prisma = new PrismaClient({ adapter, errorFormat: 'minimal', log: [{ emit: 'event', level: 'query' }] });
  let count = 0;
  prisma.$on('query', () => {
    count += 1;
  });
  const unavailable = (error: unknown) => {
    const reason = unavailableReason(error);
    return reason ? databaseUnavailable(reason) : error;
  };
  /** `Sql` over a pool or one of its connections, counting into this Db's statements. */
  const countedSql = (queryable: PgQueryable): Sql => {
    const sql = pgSql(queryable);
    const counted = async <R>(run: () => Promise<R>) => {
      count += 1;
      try {
        return await run();
      } catch (error) {
        throw unavailable(error);
      }
    };
    return {
      rows: (text, values) => counted(() => sql.rows(text, values)),
      execute: (text, values) => counted(() => sql.execute(text, values)),
    };
  };
  return {
    prisma,
    pool,
    read: async <T>(statement: { name?: string; text: string; values?: unknown[] }) => {
      count += 1;
      try {
        return (await pool.query(statement)).rows as T[];
      } catch (error) {
        throw unavailable(error);
      }
    },
    sql: countedSql(pool),
    transaction: async <T>(work: (sql: Sql) => Promise<T>) => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw unavailable(error);
      }
      try {
        await client.query('BEGIN');
        count += 1;
        const result = await work(countedSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw unavailable(error);
      } finally {
        client.release();
      }
    },
    twoStepTransaction: async (opening, closing) => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw unavailable(error);
      }
      try {
        // A multi-statement text answers with one result per statement (a single one with none: BEGIN alone).
        const answer: pg.QueryResult | pg.QueryResult[] = await client.query(['BEGIN', ...opening].join(';\n'));
        count += 1 + opening.length;
        const last = (Array.isArray(answer) ? answer.at(-1)?.rows : answer.rows) ?? [];
        await client.query(`${closing(last)};\nCOMMIT`);
        count += 1;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw unavailable(error);
      } finally {
        client.release();
      }
    },
    statements: () => count,
    resetStatements: () => {
      count = 0;
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
