/** Row types the resolvers receive as parents (codegen mappers point here). */
export interface SubjectRef {
  code: string;
}

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditSubjectMapper = SubjectRef;
export type { MeasureRow as MeasureMapper } from './catalogue/model.ts';
export type { CreditListMeta as CreditListInfoMapper } from './catalogue/lists.ts';
export type {
  CheckRow as CreditCheckMapper,
  FeedbackRow as MeasureFeedbackMapper,
  StatisticsRow as CreditCheckStatisticsMapper,
  UnpunishedRow as UnpunishedMeasureMapper,
  UncheckedRow as UncheckedDecisionMapper,
} from './checks/model.ts';
export type { MeasureSnapshot as AppliedMeasureMapper } from './checks/rules.ts';
export type { EvaluationParent as CreditEvaluationMapper } from './model/resolve.ts';
export type { ExplainedItem as EvaluationItemMapper } from './model/evaluate.ts';
export type { ModelRecord as EvaluationModelMapper } from './model/store.ts';
export type {
  Indicator as EvaluationIndicatorMapper,
  GradeBand as EvaluationGradeBandMapper,
  IndicatorGroup as EvaluationIndicatorGroupMapper,
} from './model/definition.ts';
export type {
  DrawRecord as InspectionSampleMapper,
  DrawConnection as InspectionSampleConnectionMapper,
  RefreshRecord as EvaluationRefreshMapper,
} from './sampling/store.ts';
