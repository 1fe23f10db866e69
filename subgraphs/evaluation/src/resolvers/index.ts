import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditListInfo } from '../catalogue/resolvers/CreditListInfo.ts';
import { Measure } from '../catalogue/resolvers/Measure.ts';
import { AppliedMeasure } from '../checks/resolvers/AppliedMeasure.ts';
import { CreditCheck } from '../checks/resolvers/CreditCheck.ts';
import { CreditCheckStatistics } from '../checks/resolvers/CreditCheckStatistics.ts';
import { UncheckedDecision } from '../checks/resolvers/UncheckedDecision.ts';
import { UnpunishedMeasure } from '../checks/resolvers/UnpunishedMeasure.ts';
import { EvaluationGradeBand } from '../models/resolvers/EvaluationGradeBand.ts';
import { EvaluationIndicator } from '../models/resolvers/EvaluationIndicator.ts';
import { EvaluationIndicatorGroup } from '../models/resolvers/EvaluationIndicatorGroup.ts';
import { EvaluationModel } from '../models/resolvers/EvaluationModel.ts';
import { EvaluationRefresh } from '../sampling/resolvers/EvaluationRefresh.ts';
import { InspectionSample } from '../sampling/resolvers/InspectionSample.ts';
import { CreditEvaluation } from '../scoring/resolvers/CreditEvaluation.ts';
import { CreditSubject } from './CreditSubject.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

/** The evaluation subgraph's resolver map, one object type per file (a feature folder's types from its resolvers/). */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CreditSubject,
  // 公共信用综合评价 (scoring/) and its models (models/)
  CreditEvaluation,
  EvaluationModel,
  EvaluationIndicator,
  EvaluationIndicatorGroup,
  EvaluationGradeBand,
  // 双随机 draws (sampling/)
  InspectionSample,
  EvaluationRefresh,
  // 联合奖惩 catalogue (catalogue/) and credit checks (checks/)
  Measure,
  CreditListInfo,
  AppliedMeasure,
  CreditCheck,
  CreditCheckStatistics,
  UnpunishedMeasure,
  UncheckedDecision,
};
