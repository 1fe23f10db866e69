import { z } from 'zod';
import { SUBGRAPHS, type SubgraphName } from './topology.ts';

/**
 * Validates a service's environment once, at start-up, and fails with every problem listed at once:
 * a half-configured service that starts and fails on its first request is worse than one that refuses
 * to start. Each service's `src/env.ts` is the only module that reads `process.env`: it exports its zod shape
 * (`envShape`, every variable `described`) and `readEnv`; the service's main reads it once and passes the values
 * down as options. docs/reference/configuration.md is generated from those shapes (`npm run docs`).
 *
 * Secrets (declared with `secret()`, and the password inside `databaseUrl`) follow one rule in every
 * service: outside production a missing secret takes its development default (defined once, in
 * DEV_SECRETS); with NODE_ENV=production it is required, and a public value — a development default, or a
 * placeholder such as `.env.example`'s `replace-with-…` — refuses the start, naming the variable.
 */
export function loadEnv<T extends z.ZodRawShape>(
  shape: T,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<T>> {
  // An empty variable (FOO= in a .env file or compose) means "not set", not "set to the empty string".
  const present: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== ''),
  );
  const production = present.NODE_ENV === 'production';
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const rule = SECRET_RULES.get(schema as z.ZodType);
    if (rule) {
      const value = present[name];
      if (!production) {
        if (value === undefined && rule.devDefault !== undefined) present[name] = rule.devDefault;
      } else if (value === undefined) {
        if (!rule.alternatives.some((other) => present[other] !== undefined))
          problems.push(
            `  ${name}: required in production${rule.alternatives.length ? ` (or ${rule.alternatives.join(', ')})` : ''}`,
          );
      } else if (isPublicValue(value)) {
        problems.push(`  ${name}: ${PUBLIC_VALUE_MESSAGE}`);
      }
    } else if (production && DATABASE_URLS.has(unwrap(schema as z.ZodType)) && present[name] !== undefined) {
      const password = passwordOf(present[name]!);
      if (password !== null && isPublicValue(password))
        problems.push(`  ${name}: its password ${PUBLIC_VALUE_MESSAGE}`);
    }
  }
  const result = z.object(shape).safeParse(present);
  if (!result.success)
    problems.unshift(...result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`));
  if (problems.length) throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  return (result as { data: z.infer<z.ZodObject<T>> }).data;
}

/**
 * A service's start: reads its environment with `read` (its env module's readEnv), or prints the list of
 * problems — each naming its variable — and exits with status 2, without a stack trace.
 */
export function readEnvOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

/**
 * Development defaults of the secrets, defined here once. They are public (they are in this repository), so
 * they only ever serve a development hub and tests; production refuses each of them by name.
 */
export const DEV_SECRETS = {
  /** Natural persons' graph keys (docs/adr/0003): the demo data, the hub, the 双公示 intake and its CLI. */
  PERSON_KEY_SECRET: 'credit-hub-dev-person-key',
  /** People's tokens of a development hub (`npm run token`). */
  AUTH_JWT_SECRET: 'credit-hub-development-only-jwt-secret-0000',
  /** The embedded PostgreSQL's superuser password (and docker-compose's example database). */
  DATABASE_PASSWORD: 'credit-hub-local',
} as const;

const PUBLIC_VALUE_MESSAGE = "is a public development or example value; set this deployment's own secret";
const PUBLIC_VALUES = new Set<string>(Object.values(DEV_SECRETS));
/** `.env.example`'s and docker-compose's placeholders. */
const PLACEHOLDER = /^(replace|change)[-_ ]?(me|with)\b/i;

/** True for a value anyone can read in this repository. */
export const isPublicValue = (value: string) => PUBLIC_VALUES.has(value) || PLACEHOLDER.test(value);

interface SecretRule {
  devDefault: string | undefined;
  alternatives: string[];
}
const SECRET_RULES = new WeakMap<z.ZodType, SecretRule>();
const DATABASE_URLS = new WeakSet<z.ZodType>();

const unwrap = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? unwrap(schema.unwrap() as z.ZodType) : schema;

function passwordOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).password) || null;
  } catch {
    return null;
  }
}

/**
 * A secret variable (see loadEnv): `devDefault` is its development value (from DEV_SECRETS), `alternatives`
 * other variables that may stand in for it (e.g. AUTH_JWT_PUBLIC_KEY for AUTH_JWT_SECRET). With a development
 * default the value is always a string after loadEnv (filled outside production, required in it).
 */
export function secret(options: { minLength?: number; devDefault: string; alternatives?: string[] }): z.ZodString;
export function secret(options?: { minLength?: number; alternatives?: string[] }): z.ZodOptional<z.ZodString>;
export function secret(options: { minLength?: number; devDefault?: string; alternatives?: string[] } = {}): z.ZodType {
  const min = options.minLength ?? 1;
  // Optional for zod: a missing secret is reported by loadEnv, with the production rule.
  const schema = z.string().min(min, `must be at least ${min} characters`).optional();
  SECRET_RULES.set(schema, { devDefault: options.devDefault, alternatives: options.alternatives ?? [] });
  return schema;
}

/**
 * Attaches the text docs/reference/configuration.md shows for a variable, to this very schema instance (zod's
 * `.describe()` would make a new one, losing a `secret()`'s rule).
 */
export function described<T extends z.ZodType>(description: string, schema: T): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** A variable's documentation: its text (`described`), its default, and whether it is a secret or required. */
export function describeVariable(schema: z.ZodType): {
  description: string | undefined;
  defaultValue: unknown;
  required: boolean;
  secret: { devDefault: boolean; alternatives: string[] } | null;
} {
  const rule = SECRET_RULES.get(schema);
  let inner = schema;
  let defaultValue: unknown = undefined;
  let required = true;
  // Through transforms (pipes), defaults and optionals to the type the value is checked against.
  for (;;) {
    if (inner instanceof z.ZodPipe) inner = inner.in as z.ZodType;
    else if (inner instanceof z.ZodDefault) {
      defaultValue = inner.def.defaultValue;
      required = false;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodOptional) {
      required = false;
      inner = inner.unwrap() as z.ZodType;
    } else break;
  }
  return {
    description: z.globalRegistry.get(schema)?.description,
    defaultValue,
    required: required && !rule,
    secret: rule ? { devDefault: rule.devDefault !== undefined, alternatives: rule.alternatives } : null,
  };
}

/** Common variables understood by every service. */
export const commonEnv = {
  NODE_ENV: described(
    '`production` hides internal error messages and stack traces, and refuses development secrets, unsigned identities and `CLOCK_START`',
    z.enum(['development', 'test', 'production']).default('development'),
  ),
  CLOCK_START: described(
    "Start the process's clock at this instant or China date (development and demos; refused in production)",
    z
      .string()
      .refine(
        (v) => !Number.isNaN(Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T12:00:00+08:00` : v)),
        'must be an ISO date or instant',
      )
      .optional(),
  ),
  LOG_LEVEL: described(
    'Lowest level of the JSON log lines written to standard output (docs/operations.md, "Logs")',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  METRICS_TOKEN: described(
    'Bearer token a Prometheus scrape of /metrics must send; unset: /metrics is open outside production and not served in production',
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: described(
    'OpenTelemetry collector (OTLP over HTTP, e.g. http://otel-collector:4318) traces are sent to; unset: no tracing and no connection',
    z.url().optional(),
  ),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** A PostgreSQL URL; in production its password must not be a public one (DEV_SECRETS.DATABASE_PASSWORD). */
export const databaseUrl = described(
  "PostgreSQL connection URL of the service's database (each department's may be a server of its own)",
  z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
);
DATABASE_URLS.add(databaseUrl);

export { z };

/**
 * The secret the gateway signs caller identities with, shared by every subgraph. Without it a subgraph
 * refuses to start unless ALLOW_UNSIGNED_IDENTITY=true (local development only: every unsigned call is
 * then the public). REDIS_URL: where every replica remembers the identity headers it accepted (each is
 * good for one request); without it each process remembers its own.
 */
export const internalIdentityEnv = {
  INTERNAL_IDENTITY_SECRET: described(
    "Signs each caller's identity for the subgraphs (at least 32 characters); the same value in the gateway and every subgraph",
    secret({ minLength: 32 }),
  ),
  ALLOW_UNSIGNED_IDENTITY: described(
    'Local development only (refused in production): a subgraph without INTERNAL_IDENTITY_SECRET answers every unsigned call as the public',
    z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  ),
  REDIS_URL: described(
    "Where every replica remembers the identity headers it accepted (each is good for one request); unset: each process's own memory",
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
};

export function internalSecretOf(env: {
  NODE_ENV: string;
  INTERNAL_IDENTITY_SECRET?: string | undefined;
  ALLOW_UNSIGNED_IDENTITY: boolean;
}): string | null {
  if (env.INTERNAL_IDENTITY_SECRET) return env.INTERNAL_IDENTITY_SECRET;
  if (env.ALLOW_UNSIGNED_IDENTITY && env.NODE_ENV !== 'production') return null;
  throw new Error(
    'INTERNAL_IDENTITY_SECRET is not set: subgraphs accept only calls signed by the gateway ' +
      '(ALLOW_UNSIGNED_IDENTITY=true is for local development and never in production)',
  );
}

/**
 * The secret of natural persons' graph keys (docs/adr/0003), read by every service that keys persons: the hub
 * and migration job (demo data), the 双公示 intake (its records must join the register's persons) and its CLI.
 */
export const personKeySecretEnv = {
  PERSON_KEY_SECRET: described(
    "Secret of natural persons' graph keys (docs/adr/0003-natural-person-key.md): the same value wherever persons are keyed",
    secret({ minLength: 16, devDefault: DEV_SECRETS.PERSON_KEY_SECRET }),
  ),
};

/**
 * The variables of one subgraph run alone (`subgraphs/<name>/src/main.ts`): the common ones, the identity secret,
 * its database and where it listens (`<NAME>_HOST`, `<NAME>_PORT`, default port from the topology).
 */
export function subgraphEnv<N extends SubgraphName>(name: N) {
  const upper = name.toUpperCase() as Uppercase<N>;
  const defaultPort = SUBGRAPHS.find((s) => s.name === name)!.port;
  return {
    ...commonEnv,
    ...internalIdentityEnv,
    DATABASE_URL: databaseUrl,
    ...({
      [`${upper}_HOST`]: described(`Interface the ${name} subgraph listens on`, z.string().default('127.0.0.1')),
      [`${upper}_PORT`]: described(`Port the ${name} subgraph listens on`, port(defaultPort)),
    } as Record<`${Uppercase<N>}_HOST`, z.ZodDefault<z.ZodString>> &
      Record<`${Uppercase<N>}_PORT`, ReturnType<typeof port>>),
  };
}

/** What a subgraph's main passes to startSubgraph from its env module: the identity secret and replay cache. */
export const identityOptionsOf = (
  env: Parameters<typeof internalSecretOf>[0] & { REDIS_URL?: string | undefined },
) => ({
  internalSecret: internalSecretOf(env),
  redisUrl: env.REDIS_URL,
});
