import { loadSchemaFile, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '@credit-hub/kit';
import { DEFAULT_CONFIG, type Config } from './context.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { uploadRoutes } from './routes.ts';

/** 信用修复 and 异议: the platform's single window (docs/rules/repair.md). */
export const repairSubgraph: SubgraphDefinition<Loaders, Config> = {
  name: 'repair',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

/** Starts the window; `config` overrides the defaults (limits in working days, file size). */
export const startRepairSubgraph = ({ config, ...options }: SubgraphOptions & { config?: Partial<Config> }) => {
  const full = { ...DEFAULT_CONFIG, ...config };
  // POST /uploads: a case's file, forwarded by the gateway's POST /uploads/repair (routes.ts).
  return startSubgraph({ ...repairSubgraph, routes: uploadRoutes(full) }, { ...options, config: full });
};

export { repairConsumers } from './events.ts';
