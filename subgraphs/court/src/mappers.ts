import type { Connection } from '@credit-hub/kit';
import type { ConsumptionRestriction, DishonestDebtorCase } from '@credit-hub/kit/db';

/** The court subgraph knows a subject only by its key; everything else comes from other subgraphs. */
export interface SubjectRef {
  code: string;
}

/**
 * A case row as resolvers receive it. `kind` repeats `debtorKind` under the name the access layer's
 * @personal(subjectKinds: …) reads from the parent object: without it a natural person's name would not be
 * recognised as one. Every path that hands a case to GraphQL goes through `toCaseRow`.
 */
export type CaseRow = DishonestDebtorCase & { kind: DishonestDebtorCase['debtorKind'] };
export type RestrictionRow = ConsumptionRestriction;
export type CaseConnection = Connection<CaseRow> & { totalCount: () => Promise<number> };

export const toCaseRow = (row: DishonestDebtorCase): CaseRow => ({ ...row, kind: row.debtorKind });

/** The region entity shared with the subject and 政务诚信 subgraphs, known by its code alone. */
export interface RegionRef {
  regionCode: string;
}

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditSubjectMapper = SubjectRef;
export type DishonestDebtorCaseMapper = CaseRow;
export type ConsumptionRestrictionMapper = RestrictionRow;
export type DishonestDebtorCaseConnectionMapper = CaseConnection;
export type RegionIntegrityMapper = RegionRef;
