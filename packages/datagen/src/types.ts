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
  removalGround: 'PAID_IN_FULL' | 'BANKRUPTCY_REORGANISATION' | 'OUTSTANDING_CONTRIBUTION' | 'DECISION_REVOKED' | null;
  stopAppliedOn: string | null;
  paidOn: string | null;
}

/** market."MarketRegistrationStatus" */
export type MarketRegistrationStatus = 'EXISTING' | 'REVOKED' | 'CANCELLED' | 'MOVED_OUT';
/** market."AbnormalReason" (《企业经营异常名录管理暂行办法》 第四条) */
export type AbnormalReason =
  'ANNUAL_REPORT_NOT_FILED' | 'INFORMATION_NOT_PUBLISHED' | 'FALSE_INFORMATION' | 'UNREACHABLE_AT_ADDRESS';
export type MarketListingStatus = 'LISTED' | 'REMOVED';

/** market.registration: 登记信息 of an enterprise, individual business or cooperative. */
export interface RegistrationRow {
  subjectCode: string;
  name: string;
  /** 企业类型, e.g. 有限责任公司（自然人投资或控股）. */
  entityType: string;
  legalRepresentative: string | null;
  establishedOn: string;
  /** 注册资本 (出资额, 资金数额) in 万元, decimal string; null when none is registered. */
  registeredCapital: string | null;
  currency: string;
  /** 经营范围: items joined with ；. */
  businessScope: string;
  address: string | null;
  registrationAuthority: string;
  regionCode: string;
  status: MarketRegistrationStatus;
  approvedOn: string | null;
}

/** market.annual_report: one year's 年度报告; filedOn null while it has not been filed. */
export interface AnnualReportRow {
  subjectCode: string;
  year: number;
  filedOn: string | null;
}

/** market.abnormal_operation: an entry of 经营异常名录 (demo data lists enterprises and cooperatives only). */
export interface AbnormalOperationRow {
  subjectCode: string;
  regionCode: string;
  kind: 'LISTING' | 'MARK';
  reason: AbnormalReason;
  listingAuthority: string;
  listingDocument: string | null;
  listedOn: string;
  curedOn: string | null;
  /** The removal application; the 5-working-day clock runs from it. */
  appliedOn: string | null;
  /** addWorkingDays(appliedOn, 5) in the Chinese working calendar, while the application is pending. */
  removalDeadline: string | null;
  removedOn: string | null;
  removalReason: string | null;
  removalAuthority: string | null;
  status: MarketListingStatus;
}

/** market.serious_illegal_listing: an entry of 严重违法失信名单 (总局令第44号). */
export interface SeriousIllegalListingRow {
  subjectCode: string;
  regionCode: string;
  ground: 'HEAVY_PENALTY' | 'ABNORMAL_TRANSFER';
  penaltyKind:
    | 'HEAVY_FINE'
    | 'QUALIFICATION_DOWNGRADED'
    | 'LICENCE_REVOKED'
    | 'BUSINESS_RESTRICTED'
    | 'OTHER_HEAVY_PENALTY'
    | null;
  penaltyDecision: string | null;
  basis: string;
  facts: string;
  decisionDocument: string;
  listingAuthority: string;
  listedOn: string;
  /** Last day in force: three years from listedOn. */
  expiresOn: string;
  removedOn: string | null;
  removalGround: 'EARLY_REMOVAL' | 'REVOKED' | null;
  removalBasis: string | null;
  repairAppliedOn: string | null;
  penaltyPerformed: boolean | null;
  harmRemoved: boolean | null;
  noNewHeavyPenalty: boolean | null;
  status: MarketListingStatus;
}

/** court."DishonestBehaviour": the six behaviours of 法释〔2017〕7号 第一条. */
export type DishonestBehaviour =
  | 'OBSTRUCTING_EXECUTION'
  | 'EVADING_EXECUTION'
  | 'VIOLATING_PROPERTY_REPORTING'
  | 'VIOLATING_CONSUMPTION_RESTRICTION'
  | 'REFUSING_SETTLEMENT'
  | 'REFUSING_DESPITE_ABILITY';
export type PerformanceStatus = 'NONE_PERFORMED' | 'PARTLY_PERFORMED';
export type CaseStatus = 'ACTIVE' | 'WITHDRAWN';
/** The grounds of 法释〔2017〕7号 the generator uses (the court subgraph's rules.ts has them all, with articles). */
export type WithdrawalReason =
  | 'PERFORMED'
  | 'SETTLEMENT_PERFORMED'
  | 'APPLICANT_REQUEST'
  | 'NO_ASSETS_FOUND'
  | 'EXECUTION_TERMINATED'
  | 'PERIOD_ENDED'
  | 'EARLY_DELETION'
  | 'LISTED_IN_ERROR';
export type TermExtensionGround = 'SERIOUS_VIOLENT_OBSTRUCTION' | 'MULTIPLE_BEHAVIOURS';
export type DebtorKind = 'ORGANISATION' | 'NATURAL_PERSON';

/** court.dishonest_debtor_case: a 失信被执行人 record with the items of 法释〔2017〕7号 第六条. */
export interface DishonestDebtorCaseRow {
  /** 执行案号, e.g. (2024)浙0106执1234号; unique across every load (see court.ts). */
  caseNumber: string;
  subjectCode: string;
  debtorKind: DebtorKind;
  debtorName: string;
  legalRepresentative: string | null;
  /** 男 / 女, for natural persons. */
  sex: string | null;
  /** Age on the publication day, for natural persons. */
  age: number | null;
  /** The full ID number (masking is for presentation), for natural persons. */
  idNumber: string | null;
  regionCode: string;
  courtName: string;
  filedOn: string;
  basisDocumentNumber: string;
  basisIssuer: string;
  obligation: string;
  performance: PerformanceStatus;
  performedPart: string | null;
  unperformedPart: string | null;
  /** One or more, in the order of 第一条's items. */
  behaviours: DishonestBehaviour[];
  /** 纳入决定日期: the term counts from it. */
  decidedOn: string;
  /** 2 when an item (二)–(六) applies, null for item (一) alone. */
  termYears: number | null;
  termExtensionYears: number;
  termExtensionGround: TermExtensionGround | null;
  termExtensionReason: string | null;
  /** The last day on the list: decidedOn plus the term, the same calendar day (null without a term). */
  listedUntil: string | null;
  publishedOn: string;
  /** WITHDRAWN once the court recorded the deletion or revocation; an expired listing may still be ACTIVE. */
  status: CaseStatus;
  withdrawnOn: string | null;
  withdrawalReason: WithdrawalReason | null;
  withdrawalNote: string | null;
  /** The day the withdrawal ground arose (the term's last day for PERIOD_ENDED). */
  groundArisenOn: string | null;
  /** Three working days after groundArisenOn (chineseCalendar); null for EARLY_DELETION. */
  deletionDeadline: string | null;
}

/** court.consumption_restriction: a 限制消费令. Lifted orders have status WITHDRAWN and liftedOn. */
export interface ConsumptionRestrictionRow {
  subjectCode: string;
  caseNumber: string;
  courtName: string;
  /** For an organisation, its legal representative; null for a natural person (the subject itself). */
  restrictedPerson: string | null;
  regionCode: string;
  issuedOn: string;
  status: CaseStatus;
  liftedOn: string | null;
  liftReason: string | null;
}

/** environment."EnvironmentalGrade": 环保诚信 (绿牌), 良好 (蓝牌), 警示 (黄牌), 不良 (红牌), 严重失信 (黑牌). */
export type EnvironmentalGrade = 'GREEN' | 'BLUE' | 'YELLOW' | 'RED' | 'BLACK';
export type PermitStatus = 'VALID' | 'EXPIRED' | 'REVOKED' | 'CANCELLED';
export type ArrearsStatus = 'OUTSTANDING' | 'PARTLY_PAID' | 'CLEARED';
export type CommitmentStatus = 'PENDING' | 'FULFILLED' | 'BROKEN';
export type ComplaintOutcome = 'PENDING' | 'UPHELD' | 'REJECTED' | 'RESOLVED';

/** environment.credit_rating: a yearly 企业环境信用评价; scores are two-decimal strings (0–100). */
export interface EnvironmentalRatingRow {
  subjectCode: string;
  regionCode: string;
  industryCode: string | null;
  year: number;
  grade: EnvironmentalGrade;
  pollutionPrevention: string;
  ecologicalProtection: string;
  environmentalManagement: string;
  socialSupervision: string;
  authority: string;
  evaluatedOn: string;
}

/** environment.penalty: an environmental administrative penalty; decision numbers like 杭西环罚〔2024〕18号. */
export interface EnvironmentalPenaltyRow {
  subjectCode: string;
  regionCode: string;
  decisionNumber: string;
  violationType: string;
  facts: string;
  legalBasis: string;
  /** 元, decimal string. */
  fine: string;
  decidedOn: string;
  authority: string;
}

/** environment.discharge_permit: a 排污许可证, numbered USCC + 3-digit serial + P. */
export interface DischargePermitRow {
  subjectCode: string;
  regionCode: string;
  permitNumber: string;
  industry: string;
  validFrom: string;
  validUntil: string;
  status: PermitStatus;
  authority: string;
}

/** government.arrears_payment, without its arrears id (assigned by the loader). */
export interface ArrearsPaymentRow {
  amount: string;
  paidOn: string;
}

/** government.arrears: money a body owes an SME, with its payments (they sum to paidAmount). */
export interface ArrearsRow {
  debtorCode: string;
  creditorCode: string;
  regionCode: string;
  description: string;
  amount: string;
  paidAmount: string;
  dueOn: string;
  recordedOn: string;
  status: ArrearsStatus;
  clearedOn: string | null;
  payments: ArrearsPaymentRow[];
}

/** government.commitment: a 政府承诺. */
export interface CommitmentRow {
  bodyCode: string;
  regionCode: string;
  content: string;
  madeOn: string;
  dueOn: string;
  status: CommitmentStatus;
  fulfilledOn: string | null;
  evidence: string | null;
}

/** government.complaint: a 政府违约 complaint by an enterprise. */
export interface ComplaintRow {
  bodyCode: string;
  complainantCode: string | null;
  regionCode: string;
  content: string;
  receivedOn: string;
  outcome: ComplaintOutcome;
  handledOn: string | null;
  handlingNote: string | null;
}

/** Everything generated for one subject: its row and the rows other tables hold about it. */
export interface GeneratedSubject {
  /** Global index: the same (seed, index) always yields the same subject. */
  index: number;
  subject: SubjectRow;
  person: PersonIdentityRow | null;
  ratings: RatingRow[];
  violation: ViolationRow | null;
  /** Market subjects only. */
  registration: RegistrationRow | null;
  /** Enterprises and cooperatives, 2022–2025 from the founding year. */
  annualReports: AnnualReportRow[];
  abnormalEntries: AbnormalOperationRow[];
  seriousListing: SeriousIllegalListingRow | null;
  courtCases: DishonestDebtorCaseRow[];
  restrictions: ConsumptionRestrictionRow[];
  /** Enterprises: 企业环境信用评价 2022–2025, environmental penalties and 排污许可证. */
  environmentalRatings: EnvironmentalRatingRow[];
  environmentalPenalties: EnvironmentalPenaltyRow[];
  dischargePermits: DischargePermitRow[];
  /** Government bodies and public institutions (commitments and complaints: government bodies only). */
  arrears: ArrearsRow[];
  commitments: CommitmentRow[];
  complaints: ComplaintRow[];
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
