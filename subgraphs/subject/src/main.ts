import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startSubjectSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startSubjectSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-subject', poolSize: poolSizeOf(env) }),
  port: env.SUBJECT_PORT,
  host: env.SUBJECT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`subject subgraph at ${service.url}`);
