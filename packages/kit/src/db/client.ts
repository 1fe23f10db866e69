import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/index.js';
import { logger } from '../observability/log.ts';
import { traceQueries } from '../observability/tracing.ts';

export { Prisma, PrismaClient } from '../../generated/prisma/index.js';

export interface Db {
  prisma: PrismaClient;
  /**
   * The node-postgres pool under the client, for bulk paths where Prisma's parameter handling costs more
   * than the statement (a 5 MB jsonb parameter takes seconds through the raw-query path).
   */
  pool: pg.Pool;
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
export function createDb(url: string, options: { poolSize?: number; applicationName?: string } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'credit-hub',
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
  return {
    prisma,
    pool,
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
