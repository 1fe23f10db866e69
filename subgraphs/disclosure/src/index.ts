import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import type { Config } from './context.ts';
import { importRoutes, type ImportRouteConfig } from './imports/routes.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 双公示 — administrative licences (行政许可) and penalties (行政处罚) reported by every department. */
export const disclosureSubgraph: SubgraphDefinition<Loaders, Config> = {
  name: 'disclosure',
  department: 'platform',
  // Records come from every department: any officer with a stated purpose may see the ID numbers (audited).
  personalAudience: 'government',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
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
      // POST /imports: the 双公示 file upload the gateway forwards (imports/routes.ts).
      routes: importRoutes({ ...imports, personKeySecret: options.config.personKeySecret }),
    },
    options,
  );
