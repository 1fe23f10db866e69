import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 主体库 — the subject register: owns CreditSubject, its kinds, regions and search. */
export const subjectSubgraph: SubgraphDefinition<Loaders> = {
  name: 'subject',
  department: 'platform',
  // The subject register serves every department: their officers may see names with a stated purpose.
  personalAudience: 'government',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startSubjectSubgraph = (options: StartOptions<undefined>) => startSubgraph(subjectSubgraph, options);
