import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startAccessSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startAccessSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-access', poolSize: poolSizeOf(env) }),
  port: env.ACCESS_PORT,
  host: env.ACCESS_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`access subgraph at ${service.url}`);
