import {
  clockFromEnv,
  identityOptionsOf,
  metricsOptionsOf,
  readEnvOrExit,
  serviceLogger,
  setClock,
  startObservability,
} from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startEnvironmentSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-environment');
const service = await startEnvironmentSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-environment' }),
  port: env.ENVIRONMENT_PORT,
  host: env.ENVIRONMENT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
  config: {
    grades: env.ENVIRONMENT_GRADES,
    labels: env.ENVIRONMENT_GRADE_LABELS,
    validThrough: env.ENVIRONMENT_RATING_VALID_THROUGH,
  },
});
serviceLogger('environment').info('subgraph listening', { url: service.url });
