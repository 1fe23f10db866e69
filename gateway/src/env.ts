import { commonEnv, loadEnv, port, SUBGRAPHS, z } from '@credit-hub/kit';

/**
 * The gateway's configuration; the only module of the gateway that reads process.env.
 * SUBGRAPH_URL_<NAME> overrides the URL composed into supergraph.graphql (one per department).
 */
export const readEnv = (source: Record<string, string | undefined> = process.env) => {
  const env = loadEnv(
    {
      ...commonEnv,
      GATEWAY_PORT: port(4000),
      GATEWAY_HOST: z.string().default('127.0.0.1'),
      SUPERGRAPH_PATH: z.string().optional(),
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, z.url().optional()])),
    },
    source,
  );
  const subgraphUrls: Record<string, string> = {};
  for (const s of SUBGRAPHS) {
    const url = (env as Record<string, unknown>)[`SUBGRAPH_URL_${s.name.toUpperCase()}`];
    if (typeof url === 'string') subgraphUrls[s.name] = url;
  }
  return { ...env, subgraphUrls };
};
