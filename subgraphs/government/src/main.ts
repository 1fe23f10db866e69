import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startGovernmentSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startGovernmentSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-government', poolSize: poolSizeOf(env) }),
  port: env.GOVERNMENT_PORT,
  host: env.GOVERNMENT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`government subgraph at ${service.url}`);
