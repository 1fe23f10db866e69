import { commonEnv, databaseUrl, loadEnv, port, secret, SUBGRAPHS, z } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { GatewayOptions } from './index.ts';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * The gateway's configuration; the only module of the gateway that reads process.env. Defaults are
 * documented in docs/security.md and docs/operations.md.
 * SUBGRAPH_URL_<NAME> overrides the URL composed into supergraph.graphql (one per department).
 */
export const gatewayEnvShape = {
  ...commonEnv,
  GATEWAY_PORT: port(4000),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().optional(),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, z.url().optional()])),
  /** Database holding access.api_key; without it API keys are refused. */
  DATABASE_URL: databaseUrl.optional(),
  INTERNAL_IDENTITY_SECRET: secret({ minLength: 32 }),
  /** People's tokens: an HS256 secret and/or the identity provider's RS256 key; production needs one. */
  AUTH_JWT_SECRET: secret({ minLength: 32, alternatives: ['AUTH_JWT_PUBLIC_KEY'] }),
  AUTH_JWT_PUBLIC_KEY: secret({ alternatives: ['AUTH_JWT_SECRET'] }),
  AUTH_JWT_ISSUER: z.string().default('credit-hub'),
  AUTH_JWT_AUDIENCE: z.string().default('credit-hub'),
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).default(30),
  LIMIT_MAX_DEPTH: count(8),
  LIMIT_MAX_ALIASES: count(15),
  LIMIT_MAX_DIRECTIVES: count(10),
  LIMIT_MAX_TOKENS: count(2000),
  LIMIT_MAX_COST: count(5000),
  LIMIT_MAX_PAGE_SIZE: count(100),
  BODY_LIMIT_BYTES: count(100 * 1024),
  /** Largest 双公示 file POST /imports/disclosure accepts. */
  UPLOAD_LIMIT_BYTES: count(200 * 1024 * 1024),
  ALLOW_BATCHING: bool(false),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_WINDOW_SECONDS: count(60),
  RATE_LIMIT_ANONYMOUS: count(300),
  RATE_LIMIT_AUTHENTICATED: count(3000),
  REDIS_URL: z.string().optional(),
  /** Default: enforced in production. */
  SAFELIST_ENFORCE: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z.string().optional(),
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

export type GatewayEnv = z.infer<z.ZodObject<typeof gatewayEnvShape>>;

export const readEnv = (source: Record<string, string | undefined> = process.env): GatewayEnv =>
  loadEnv(gatewayEnvShape, source);

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
  for (const s of SUBGRAPHS) {
    const url = (env as Record<string, unknown>)[`SUBGRAPH_URL_${s.name.toUpperCase()}`];
    if (typeof url === 'string') subgraphUrls[s.name] = url;
  }
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
    subgraphUrls,
    production,
    log: resources.log,
    internalSecret: resources.internalSecret,
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
    enforceSafelist: env.SAFELIST_ENFORCE === undefined ? production : env.SAFELIST_ENFORCE === 'true',
    trustProxy,
  };
}
