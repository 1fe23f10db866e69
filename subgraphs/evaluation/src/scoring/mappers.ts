import type { ModelRecord } from '../models/mappers.ts';
import type { ExplainedItem } from './rules.ts';

/** A computed evaluation of one subject (the CreditEvaluation parent). */
export interface EvaluationParent {
  subjectCode: string;
  score: number;
  grade: string;
  gradeLabel: string;
  supervision: { level: string; label: string; samplingRatio: number };
  model: ModelRecord;
  baseScore: number;
  evaluatedAt: Date;
  explanation: ExplainedItem[];
}

/** The public part of a stored evaluation (the PublicCreditGrade parent). */
export interface PublicGrade {
  grade: string;
  gradeLabel: string;
  evaluatedAt: Date;
}

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditEvaluationMapper = EvaluationParent;
export type EvaluationItemMapper = ExplainedItem;
export type PublicCreditGradeMapper = PublicGrade;
