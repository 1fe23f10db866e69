import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 信用承诺: subjects' credit commitments, their 践诺 checks and the breaches' publicity (platform-owned). */
export const commitmentSubgraph: SubgraphDefinition<Loaders> = {
  name: 'commitment',
  department: 'platform',
  // The records are every checking department's (like 双公示): their officers see the signatory with a purpose.
  personalAudience: 'government',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startCommitmentSubgraph = (options: StartOptions<undefined>) => startSubgraph(commitmentSubgraph, options);
