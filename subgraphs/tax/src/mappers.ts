import type { Connection } from '@credit-hub/kit';
import type { MajorTaxViolation, TaxCreditRating, TaxResponsiblePerson } from '@credit-hub/kit/db';

/** The tax subgraph knows a subject only by its key; everything else comes from other subgraphs. */
export interface SubjectRef {
  code: string;
}
export type RatingRow = TaxCreditRating;
export type ViolationRow = MajorTaxViolation;
export type PersonRow = TaxResponsiblePerson;
export type RatingConnection = Connection<RatingRow> & { totalCount: () => Promise<number> };
export type ViolationConnection = Connection<ViolationRow> & { totalCount: () => Promise<number> };

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditSubjectMapper = SubjectRef;
export type TaxCreditRatingMapper = RatingRow;
export type MajorTaxViolationMapper = ViolationRow;
export type TaxResponsiblePersonMapper = PersonRow;
export type TaxCreditRatingConnectionMapper = RatingConnection;
export type MajorTaxViolationConnectionMapper = ViolationConnection;
