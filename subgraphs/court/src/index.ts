import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 法院 — courts: 失信被执行人 (dishonest judgment debtors) and 限制消费令 (consumption restrictions). */
export const courtSubgraph: SubgraphDefinition<Loaders> = {
  name: 'court',
  department: 'court',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startCourtSubgraph = (options: StartOptions<undefined>) => startSubgraph(courtSubgraph, options);
