import { clockFromEnv, identityOptionsOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { configOf, readEnv } from './env.ts';
import { startPushSubgraph } from './index.ts';

// Runs this subgraph alone (its own process in production; `npm start` runs all in one). Its dispatcher runs here
// unless PUSH_DISPATCH=false.
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startPushSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-push' }),
  port: env.PUSH_PORT,
  host: env.PUSH_HOST,
  production: env.NODE_ENV === 'production',
  config: configOf(env),
  ...identityOptionsOf(env),
});
console.log(`push subgraph at ${service.url}${service.dispatcher ? ' (dispatcher running)' : ''}`);
