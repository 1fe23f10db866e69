import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** 公共信用综合评价, 分级分类监管 and 联合奖惩 credit checks (信用核查). */
export const evaluationSubgraph: SubgraphDefinition<Loaders> = {
  name: 'evaluation',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

// Installed at start by the all-in-one hub (apps/hub/src/prepare.ts) and the tests.
export { ensureEvaluationModels } from './models/writes.ts';
export { ensureMeasureCatalogue } from './catalogue/writes.ts';

export const startEvaluationSubgraph = (options: StartOptions<undefined>) => startSubgraph(evaluationSubgraph, options);
