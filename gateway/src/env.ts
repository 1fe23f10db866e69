import {
  commonEnv,
  databaseBudgetEnv,
  databaseUrl,
  described,
  loadEnv,
  port,
  secret,
  SUBGRAPHS,
  z,
} from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { GatewayOptions } from './index.ts';
import { DEFAULT_TIMEOUTS } from './fetcher.ts';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * The gateway's configuration (docs/reference/configuration.md; limits in docs/security.md); main.ts reads it once
 * at start and passes the values down as options; this is the only module of the gateway that reads process.env.
 * SUBGRAPH_URL_<NAME> overrides the URL composed into supergraph.graphql (one per department).
 */
export const envShape = {
  ...commonEnv,
  GATEWAY_PORT: described('Port the gateway listens on', port(4000)),
  GATEWAY_HOST: described('Interface the gateway listens on', z.string().default('127.0.0.1')),
  SUPERGRAPH_PATH: described(
    'The composed supergraph (default: supergraph.graphql); reloaded when the file changes',
    z.string().optional(),
  ),
  SUPERGRAPH_POLL_MS: described(
    'How often the supergraph file is read again besides change notifications (a rename over it, a swapped ConfigMap symlink); 0: never',
    z.coerce.number().int().min(0).default(5000),
  ),
  ...Object.fromEntries(
    SUBGRAPHS.map((s) => [
      `SUBGRAPH_URL_${s.name.toUpperCase()}`,
      described(`Where the ${s.name} subgraph runs (default: its URL in supergraph.graphql)`, z.url().optional()),
    ]),
  ),
  ...Object.fromEntries(
    SUBGRAPHS.map((s) => [
      `SUBGRAPH_TIMEOUT_MS_${s.name.toUpperCase()}`,
      described(
        `How long the gateway waits for the ${s.name} subgraph before answering without its fields (default: SUBGRAPH_TIMEOUT_MS${s.name in (DEFAULT_TIMEOUTS.bySubgraph ?? {}) ? `, or ${DEFAULT_TIMEOUTS.bySubgraph![s.name]} for this one` : ''})`,
        z.coerce.number().int().min(1).optional(),
      ),
    ]),
  ),
  SUBGRAPH_TIMEOUT_MS: described(
    'How long the gateway waits for a subgraph before answering without its fields (a late department costs only its own)',
    z.coerce.number().int().min(1).default(DEFAULT_TIMEOUTS.defaultMs),
  ),
  DATABASE_URL: described('PostgreSQL holding access.api_key; without it API keys are refused', databaseUrl.optional()),
  ...databaseBudgetEnv,
  INTERNAL_IDENTITY_SECRET: described(
    "Signs each caller's identity for the subgraphs (at least 32 characters); the same value in every subgraph",
    secret({ minLength: 32 }),
  ),
  AUTH_JWT_SECRET: described(
    "HS256 secret people's tokens are verified with (production needs it or AUTH_JWT_PUBLIC_KEY)",
    secret({ minLength: 32, alternatives: ['AUTH_JWT_PUBLIC_KEY'] }),
  ),
  AUTH_JWT_PUBLIC_KEY: described(
    "The identity provider's RS256 public key (PEM) people's tokens are verified with",
    secret({ alternatives: ['AUTH_JWT_SECRET'] }),
  ),
  AUTH_JWT_ISSUER: described('Issuer (`iss`) a token must carry', z.string().default('credit-hub')),
  AUTH_JWT_AUDIENCE: described('Audience (`aud`) a token must carry', z.string().default('credit-hub')),
  API_KEY_CACHE_SECONDS: described(
    'How long a checked API key is trusted before it is read again (a revocation takes effect within it)',
    z.coerce.number().int().min(0).default(30),
  ),
  LIMIT_MAX_DEPTH: described('Deepest nesting an operation may have', count(8)),
  LIMIT_MAX_ALIASES: described('Most aliases an operation may use', count(15)),
  LIMIT_MAX_DIRECTIVES: described('Most directives an operation may use', count(10)),
  LIMIT_MAX_TOKENS: described('Most tokens a document may have (checked before it is parsed)', count(2000)),
  LIMIT_MAX_COST: described('Highest estimated cost of an operation (lists multiply)', count(5000)),
  LIMIT_MAX_PAGE_SIZE: described('Largest `first` the cost estimate assumes for a list', count(100)),
  BODY_LIMIT_BYTES: described('Largest /graphql body, counted after decompression', count(100 * 1024)),
  UPLOAD_LIMIT_BYTES: described('Largest 双公示 file POST /imports/disclosure accepts', count(200 * 1024 * 1024)),
  ALLOW_BATCHING: described('Accept batched (array) bodies; each member is checked as its own request', bool(false)),
  CORS_ORIGINS: described('Origins allowed by CORS, comma-separated (none: same-origin only)', z.string().default('')),
  RATE_LIMIT_WINDOW_SECONDS: described('Length of the rate-limit window', count(60)),
  RATE_LIMIT_ANONYMOUS: described('Requests per window from one anonymous client address', count(300)),
  RATE_LIMIT_AUTHENTICATED: described('Requests per window from one token or API key', count(3000)),
  REDIS_URL: described(
    'Redis shared by gateway replicas for the rate limits, search budgets, used ALTCHA solutions and logouts; unset: each process keeps its own',
    z.string().optional(),
  ),
  SAFELIST_ENFORCE: described(
    'Anonymous callers may run only the published operations (unset: enforced in production)',
    z.enum(['true', 'false']).optional(),
  ),
  PUBLIC_ORIGIN: described(
    "The hub's origin as browsers see it (`https://credit.example.gov.cn`): cookie-signed requests must come from it (unset: the request's own scheme and host)",
    z.url().optional(),
  ),
  SESSION_SECRET: described(
    'Seals console session cookies (at least 32 characters; the same value in every gateway replica). Required in production (a key per process would end sessions at each restart and split them between replicas); in development unset means a random key per process',
    secret({ minLength: 32 }),
  ),
  SESSION_HOURS: described('How long a console session lasts', z.coerce.number().positive().max(24).default(8)),
  OIDC_ISSUER: described(
    "The identity provider's issuer URL for console sign-in (OpenID Connect, code flow + PKCE); unset: no sign-in (development: /auth/dev)",
    z.url().optional(),
  ),
  OIDC_CLIENT_ID: described("The console's client id at the identity provider", z.string().optional()),
  OIDC_CLIENT_SECRET: described(
    "The console's client secret (unset: a public client, PKCE alone)",
    z.string().optional(),
  ),
  OIDC_REDIRECT_URI: described(
    "This gateway's /auth/callback as registered at the identity provider (`https://…/auth/callback`)",
    z.url().optional(),
  ),
  OIDC_SCOPE: described('Scopes asked for at sign-in', z.string().default('openid profile')),
  OIDC_ROLE_CLAIM: described(
    "The claim naming a person's role (officer, supervisor or admin), as in bearer tokens",
    z.string().default('role'),
  ),
  OIDC_DEPARTMENT_CLAIM: described("The claim naming an officer's department", z.string().default('department')),
  SEARCH_CHALLENGE_AFTER: described(
    'Searches an anonymous client may run per window before it must solve a proof-of-work challenge',
    count(30),
  ),
  SEARCH_CHALLENGE_WINDOW_SECONDS: described('Length of the search-challenge window', count(600)),
  ALTCHA_HMAC_KEY: described(
    'Signs search challenges (at least 32 characters; the same value in every gateway replica). Required in production (a challenge issued by one replica must verify at another); in development unset means a random key per process',
    secret({ minLength: 32 }),
  ),
  ALTCHA_COST: described('PBKDF2 iterations per try of the search challenge', count(5000)),
  ALTCHA_MAX_NUMBER: described(
    "Upper bound of the challenge's secret counter: about half of it is the expected number of tries",
    count(10000),
  ),
  TRUST_PROXY: described(
    "Express `trust proxy`, to read client addresses behind a load balancer (e.g. `1` or the proxy's address)",
    z.string().optional(),
  ),
};

/**
 * @apollo/gateway starts a telemetry exporter in its constructor unless APOLLO_TELEMETRY_DISABLED is set: it
 * runs OpenTelemetry cloud resource detectors (Alibaba Cloud ECS 100.100.100.200, AWS EC2 and Azure VM
 * 169.254.169.254, GCP metadata.google.internal) at once and sends metrics to Apollo's usage-reporting host
 * hourly and at shutdown. That variable is the gateway's only switch, read from the process environment, so
 * the gateway sets it itself before constructing one: an air-gapped hub never attempts those connections,
 * whatever the operator's environment says (scripts/egress.test.ts).
 */
export function disableVendorTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}

export type GatewayEnv = z.infer<z.ZodObject<typeof envShape>>;

export const readEnv = (source: Record<string, string | undefined> = process.env): GatewayEnv =>
  loadEnv(envShape, source);

/** Turns the environment into gateway options; the caller supplies what needs resources (db, secret). */
export function gatewayOptionsFromEnv(
  env: GatewayEnv,
  resources: {
    db: Db | null;
    internalSecret: string;
    port?: number;
    subgraphUrls?: Record<string, string>;
    log?: (line: string) => void;
  },
): GatewayOptions {
  const production = env.NODE_ENV === 'production';
  const subgraphUrls: Record<string, string> = { ...resources.subgraphUrls };
  const bySubgraph: Partial<Record<string, number>> = { ...DEFAULT_TIMEOUTS.bySubgraph };
  for (const s of SUBGRAPHS) {
    const url = (env as Record<string, unknown>)[`SUBGRAPH_URL_${s.name.toUpperCase()}`];
    if (typeof url === 'string') subgraphUrls[s.name] = url;
    const timeout = (env as Record<string, unknown>)[`SUBGRAPH_TIMEOUT_MS_${s.name.toUpperCase()}`];
    if (typeof timeout === 'number') bySubgraph[s.name] = timeout;
  }
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_REDIRECT_URI))
    throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_REDIRECT_URI are required too');
  const trustProxy =
    env.TRUST_PROXY === undefined
      ? undefined
      : /^\d+$/.test(env.TRUST_PROXY)
        ? Number(env.TRUST_PROXY)
        : env.TRUST_PROXY;
  return {
    port: resources.port ?? env.GATEWAY_PORT,
    host: env.GATEWAY_HOST,
    supergraphPath: env.SUPERGRAPH_PATH,
    supergraphPollMs: env.SUPERGRAPH_POLL_MS,
    subgraphUrls,
    subgraphTimeouts: { defaultMs: env.SUBGRAPH_TIMEOUT_MS, bySubgraph },
    production,
    log: resources.log,
    internalSecret: resources.internalSecret,
    metricsToken: env.METRICS_TOKEN,
    auth: {
      jwt: {
        hs256Secret: env.AUTH_JWT_SECRET,
        rs256PublicKey: env.AUTH_JWT_PUBLIC_KEY,
        issuer: env.AUTH_JWT_ISSUER,
        audience: env.AUTH_JWT_AUDIENCE,
      },
      db: resources.db,
      apiKeyCacheSeconds: env.API_KEY_CACHE_SECONDS,
    },
    limits: {
      maxDepth: env.LIMIT_MAX_DEPTH,
      maxAliases: env.LIMIT_MAX_ALIASES,
      maxDirectives: env.LIMIT_MAX_DIRECTIVES,
      maxTokens: env.LIMIT_MAX_TOKENS,
      maxCost: env.LIMIT_MAX_COST,
      maxPageSize: env.LIMIT_MAX_PAGE_SIZE,
    },
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    uploadLimitBytes: env.UPLOAD_LIMIT_BYTES,
    allowBatching: env.ALLOW_BATCHING,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimit: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      anonymousPerWindow: env.RATE_LIMIT_ANONYMOUS,
      authenticatedPerWindow: env.RATE_LIMIT_AUTHENTICATED,
      redisUrl: env.REDIS_URL,
    },
    console: {
      sessionSecret: env.SESSION_SECRET,
      sessionSeconds: Math.round(env.SESSION_HOURS * 3600),
      publicOrigin: env.PUBLIC_ORIGIN?.replace(/\/$/, ''),
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI
          ? {
              issuer: env.OIDC_ISSUER,
              clientId: env.OIDC_CLIENT_ID,
              clientSecret: env.OIDC_CLIENT_SECRET,
              redirectUri: env.OIDC_REDIRECT_URI,
              scope: env.OIDC_SCOPE,
              claims: { role: env.OIDC_ROLE_CLAIM, department: env.OIDC_DEPARTMENT_CLAIM },
            }
          : undefined,
    },
    challenge: {
      searchesPerWindow: env.SEARCH_CHALLENGE_AFTER,
      windowSeconds: env.SEARCH_CHALLENGE_WINDOW_SECONDS,
      hmacKey: env.ALTCHA_HMAC_KEY,
      cost: env.ALTCHA_COST,
      maxNumber: env.ALTCHA_MAX_NUMBER,
    },
    enforceSafelist: env.SAFELIST_ENFORCE === undefined ? production : env.SAFELIST_ENFORCE === 'true',
    trustProxy,
  };
}
