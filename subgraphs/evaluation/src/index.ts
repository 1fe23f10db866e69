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

/** 公共信用综合评价, 分级分类监管 and 联合奖惩 credit checks (信用核查). */
export const evaluationSubgraph: SubgraphDefinition<Loaders> = {
  name: 'evaluation',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: {
    Date: DateScalar,
    Query,
    CreditSubject,
  },
  createLoaders,
};

export const startEvaluationSubgraph = (options: SubgraphOptions) => startSubgraph(evaluationSubgraph, options);
