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
import { startCommitmentSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-commitment');
const service = await startCommitmentSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-commitment', poolSize: poolSizeOf(env) }),
  port: env.COMMITMENT_PORT,
  host: env.COMMITMENT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
});
serviceLogger('commitment').info('subgraph listening', { url: service.url });
