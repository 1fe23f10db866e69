import { commonEnv, databaseUrl, internalIdentityEnv, loadEnv, personKeySecretEnv, port, z } from '@credit-hub/kit';

/** The disclosure subgraph's configuration; the only module of this service that reads process.env. */
export const readEnv = (source: Record<string, string | undefined> = process.env) =>
  loadEnv(
    {
      ...commonEnv,
      ...internalIdentityEnv,
      ...personKeySecretEnv,
      DATABASE_URL: databaseUrl,
      DISCLOSURE_HOST: z.string().default('127.0.0.1'),
      DISCLOSURE_PORT: port(4107),
    },
    source,
  );

/**
 * The secret of natural persons' graph keys (docs/adr/0003): the same value the subject register's data was
 * keyed with, so that a penalty on a person joins that person's subject. Validated at start by readEnv (required
 * in production); read again where a write keys persons, under the same rule.
 */
export const readPersonKeySecret = (source: Record<string, string | undefined> = process.env) =>
  loadEnv({ NODE_ENV: commonEnv.NODE_ENV, ...personKeySecretEnv }, source).PERSON_KEY_SECRET;
