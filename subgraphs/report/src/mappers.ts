import type { ReportKindName, ReportPurposeName } from './rules.ts';

/**
 * The parent types the report subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts). Each is already the GraphQL shape: the types need no resolvers of their own.
 */
export interface IssuedReportMapper {
  number: string;
  kind: ReportKindName;
  kindLabel: string;
  subjectCode: string;
  subjectName: string;
  issuedAt: Date;
  dataCutoff: Date;
  periodFrom: string | null;
  periodTo: string | null;
  purpose: ReportPurposeName;
  purposeLabel: string;
  verificationCode: string;
  verificationUrl: string;
  pdfSha256: string;
  signature: string;
  keyId: string;
  pdfBase64: string;
  dataJson: string;
}

export interface ReportVerificationMapper {
  number: string;
  kind: ReportKindName;
  kindLabel: string;
  subjectCode: string;
  subjectName: string;
  issuedAt: Date;
  dataCutoff: Date;
  periodFrom: string | null;
  periodTo: string | null;
  pdfSha256: string;
  keyId: string;
  signature: string;
  signatureValid: boolean;
  pdfMatches: boolean | null;
  changedSinceIssue: boolean | null;
  statement: string;
}
