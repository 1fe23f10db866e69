import type { SubjectKind } from '@credit-hub/kit/codes';

export type RegistrationStatus = 'ACTIVE' | 'REVOKED' | 'CANCELLED' | 'MOVED_OUT';
export type TaxCreditLevel = 'A' | 'B' | 'M' | 'C' | 'D';
export type TaxViolationSituation =
  | 'TAX_EVASION'
  | 'EVADING_ARREARS_RECOVERY'
  | 'EXPORT_REBATE_FRAUD'
  | 'VIOLENT_REFUSAL'
  | 'FALSE_SPECIAL_INVOICES'
  | 'FALSE_ORDINARY_INVOICES'
  | 'ILLEGAL_INVOICE_PRINTING'
  | 'ABSCONDED'
  | 'FACILITATING_EVASION'
  | 'TAX_AGENT_VIOLATION'
  | 'OTHER_SERIOUS';

/** Dates are ISO strings (YYYY-MM-DD); money is a decimal string, exact to the fen. Columns follow the tables. */
export interface SubjectRow {
  code: string;
  name: string;
  kind: SubjectKind;
  regionCode: string;
  industryCode: string | null;
  legalRepresentative: string | null;
  registrationStatus: RegistrationStatus;
  establishedOn: string | null;
}

export interface PersonIdentityRow {
  code: string;
  idNumber: string;
}

export interface RatingRow {
  subjectCode: string;
  regionCode: string;
  year: number;
  level: TaxCreditLevel;
  score: number | null;
  evaluatedOn: string;
  authority: string;
}

export interface ViolationRow {
  subjectCode: string;
  regionCode: string;
  taxpayerName: string;
  registeredAddress: string;
  responsiblePersonName: string;
  /** 男 / 女, as published. */
  responsiblePersonSex: string;
  responsiblePersonIdNumber: string;
  situation: TaxViolationSituation;
  mainFacts: string;
  legalBasis: string;
  penalty: string;
  amountInvolved: string | null;
  inspectingAuthority: string;
  authorityCode: string;
  decisionServedOn: string;
  publishedOn: string;
  publicityEndsOn: string;
  status: 'PUBLISHED' | 'REMOVED';
  removedOn: string | null;
  removalReason: string | null;
}

/** Everything generated for one subject: its row and the rows other tables hold about it. */
export interface GeneratedSubject {
  /** Global index: the same (seed, index) always yields the same subject. */
  index: number;
  subject: SubjectRow;
  person: PersonIdentityRow | null;
  ratings: RatingRow[];
  violation: ViolationRow | null;
}

export interface GenerateOptions {
  subjects: number;
  /** Default 42. */
  seed?: number;
  /** HMAC secret for natural persons' keys (see personKey in @credit-hub/kit). */
  personKeySecret: string;
  /**
   * Global index of the first subject (default 0). Codes are a bijection of the index, so a later load
   * that starts where the previous one ended can never produce a code that already exists.
   */
  startIndex?: number;
}
