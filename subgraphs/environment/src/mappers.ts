import type { Connection } from '@credit-hub/kit';
import type { DischargePermit, EnvironmentalPenalty, EnvironmentalRating } from '@credit-hub/kit/db';

/**
 * The parent types the environment subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds
 * them (codegen.ts). Resolver types are generated against these: a resolver that reads a field its parent does not
 * carry fails to compile.
 */

/** The subgraph holds no subject rows: it knows a subject by its key (names, kinds, regions are the register's). */
export interface CreditSubjectMapper {
  code: string;
}

/** A year's rating as stored; `inForce` and `validUntil` are computed from today and the province's rule. */
export type EnvironmentalRatingMapper = EnvironmentalRating;

export type EnvironmentalPenaltyMapper = EnvironmentalPenalty;

/** A permit as stored: `status` is the stored one; the API shows the status of today (rules.ts `permitStatus`). */
export type DischargePermitMapper = DischargePermit;

/** A page of ratings; `totalCount` is counted only when asked for. */
export type EnvironmentalRatingConnectionMapper = Connection<EnvironmentalRatingMapper> & {
  totalCount: () => Promise<number>;
};

/** A page of penalties; `totalCount` is counted only when asked for. */
export type EnvironmentalPenaltyConnectionMapper = Connection<EnvironmentalPenaltyMapper> & {
  totalCount: () => Promise<number>;
};
