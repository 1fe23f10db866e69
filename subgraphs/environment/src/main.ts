import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startEnvironmentSubgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startEnvironmentSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-environment', poolSize: poolSizeOf(env) }),
  port: env.ENVIRONMENT_PORT,
  host: env.ENVIRONMENT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  config: {
    grades: env.ENVIRONMENT_GRADES,
    labels: env.ENVIRONMENT_GRADE_LABELS,
    validThrough: env.ENVIRONMENT_RATING_VALID_THROUGH,
  },
});
console.log(`environment subgraph at ${service.url} (${env.ENVIRONMENT_GRADES} grades)`);
