import { commonEnv, databaseUrl, described, loadEnv, personKeySecretEnv, z } from '@credit-hub/kit';

/**
 * The 双公示 import command's configuration (`npm run import:disclosure`, docs/reference/configuration.md); the
 * only place the command reads process.env.
 */
export const envShape = {
  NODE_ENV: commonEnv.NODE_ENV,
  DATABASE_URL: described(
    'PostgreSQL connection URL the import command writes to (unset: the embedded server of a development hub)',
    databaseUrl.optional(),
  ),
  ...personKeySecretEnv,
  IMPORT_CHUNK_SIZE: described(
    'Rows per transaction of a bulk import (a crash loses at most one chunk; the job resumes after the last one)',
    z.coerce.number().int().min(1).max(50_000).default(5000),
  ),
  IMPORT_TODAY: described(
    'Pins "today" for validation (tests and replays of old files); unset: the real date in China',
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  ),
  IMPORT_CRASH_AFTER_CHUNKS: described(
    'Test hook: stop like a killed process after this many committed chunks',
    z.coerce.number().int().min(1).optional(),
  ),
};

export const readImportEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
