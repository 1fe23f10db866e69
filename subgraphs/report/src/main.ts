import { clockFromEnv, identityOptionsOf, readEnvOrExit, setClock } from '@credit-hub/kit';
import { createDb, dataDir } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { startReportSubgraph } from './index.ts';
import { keysFromEnv } from './keys/reads.ts';

// Runs this subgraph alone (one process per service in production; `npm start` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
const service = await startReportSubgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-report' }),
  port: env.REPORT_PORT,
  host: env.REPORT_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  config: {
    gatewayUrl: () => env.REPORT_GATEWAY_URL,
    verifyBaseUrl: env.REPORT_VERIFY_BASE_URL,
    keys: keysFromEnv(env, dataDir),
  },
});
console.log(`report subgraph at ${service.url}`);
