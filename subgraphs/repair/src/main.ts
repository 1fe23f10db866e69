import { clockFromEnv, identityOptionsOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startRepairSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startRepairSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-repair' }),
  port: env.REPAIR_PORT,
  host: env.REPAIR_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`repair subgraph at ${service.url}`);
