import { commonEnv, databaseUrl, internalIdentityEnv, loadEnv, port, z } from '@credit-hub/kit';

/** The disclosure subgraph's configuration; the only module of this service that reads process.env. */
export const readEnv = (source: Record<string, string | undefined> = process.env) =>
  loadEnv(
    {
      ...commonEnv,
      ...internalIdentityEnv,
      DATABASE_URL: databaseUrl,
      DISCLOSURE_HOST: z.string().default('127.0.0.1'),
      DISCLOSURE_PORT: port(4107),
    },
    source,
  );
