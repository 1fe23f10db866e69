import {
  clockFromEnv,
  identityOptionsOf,
  metricsOptionsOf,
  poolSizeOf,
  readEnvOrExit,
  serviceLogger,
  setClock,
  startObservability,
} from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startRepairSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-repair');
const service = await startRepairSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-repair', poolSize: poolSizeOf(env) }),
  port: env.REPAIR_PORT,
  host: env.REPAIR_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
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
serviceLogger('repair').info('subgraph listening', { url: service.url });
