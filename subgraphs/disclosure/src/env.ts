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

/**
 * The secret of natural persons' graph keys (docs/adr/0003): the same value the subject register's data was
 * keyed with, so that a penalty on a person joins that person's subject. The development default matches the
 * hub's and the demo data's.
 */
export const readPersonKeySecret = (source: Record<string, string | undefined> = process.env) =>
  loadEnv({ PERSON_KEY_SECRET: z.string().min(16).default('credit-hub-dev-person-key') }, source).PERSON_KEY_SECRET;
