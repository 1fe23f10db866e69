/**
 * `npm start`: the whole hub on one machine. Starts PostgreSQL (embedded in .data/pg unless
 * DATABASE_URL is set), applies migrations, loads demo data into an empty database, starts every
 * subgraph and the gateway, and prints the URL. Ctrl-C stops everything it started.
 */
import path from 'node:path';
import { loadDemoData } from '@credit-hub/datagen';
import { startHub } from '@credit-hub/hub';
import { readEnv } from '@credit-hub/hub/env';
import { dataDir, migrate, startEmbeddedPostgres, type EmbeddedServer } from '@credit-hub/kit/db';
import { ensureReferenceData } from '@credit-hub/kit/reference';
import pg from 'pg';

const env = readEnv();
const log = (line: string) => console.log(`[credit-hub] ${line}`);

let embedded: EmbeddedServer | null = null;
let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  log(`starting embedded PostgreSQL (data in .data/pg, port ${env.EMBEDDED_PG_PORT})`);
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: env.EMBEDDED_PG_PORT });
  databaseUrl = await embedded.ensureDatabase('credit_hub');
}

const { applied } = await migrate(databaseUrl, log);
log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is current');
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
await ensureReferenceData(client);
const { rows } = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM subject.credit_subject) AS any');
await client.end();
if (!rows[0]?.any && env.DEMO_SUBJECTS > 0) {
  log(`empty database: generating ${env.DEMO_SUBJECTS.toLocaleString('en')} demo subjects`);
  const loaded = await loadDemoData(databaseUrl, {
    subjects: env.DEMO_SUBJECTS,
    seed: env.DEMO_SEED,
    personKeySecret: env.PERSON_KEY_SECRET,
  });
  log(
    `demo data loaded in ${(loaded.ms / 1000).toFixed(1)} s: ${loaded.subjects} subjects, ${loaded.ratings} tax ratings, ${loaded.violations} black-list entries`,
  );
}

const hub = await startHub({
  databaseUrl,
  gatewayPort: env.GATEWAY_PORT,
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
