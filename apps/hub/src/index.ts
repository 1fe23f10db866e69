import { randomBytes } from 'node:crypto';
import { servePeerFetches, startGateway, type GatewayOptions, type PeerDirectory } from '@credit-hub/gateway';
import {
  ClusterReplayCache,
  DEV_SECRETS,
  poolSizeOf,
  type ClusterStateClient,
  SUBGRAPHS,
  type InProcessRequest,
  type PendingTrail,
  type RunningService,
  type SubgraphName,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createDb, dataDir, type Db } from '@credit-hub/kit/db';
import { startAccessSubgraph } from '@credit-hub/subgraph-access';
import { startCourtSubgraph } from '@credit-hub/subgraph-court';
import { startDisclosureSubgraph } from '@credit-hub/subgraph-disclosure';
import { startEnvironmentSubgraph, type GradeScale, type ValidThrough } from '@credit-hub/subgraph-environment';
import { startEvaluationSubgraph } from '@credit-hub/subgraph-evaluation';
import { startGovernmentSubgraph } from '@credit-hub/subgraph-government';
import { startMarketSubgraph } from '@credit-hub/subgraph-market';
import { startSubjectSubgraph } from '@credit-hub/subgraph-subject';
import { startTaxSubgraph } from '@credit-hub/subgraph-tax';
import { startMetricsSubgraph } from '@credit-hub/subgraph-metrics';
import { startCommitmentSubgraph } from '@credit-hub/subgraph-commitment';
import { startRepairSubgraph } from '@credit-hub/subgraph-repair';
import {
  developmentKeys,
  ephemeralKeys,
  keysFromEnv as reportKeysFromEnv,
  startReportSubgraph,
  type Config as ReportConfig,
} from '@credit-hub/subgraph-report';

/** The report keys the all-in-one start's env names (REPORT_SIGNING_KEYS, REPORT_CODE_KEY; docs/reports.md). */
export { reportKeysFromEnv };
import { pushConsumer, startPushSubgraph, type PushConfig } from '@credit-hub/subgraph-push';
import { HUB_CONSUMERS, startHubEvents, type HubEvents, type HubEventsOptions } from './events.ts';

/** Department settings the all-in-one start passes on (each service reads them itself when alone). */
export interface DepartmentSettings {
  /** 企业环境信用评价 grades used by the province: 4 (national, default) or 5 (with BLACK). */
  environmentGrades?: GradeScale;
  /** The province's grade names, best first. */
  environmentGradeLabels?: readonly string[];
  /** When an environmental rating stops counting (MM-DD of year + 2). */
  environmentRatingValidThrough?: ValidThrough;
  /** Push settings (PUSH_* variables; docs/push.md); unset ones take the push subgraph's defaults. */
  push?: Partial<PushConfig>;
}

const startersFor = (
  settings: DepartmentSettings,
  personKeySecret: string,
  report: ReportConfig,
): Record<SubgraphName, (o: SubgraphOptions) => Promise<RunningService>> => ({
  access: startAccessSubgraph,
  subject: startSubjectSubgraph,
  tax: startTaxSubgraph,
  court: startCourtSubgraph,
  market: startMarketSubgraph,
  environment: (o) =>
    startEnvironmentSubgraph({
      ...o,
      config: {
        grades: settings.environmentGrades ?? 4,
        labels: settings.environmentGradeLabels,
        validThrough: settings.environmentRatingValidThrough,
      },
    }),
  government: startGovernmentSubgraph,
  disclosure: (o) => startDisclosureSubgraph({ ...o, config: { personKeySecret } }),
  evaluation: startEvaluationSubgraph,
  metrics: startMetricsSubgraph,
  report: (o) => startReportSubgraph({ ...o, config: report }),
  push: (o) => startPushSubgraph({ ...o, config: settings.push }),
  commitment: startCommitmentSubgraph,
  repair: startRepairSubgraph,
});

/** The event backbone's consumers with the departments' settings (the push consumer's lift window). */
export function hubEventsOptionsFor(departments: DepartmentSettings | undefined): HubEventsOptions {
  // The push consumer with this hub's window for measure.lift.required.
  return departments?.push?.liftWindowDays
    ? {
        consumers: [
          ...HUB_CONSUMERS.filter((c) => c.name !== 'push.webhooks'),
          pushConsumer({
            liftWindowDays: departments.push.liftWindowDays,
            consumerBatch: departments.push.consumerBatch,
          }),
        ],
      }
    : {};
}

export interface Hub {
  gatewayUrl: string;
  gateway: RunningService;
  subgraphs: Record<SubgraphName, { service: RunningService; db: Db }>;
  /** The secret gateway and subgraphs share (tests sign their own direct calls with it). */
  internalSecret: string;
  /** The event backbone (relay, consumers, time-made events); null when started with `events: false`. */
  events: HubEvents | null;
  /**
   * This worker's peer endpoint, where the other workers send their parts of a large entity fetch (ADR 0133); null
   * unless started with `spread`.
   */
  peerUrl: string | null;
  /** SQL statements per subgraph since the last reset (query-count tests and benchmarks). */
  statements(): Record<SubgraphName, number>;
  resetStatements(): void;
  close(): Promise<void>;
}

export type HubGatewayOptions = Partial<Omit<GatewayOptions, 'port' | 'subgraphUrls' | 'internalSecret'>>;

/**
 * Every subgraph and the gateway in one process, each subgraph with its own connection pool as if it
 * were its own service. `ports: 'ephemeral'` picks free ports (tests); otherwise the topology defaults.
 * Without a configured internal secret a random one is made for this run: nothing outside the process
 * can then forge the identity header.
 */
export async function startHub(options: {
  databaseUrl: string;
  ports?: 'default' | 'ephemeral';
  /** Connections of each service's pool (default: a share of a budget of 90, as DATABASE_CONNECTION_BUDGET). */
  poolSize?: number;
  gatewayPort?: number;
  supergraphPath?: string;
  production?: boolean;
  internalSecret?: string;
  /** Where the subgraphs remember accepted identity headers; each its own memory when absent. */
  redisUrl?: string | undefined;
  /**
   * The state a worker of a multi-worker hub shares with the others through its primary (ADR 0127): the subgraphs'
   * accepted identity headers (unless `redisUrl` is set) and the gateway's rate limits, search budgets, used
   * challenge solutions and logouts (unless the gateway's rate limits use Redis).
   */
  clusterState?: ClusterStateClient;
  /** METRICS_TOKEN: what a scrape of each service's /metrics must present (docs/operations.md, "Metrics"). */
  metricsToken?: string | undefined;
  gateway?: HubGatewayOptions;
  departments?: DepartmentSettings;
  /**
   * PERSON_KEY_SECRET, for the services that key natural persons (the 双公示 intake); required in production,
   * the development value otherwise.
   */
  personKeySecret?: string;
  /**
   * The report service's signing and code keys and the site origin in its QR codes (docs/reports.md); unset: the
   * development keys in .data/ (a production hub without them gets keys that live as long as the process).
   */
  reports?: { keys?: ReportConfig['keys'] | undefined; verifyBaseUrl?: string | undefined };
  /**
   * The gateway executes the subgraphs' schemas in this process (no HTTP or JSON between them; ADR 0114) — the
   * all-in-one layout of `npm start`. The subgraphs still listen (their own routes: uploads, health, direct calls).
   * Default false: the gateway fetches every subgraph over HTTP, as in the layout of one process per service.
   */
  inProcess?: boolean;
  /**
   * Ports of the subgraphs, overriding `ports` (the workers of a multi-worker hub all listen on the ports the primary
   * chose, and share them as they share the gateway's; ADR 0114).
   */
  subgraphPorts?: Partial<Record<SubgraphName, number>>;
  /**
   * With `inProcess`, in a hub of several workers (ADR 0133): the other workers' peer endpoints, and the size from which
   * an entity fetch is cut into one part per worker. This worker's own endpoint is `Hub.peerUrl`.
   */
  spread?: { peers: PeerDirectory; minRepresentations: number };
  /** The event backbone's options (docs/events.md); `false` runs the hub without it. */
  events?: HubEventsOptions | false;
  log?: (line: string) => void;
}): Promise<Hub> {
  if (options.production && !options.personKeySecret)
    throw new Error('startHub: PERSON_KEY_SECRET is required in production');
  // The report service reads the graph through this hub's gateway, whose address is known only once it listens.
  let gatewayUrl = '';
  const starters = startersFor(options.departments ?? {}, options.personKeySecret ?? DEV_SECRETS.PERSON_KEY_SECRET, {
    gatewayUrl: () => gatewayUrl,
    verifyBaseUrl: options.reports?.verifyBaseUrl ?? `http://localhost:${options.gatewayPort ?? 4000}`,
    keys: options.reports?.keys ?? (options.production ? ephemeralKeys() : developmentKeys(dataDir)),
  });
  if (options.production && !options.reports?.keys)
    options.log?.(
      'reports: no REPORT_SIGNING_KEYS/REPORT_CODE_KEY: reports are signed with keys that end with this process (configure them)',
    );
  const ephemeral = options.ports === 'ephemeral';
  // Each service keeps a pool of its own, as if it were its own process: a share of the connection budget.
  const poolSize = options.poolSize ?? poolSizeOf({ DATABASE_CONNECTION_BUDGET: 90, DATABASE_REPLICAS: 1 });
  const internalSecret = options.internalSecret ?? randomBytes(32).toString('base64url');
  const subgraphs = {} as Hub['subgraphs'];
  // One cache for every subgraph of this worker: they all ask the same primary (Redis wins when configured).
  const replay = options.clusterState && !options.redisUrl ? new ClusterReplayCache(options.clusterState) : undefined;
  for (const { name, port } of SUBGRAPHS) {
    const db = createDb(options.databaseUrl, { applicationName: `subgraph-${name}`, poolSize });
    const service = await starters[name]({
      db,
      port: options.subgraphPorts?.[name] ?? (ephemeral ? 0 : port),
      production: options.production,
      internalSecret,
      redisUrl: options.redisUrl,
      ...(replay ? { replay } : {}),
      metricsToken: options.metricsToken,
      stopOnTerminationSignals: false,
    });
    subgraphs[name] = { service, db };
  }
  const gatewayDb = createDb(options.databaseUrl, { applicationName: 'gateway', poolSize });
  // Looked up at each call: a subgraph restarted in this hub (tests stop and start one) is the one executed.
  const inProcessOf = (name: string) => {
    const target = subgraphs[name as SubgraphName].service.inProcess;
    if (!target) throw new Error(`the ${name} subgraph cannot be executed in-process`);
    return target;
  };
  const inProcessSubgraphs = Object.fromEntries(
    Object.keys(subgraphs).map((name) => [
      name,
      {
        execute: (request: InProcessRequest) => inProcessOf(name).execute(request),
        commitTrails: (trails: readonly PendingTrail[]) => inProcessOf(name).commitTrails(trails),
      },
    ]),
  );
  const spread = options.inProcess && options.spread ? options.spread : null;
  const peer = spread ? await servePeerFetches(inProcessSubgraphs) : null;
  const gateway = await startGateway({
    production: options.production,
    log: options.log,
    supergraphPath: options.supergraphPath,
    ...options.gateway,
    auth: options.gateway?.auth ?? {
      jwt: { issuer: 'credit-hub', audience: 'credit-hub' },
      db: gatewayDb,
      apiKeyCacheSeconds: 30,
    },
    port: options.gatewayPort ?? (ephemeral ? 0 : 4000),
    stopOnTerminationSignals: false,
    ...(options.clusterState ? { clusterState: options.clusterState } : {}),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.service.url])),
    ...(options.inProcess
      ? {
          inProcessSubgraphs: { ...inProcessSubgraphs, ...options.gateway?.inProcessSubgraphs },
          ...(spread ? { spread } : {}),
        }
      : {}),
    internalSecret,
  });
  gatewayUrl = gateway.url;
  const all = Object.entries(subgraphs) as [SubgraphName, { service: RunningService; db: Db }][];
  const events =
    options.events === false
      ? null
      : await startHubEvents(options.databaseUrl, {
          log: options.log,
          ...hubEventsOptionsFor(options.departments),
          ...options.events,
        });
  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs,
    internalSecret,
    events,
    peerUrl: peer?.url ?? null,
    statements: () =>
      Object.fromEntries(all.map(([name, s]) => [name, s.db.statements()])) as Record<SubgraphName, number>,
    resetStatements: () => all.forEach(([, s]) => s.db.resetStatements()),
    close: async () => {
      await events?.close();
      await gateway.close();
      await peer?.close();
      for (const [, s] of all) {
        await s.service.close();
        await s.db.close();
      }
      await gatewayDb.close();
    },
  };
}
