import type { RepairCase, RepairFile, RepairTransition } from '@credit-hub/kit/db';
import type { RecordKind } from './rules.ts';

/**
 * The parent types the repair subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts).
 */

/** The subgraph holds no subject rows: it knows a subject by its key alone (other subgraphs own the rest). */
export interface CreditSubjectMapper {
  code: string;
}

/** A record of another department, known here by its kind and id only (federation hands the id over). */
export interface RecordRef {
  kind: RecordKind;
  id: string;
}
export type AdministrativePenaltyMapper = RecordRef;
export type AbnormalOperationMapper = RecordRef;
export type SeriousIllegalListingMapper = RecordRef;
export type MajorTaxViolationMapper = RecordRef;
export type CreditCommitmentMapper = RecordRef;
export type RecordMarkMapper = RecordRef;

export type RepairCaseMapper = RepairCase;
export type RepairFileMapper = Omit<RepairFile, 'content'>;
export type RepairTransitionMapper = RepairTransition;
