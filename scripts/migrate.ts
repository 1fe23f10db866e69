/**
 * `npm run migrate`: applies the committed migrations and reference data to DATABASE_URL, then loads
 * demo data if DEMO_SUBJECTS > 0 and the database is empty. Used by docker-compose's one-shot
 * `migrate` service and by operators before rolling out new subgraph versions.
 */
import { prepareDatabase } from '@credit-hub/hub/prepare';
import { readEnv } from '@credit-hub/hub/env';
import { readEnvOrExit } from '@credit-hub/kit';

const env = readEnvOrExit(readEnv);
if (!env.DATABASE_URL) {
  console.error('DATABASE_URL is required (npm start runs an embedded server instead)');
  process.exit(2);
}
await prepareDatabase(env.DATABASE_URL, env, (line) => console.log(`[migrate] ${line}`));
