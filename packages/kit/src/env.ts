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
  const result = z.object(shape).safeParse(source);
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
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const databaseUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL');

export { z };
