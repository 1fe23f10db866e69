import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 市场监管 — market supervision: registration, annual reports, 经营异常名录 and 严重违法失信名单. */
export const marketSubgraph: SubgraphDefinition<Loaders> = {
  name: 'market',
  department: 'market',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startMarketSubgraph = (options: StartOptions<undefined>) => startSubgraph(marketSubgraph, options);
