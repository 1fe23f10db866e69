import { commonEnv, databaseUrl, internalIdentityEnv, loadEnv, port, z } from '@credit-hub/kit';
import type { GradeScale } from './rules.ts';

/**
 * ENVIRONMENT_GRADES: how many 企业环境信用评价 grades the province uses — 5 (default: GREEN, BLUE, YELLOW, RED,
 * BLACK) or 4 (no BLACK; RED is the black list). Exported so the all-in-one hub can read the same variable.
 */
export const environmentGrades = z
  .enum(['4', '5'])
  .default('5')
  .transform((v): GradeScale => (v === '4' ? 4 : 5));

/** The environment subgraph's configuration; the only module of this service that reads process.env. */
export const readEnv = (source: Record<string, string | undefined> = process.env) =>
  loadEnv(
    {
      ...commonEnv,
      ...internalIdentityEnv,
      DATABASE_URL: databaseUrl,
      ENVIRONMENT_HOST: z.string().default('127.0.0.1'),
      ENVIRONMENT_PORT: port(4105),
      ENVIRONMENT_GRADES: environmentGrades,
    },
    source,
  );
