import { clockFromEnv, identityOptionsOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startRepairSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startRepairSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-repair' }),
  port: env.REPAIR_PORT,
  host: env.REPAIR_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  config: {
    limits: {
      review: env.REPAIR_DAYS_REVIEW,
      accept: env.REPAIR_DAYS_ACCEPT,
      decide: env.REPAIR_DAYS_DECIDE,
      sync: env.REPAIR_DAYS_SYNC,
      objectionReview: env.REPAIR_DAYS_OBJECTION_REVIEW,
      objectionProvider: env.REPAIR_DAYS_OBJECTION_PROVIDER,
      extendMax: env.REPAIR_DAYS_EXTEND_MAX,
    },
    fileLimitBytes: env.REPAIR_FILE_LIMIT_BYTES,
  },
});
console.log(`repair subgraph at ${service.url}`);
