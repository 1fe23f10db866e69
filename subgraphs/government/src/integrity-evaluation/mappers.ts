import type { EvaluationResult } from './rules.ts';

/**
 * A computed 政务诚信 evaluation of one body and year, as IntegrityEvaluation's resolvers receive it: the result
 * with whom and when it evaluates. Nothing is stored.
 */
export type IntegrityEvaluationMapper = EvaluationResult & { bodyCode: string; year: number; asOf: Date };
