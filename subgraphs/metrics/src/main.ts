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
import { startMetricsSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-metrics');
const service = await startMetricsSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-metrics', poolSize: poolSizeOf(env) }),
  port: env.METRICS_PORT,
  host: env.METRICS_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
});
serviceLogger('metrics').info('subgraph listening', { url: service.url });
