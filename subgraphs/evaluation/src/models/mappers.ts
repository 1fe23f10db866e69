import { z } from '@credit-hub/kit';
import type { EvaluationModel as EvaluationModelRow } from '@credit-hub/kit/db';
import type { SubjectKind } from '../__generated__/types.ts';
import { parseDefinition, type GradeBand, type Indicator, type IndicatorGroup, type ModelDefinition } from './rules.ts';

export type ModelStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';

/** An evaluation model version with its definition validated (the EvaluationModel parent). */
export interface ModelRecord {
  code: string;
  version: number;
  name: string;
  subjectKinds: SubjectKind[];
  status: ModelStatus;
  definition: ModelDefinition;
  createdAt: Date;
  createdBy: string;
  activatedAt: Date | null;
  retiredAt: Date | null;
}

/** The subject kinds of the schema (SubjectKind): the text[] column is parsed against them, never cast. */
const subjectKinds = z.array(
  z.enum([
    'ENTERPRISE',
    'FARMERS_COOPERATIVE',
    'GOVERNMENT_BODY',
    'INDIVIDUAL_BUSINESS',
    'NATURAL_PERSON',
    'OTHER',
    'PUBLIC_INSTITUTION',
    'SOCIAL_ORGANISATION',
  ] as const satisfies readonly SubjectKind[]),
);

/** A stored row as resolvers receive it: the jsonb definition parsed (and validated) again, never cast. */
export const toModelMapper = (row: EvaluationModelRow): ModelRecord => ({
  ...row,
  subjectKinds: subjectKinds.parse(row.subjectKinds),
  status: row.status,
  definition: parseDefinition(row.definition),
});

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type EvaluationModelMapper = ModelRecord;
export type EvaluationIndicatorMapper = Indicator;
export type EvaluationGradeBandMapper = GradeBand;
export type EvaluationIndicatorGroupMapper = IndicatorGroup;
