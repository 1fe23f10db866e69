import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startTaxSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startTaxSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-tax', poolSize: poolSizeOf(env) }),
  port: env.TAX_PORT,
  host: env.TAX_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`tax subgraph at ${service.url}`);
