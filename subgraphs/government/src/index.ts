import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * 政务诚信 — government integrity: arrears of government bodies and public institutions to SMEs, their policy
 * commitments, 政府违约 complaints, a yearly evaluation per body and the region figures (政府失信被执行人占比).
 */
export const governmentSubgraph: SubgraphDefinition<Loaders> = {
  name: 'government',
  department: 'government',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startGovernmentSubgraph = (options: StartOptions<undefined>) => startSubgraph(governmentSubgraph, options);
