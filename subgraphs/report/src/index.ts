import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import type { Config } from './context.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 信用报告: 公共信用信息报告 and 专项信用报告, issued, signed and verifiable (docs/reports.md). */
export const reportSubgraph: SubgraphDefinition<Loaders, Config> = {
  name: 'report',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startReportSubgraph = (options: StartOptions<Config>) => startSubgraph(reportSubgraph, options);
export type { Config } from './context.ts';
export { developmentKeys, ephemeralKeys, keysFromEnv } from './keys/reads.ts';
