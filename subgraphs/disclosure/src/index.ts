import {
  DateScalar,
  DateTimeScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import {
  AdministrativeLicence,
  AdministrativePenalty,
  Authority,
  HighFrequencyOffender,
  QuarantineEntry,
  Revision,
  Submission,
} from './resolvers/records.ts';

/** 双公示 — administrative licences (行政许可) and penalties (行政处罚) reported by every department. */
export const disclosureSubgraph: SubgraphDefinition<Loaders> = {
  name: 'disclosure',
  department: 'platform',
  // Records come from every department: any officer with a stated purpose may see the ID numbers (audited).
  personalAudience: 'government',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query,
    Mutation,
    CreditSubject,
    AdministrativePenalty,
    AdministrativeLicence,
    Revision,
    QuarantineEntry,
    Submission,
    Authority,
    HighFrequencyOffender,
  },
  createLoaders,
};

export const startDisclosureSubgraph = (options: SubgraphOptions) => startSubgraph(disclosureSubgraph, options);
