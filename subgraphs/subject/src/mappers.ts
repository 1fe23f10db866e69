import type { Connection } from '@credit-hub/kit';
import type { CreditSubject, Industry, Region } from '@credit-hub/kit/db';

/** A row of subject.credit_subject as the resolvers see it (the parent of CreditSubject fields). */
export type SubjectRow = Omit<CreditSubject, 'createdAt' | 'updatedAt'>;
export type RegionRow = Region;
export type IndustryRow = Industry;

/** The region entity shared with the court and 政务诚信 subgraphs, known by its code alone. */
export interface RegionRef {
  regionCode: string;
}

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditSubjectMapper = SubjectRow;
export type RegionIntegrityMapper = RegionRef;
/** A search page; `totalCount` is counted only when the client selects it. */
export type CreditSubjectConnectionMapper = Connection<SubjectRow> & { totalCount: () => Promise<number> };
