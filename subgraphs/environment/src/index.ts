import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import type { Config } from './context.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { checkConfig } from './rules.ts';

export { environmentGradeLabels, environmentGrades, environmentRatingValidThrough } from './env.ts';
export type { Config } from './context.ts';
export type { GradeScale, ValidThrough } from './rules.ts';

/**
 * 生态环境 — ecology and environment: 企业环境信用评价, 环境行政处罚 and 排污许可证, for a province using
 * `config.grades` grades (the national 4, or 5 where a black card is added) with its labels, and its rule for how
 * long a rating counts. The schema is the same whatever the configuration, so composition does not depend on it.
 */
export const environmentSubgraph: SubgraphDefinition<Loaders, Config> = {
  name: 'environment',
  department: 'environment',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

/** Starts the subgraph with the province's configuration, checked first (a wrong one stops the start). */
export const startEnvironmentSubgraph = (options: StartOptions<Config>) =>
  startSubgraph(environmentSubgraph, { ...options, config: checkConfig(options.config) });
