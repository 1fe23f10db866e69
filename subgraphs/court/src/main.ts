import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startCourtSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startCourtSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-court', poolSize: poolSizeOf(env) }),
  port: env.COURT_PORT,
  host: env.COURT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`court subgraph at ${service.url}`);
