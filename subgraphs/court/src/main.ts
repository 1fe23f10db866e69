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
import { startCourtSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-court');
const service = await startCourtSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-court' }),
  port: env.COURT_PORT,
  host: env.COURT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
});
serviceLogger('court').info('subgraph listening', { url: service.url });
