import { loadEnv, subgraphEnv } from '@credit-hub/kit';

/**
 * The metrics subgraph's configuration (docs/reference/configuration.md). main.ts reads it once at start and passes
 * the values down as options; this is the only module of the service that reads process.env.
 */
export const envShape = subgraphEnv('metrics');

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
