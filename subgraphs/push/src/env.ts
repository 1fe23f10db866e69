import { described, loadEnv, subgraphEnv, z } from '@credit-hub/kit';
import type { PushConfig } from './rules.ts';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');
const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The push subgraph's configuration (docs/reference/configuration.md, docs/push.md). main.ts reads it once at start
 * and passes the values down as the subgraph's config; this is the only module of the service that reads process.env.
 */
/** The push settings, shared with the all-in-one hub (apps/hub's env spreads them). */
export const pushSettingsEnv = {
  PUSH_DISPATCH: described(
    'Run the webhook dispatcher in this process (`false` on replicas that only answer GraphQL)',
    flag('true'),
  ),
  PUSH_ALLOW_PRIVATE_URLS: described(
    'Accept webhook URLs on loopback, private, link-local and other non-public addresses, and plain http (SSRF guard); unset: allowed outside production only. A 政务外网 deployment whose receivers have private addresses sets it to true',
    z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
  ),
  PUSH_TIMEOUT_MS: described(
    'How long a receiver may take to answer one delivery before it counts as failed (milliseconds)',
    positive(10_000),
  ),
  PUSH_CONCURRENCY: described('Deliveries the dispatcher sends at once (each to a different subject)', positive(32)),
  PUSH_LEASE_SECONDS: described(
    "How long a dispatcher holds a delivery it took; a killed dispatcher's deliveries are sent again after it (longer than PUSH_TIMEOUT_MS)",
    positive(60),
  ),
  PUSH_POLL_MS: described(
    'How often an idle dispatcher looks for due retries (new events wake it at once)',
    positive(1_000),
  ),
  PUSH_LIFT_WINDOW_DAYS: described(
    'measure.lift.required goes to the departments whose credit checks intercepted or restricted the subject within this many days',
    positive(365),
  ),
  PUSH_SYNC_SLA_SECONDS: described(
    'A delivery within this many seconds of its event counts as timely (同步及时率)',
    positive(3_600),
  ),
  PUSH_CONSUMER_BATCH: described(
    'Events the push consumer takes and fans out into deliveries per transaction (batched fan-out, docs/events.md)',
    positive(500),
  ),
};

export const envShape = { ...subgraphEnv('push'), ...pushSettingsEnv };

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);

/** The subgraph's config from its environment (main.ts, and the all-in-one hub). */
export function configOf(
  env: { [K in keyof typeof pushSettingsEnv]: z.infer<(typeof pushSettingsEnv)[K]> } & { NODE_ENV: string },
): PushConfig {
  return {
    dispatch: env.PUSH_DISPATCH,
    allowPrivateUrls: env.PUSH_ALLOW_PRIVATE_URLS ?? env.NODE_ENV !== 'production',
    timeoutMs: env.PUSH_TIMEOUT_MS,
    concurrency: env.PUSH_CONCURRENCY,
    leaseMs: env.PUSH_LEASE_SECONDS * 1000,
    pollMs: env.PUSH_POLL_MS,
    liftWindowDays: env.PUSH_LIFT_WINDOW_DAYS,
    syncSlaSeconds: env.PUSH_SYNC_SLA_SECONDS,
    consumerBatch: env.PUSH_CONSUMER_BATCH,
  };
}
