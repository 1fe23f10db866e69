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
import { startMarketSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-market');
const service = await startMarketSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-market' }),
  port: env.MARKET_PORT,
  host: env.MARKET_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
});
serviceLogger('market').info('subgraph listening', { url: service.url });
