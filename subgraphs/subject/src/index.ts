import {
  DateScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { Query } from './resolvers/Query.ts';
import { RegionIntegrity } from './resolvers/RegionIntegrity.ts';

/** 主体库 — the subject register: owns CreditSubject, its kinds, regions and search. */
export const subjectSubgraph: SubgraphDefinition<Loaders> = {
  name: 'subject',
  department: 'platform',
  // The subject register serves every department: their officers may see names with a stated purpose.
  personalAudience: 'government',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: { Date: DateScalar, Query, CreditSubject, RegionIntegrity },
  createLoaders,
};

export const startSubjectSubgraph = (options: SubgraphOptions) => startSubgraph(subjectSubgraph, options);
