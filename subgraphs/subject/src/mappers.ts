import type { Connection } from '@credit-hub/kit';
import type { CreditSubject } from '@credit-hub/kit/db';

/**
 * The parent types the subject register's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts). Region and Industry need none: reference/rules.ts builds them in the schema's shape.
 */

/** A row of subject.credit_subject as the resolvers see it (the parent of CreditSubject fields). */
export type CreditSubjectMapper = Omit<CreditSubject, 'createdAt' | 'updatedAt'>;

/** The region entity shared with the court and 政务诚信 subgraphs, known by its code alone. */
export interface RegionIntegrityMapper {
  regionCode: string;
}

/** A search page; `totalCount` is counted only when the client selects it. */
export type CreditSubjectConnectionMapper = Connection<CreditSubjectMapper> & { totalCount: () => Promise<number> };
