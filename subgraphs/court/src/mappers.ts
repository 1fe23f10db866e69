import type { Connection } from '@credit-hub/kit';
import type { DishonestDebtorCase } from '@credit-hub/kit/db';

/**
 * The parent types the court's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts; the 限制消费令's is in restrictions/mappers.ts). Resolver types are generated against these: a
 * resolver that reads a field its parent does not carry fails to compile.
 */

/** The court holds no subject rows: it knows a subject by its key alone (other subgraphs own the rest). */
export interface CreditSubjectMapper {
  code: string;
}

/**
 * A case row as resolvers receive it. `kind` repeats `debtorKind` under the name the access layer's
 * @personal(subjectKinds: …) reads from the parent object: without it a natural person's name would not be
 * recognised as one. Every path that hands a case to GraphQL goes through `toCaseMapper`.
 */
export type DishonestDebtorCaseMapper = DishonestDebtorCase & { kind: DishonestDebtorCase['debtorKind'] };

export const toCaseMapper = (row: DishonestDebtorCase): DishonestDebtorCaseMapper => ({ ...row, kind: row.debtorKind });

/** A page of cases; `totalCount` is counted only when asked for. */
export type DishonestDebtorCaseConnectionMapper = Connection<DishonestDebtorCaseMapper> & {
  totalCount: () => Promise<number>;
};

/** The region entity shared with the subject and 政务诚信 subgraphs, known by its code alone. */
export interface RegionIntegrityMapper {
  regionCode: string;
}
