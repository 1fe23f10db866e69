import { commonEnv, databaseUrl, internalIdentityEnv, loadEnv, port, z } from '@credit-hub/kit';

/** The government subgraph's configuration; the only module of this service that reads process.env. */
export const readEnv = (source: Record<string, string | undefined> = process.env) =>
  loadEnv(
    {
      ...commonEnv,
      ...internalIdentityEnv,
      DATABASE_URL: databaseUrl,
      GOVERNMENT_HOST: z.string().default('127.0.0.1'),
      GOVERNMENT_PORT: port(4106),
    },
    source,
  );
