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
import { startDisclosureSubgraph } from './index.ts';

// Runs this subgraph alone (one process per service in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-disclosure');
const service = await startDisclosureSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-disclosure' }),
  port: env.DISCLOSURE_PORT,
  host: env.DISCLOSURE_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
  config: { personKeySecret: env.PERSON_KEY_SECRET },
});
serviceLogger('disclosure').info('subgraph listening', { url: service.url });
