import type { Connection } from '@credit-hub/kit';
import type { AbnormalOperation, AnnualReport, Registration, SeriousIllegalListing } from '@credit-hub/kit/db';

/** The market subgraph knows a subject by its key; names, kinds and regions come from the subject register. */
export interface SubjectRef {
  code: string;
}
export type RegistrationRow = Registration;
export type AnnualReportRow = AnnualReport;
export type AbnormalRow = AbnormalOperation;
export type SeriousRow = SeriousIllegalListing;
export type AbnormalConnection = Connection<AbnormalRow> & { totalCount: () => Promise<number> };
export type SeriousConnection = Connection<SeriousRow> & { totalCount: () => Promise<number> };

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type CreditSubjectMapper = SubjectRef;
export type RegistrationMapper = RegistrationRow;
export type AnnualReportMapper = AnnualReportRow;
export type AbnormalOperationMapper = AbnormalRow;
export type SeriousIllegalListingMapper = SeriousRow;
export type AbnormalOperationConnectionMapper = AbnormalConnection;
export type SeriousIllegalListingConnectionMapper = SeriousConnection;
