import {
  DateScalar,
  DateTimeScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import {
  AppliedMeasure,
  checkMutation,
  checkQuery,
  checkSubjectFields,
  CreditCheck,
  CreditCheckStatistics,
  CreditListInfo,
  Measure,
  UncheckedDecision,
  UnpunishedMeasure,
} from './checks/resolvers.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import {
  CreditEvaluation,
  EvaluationGradeBand,
  EvaluationIndicator,
  EvaluationIndicatorGroup,
  EvaluationModel,
  EvaluationRefresh,
  evaluationMutation,
  evaluationQuery,
  InspectionSample,
} from './resolvers/evaluation.ts';

/** 公共信用综合评价, 分级分类监管 and 联合奖惩 credit checks (信用核查). */
export const evaluationSubgraph: SubgraphDefinition<Loaders> = {
  name: 'evaluation',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: { ...evaluationQuery, ...checkQuery },
    Mutation: { ...evaluationMutation, ...checkMutation },
    CreditSubject: { ...CreditSubject, ...checkSubjectFields },
    CreditEvaluation,
    EvaluationModel,
    EvaluationIndicator,
    EvaluationIndicatorGroup,
    EvaluationGradeBand,
    InspectionSample,
    EvaluationRefresh,
    Measure,
    AppliedMeasure,
    CreditListInfo,
    CreditCheck,
    CreditCheckStatistics,
    UnpunishedMeasure,
    UncheckedDecision,
  },
  createLoaders,
};

export { ensureEvaluationModels } from './model/store.ts';
export { ensureMeasureCatalogue } from './catalogue/store.ts';

export const startEvaluationSubgraph = (options: SubgraphOptions) => startSubgraph(evaluationSubgraph, options);
