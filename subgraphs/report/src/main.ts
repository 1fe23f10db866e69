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
import { createDb, dataDir } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startReportSubgraph } from './index.ts';
import { keysFromEnv } from './keys/reads.ts';

// Runs this subgraph alone (one process per service in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-report');
const service = await startReportSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-report', poolSize: poolSizeOf(env) }),
  port: env.REPORT_PORT,
  host: env.REPORT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
  config: {
    gatewayUrl: () => env.REPORT_GATEWAY_URL,
    verifyBaseUrl: env.REPORT_VERIFY_BASE_URL,
    keys: keysFromEnv(env, dataDir),
  },
});
serviceLogger('report').info('subgraph listening', { url: service.url });
