export { createDb, Prisma, PrismaClient, type Db } from './client.ts';
export type * from '../../generated/prisma/index.js';
export { migrate, type MigrationResult } from './migrate.ts';
export {
  startEmbeddedPostgres,
  createDatabaseIfMissing,
  EmbeddedPostgresUnavailable,
  embeddedPostgresProblem,
  type EmbeddedServer,
} from './embedded.ts';
export { repoRoot, migrationsDir, dataDir } from './paths.ts';
export { rowsByKeys, cachedStatementCount, STATEMENT_CACHE_SIZE } from './by-keys.ts';
export {
  prismaSql,
  pgSql,
  inPgTransaction,
  sqlLiteral,
  sqlTextArray,
  type Sql,
  type PgSql,
  type PgQueryable,
  type PrismaRaw,
} from './sql.ts';
export { upsertRows, upsertStatement, type UpsertTable } from './upsert.ts';
export { unavailableReason, type UnavailableReason } from './unavailable.ts';
