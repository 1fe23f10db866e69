import {
  commonEnv,
  databaseBudgetEnv,
  databaseUrl,
  described,
  loadEnv,
  personKeySecretEnv,
  port,
  z,
} from '@credit-hub/kit';
import {
  environmentGradeLabels,
  environmentGrades,
  environmentRatingValidThrough,
} from '@credit-hub/subgraph-environment';
import { pushSettingsEnv } from '@credit-hub/subgraph-push';

/**
 * Configuration of the all-in-one start (`npm start`, `npm run migrate`; docs/reference/configuration.md): read once
 * by scripts/start.ts; the only module of it that reads process.env.
 */
export const envShape = {
  ...commonEnv,
  DATABASE_URL: described(
    'PostgreSQL connection URL to use instead of the embedded server (unset: an embedded PostgreSQL in .data/pg)',
    databaseUrl.optional(),
  ),
  ...databaseBudgetEnv,
  EMBEDDED_PG_PORT: described('Port of the embedded PostgreSQL', port(54329)),
  GATEWAY_PORT: described('Port the gateway listens on', port(4000)),
  SUBGRAPH_PORTS: described(
    "`ephemeral` lets the OS pick the subgraphs' ports (benchmarks beside a running hub)",
    z.enum(['default', 'ephemeral']).default('default'),
  ),
  HUB_WORKERS: described(
    'Worker processes of the all-in-one hub, each a gateway executing every subgraph in-process, sharing GATEWAY_PORT (unset: one per core available; 1: a single process; ADR 0114)',
    z.coerce.number().int().min(1).max(64).optional(),
  ),
  HUB_SPREAD_MIN: described(
    'With several workers: an entity fetch of at least this many representations (a batch credit check) is cut into one part per worker, each executed by its own worker (0: never; ADR 0133)',
    z.coerce.number().int().min(0).default(200),
  ),
  WEB_BUILD: described(
    '`auto` rebuilds the site in web/dist when web/ or the schema changed since the last build; `skip` serves what web/dist holds (tests and benchmarks of the API)',
    z.enum(['auto', 'skip']).default('auto'),
  ),
  DEMO_SUBJECTS: described(
    'Demo subjects generated when the database is empty (0: none)',
    z.coerce.number().int().min(0).default(10_000),
  ),
  DEMO_SEED: described('Seed of the deterministic demo data', z.coerce.number().int().default(20261121)),
  ...personKeySecretEnv,
  ENVIRONMENT_GRADES: environmentGrades,
  ENVIRONMENT_GRADE_LABELS: environmentGradeLabels,
  ENVIRONMENT_RATING_VALID_THROUGH: environmentRatingValidThrough,
  ...pushSettingsEnv,
  INTERNAL_IDENTITY_SECRET: described(
    'Shared by the gateway and the subgraphs; unset: a random one per run (all run in this process, so a secret nobody knows is the safest choice, in production too)',
    z.string().min(32).optional(),
  ),
  REPORT_SIGNING_KEYS: described(
    "Credit reports' Ed25519 signing keys (`id:base64(PKCS#8)`, current first; docs/reports.md); unset: the development keys in .data/, or in production keys that last as long as the process",
    z.string().optional(),
  ),
  REPORT_RETIRED_KEYS: described(
    "Retired report signing keys' public halves (`id:base64(SPKI)`), so old reports stay verifiable",
    z.string().optional(),
  ),
  REPORT_CODE_KEY: described(
    "HMAC key of the reports' 查验码 (with REPORT_SIGNING_KEYS)",
    z.string().min(32).optional(),
  ),
  EVENTS_NATS_URL: described(
    "NATS server with JetStream to relay the departments' events to (docs/events.md); unset: the embedded bus in PostgreSQL",
    z.string().optional(),
  ),
  EVENTS_RETENTION_DAYS: described(
    "Days to keep the event backbone's dedup rows (events.consumed), relayed outbox rows and bus events every consumer has passed (events.event); older ones are deleted by the scheduler (docs/events.md, at least 8: longer than the time rules' look-back)",
    z.coerce.number().int().min(8).default(30),
  ),
  REDIS_URL: described(
    "Holds the subgraphs' used identity headers and the gateway's rate limits, search budgets, used challenge solutions and logouts (shared with other hubs); unset: the primary holds them for all workers (ADR 0127)",
    z.string().optional(),
  ),
};

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
