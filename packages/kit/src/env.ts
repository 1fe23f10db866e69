import { z } from 'zod';

/**
 * Validates a service's environment once, at start-up, and fails with every problem listed at once:
 * a half-configured service that starts and fails on its first request is worse than one that refuses
 * to start. Each service's `src/env.ts` is the only module that reads `process.env`.
 */
export function loadEnv<T extends z.ZodRawShape>(
  shape: T,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<T>> {
  // An empty variable (FOO= in a .env file or compose) means "not set", not "set to the empty string".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = z.object(shape).safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Common variables understood by every service. */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Start the process's clock at this instant or China date (development and demos; refused in production). */
  CLOCK_START: z
    .string()
    .refine(
      (v) => !Number.isNaN(Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T12:00:00+08:00` : v)),
      'must be an ISO date or instant',
    )
    .optional(),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const databaseUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL');

export { z };

/**
 * The secret the gateway signs caller identities with, shared by every subgraph. Without it a subgraph
 * refuses to start unless ALLOW_UNSIGNED_IDENTITY=true (local development only: every unsigned call is
 * then the public).
 */
export const internalIdentityEnv = {
  INTERNAL_IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ALLOW_UNSIGNED_IDENTITY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
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
