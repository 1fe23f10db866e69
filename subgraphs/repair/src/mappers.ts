import type { RepairRecord } from '@credit-hub/kit/db';

/**
 * The parent types the repair subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts).
 */

/** The subgraph holds no subject rows: it knows a subject by its key alone (other subgraphs own the rest). */
export interface CreditSubjectMapper {
  code: string;
}

/** A record row as stored. */
export type RepairRecordMapper = RepairRecord;
