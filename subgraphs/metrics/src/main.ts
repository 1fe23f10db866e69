import { clockFromEnv, identityOptionsOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startMetricsSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startMetricsSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-metrics' }),
  port: env.METRICS_PORT,
  host: env.METRICS_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`metrics subgraph at ${service.url}`);
