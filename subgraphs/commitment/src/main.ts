import { clockFromEnv, identityOptionsOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startCommitmentSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startCommitmentSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-commitment' }),
  port: env.COMMITMENT_PORT,
  host: env.COMMITMENT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`commitment subgraph at ${service.url}`);
