import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type express from 'express';
import type pg from 'pg';
import client from 'prom-client';

/**
 * Prometheus metrics (prom-client). Each service (the gateway, each subgraph) has a registry of its own, because the
 * all-in-one hub runs them all in one process and each answers /metrics for itself; the process's own series (CPU,
 * memory, event loop, GC) and the event backlog are in one process-wide registry that every /metrics also shows.
 * Every series carries `service`. The list, with what each means, is in docs/operations.md ("Metrics").
 */

const PREFIX = 'credit_hub_';

let processRegistry: client.Registry | null = null;
/** The process-wide registry: default process metrics (once per process) and the event backlog. */
function processMetrics(): client.Registry {
  if (processRegistry) return processRegistry;
  processRegistry = new client.Registry();
  // The event loop's delay sampled every 100 ms, not prom-client's default 10 ms: 100 wake-ups a second cost an idle
  // process about 1.8 ms of CPU a second (measured), in each of a split deployment's fifteen processes (ADR 0116).
  client.collectDefaultMetrics({ register: processRegistry, prefix: PREFIX, eventLoopMonitoringPrecision: 100 });
  new client.Gauge({
    name: `${PREFIX}event_backlog`,
    help: 'Events written but not yet dispatched to their consumers, per service and stream (outbox rows, stream lag)',
    labelNames: ['service', 'stream'],
    registers: [processRegistry],
    async collect() {
      this.reset();
      for (const source of backlogSources) {
        try {
          this.set({ service: source.service, stream: source.stream }, await source.read());
        } catch {
          // A source that cannot be read (database down) is left out of this scrape rather than failing it.
        }
      }
    },
  });
  return processRegistry;
}

/** What the shared-state counters read: a worker's traffic to the state its primary holds (kit cluster-state.ts). */
export interface SharedStateCounts {
  requests: number;
  ops: number;
  failures: Record<string, number>;
}

let sharedStateSource: (() => SharedStateCounts) | null = null;

/**
 * Reports a worker's messages to its primary's shared state (ADR 0127) as `credit_hub_shared_state_*`: messages sent,
 * the checks they carried, and the checks refused for want of an answer. Summed over the workers by the primary's
 * aggregation like every counter; ops per message is what the batching saves.
 */
export function reportSharedState(read: () => SharedStateCounts): void {
  const registry = processMetrics();
  const first = sharedStateSource === null;
  sharedStateSource = read;
  if (!first) return;
  new client.Counter({
    name: `${PREFIX}shared_state_requests_total`,
    help: "Messages a worker sent to the primary's shared state (each carries every check of one event-loop turn)",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sharedStateSource?.().requests ?? 0);
    },
  });
  new client.Counter({
    name: `${PREFIX}shared_state_operations_total`,
    help: "Checks (counts, claims, look-ups) a worker asked of the primary's shared state",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sharedStateSource?.().ops ?? 0);
    },
  });
  new client.Counter({
    name: `${PREFIX}shared_state_failures_total`,
    help: 'Checks of the shared state that got no answer (TIMEOUT, PRIMARY_GONE) and were refused',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [reason, n] of Object.entries(sharedStateSource?.().failures ?? {})) this.inc({ reason }, n);
    },
  });
}

/** What feeds the event backlog gauge: the events helper registers one per stream it dispatches. */
export interface EventBacklogSource {
  service: string;
  stream: string;
  /** The number of events not yet dispatched, read at each scrape (e.g. a count of undelivered outbox rows). */
  read(): number | Promise<number>;
}

const backlogSources: EventBacklogSource[] = [];

/**
 * Reports an event stream's backlog as `credit_hub_event_backlog{service, stream}`; returns a function that removes
 * the source again (a stopped dispatcher).
 */
export function reportEventBacklog(source: EventBacklogSource): () => void {
  processMetrics();
  backlogSources.push(source);
  return () => {
    const index = backlogSources.indexOf(source);
    if (index >= 0) backlogSources.splice(index, 1);
  };
}

// Latency buckets from 5 ms to 10 s: a subgraph's entity fetch is a few ms, a batch check a few hundred.
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Operation names become label values: only GraphQL names, and at most this many per service (then `(other)`). */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

export interface ServiceMetrics {
  service: string;
  registry: client.Registry;
  /** Counts and times every GraphQL request by operation and outcome (an Apollo Server plugin). */
  plugin: ApolloServerPlugin<BaseContext>;
  /** An HTTP request answered (every route, including refusals before GraphQL runs). */
  httpRequest(route: string, status: number, seconds: number): void;
  /** Reports a pg pool's connections at each scrape. */
  observePool(pool: pg.Pool): void;
  /** The label an operation name is counted under (bounded cardinality). */
  operationLabel(name: string | null | undefined): string;
  /** The text a scrape receives: the process-wide series, then this service's. */
  exposition(): Promise<string>;
}

/** Every service registry of this process, held weakly (a stopped service's registry may go). */
const serviceRegistries = new Set<WeakRef<client.Registry>>();

/**
 * This process's series as JSON — the process-wide ones and every service's — for a primary process that aggregates
 * its workers' (the all-in-one hub with several workers; prom-client's AggregatorRegistry.aggregate).
 */
export async function processMetricsAsJson(): Promise<client.MetricObjectWithValues<client.MetricValue<string>>[]> {
  const registries = [processMetrics()];
  for (const ref of serviceRegistries) {
    const registry = ref.deref();
    if (registry) registries.push(registry);
    else serviceRegistries.delete(ref);
  }
  return (await Promise.all(registries.map((r) => r.getMetricsAsJSON()))).flat();
}

/**
 * Several processes' series (processMetricsAsJson of each) as one Prometheus text: counters and histograms summed per
 * label set, gauges as prom-client's aggregators say (the pool gauges summed) — what a scrape of a hub with several
 * workers receives.
 */
export function aggregateMetrics(
  perProcess: client.MetricObjectWithValues<client.MetricValue<string>>[][],
): Promise<string> {
  return client.AggregatorRegistry.aggregate(perProcess).metrics();
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const shared = processMetrics();
  const registry = new client.Registry();
  registry.setDefaultLabels({ service });
  serviceRegistries.add(new WeakRef(registry));
  const registers = [registry];

  const requests = new client.Counter({
    name: `${PREFIX}graphql_requests_total`,
    help: 'GraphQL requests answered, by operation name and outcome (ok, partial: data with errors, error: no data)',
    labelNames: ['operation', 'outcome'],
    registers,
  });
  const duration = new client.Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: 'Time from receiving a GraphQL request to sending its answer, by operation name',
    labelNames: ['operation'],
    buckets: SECONDS,
    registers,
  });
  const errors = new client.Counter({
    name: `${PREFIX}graphql_errors_total`,
    help: 'Errors in GraphQL answers, by their extensions.code (docs/reference/errors.md)',
    labelNames: ['code'],
    registers,
  });
  const http = new client.Counter({
    name: `${PREFIX}http_requests_total`,
    help: "HTTP requests answered, by the route's first path segment and status",
    labelNames: ['route', 'status'],
    registers,
  });
  const httpDuration = new client.Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: "Time to answer an HTTP request, by the route's first path segment",
    labelNames: ['route'],
    buckets: SECONDS,
    registers,
  });

  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return '(other)';
    names.add(name);
    return name;
  };

  const pools: pg.Pool[] = [];
  new client.Gauge({
    name: `${PREFIX}db_pool_connections`,
    help: 'Connections of the service’s PostgreSQL pool: total open, idle, and callers waiting for one',
    labelNames: ['state'],
    registers,
    collect() {
      let total = 0;
      let idle = 0;
      let waiting = 0;
      for (const pool of pools) {
        total += pool.totalCount;
        idle += pool.idleCount;
        waiting += pool.waitingCount;
      }
      this.set({ state: 'total' }, total);
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'waiting' }, waiting);
    },
  });
  new client.Gauge({
    name: `${PREFIX}db_pool_max`,
    help: 'Largest number of connections the service’s PostgreSQL pool may open',
    registers,
    collect() {
      this.set(pools.reduce((sum, pool) => sum + (pool.options.max ?? 10), 0));
    },
  });

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, request }) {
          const operation = operationLabel(operationName ?? request.operationName);
          const body = response.body;
          let outcome = 'ok';
          if (body.kind === 'single') {
            const result = body.singleResult;
            if (result.errors?.length) {
              outcome = result.data ? 'partial' : 'error';
              for (const error of result.errors) {
                const code = error.extensions?.code;
                errors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN' });
              }
            }
          }
          requests.inc({ operation, outcome });
          duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };

  return {
    service,
    registry,
    plugin,
    httpRequest(route, status, seconds) {
      http.inc({ route, status: String(status) });
      httpDuration.observe({ route }, seconds);
    },
    observePool(pool) {
      if (!pools.includes(pool)) pools.push(pool);
    },
    operationLabel,
    exposition: async () => `${await shared.metrics()}\n${await registry.metrics()}`,
  };
}

export interface MetricsRouteOptions {
  production: boolean;
  /**
   * METRICS_TOKEN: a scrape must send `Authorization: Bearer <token>`. Without one, /metrics is open outside
   * production and not served at all in production (the service's port may face more than the scraper).
   */
  token?: string | undefined;
  /** What a scrape receives instead of the service's own `exposition()` (several processes' series, aggregated). */
  exposition?: (() => Promise<string>) | undefined;
}

/** GET /metrics: the Prometheus text format, protected as `MetricsRouteOptions` says. */
export function mountMetrics(app: express.Express, metrics: ServiceMetrics, options: MetricsRouteOptions) {
  if (options.production && !options.token) return;
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : null;
  app.get('/metrics', async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.header('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        res.status(401).json({ errors: [{ message: '/metrics needs the scrape token (METRICS_TOKEN)' }] });
        return;
      }
    }
    res.setHeader('content-type', client.register.contentType);
    res.send(await (options.exposition ?? metrics.exposition)());
  });
}
