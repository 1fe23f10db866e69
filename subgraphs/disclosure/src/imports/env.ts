import { commonEnv, databaseUrl, loadEnv, personKeySecretEnv, z } from '@credit-hub/kit';

/** The import command's configuration; the only place the command reads process.env. */
export const readImportEnv = (source: Record<string, string | undefined> = process.env) =>
  loadEnv(
    {
      NODE_ENV: commonEnv.NODE_ENV,
      DATABASE_URL: databaseUrl.optional(),
      ...personKeySecretEnv,
      IMPORT_CHUNK_SIZE: z.coerce.number().int().min(1).max(50_000).default(5000),
      /** Pins "today" for validation (tests and replays of old files); default: the real date in China. */
      IMPORT_TODAY: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      /** Test hook: stop like a killed process after this many committed chunks. */
      IMPORT_CRASH_AFTER_CHUNKS: z.coerce.number().int().min(1).optional(),
    },
    source,
  );
