import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startEvaluationSubgraph } from './index.ts';

// Runs this subgraph alone (one process per service in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startEvaluationSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-evaluation', poolSize: poolSizeOf(env) }),
  port: env.EVALUATION_PORT,
  host: env.EVALUATION_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
});
console.log(`evaluation subgraph at ${service.url}`);
