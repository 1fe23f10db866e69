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
import { configOf, readEnv } from './env.ts';
import { startPushSubgraph } from './index.ts';

// Runs this subgraph alone (its own process in production; `npm start` runs all in one). Its dispatcher runs here
// unless PUSH_DISPATCH=false.
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-push');
const service = await startPushSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-push', poolSize: poolSizeOf(env) }),
  port: env.PUSH_PORT,
  host: env.PUSH_HOST,
  production: env.NODE_ENV === 'production',
  config: configOf(env),
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
});
serviceLogger('push').info('subgraph listening', { url: service.url, dispatcher: Boolean(service.dispatcher) });
