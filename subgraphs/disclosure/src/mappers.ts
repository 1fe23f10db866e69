/** Row types the resolvers receive as parents (codegen mappers point here). */
import type { Connection } from '@credit-hub/kit';
import type { Authority, Licence, Penalty, Quarantine, Revision, Submission } from '@credit-hub/kit/db';

export interface SubjectRef {
  code: string;
}

/**
 * Records carry `kind` (the 行政相对人类别) because the kit's @personal(subjectKinds: ["NATURAL_PERSON"]) masking
 * reads the parent's `kind`: only natural persons' names are masked.
 */
export type PenaltyRow = Penalty & { kind: string };
export type LicenceRow = Licence & { kind: string };
export type RevisionRow = Revision;
export type QuarantineRow = Quarantine;
export type SubmissionRow = Submission;
export type AuthorityRow = Authority;

export interface OffenderRow {
  subjectCode: string;
  penaltyCount: number;
  severeCount: number;
  latestDecidedOn: Date;
}

/** A page of penalties; `totalCount` is counted only when asked for (the 双公示 lists show a total). */
export type PenaltyConnection = Connection<PenaltyRow> & { totalCount: () => Promise<number> };
/** A page of licences; `totalCount` is counted only when asked for. */
export type LicenceConnection = Connection<LicenceRow> & { totalCount: () => Promise<number> };
export type QuarantineConnection = Connection<QuarantineRow>;

export const withKind = <T extends { subjectCategory: string }>(row: T): T & { kind: string } => ({
  ...row,
  kind: row.subjectCategory,
});

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditSubjectMapper = SubjectRef;
export type AdministrativePenaltyMapper = PenaltyRow;
export type AdministrativeLicenceMapper = LicenceRow;
export type RevisionMapper = RevisionRow;
export type QuarantineEntryMapper = QuarantineRow;
export type SubmissionMapper = SubmissionRow;
export type AuthorityMapper = AuthorityRow;
export type HighFrequencyOffenderMapper = OffenderRow;
export type AdministrativePenaltyConnectionMapper = PenaltyConnection;
export type AdministrativeLicenceConnectionMapper = LicenceConnection;
export type QuarantineEntryConnectionMapper = QuarantineConnection;
