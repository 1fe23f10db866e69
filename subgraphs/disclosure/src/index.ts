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

/** 双公示 — administrative licences (行政许可) and penalties (行政处罚) reported by every department. */
export const disclosureSubgraph: SubgraphDefinition<Loaders> = {
  name: 'disclosure',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: {
    Date: DateScalar,
    Query,
    CreditSubject,
  },
  createLoaders,
};

export const startDisclosureSubgraph = (options: SubgraphOptions) => startSubgraph(disclosureSubgraph, options);
