import { loadEnv, personKeySecretEnv, subgraphEnv } from '@credit-hub/kit';

/**
 * The disclosure subgraph's configuration (docs/reference/configuration.md). main.ts reads it once at start and
 * passes the values down as options (the person-key secret reaches the writes as `ctx.config`); this is the only
 * module of the service that reads process.env.
 */
export const envShape = { ...subgraphEnv('disclosure'), ...personKeySecretEnv };

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
