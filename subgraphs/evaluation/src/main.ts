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
import { startEvaluationSubgraph } from './index.ts';

// Runs this subgraph alone (one process per service in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-evaluation');
const service = await startEvaluationSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-evaluation' }),
  port: env.EVALUATION_PORT,
  host: env.EVALUATION_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
});
serviceLogger('evaluation').info('subgraph listening', { url: service.url });
