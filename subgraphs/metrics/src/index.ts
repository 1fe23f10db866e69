import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** platform: the department's records about credit subjects. */
export const metricsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'metrics',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startMetricsSubgraph = (options: StartOptions<undefined>) => startSubgraph(metricsSubgraph, options);
