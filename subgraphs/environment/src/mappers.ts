import type { Connection } from '@credit-hub/kit';
import type { DischargePermit, EnvironmentalPenalty, EnvironmentalRating } from '@credit-hub/kit/db';

/** The environment subgraph knows a subject by its key; names, kinds and regions come from the subject register. */
export interface SubjectRef {
  code: string;
}
export type RatingRow = EnvironmentalRating;
export type PenaltyRow = EnvironmentalPenalty;
/** A permit as stored: `status` is the stored one; the API shows the status of today (see `permitStatus`). */
export type PermitRow = DischargePermit;
export type RatingConnection = Connection<RatingRow> & { totalCount: () => Promise<number> };
export type PenaltyConnection = Connection<PenaltyRow> & { totalCount: () => Promise<number> };

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditSubjectMapper = SubjectRef;
export type EnvironmentalRatingMapper = RatingRow;
export type EnvironmentalPenaltyMapper = PenaltyRow;
export type DischargePermitMapper = PermitRow;
export type EnvironmentalRatingConnectionMapper = RatingConnection;
export type EnvironmentalPenaltyConnectionMapper = PenaltyConnection;
