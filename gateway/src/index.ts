import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  answerClientErrorsAsJson,
  createHttpServer,
  listenOrRelease,
  createServiceMetrics,
  directRoute,
  ErrorCode,
  formatError,
  internalErrorLog,
  graphqlHandler,
  isGraphqlPost,
  jsonBody,
  jsonErrorHandler,
  logger,
  methodNotAllowed,
  mountMetrics,
  observeRequests,
  reenterTraceContext,
  requestIdOf,
  routeNotFound,
  sendGraphQLError,
  SUBGRAPHS,
  type ClusterStateClient,
  type Identity,
  type InProcessSubgraph,
  type RunningService,
} from '@credit-hub/kit';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { ApiKeyVerifier, authenticateRequests, identityOf, JwtVerifier, type AuthConfig } from './auth.ts';
import { mountBusyPage } from './busy.ts';
import {
  CHALLENGE_HEADER,
  CHALLENGE_PATH,
  DEFAULT_CHALLENGE,
  SearchChallenge,
  type ChallengeConfig,
} from './challenge.ts';
import { mountExplorer, schemaKeeper } from './explorer.ts';
import type { OidcConfig } from './session/oidc.ts';
import { mountConsoleRoutes } from './session/routes.ts';
import { DEFAULT_SESSION_SECONDS, Sessions } from './session/session.ts';
import { createFetchMetrics } from './metrics.ts';
import { DEFAULT_LIMITS, limitsPlugin, type OperationLimits } from './limits.ts';
import { disableVendorTelemetry } from './env.ts';
import { createRateLimiter, type RateLimitConfig } from './rate-limit.ts';
import { requestRulesPlugin } from './request-rules.ts';
import { SubgraphDataSource } from './datasource.ts';
import { InProcessDataSource } from './in-process.ts';
import type { SpreadOptions } from './spread.ts';
import { DEFAULT_TIMEOUTS, SubgraphClient, type TimeoutConfig } from './fetcher.ts';
import { Safelist } from './safelist.ts';
import { graphqlTransport, requestIdFormat } from './transport.ts';
import { sharedState } from './shared-state.ts';
import {
  DEFAULT_REPAIR_UPLOAD_LIMIT_BYTES,
  DEFAULT_UPLOAD_LIMIT_BYTES,
  mountRepairUploads,
  mountUploads,
} from './upload.ts';
import { supergraphFromFile } from './supergraph.ts';
import { mountWebApp } from './web.ts';

export interface GatewayContext {
  requestId: string;
  identity: Identity;
  /** Caller headers the subgraphs need, forwarded on every subgraph request. */
  forward: Record<string, string>;
  /** A solved search challenge the caller sent (`x-altcha`). */
  challengeSolution?: string | undefined;
}

/** Headers propagated to subgraphs; identity travels only in the signed header. */
const FORWARDED_HEADERS = ['accept-language'];

export interface GatewayOptions {
  supergraphPath?: string | undefined;
  /** Re-read the supergraph file this often besides change notifications (default 5 s; 0: never). */
  supergraphPollMs?: number | undefined;
  port: number;
  host?: string;
  /** Per-subgraph URL overrides (deployment topology differs from the composed defaults). */
  subgraphUrls?: Record<string, string>;
  /**
   * Subgraphs running in this process, executed without HTTP (the all-in-one hub; ADR 0114); the others are fetched
   * at their URLs. Their routes besides /graphql (uploads) are still reached at `subgraphUrls`.
   */
  inProcessSubgraphs?: Partial<Record<string, InProcessSubgraph>>;
  /**
   * The all-in-one hub's other workers (ADR 0133): an entity fetch of an in-process subgraph with at least
   * `minRepresentations` is cut into one part per worker, each executed by its own worker.
   */
  spread?: SpreadOptions;
  /**
   * What GET /metrics answers instead of this process's series (the all-in-one hub's workers: every worker's series,
   * aggregated by the primary).
   */
  metricsExposition?: () => Promise<string>;
  /**
   * The state the all-in-one hub's workers share in their primary (ADR 0127): rate-limit counters, search budgets, used
   * challenge solutions, logouts. Ignored when `rateLimit.redisUrl` is set (Redis wins); unset: this process's memory.
   */
  clusterState?: ClusterStateClient;
  production?: boolean;
  log?: (line: string) => void;
  /** Secret shared with the subgraphs for the signed identity header. */
  internalSecret: string;
  auth: AuthConfig;
  limits?: Partial<OperationLimits>;
  bodyLimitBytes?: number;
  /** Largest 双公示 file accepted by POST /imports/disclosure (default 200 MB). */
  uploadLimitBytes?: number;
  allowBatching?: boolean;
  /** Origins allowed by CORS; none by default (same-origin only). */
  corsOrigins?: string[];
  rateLimit?: RateLimitConfig;
  /** Anonymous callers may run only safelisted operations (default: in production). */
  enforceSafelist?: boolean;
  /** Express `trust proxy` setting, to read client addresses behind a load balancer. */
  trustProxy?: string | number | boolean;
  /** Console sign-in (OpenID Connect) and sessions; docs/security.md, "Console sign-in". */
  console?: ConsoleOptions;
  /** When anonymous searches need a solved proof-of-work challenge (default: after 30 in 10 minutes). */
  challenge?: ChallengeConfig;
  /** The web app's build folder (default web/dist); none there means no site at /. */
  webDist?: string;
  /** Deadlines of the subgraph fetches (default DEFAULT_TIMEOUTS): a late department costs only its own fields. */
  subgraphTimeouts?: TimeoutConfig;
  /** Stop on SIGINT/SIGTERM (the gateway alone); the all-in-one hub stops its servers itself. */
  stopOnTerminationSignals?: boolean;
  /** METRICS_TOKEN: what a Prometheus scrape of /metrics must present (docs/operations.md, "Metrics"). */
  metricsToken?: string | undefined;
}

export interface ConsoleOptions {
  /** Seals session cookies (at least 32 characters); unset: a random key per process. */
  sessionSecret?: string | undefined;
  sessionSeconds?: number;
  /** The identity provider; unset: no OIDC sign-in (development signs in at /auth/dev). */
  oidc?: OidcConfig | undefined;
  /** The hub's public origin, for the same-origin check of cookie-signed requests; unset: the request's host. */
  publicOrigin?: string | undefined;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export { PeerDirectory, servePeerFetches, type SpreadOptions } from './spread.ts';

export const DEFAULT_SUPERGRAPH_PATH = path.resolve(here, '../../supergraph.graphql');
export const SAFELIST_DIR = path.resolve(here, '../operations');

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  windowSeconds: 60,
  anonymousPerWindow: 300,
  authenticatedPerWindow: 3000,
};

/** In production the schema is not advertised: no "Did you mean …?" hints that map it out for an attacker. */
function withoutSuggestions(format: ReturnType<typeof formatError>, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return production ? { ...result, message: result.message.replace(/ ?Did you mean .+\?$/, '') } : result;
  };
}

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const log = options.log ?? ((line: string) => logger.info({ service: 'gateway' }, line));
  const production = options.production ?? false;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const enforceSafelist = options.enforceSafelist ?? production;
  const safelist = new Safelist(SAFELIST_DIR);
  const jwt = new JwtVerifier(options.auth.jwt);
  const keys = new ApiKeyVerifier(options.auth.db, options.auth.apiKeyCacheSeconds);
  const rateLimiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, identityOf, options.clusterState);
  // Search budgets, used ALTCHA solutions and logouts: shared by the replicas through Redis when it is configured, by
  // the hub's workers through their primary otherwise.
  const state = sharedState(
    options.rateLimit?.redisUrl,
    options.rateLimit?.redisPrefix ? `${options.rateLimit.redisPrefix}state:` : undefined,
    options.clusterState,
  );
  const sessions = new Sessions({
    secret: options.console?.sessionSecret,
    maxAgeSeconds: options.console?.sessionSeconds ?? DEFAULT_SESSION_SECONDS,
    production,
    state,
  });
  const challenge = new SearchChallenge(options.challenge ?? DEFAULT_CHALLENGE, state);
  const schema = schemaKeeper();

  const metrics = createServiceMetrics('gateway');
  if (options.auth.db) metrics.observePool(options.auth.db.pool);
  const fetchMetrics = createFetchMetrics(metrics);

  disableVendorTelemetry();
  const subgraphClient = new SubgraphClient();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, log, {
      pollMs: options.supergraphPollMs,
    }),
    buildService: ({ name, url }) => {
      const local = options.inProcessSubgraphs?.[name];
      if (local)
        return new InProcessDataSource<GatewayContext>(
          name,
          local,
          options.internalSecret,
          options.subgraphTimeouts ?? DEFAULT_TIMEOUTS,
          fetchMetrics,
          options.spread ? { ...options.spread, client: subgraphClient } : undefined,
        );
      return new SubgraphDataSource<GatewayContext>(
        name,
        options.subgraphUrls?.[name] ?? url ?? '',
        options.internalSecret,
        subgraphClient,
        options.subgraphTimeouts ?? DEFAULT_TIMEOUTS,
        fetchMetrics,
      );
    },
  });

  const app = express();
  app.disable('x-powered-by');
  // Request id, log scope, server span and HTTP metrics for every route (packages/kit/src/observability).
  const observe = observeRequests('gateway', metrics);
  app.use(observe);
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  // POST /graphql runs its handlers without Express's router (kit graphql-http.ts, ADR 0116), set once they exist.
  let graphqlPost: http.RequestListener | null = null;
  const httpServer = createHttpServer((req, res) =>
    graphqlPost && isGraphqlPost(req) ? graphqlPost(req, res) : app(req, res),
  );
  answerClientErrorsAsJson(httpServer);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    stopOnTerminationSignals: options.stopOnTerminationSignals ?? true,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    formatError: withoutSuggestions(formatError(production), production),
    // Automatic persisted queries would let anyone register new operations, defeating the safelist.
    persistedQueries: false,
    allowBatchedHttpRequests: options.allowBatching ?? false,
    csrfPrevention: true,
    // The hosted Apollo explorer loads from a CDN, which air-gapped networks cannot reach; the gateway
    // serves its own GraphiQL at /explorer instead (explorer.ts). Usage and schema reporting (to Apollo's
    // hosted service, were APOLLO_KEY ever set) are off for the same reason.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      requestRulesPlugin({ safelist, enforceSafelist, maxTokens: limits.maxTokens }),
      limitsPlugin(limits),
      challenge.plugin(),
      schema.plugin,
      metrics.plugin,
      internalErrorLog('gateway', production),
    ],
  });
  await server.start();

  app.use(requestIdFormat);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.all('/health', methodNotAllowed(['GET', 'HEAD']));
  mountMetrics(app, metrics, { production, token: options.metricsToken, exposition: options.metricsExposition });

  const disclosure = SUBGRAPHS.find((s) => s.name === 'disclosure')!;
  mountUploads(app, {
    jwt,
    keys,
    internalSecret: options.internalSecret,
    disclosureUrl: options.subgraphUrls?.disclosure ?? `http://127.0.0.1:${disclosure.port}/graphql`,
    limitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES,
    rateLimit: rateLimiter.middleware,
    console: { sessions, publicOrigin: options.console?.publicOrigin },
  });
  const repair = SUBGRAPHS.find((s) => s.name === 'repair')!;
  mountRepairUploads(app, {
    jwt,
    keys,
    internalSecret: options.internalSecret,
    repairUrl: options.subgraphUrls?.repair ?? `http://127.0.0.1:${repair.port}/graphql`,
    limitBytes: DEFAULT_REPAIR_UPLOAD_LIMIT_BYTES,
    rateLimit: rateLimiter.middleware,
    console: { sessions, publicOrigin: options.console?.publicOrigin },
  });

  const bodyLimit = options.bodyLimitBytes ?? 100 * 1024;
  const graphql = [
    cors({ origin: options.corsOrigins?.length ? options.corsOrigins : false, credentials: false, maxAge: 600 }),
    graphqlTransport,
    jsonBody(bodyLimit),
    reenterTraceContext,
    (req: Request, res: Response, next: NextFunction) => {
      if (Array.isArray(req.body) && !(options.allowBatching ?? false))
        return sendGraphQLError(
          res,
          400,
          ErrorCode.BATCHING_DISABLED,
          'Batched requests are not accepted: send one operation per request',
        );
      next();
    },
    authenticateRequests(jwt, keys, { sessions, publicOrigin: options.console?.publicOrigin }),
    rateLimiter.middleware,
    graphqlHandler(server, async ({ req, res }) => {
      const forward: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = req.header(name);
        if (value) forward[name] = value;
      }
      return {
        requestId: requestIdOf(res) ?? req.header('x-request-id') ?? randomUUID(),
        identity: identityOf(req),
        forward,
        challengeSolution: req.header(CHALLENGE_HEADER),
      };
    }),
  ];
  // Exactly /graphql (app.use would also answer /graphql/anything).
  app.all('/graphql', ...graphql);
  app.get('/operations/manifest.json', (_req, res) => {
    res.json(safelist.manifest());
  });
  app.all('/operations/manifest.json', methodNotAllowed(['GET', 'HEAD']));
  mountConsoleRoutes(app, {
    sessions,
    oidc: options.console?.oidc,
    production,
    publicOrigin: options.console?.publicOrigin,
    log,
  });
  app.get(CHALLENGE_PATH, challenge.handler);
  app.all(CHALLENGE_PATH, methodNotAllowed(['GET', 'HEAD']));
  mountExplorer(app, { production, sessions, schema: schema.current });
  mountBusyPage(app);
  // The web app (public site and console shell) at /.
  mountWebApp(app, options.webDist);
  app.use(routeNotFound);
  const answerErrors = jsonErrorHandler((line, error, requestId) =>
    logger.error({ err: error, requestId, service: 'gateway' }, line),
  );
  app.use(answerErrors);
  // What the app runs for POST /graphql: the two handlers mounted for every path, then the route's own.
  graphqlPost = directRoute(app, [observe, requestIdFormat, ...graphql], answerErrors);

  const host = options.host ?? '127.0.0.1';
  const close = async () => {
    await server.stop();
    await rateLimiter.close();
    await state.close();
    await subgraphClient.close();
  };
  const { port } = await listenOrRelease(httpServer, { port: options.port, host }, close);
  return { name: 'gateway', port, url: `http://${host}:${port}/graphql`, close };
}
