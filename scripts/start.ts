/**
 * `npm start`: the whole hub on one machine. Starts PostgreSQL (embedded in .data/pg unless
 * DATABASE_URL is set), applies migrations, loads demo data into an empty database, starts every
 * subgraph and the gateway, and prints the URL. Ctrl-C stops everything it started.
 */
import path from 'node:path';
import { startHub } from '@credit-hub/hub';
import { readEnv } from '@credit-hub/hub/env';
import { prepareDatabase } from '@credit-hub/hub/prepare';
import { dataDir, startEmbeddedPostgres, type EmbeddedServer } from '@credit-hub/kit/db';

const env = readEnv();
const log = (line: string) => console.log(`[credit-hub] ${line}`);

let embedded: EmbeddedServer | null = null;
let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  log(`starting embedded PostgreSQL (data in .data/pg, port ${env.EMBEDDED_PG_PORT})`);
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: env.EMBEDDED_PG_PORT });
  databaseUrl = await embedded.ensureDatabase('credit_hub');
}

await prepareDatabase(databaseUrl, env, log);

const hub = await startHub({
  databaseUrl,
  gatewayPort: env.GATEWAY_PORT,
  ports: env.SUBGRAPH_PORTS,
  production: env.NODE_ENV === 'production',
  log,
});
for (const [name, s] of Object.entries(hub.subgraphs)) log(`subgraph ${name} at ${s.service.url}`);
log(`gateway ready: ${hub.gatewayUrl}  (query page: ${hub.gatewayUrl.replace(/graphql$/, '')})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await hub.close();
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
