import { commonEnv, databaseUrl, loadEnv, personKeySecretEnv, port, z } from '@credit-hub/kit';
import {
  environmentGradeLabels,
  environmentGrades,
  environmentRatingValidThrough,
} from '@credit-hub/subgraph-environment';

/** Configuration of the all-in-one start (`npm start`); the only module of it that reads process.env. */
export const readEnv = (source: Record<string, string | undefined> = process.env) =>
  loadEnv(
    {
      ...commonEnv,
      /** Use this server instead of the embedded one. */
      DATABASE_URL: databaseUrl.optional(),
      EMBEDDED_PG_PORT: port(54329),
      GATEWAY_PORT: port(4000),
      /** `ephemeral` lets the OS pick subgraph ports (benchmarks beside a running hub). */
      SUBGRAPH_PORTS: z.enum(['default', 'ephemeral']).default('default'),
      /** Demo subjects generated when the database is empty (0 disables). */
      DEMO_SUBJECTS: z.coerce.number().int().min(0).default(10_000),
      DEMO_SEED: z.coerce.number().int().default(20261121),
      /** Secret of the natural-person key (docs/adr/0003). Production must set its own. */
      ...personKeySecretEnv,
      /** 企业环境信用评价: the province's grades (4, the national default, or 5), their names, and validity. */
      ENVIRONMENT_GRADES: environmentGrades,
      ENVIRONMENT_GRADE_LABELS: environmentGradeLabels,
      ENVIRONMENT_RATING_VALID_THROUGH: environmentRatingValidThrough,
      /**
       * Shared by gateway and subgraphs; a random one per run when unset — all run in this process, so a
       * secret nobody knows is the safest choice, in production too.
       */
      INTERNAL_IDENTITY_SECRET: z.string().min(32).optional(),
      /** Where the subgraphs remember accepted identity headers (shared with other hubs' replicas). */
      REDIS_URL: z.string().optional(),
    },
    source,
  );
