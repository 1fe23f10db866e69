import { clockFromEnv, identityOptionsOf, poolSizeOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startDisclosureSubgraph } from './index.ts';

// Runs this subgraph alone (one process per service in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startDisclosureSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-disclosure', poolSize: poolSizeOf(env) }),
  port: env.DISCLOSURE_PORT,
  host: env.DISCLOSURE_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  config: { personKeySecret: env.PERSON_KEY_SECRET },
});
console.log(`disclosure subgraph at ${service.url}`);
