import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 税务 — tax department: 纳税信用 levels, the A-level red list and 重大税收违法失信主体. */
export const taxSubgraph: SubgraphDefinition<Loaders> = {
  name: 'tax',
  department: 'tax',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startTaxSubgraph = (options: StartOptions<undefined>) => startSubgraph(taxSubgraph, options);
