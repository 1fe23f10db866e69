import {
  DateScalar,
  DateTimeScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { importRoutes, type ImportRouteConfig } from './imports/http.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { ImportJob } from './resolvers/ImportJob.ts';
import { ImportQuery } from './resolvers/ImportQuery.ts';
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
    Query: { ...Query, ...ImportQuery },
    Mutation,
    CreditSubject,
    AdministrativePenalty,
    AdministrativeLicence,
    Revision,
    QuarantineEntry,
    Submission,
    Authority,
    HighFrequencyOffender,
    ImportJob,
  },
  createLoaders,
  // POST /imports: the 双公示 file upload the gateway forwards (imports/http.ts).
  routes: importRoutes(),
};

export const startDisclosureSubgraph = (options: SubgraphOptions & { imports?: ImportRouteConfig }) =>
  startSubgraph(
    options.imports ? { ...disclosureSubgraph, routes: importRoutes(options.imports) } : disclosureSubgraph,
    options,
  );
