import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startMarketSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startMarketSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-market', poolSize: poolSizeOf(env) }),
  port: env.MARKET_PORT,
  host: env.MARKET_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`market subgraph at ${service.url}`);
