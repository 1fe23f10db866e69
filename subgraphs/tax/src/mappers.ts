import type { Connection } from '@credit-hub/kit';
import type { MajorTaxViolation, TaxCreditRating, TaxResponsiblePerson } from '@credit-hub/kit/db';

/**
 * The parent types the tax subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts): a resolver that reads a column its parent does not carry fails to compile.
 */

/** The tax department holds no subject rows: it knows a subject by its key alone (other subgraphs own the rest). */
export interface CreditSubjectMapper {
  code: string;
}

/** A yearly 纳税信用评价 result: the stored row (whether it is in force is a rule of today, rules.ts). */
export type TaxCreditRatingMapper = TaxCreditRating;

/** A 重大税收违法失信主体 entry: the stored row (its status as of today is computed, rules.ts `entryStatus`). */
export type MajorTaxViolationMapper = MajorTaxViolation;

/** A further responsible person of an entry: the stored row. */
export type TaxResponsiblePersonMapper = TaxResponsiblePerson;

/** A page of ratings; `totalCount` is counted only when asked for. */
export type TaxCreditRatingConnectionMapper = Connection<TaxCreditRatingMapper> & { totalCount: () => Promise<number> };

/** A page of black-list entries; `totalCount` is counted only when asked for. */
export type MajorTaxViolationConnectionMapper = Connection<MajorTaxViolationMapper> & {
  totalCount: () => Promise<number>;
};
