export { generate, generateSubject, DEFAULT_SEED } from './generate.ts';
export { loadDemoData, type LoadOptions, type LoadResult } from './load.ts';
export { MAX_SUBJECT_INDEX } from './codes.ts';
export { AS_OF } from './dates.ts';
export type {
  GenerateOptions,
  GeneratedSubject,
  PersonIdentityRow,
  RatingRow,
  RegistrationStatus,
  SubjectRow,
  TaxCreditLevel,
  TaxViolationSituation,
  ViolationRow,
} from './types.ts';
