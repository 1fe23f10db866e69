import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 访问控制 — the platform's access subgraph: API keys of departmental systems and the audit trail. */
export const accessSubgraph: SubgraphDefinition<Loaders> = {
  name: 'access',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startAccessSubgraph = (options: StartOptions<undefined>) => startSubgraph(accessSubgraph, options);
