import {
  DateScalar,
  DateTimeScalar,
  loadSchemaFile,
  startSubgraph,
  type StartOptions,
  type SubgraphDefinition,
} from '@credit-hub/kit';
import type { Config } from './context.ts';
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
export const disclosureSubgraph: SubgraphDefinition<Loaders, Config> = {
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
};

/** Starts the subgraph with its configuration; `imports` tunes the upload route (limits, spool folder, tests). */
export const startDisclosureSubgraph = ({
  imports,
  ...options
}: StartOptions<Config> & { imports?: Omit<ImportRouteConfig, 'personKeySecret'> }) =>
  startSubgraph(
    {
      ...disclosureSubgraph,
      // POST /imports: the 双公示 file upload the gateway forwards (imports/http.ts).
      routes: importRoutes({ ...imports, personKeySecret: options.config.personKeySecret }),
    },
    options,
  );
