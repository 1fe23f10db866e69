import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, ListenOptions } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { GraphQLError, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import {
  appendAudit,
  appendAuditTrails,
  AuditBuffer,
  notificationKey,
  type AuditEvent,
  type Notification,
  type PendingTrail,
} from './access/audit.ts';
import {
  IDENTITY_HEADER,
  IdentityError,
  PUBLIC_IDENTITY,
  requestDigest,
  verifyIdentity,
  type Identity,
} from './access/identity.ts';
import type { PersonalAudience } from './access/policy.ts';
import { createReplayCache, type ReplayCache } from './access/replay.ts';
import { enforceAccess } from './access/schema.ts';
import type { Db } from './db/client.ts';
import { unavailableReason } from './db/unavailable.ts';
import { auditUnavailable, databaseUnavailable, ErrorCode, unauthenticated } from './errors.ts';
import { directRoute, graphqlHandler, isGraphqlPost, jsonBody } from './graphql-http.ts';
import { answerClientErrorsAsJson, jsonErrorHandler, routeNotFound } from './http-errors.ts';
import { DateScalar } from './scalars.ts';
import { logger } from './observability/log.ts';
import { createServiceMetrics, mountMetrics } from './observability/metrics.ts';
import { observeRequests, reenterTraceContext, requestIdOf } from './observability/http.ts';

/**
 * Per-request context shared by every subgraph; `loaders` is built fresh for each request. `config` is the
 * service's own configuration (`C`), read once at start by its env module and passed to startSubgraph.
 */
export interface SubgraphContext<L, C = unknown> extends BaseContext {
  db: Db;
  loaders: L;
  config: C;
  requestId: string;
  /** The caller, as the gateway vouched for it in the signed internal header. */
  identity: Identity;
  /** Reads of non-public and personal data, written to the audit trail before the response leaves. */
  audit: AuditBuffer;
  subgraph: { name: string; department: string };
  /**
   * Runs a write and its audit entry in one transaction: a change is never stored without its trail.
   */
  audited<T>(event: Omit<AuditEvent, 'action'>, work: (tx: Db['prisma']) => Promise<T>): Promise<T>;
  /** NOTIFYs the request's loaders asked to send with its audit trail (RequestHooks.announceWithTrail). */
  announcements?: Map<string, Notification>;
  /**
   * Set for a part of a spread entity fetch (ADR 0136): the request's trail is left here, unwritten, for the worker
   * that assembles the answer to append with the other parts' in one transaction, before the answer leaves the hub.
   */
  deferredTrail?: PendingTrail[];
}

/** What a request's loaders may ask of the request besides the database (kit server.ts). */
export interface RequestHooks {
  /**
   * Sends this NOTIFY in the transaction that commits the request's audit trail, so it is delivered with the trail
   * (ADR 0133); a request without entries, or whose trail could not be written, sends it on its own as its answer
   * leaves. Sent once however often asked.
   */
  announceWithTrail(notification: Notification): void;
}

export interface SubgraphDefinition<L, C = undefined> {
  /** Subgraph name as composed into the supergraph (subject, tax, ...). */
  name: string;
  /** The department that owns the subgraph's records (DEPARTMENT-level access and writes). */
  department: string;
  /** Who may see its personal data unmasked, with a purpose (default: the owning department). */
  personalAudience?: PersonalAudience;
  typeDefs: DocumentNode;
  // Typed per subgraph by the generated `Resolvers` type (GraphQL Code Generator); any map fits here.
  resolvers: object;
  createLoaders: (db: Db, config: C, request: RequestHooks) => L;
  /**
   * HTTP routes of the subgraph besides /graphql (e.g. the 双公示 file upload the gateway forwards). They
   * must verify the signed identity themselves, as /graphql does, spending its nonce in `replay`.
   */
  routes?: (app: express.Express, options: RouteOptions) => void;
}

/**
 * How a subgraph is started: the kit's options, and the service's own configuration when it has one (required
 * then; the service's start function takes it from its main or from the all-in-one hub).
 */
export type StartOptions<C> = SubgraphOptions & (undefined extends C ? { config?: C } : { config: C });

/** What a subgraph's own routes receive: its options and the replay cache /graphql uses. */
export type RouteOptions = SubgraphOptions & { replay: ReplayCache };

export interface SubgraphOptions {
  db: Db;
  port: number;
  host?: string;
  production?: boolean;
  /**
   * Secret shared with the gateway for the internal identity header. `null` accepts unsigned calls as
   * the public — local development only; refused in production.
   */
  internalSecret: string | null;
  /**
   * Redis shared by every replica, where the one-time values of accepted identity headers are remembered
   * (REDIS_URL); without it each process remembers its own.
   */
  redisUrl?: string | undefined;
  /** A replay cache the caller made and closes (shared by several subgraphs); overrides `redisUrl`. */
  replay?: ReplayCache;
  /** METRICS_TOKEN: what a Prometheus scrape of /metrics must present (docs/operations.md, "Metrics"). */
  metricsToken?: string | undefined;
  /**
   * Stop on SIGINT/SIGTERM (a service running alone). The all-in-one hub runs many servers in one
   * process and stops them itself.
   */
  stopOnTerminationSignals?: boolean;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  /**
   * A subgraph's schema, executed in the caller's process (the all-in-one hub's gateway; ADR 0114). Absent on the
   * gateway.
   */
  inProcess?: InProcessSubgraph;
  close(): Promise<void>;
}

/**
 * One subgraph request made in-process: what the gateway would have POSTed to /graphql, as values (no JSON), with the
 * same signed identity header — the subgraph verifies it exactly as on HTTP (digest of this query and variables,
 * expiry, one-time value), so the identity boundary is the same in both layouts.
 */
export interface InProcessRequest {
  query: string;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  extensions?: Record<string, unknown> | undefined;
  /** The `x-credit-hub-identity` value signed by the gateway for this request. */
  identity: string | undefined;
  requestId?: string | undefined;
  /**
   * Leave the request's audit trail unwritten and hand it back in the answer (`trail`), for the caller to append with
   * `commitTrails` before any of the data leaves the hub: a part of a spread entity fetch (ADR 0136).
   */
  deferTrail?: boolean;
}

/** A subgraph's in-process answer: the HTTP status it would have sent, the result as values, and cache-control. */
export interface InProcessAnswer {
  status: number;
  body: { data?: unknown; errors?: readonly GraphQLFormattedError[]; extensions?: Record<string, unknown> };
  cacheControl: string | null;
  /** With `deferTrail`: the trail the caller must append before releasing the data (none when nothing was read). */
  trail?: PendingTrail;
}

export interface InProcessSubgraph {
  execute(request: InProcessRequest): Promise<InProcessAnswer>;
  /**
   * Appends deferred trails (the parts of one spread fetch) in one transaction, their announcements with them. Null
   * once written; otherwise the answer to give instead of the data (503, AUDIT_UNAVAILABLE), as a request whose own
   * trail failed gets.
   */
  commitTrails(trails: readonly PendingTrail[]): Promise<InProcessAnswer | null>;
}

/** Definitions every subgraph shares (access directives, Date, PageInfo): see common.graphql. */
export const COMMON_SDL = readFileSync(new URL('./common.graphql', import.meta.url), 'utf8');

/** A subgraph's full SDL: the shared definitions followed by its own schema.graphql. */
export const withCommonSdl = (own: string) => `${COMMON_SDL}\n${own}`;

/** Reads a subgraph's schema.graphql next to its src/ folder, with the shared definitions. */
export function loadSchemaFile(moduleUrl: string, relative = '../schema.graphql'): DocumentNode {
  return parse(withCommonSdl(readFileSync(new URL(relative, moduleUrl), 'utf8')));
}

/**
 * Hides internals in production: errors without a code of ours (database errors, bugs) become a
 * generic INTERNAL_SERVER_ERROR, and no stack trace leaves the process. In any mode a refusal (an error
 * with a code other than INTERNAL_SERVER_ERROR) goes without its stack trace: it is the caller's mistake,
 * and the trace shows only our internals and file paths. A development hub keeps the traces of internal
 * errors for its developer.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // No connection right now (pool spent, server full or restarting), through Prisma or the driver: a retryable
    // code of ours, in every mode, and never the driver's message.
    if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
      const reason = unavailableReason(error instanceof GraphQLError ? (error.originalError ?? error) : error);
      if (reason) {
        const { message, extensions } = databaseUnavailable(reason);
        return { message, path: formatted.path, extensions };
      }
    }
    const known = typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (known) {
      const { stacktrace: _trace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Logged, with the request's id, by internalErrorLog.
    if (!production) return formatted;
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** The error behind an internal one (no code of ours, not a lost connection), which production answers as such. */
function internalCause(error: unknown): unknown {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) return undefined;
  const cause = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  return unavailableReason(cause) ? undefined : cause;
}

/**
 * Logs the cause of an internal error with the request's id, in production (where the answer says only "Internal
 * server error"; a development answer carries the error itself). Not from formatError, which is not told the
 * request: every line written for a request names it (observability/scope.ts).
 */
function logInternal(error: unknown, requestId: string | undefined, service: string, production: boolean): void {
  if (!production) return;
  const cause = internalCause(error);
  if (cause) logger.error({ err: cause, requestId, service }, 'internal error');
}

/** The Apollo Server plugin that logs a request's internal errors (logInternal), reading its id from the context. */
export function internalErrorLog<C extends BaseContext & { requestId?: string }>(
  service: string,
  production: boolean,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      if (!production) return;
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) logInternal(error, contextValue.requestId, service, production);
        },
      };
    },
  };
}

/**
 * Establishes who is calling. A subgraph trusts only the identity the gateway signed for this exact
 * request, once; a direct call, a forged, misdirected or replayed header gets 401 with `extensions.reason`.
 */
async function identify(
  header: string | undefined,
  body: { query?: unknown; variables?: unknown } | undefined,
  secret: string | null,
  replay: ReplayCache,
): Promise<Identity> {
  const refuse = unauthenticated;
  if (!header) {
    if (secret === null) return PUBLIC_IDENTITY;
    throw refuse('This subgraph answers only the gateway: missing internal identity header', 'MISSING');
  }
  if (secret === null)
    throw refuse('this subgraph runs without an internal secret and cannot verify identities', 'UNVERIFIABLE');
  try {
    return await verifyIdentity(header, secret, requestDigest(String(body?.query ?? ''), body?.variables), replay);
  } catch (error) {
    if (error instanceof IdentityError) throw refuse(error.message, error.reason);
    // The shared replay cache could not answer (ADR 0127): refused as well, but with a code that says to retry.
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.SHARED_STATE_UNAVAILABLE) throw error;
    throw refuse('internal identity header rejected', 'UNVERIFIABLE');
  }
}

/**
 * Starts one subgraph: Apollo Server over buildSubgraphSchema with the schema's access policies
 * enforced, behind Express for the health route. Port 0 picks a free port (tests).
 */
export async function startSubgraph<L, C = undefined>(
  definition: SubgraphDefinition<L, C>,
  options: StartOptions<C>,
): Promise<RunningService> {
  const config = options.config as C;
  const production = options.production ?? false;
  if (production && options.internalSecret === null) {
    throw new Error(`${definition.name} subgraph: INTERNAL_IDENTITY_SECRET is required in production`);
  }
  const replay = options.replay ?? createReplayCache({ redisUrl: options.redisUrl });
  const app = express();
  app.disable('x-powered-by');
  // Request id, log scope, server span and HTTP metrics for every route (packages/kit/src/observability).
  const metrics = createServiceMetrics(definition.name);
  metrics.observePool(options.db.pool);
  const observe = observeRequests(definition.name, metrics);
  app.use(observe);
  // POST /graphql, the route the gateway calls, runs its handlers without Express's router (set once they exist).
  let graphqlPost: http.RequestListener | null = null;
  const httpServer = createHttpServer((req, res) =>
    graphqlPost && isGraphqlPost(req) ? graphqlPost(req, res) : app(req, res),
  );
  const schema = enforceAccess(
    buildSubgraphSchema([
      { typeDefs: definition.typeDefs, resolvers: { Date: DateScalar, ...definition.resolvers } as never },
    ]),
    definition.department,
    definition.personalAudience,
  );
  const subgraph = { name: definition.name, department: definition.department };
  const server = new ApolloServer<SubgraphContext<L, C>>({
    schema,
    stopOnTerminationSignals: options.stopOnTerminationSignals ?? true,
    includeStacktraceInErrorResponses: !production,
    formatError: formatError(production),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Inline traces, usage and schema reports feed Apollo's hosted Studio, which an air-gapped hub never reaches.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // No subgraph declares cache hints (@cacheControl): the default plugin wrapped every field's resolver to collect
      // none, about 5 % of a subgraph's CPU under the profile load (ADR 0116). The gateway keeps its own.
      ApolloServerPluginCacheControlDisabled(),
      metrics.plugin,
      internalErrorLog(definition.name, production),
      {
        // Data leaves only with its audit trail written: if the trail cannot be written, nothing leaves.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              const trail: PendingTrail = {
                who: contextValue.identity,
                meta: { requestId: contextValue.requestId, subgraph: subgraph.name },
                events: contextValue.audit?.drain() ?? [],
                notifications: [...(contextValue.announcements?.values() ?? [])],
              };
              contextValue.announcements?.clear();
              if (contextValue.deferredTrail) return void contextValue.deferredTrail.push(trail);
              if (!(await commitTrails(contextValue.db, subgraph.name, [trail]))) {
                response.body = { kind: 'single', singleResult: { errors: [auditUnavailable()] } };
                if (response.http) response.http.status = 503;
              }
            },
          };
        },
      },
    ],
  });
  await server.start();

  app.get('/health', async (_req, res) => {
    try {
      await options.db.prisma.$queryRaw`SELECT 1`;
      res.json({ status: 'ok', subgraph: definition.name });
    } catch {
      res.status(503).json({ status: 'unavailable', subgraph: definition.name, reason: 'database unreachable' });
    }
  });
  mountMetrics(app, metrics, { production, token: options.metricsToken });
  definition.routes?.(app, { ...options, replay });
  // The request's context, on HTTP and in-process alike: the caller as the gateway signed it, fresh loaders and audit.
  const contextFor = async (
    header: string | undefined,
    body: { query?: unknown; variables?: unknown } | undefined,
    requestId: string,
    deferTrail = false,
  ): Promise<SubgraphContext<L, C>> => {
    // A context that cannot be made (a refusal has its code; anything else is ours) never reaches the plugins.
    const identity = await identify(header, body, options.internalSecret, replay).catch((error: unknown) => {
      logInternal(error, requestId, definition.name, production);
      throw error;
    });
    const db = options.db;
    const announcements = new Map<string, Notification>();
    return {
      db,
      loaders: definition.createLoaders(db, config, {
        announceWithTrail: (n) => void announcements.set(notificationKey(n), n),
      }),
      announcements,
      config,
      requestId,
      identity,
      audit: new AuditBuffer(),
      subgraph,
      ...(deferTrail ? { deferredTrail: [] } : {}),
      audited: (event, work) =>
        db.prisma.$transaction(async (tx) => {
          const result = await work(tx as Db['prisma']);
          await appendAudit(
            db,
            identity,
            { requestId, subgraph: subgraph.name },
            [{ ...event, action: 'WRITE' }],
            tx as Db['prisma'],
          );
          return result;
        }),
    };
  };
  const graphql = [
    jsonBody(1024 * 1024),
    reenterTraceContext,
    graphqlHandler(server, ({ req, res }) =>
      contextFor(req.header(IDENTITY_HEADER), req.body, requestIdOf(res) ?? req.header('x-request-id') ?? randomUUID()),
    ),
  ];
  app.use('/graphql', ...graphql);
  const inProcess = inProcessExecutor(server, contextFor, formatError(production), (trails) =>
    commitTrails(options.db, definition.name, trails),
  );

  // Behind the gateway too, every refusal is JSON: the gateway relays the upload route's answers.
  const answerErrors = jsonErrorHandler((line, error, requestId) =>
    logger.error({ err: error, requestId, service: definition.name }, line),
  );
  app.use(routeNotFound);
  app.use(answerErrors);
  graphqlPost = directRoute(app, [observe, ...graphql], answerErrors);
  answerClientErrorsAsJson(httpServer);

  await replay.ready();
  const close = async () => {
    await server.stop();
    if (!options.replay) await replay.close();
  };
  const { port } = await listenOrRelease(httpServer, { port: options.port, host: options.host ?? '127.0.0.1' }, close);
  return {
    name: definition.name,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    inProcess,
    close,
  };
}

/**
 * The subgraph's schema executed in the caller's process (ADR 0114): the same Apollo Server, plugins (access
 * policies, audit before the answer leaves, metrics, error formatting) and context as /graphql, without the HTTP
 * request, the JSON body or its parsing. The identity is verified as on HTTP; a refusal comes back as the status and
 * error body the HTTP route would have sent, so the gateway treats both alike.
 */
function inProcessExecutor<Ctx extends BaseContext & { deferredTrail?: PendingTrail[] }>(
  server: ApolloServer<Ctx>,
  contextFor: (
    header: string | undefined,
    body: { query?: unknown; variables?: unknown },
    requestId: string,
    deferTrail: boolean,
  ) => Promise<Ctx>,
  format: ReturnType<typeof formatError>,
  commit: (trails: readonly PendingTrail[]) => Promise<boolean>,
): InProcessSubgraph {
  return {
    async execute(request) {
      let contextValue: Ctx;
      try {
        contextValue = await contextFor(
          request.identity,
          request,
          request.requestId ?? randomUUID(),
          request.deferTrail === true,
        );
      } catch (error) {
        const refusal =
          error instanceof GraphQLError
            ? error
            : new GraphQLError('Context creation failed', { originalError: error as Error });
        const status = (refusal.extensions.http as { status?: number } | undefined)?.status ?? 500;
        return { status, body: { errors: [format(refusal.toJSON(), refusal)] }, cacheControl: null };
      }
      const response = await server.executeOperation(
        {
          query: request.query,
          variables: request.variables,
          operationName: request.operationName,
          extensions: request.extensions,
        },
        { contextValue },
      );
      if (response.body.kind !== 'single')
        throw new Error('in-process subgraph request: incremental delivery is not used');
      const trail = contextValue.deferredTrail?.[0];
      return {
        status: response.http.status ?? 200,
        body: response.body.singleResult,
        cacheControl: response.http.headers.get('cache-control') ?? null,
        ...(trail ? { trail } : {}),
      };
    },
    async commitTrails(trails) {
      if (await commit(trails)) return null;
      return { status: 503, body: { errors: [auditUnavailable()] }, cacheControl: null };
    },
  };
}

/**
 * Writes request trails in one transaction, each one's NOTIFYs with it (delivered at its commit, ADR 0133); false when
 * they could not be written (logged). NOTIFYs without entries to carry them, or whose entries failed, are sent on
 * their own, and the answer does not wait for those.
 */
async function commitTrails(db: Db, service: string, trails: readonly PendingTrail[]): Promise<boolean> {
  const sendAlone = (alone: readonly PendingTrail[]) => {
    for (const { meta, notifications } of alone)
      for (const n of notifications)
        void db.sql
          .execute('SELECT pg_notify($1, $2)', [n.channel, n.payload])
          .catch((error: unknown) => logger.error({ err: error, requestId: meta.requestId, service }, 'notify failed'));
  };
  sendAlone(trails.filter((t) => t.events.length === 0));
  try {
    await appendAuditTrails(db, trails);
    return true;
  } catch (error) {
    sendAlone(trails.filter((t) => t.events.length > 0));
    logger.error({ err: error, requestId: trails[0]?.meta.requestId, service }, 'audit trail write failed');
    return false;
  }
}

/**
 * An HTTP server for the hub's services. Idle keep-alive connections are held open longer (65 s) than the clients
 * in front of them hold theirs (Node's fetch: 4 s; proxies and load balancers: typically 60 s), so it is always the
 * client that closes an idle connection: when the server closes first, a request the client sends on that socket
 * at the same moment fails with a reset ("fetch failed") although nothing was wrong. headersTimeout must exceed it.
 */
export function createHttpServer(app: http.RequestListener): http.Server {
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

/**
 * Binds `server` and resolves once it listens. A port that cannot be bound (taken, not permitted) rejects with the
 * server's 'error' — before, a start waited for ever — after `release` has closed what the start opened, so a caller
 * that tries again leaks nothing.
 */
export async function listenOrRelease(
  server: http.Server,
  options: ListenOptions,
  release: () => Promise<void> = async () => undefined,
): Promise<AddressInfo> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await release();
    throw error;
  }
  return server.address() as AddressInfo;
}
