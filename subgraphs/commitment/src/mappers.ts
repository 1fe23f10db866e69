import type { CreditCommitment } from '@credit-hub/kit/db';

/**
 * The parent types the commitment subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds
 * them (codegen.ts).
 */

/** The subgraph holds no subject rows: it knows a subject by its key alone (other subgraphs own the rest). */
export interface CreditSubjectMapper {
  code: string;
}

/** A commitment row as stored. */
export type CreditCommitmentMapper = CreditCommitment;

/** A department by code; its label comes from the kit's DEPARTMENTS. */
export interface CommitmentDepartmentMapper {
  code: string;
}
