export { generate, generateSubject, DEFAULT_SEED } from './generate.ts';
export { loadDemoData, type LoadOptions, type LoadResult } from './load.ts';
export { MAX_SUBJECT_INDEX } from './codes.ts';
export { AS_OF } from './dates.ts';
export type {
  AbnormalOperationRow,
  AbnormalReason,
  AnnualReportRow,
  CaseStatus,
  ConsumptionRestrictionRow,
  DebtorKind,
  DishonestBehaviour,
  DishonestDebtorCaseRow,
  GenerateOptions,
  GeneratedSubject,
  MarketListingStatus,
  MarketRegistrationStatus,
  PerformanceStatus,
  PersonIdentityRow,
  RatingRow,
  RegistrationRow,
  RegistrationStatus,
  SeriousIllegalListingRow,
  SubjectRow,
  TaxCreditLevel,
  TaxViolationSituation,
  ViolationRow,
  WithdrawalReason,
} from './types.ts';
