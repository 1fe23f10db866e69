/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Calendar date (日期), ISO 8601 YYYY-MM-DD, no time zone. */
  Date: { input: string; output: string; }
  /** An instant (时间), ISO 8601 with time zone, e.g. 2026-11-21T06:00:00.000Z. */
  DateTime: { input: string; output: string; }
};

/**
 * An entry of the 经营异常名录 (abnormal-operation list), or the 经营异常状态 mark of a 个体工商户. Once the subject has
 * cured the cause (e.g. filed the overdue report) and applied, the authority decides within 5 working days of the
 * application (工作日, holidays and 调休 counted).
 */
export type AbnormalOperation = {
  __typename?: 'AbnormalOperation';
  /** Date the subject applied for removal (申请移出 / 申请恢复正常记载状态): the 5-working-day clock starts here. */
  appliedOn: Maybe<Scalars['Date']['output']>;
  /** Date the cause was cured (e.g. the report filed, the address changed), as stated in the application. */
  curedOn: Maybe<Scalars['Date']['output']>;
  /** Entry id. */
  id: Scalars['ID']['output'];
  /** Listing (enterprise, 农民专业合作社) or mark (个体工商户). */
  kind: AbnormalOperationKind;
  /** Chinese label of the kind: 列入经营异常名录 or 标记为经营异常状态. */
  kindLabel: Scalars['String']['output'];
  /** 列入日期 (标记日期) — date listed or marked. */
  listedOn: Scalars['Date']['output'];
  /** 作出决定机关（列入）— listing authority. */
  listingAuthority: Scalars['String']['output'];
  /** 列入决定书文号 — listing decision document number. */
  listingDocument: Maybe<Scalars['String']['output']>;
  /** Date the subject's objection (异议) was filed, when a revocation answers one. */
  objectionFiledOn: Maybe<Scalars['Date']['output']>;
  /** 异议处理中. */
  objectionPending: Maybe<Scalars['Boolean']['output']>;
  /** 列入经营异常名录原因 — reason for listing. */
  reason: AbnormalOperationReason;
  /** Chinese label of the reason, e.g. 未按规定期限公示年度报告. */
  reasonLabel: Scalars['String']['output'];
  /** Reason the last application was refused. */
  refusalReason: Maybe<Scalars['String']['output']>;
  /** Date the last application was refused (不予移出). */
  refusedOn: Maybe<Scalars['Date']['output']>;
  /** Administrative division of the subject's registration authority. */
  regionCode: Scalars['String']['output'];
  /** 作出决定机关（移出/撤销）— removal authority. */
  removalAuthority: Maybe<Scalars['String']['output']>;
  /** Last day to decide on the pending application: 5 working days after it; null when none is pending. */
  removalDeadline: Maybe<Scalars['Date']['output']>;
  /** True when an application is pending and its deadline day has passed (China time): the authority is late. */
  removalOverdue: Scalars['Boolean']['output'];
  /** 移出原因, or the reason of the revocation (the objection's outcome). */
  removalReason: Maybe<Scalars['String']['output']>;
  /** 移出日期 (恢复日期), or 撤销日期 for a revoked entry. */
  removedOn: Maybe<Scalars['Date']['output']>;
  /** Whether 申请信用修复 is open today. */
  repairEligibility: Maybe<RepairEligibility>;
  /** 修复办理中. */
  repairPending: Maybe<Scalars['Boolean']['output']>;
  /** Status today. */
  status: MarketListingStatus;
  /** Chinese label of the status by kind: 列入/移出/撤销列入, or 标记/恢复正常记载状态/撤销标记. */
  statusLabel: Scalars['String']['output'];
  /** The listed subject. */
  subject: CreditSubject;
  /**
   * First day the listing is due for transfer to the 严重违法失信名单 if it is still in force (the day after three
   * years from listing); null for a 个体工商户's mark, which is never transferred.
   */
  transferDueFrom: Maybe<Scalars['Date']['output']>;
};

/** A page of 经营异常名录 entries. */
export type AbnormalOperationConnection = {
  __typename?: 'AbnormalOperationConnection';
  /** Entries of this page with cursors. */
  edges: Array<AbnormalOperationEdge>;
  /** Entries of this page. */
  nodes: Array<AbnormalOperation>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching entries (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** An entry in a page. */
export type AbnormalOperationEdge = {
  __typename?: 'AbnormalOperationEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AbnormalOperation;
};

/**
 * Input of listAbnormalOperation (an enterprise or 农民专业合作社 listed in the 经营异常名录) and of markAbnormalStatus
 * (a 个体工商户 marked 经营异常状态).
 */
export type AbnormalOperationInput = {
  /** 列入日期, not in the future. */
  listedOn: Scalars['Date']['input'];
  /** 作出决定机关. */
  listingAuthority: Scalars['String']['input'];
  /** 列入决定书文号. */
  listingDocument: Scalars['String']['input'];
  /** One of the four reasons; a 个体工商户 is not marked for INFORMATION_NOT_PUBLISHED. */
  reason: AbnormalOperationReason;
  /** USCC of a registered market subject: 91…/93… to list, 92… to mark. */
  subjectCode: Scalars['ID']['input'];
};

/** The two kinds of 经营异常 entry. */
export type AbnormalOperationKind =
  /** 列入经营异常名录 — an enterprise or 农民专业合作社 listed (《企业经营异常名录管理暂行办法》) */
  | 'LISTING'
  /** 标记为经营异常状态 — a 个体工商户 marked (《个体工商户年度报告暂行办法》); it is never listed */
  | 'MARK';

/** The four reasons for listing in the 经营异常名录 (《企业经营异常名录管理暂行办法》 第四条). */
export type AbnormalOperationReason =
  /** 未按规定期限公示年度报告 — annual report not published in time */
  | 'ANNUAL_REPORT_NOT_FILED'
  /** 公示企业信息隐瞒真实情况、弄虚作假 — published information concealed or false */
  | 'FALSE_INFORMATION'
  /** 未在责令的期限内公示有关企业信息 — required information not published by the ordered deadline */
  | 'INFORMATION_NOT_PUBLISHED'
  /** 通过登记的住所或者经营场所无法联系 — unreachable at the registered address */
  | 'UNREACHABLE_AT_ADDRESS';

/**
 * Access levels (访问级别): PUBLIC 公开; SUBJECT 主体本身 (an enterprise user bound to its USCC, for its own
 * matters, and government users); SHARED 政务共享 (authenticated government users); DEPARTMENT 本部门
 * (the owning department and supervisors); SUPERVISOR 监管 (supervisors and administrators); ADMIN 管理员.
 */
export type AccessLevel =
  /** 管理员 — administrators */
  | 'ADMIN'
  /** 本部门 — the owning department's officers and systems, and supervisors */
  | 'DEPARTMENT'
  /** 公开 — anyone, including the public site */
  | 'PUBLIC'
  /** 政务共享 — department officers, supervisors and departmental systems with the read scope */
  | 'SHARED'
  /** 主体本身 — the subject itself (an enterprise user bound to its USCC) for its own matters, and government users */
  | 'SUBJECT'
  /** 监管 — supervisors and administrators */
  | 'SUPERVISOR';

/** 行政许可 — an administrative licence reported by a department in the national 双公示 format. */
export type AdministrativeLicence = {
  __typename?: 'AdministrativeLicence';
  /** XK_XKJGDM 许可机关统一社会信用代码 */
  authorityCode: Scalars['String']['output'];
  /** XK_XKJG 许可机关 */
  authorityName: Scalars['String']['output'];
  /** XK_XDR_GSZC 工商注册号 */
  businessRegistrationNumber: Maybe<Scalars['String']['output']>;
  /** XK_XKLB 许可类别 */
  category: LicenceCategory;
  /** XK_XKZS 许可证书名称 */
  certificateName: Maybe<Scalars['String']['output']>;
  /** XK_NR 许可内容 */
  content: Scalars['String']['output'];
  /** XK_JDRQ 许可决定日期 */
  decidedOn: Scalars['Date']['output'];
  /** 报送部门 — the department that reported the record (DEPARTMENTS code). */
  department: Scalars['String']['output'];
  /** XK_XKWS 行政许可决定文书名称 */
  documentName: Scalars['String']['output'];
  /** XK_WSH 行政许可决定文书号 */
  documentNumber: Scalars['String']['output'];
  /** When the platform first received the record. */
  firstReceivedAt: Scalars['DateTime']['output'];
  /** Record id. */
  id: Scalars['ID']['output'];
  /** Whether 有效期至 is 2099-12-31 (长期, no end). */
  isLongTerm: Scalars['Boolean']['output'];
  /** Whether the public sees the licence today (有效 and not past 有效期至). */
  isPublic: Scalars['Boolean']['output'];
  /** When the platform last received the record. */
  lastReceivedAt: Scalars['DateTime']['output'];
  /** XK_FRDB 法定代表人 */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** XK_FR_ZJHM 法定代表人证件号码 — masked unless the caller may see personal data */
  legalRepresentativeIdNumber: Maybe<Scalars['String']['output']>;
  /** XK_FR_ZJLX 法定代表人证件类型 */
  legalRepresentativeIdType: Maybe<DisclosureIdType>;
  /** XK_XKBH 许可编号 */
  licenceNumber: Maybe<Scalars['String']['output']>;
  /** XK_XDR_ZZJG 组织机构代码 */
  organisationCode: Maybe<Scalars['String']['output']>;
  /** XK_XDR_SYDW 事业单位证书号 */
  publicInstitutionNumber: Maybe<Scalars['String']['output']>;
  /** BZ 备注 */
  remarks: Maybe<Scalars['String']['output']>;
  /** Every accepted version, oldest first. */
  revisions: Array<Revision>;
  /** XK_XDR_SHZZ 社会组织登记证号 */
  socialOrganisationNumber: Maybe<Scalars['String']['output']>;
  /** XK_LYDWDM 数据来源单位统一社会信用代码 */
  sourceCode: Scalars['String']['output'];
  /** XK_LYDW 数据来源单位 */
  sourceName: Scalars['String']['output'];
  /** XK_ZT 当前状态 */
  status: LicenceStatus;
  /** The subject: by USCC, or by the person key of a natural person. */
  subject: CreditSubject;
  /** XK_XDR_LB 行政相对人类别 */
  subjectCategory: DisclosureSubjectCategory;
  /** XK_XDR_ZJHM 证件号码 — masked unless the caller may see personal data */
  subjectIdNumber: Maybe<Scalars['String']['output']>;
  /** XK_XDR_ZJLX 证件类型 */
  subjectIdType: Maybe<DisclosureIdType>;
  /** XK_XDR_MC 行政相对人名称 — a natural person's name is masked for the public */
  subjectName: Scalars['String']['output'];
  /** XK_XDR_SWDJ 税务登记号 */
  taxRegistrationNumber: Maybe<Scalars['String']['output']>;
  /** XK_XDR_SHXYM 统一社会信用代码 */
  uscc: Maybe<Scalars['String']['output']>;
  /** XK_YXQZ 有效期自 */
  validFrom: Scalars['Date']['output'];
  /** XK_YXQZI 有效期至 (2099-12-31 = 长期) */
  validUntil: Scalars['Date']['output'];
};

/** Licences, newest decision first. */
export type AdministrativeLicenceConnection = {
  __typename?: 'AdministrativeLicenceConnection';
  /** Licences with cursors. */
  edges: Array<AdministrativeLicenceEdge>;
  /** Licences. */
  nodes: Array<AdministrativeLicence>;
  /** Paging. */
  pageInfo: PageInfo;
};

/** A licence with its cursor. */
export type AdministrativeLicenceEdge = {
  __typename?: 'AdministrativeLicenceEdge';
  /** Cursor. */
  cursor: Scalars['String']['output'];
  /** Licence. */
  node: AdministrativeLicence;
};

/**
 * 行政处罚 — an administrative penalty reported by a department in the national 双公示 format. Each national column
 * is a field (its column code and Chinese label in the description); the rest is derived by the platform.
 */
export type AdministrativePenalty = {
  __typename?: 'AdministrativePenalty';
  /** CF_CFJGDM 处罚机关统一社会信用代码 */
  authorityCode: Scalars['String']['output'];
  /** CF_CFJG 处罚机关 */
  authorityName: Scalars['String']['output'];
  /** CF_XDR_GSZC 工商注册号 */
  businessRegistrationNumber: Maybe<Scalars['String']['output']>;
  /** CF_NR_WFFF 没收违法所得、没收非法财物的金额（万元） (a decimal, in 万元, up to 6 decimals) */
  confiscatedAmount: Maybe<Scalars['String']['output']>;
  /** CF_NR 处罚内容 */
  content: Scalars['String']['output'];
  /** CF_JDRQ 处罚决定日期 */
  decidedOn: Scalars['Date']['output'];
  /** 报送部门 — the department that reported the record (DEPARTMENTS code). */
  department: Scalars['String']['output'];
  /** CF_WSH 行政处罚决定书文号 */
  documentNumber: Scalars['String']['output'];
  /** CF_SY 违法事实 */
  facts: Scalars['String']['output'];
  /** CF_NR_FK 罚款金额（万元） (a decimal, in 万元, up to 6 decimals) */
  fineAmount: Maybe<Scalars['String']['output']>;
  /** When the platform first received the record (timeliness is measured on it). */
  firstReceivedAt: Scalars['DateTime']['output'];
  /** Record id. */
  id: Scalars['ID']['output'];
  /** Whether the penalty is published today (China time): inside its publicity window and not repaired. */
  isPublished: Scalars['Boolean']['output'];
  /** When the platform last received the record. */
  lastReceivedAt: Scalars['DateTime']['output'];
  /** CF_YJ 处罚依据 */
  legalBasis: Scalars['String']['output'];
  /** CF_FRDB 法定代表人 */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** CF_FR_ZJHM 法定代表人证件号码 — masked unless the caller may see personal data */
  legalRepresentativeIdNumber: Maybe<Scalars['String']['output']>;
  /** CF_FR_ZJLX 法定代表人证件类型 */
  legalRepresentativeIdType: Maybe<DisclosureIdType>;
  /** 异议处理中: an objection to this record is being handled (the record stays public meanwhile). */
  objectionPending: Maybe<Scalars['Boolean']['output']>;
  /** CF_XDR_ZZJG 组织机构代码 */
  organisationCode: Maybe<Scalars['String']['output']>;
  /** CF_CFLB 处罚类别 */
  penaltyTypes: Array<PenaltyType>;
  /** CF_XDR_SYDW 事业单位证书号 */
  publicInstitutionNumber: Maybe<Scalars['String']['output']>;
  /** The publicity rule that governs the record, in Chinese: the rule of the decision date and any later rule applied. */
  publicityBasis: Scalars['String']['output'];
  /** CF_GSJZQ 公示截止期 — as the department reported it (within the tier's bounds; see publicityEndsOn) */
  publicityDeadline: Maybe<Scalars['Date']['output']>;
  /**
   * Last day of publicity (公示截止, inclusive): CF_GSJZQ when given, else the decision date plus the tier's maximum,
   * no later than a later rule's maximum (从旧兼从轻). Null when the penalty is not published at all (轻微 under
   * 国家发展改革委令第36号 without a 公示截止期).
   */
  publicityEndsOn: Maybe<Scalars['Date']['output']>;
  /** Why the platform's rules changed what the department reported (e.g. a 公示截止期 beyond the maximum, for a record stored before the bounds were checked). */
  publicityNote: Maybe<Scalars['String']['output']>;
  /** BZ 备注 */
  remarks: Maybe<Scalars['String']['output']>;
  /** 信用修复 — the day the subject applied for the repair. */
  repairAppliedOn: Maybe<Scalars['Date']['output']>;
  /** Whether 申请信用修复 is open today, and if not why not and from when. */
  repairEligibility: Maybe<RepairEligibility>;
  /** 修复办理中: a 信用修复 application for it is open. */
  repairPending: Maybe<Scalars['Boolean']['output']>;
  /** Why the record was repaired. */
  repairReason: Maybe<Scalars['String']['output']>;
  /** 最短公示期届满 — the first day the subject may apply for 信用修复. */
  repairableFrom: Scalars['Date']['output'];
  /** 信用修复 — the day publicity ended by repair, if repaired. */
  repairedOn: Maybe<Scalars['Date']['output']>;
  /** CF_SXDJ 失信信息分级 as reported by the deciding authority (a platform extension column; null when not reported) */
  reportedTier: Maybe<PenaltyTier>;
  /** Every accepted version, oldest first. */
  revisions: Array<Revision>;
  /** The 58号令 sector of the penalty (1-year minimum for decisions governed by 58号令), if any. */
  sector: Maybe<PublicitySector>;
  /** The sector in Chinese (食品, 药品, …). */
  sectorLabel: Maybe<Scalars['String']['output']>;
  /** CF_XDR_SHZZ 社会组织登记证号 */
  socialOrganisationNumber: Maybe<Scalars['String']['output']>;
  /** CF_SJLYDM 数据来源单位统一社会信用代码 */
  sourceCode: Scalars['String']['output'];
  /** CF_SJLY 数据来源单位 */
  sourceName: Scalars['String']['output'];
  /** The subject: by USCC, or by the person key of a natural person. */
  subject: CreditSubject;
  /** CF_XDR_LB 行政相对人类别 */
  subjectCategory: DisclosureSubjectCategory;
  /** CF_XDR_ZJHM 证件号码 — masked unless the caller may see personal data */
  subjectIdNumber: Maybe<Scalars['String']['output']>;
  /** CF_XDR_ZJLX 证件类型 */
  subjectIdType: Maybe<DisclosureIdType>;
  /** CF_XDR_MC 行政相对人名称 — a natural person's name is masked for the public */
  subjectName: Scalars['String']['output'];
  /** CF_NR_ZKDX 暂扣或吊销证照名称及编号 */
  suspendedLicences: Maybe<Scalars['String']['output']>;
  /** CF_XDR_SWDJ 税务登记号 */
  taxRegistrationNumber: Maybe<Scalars['String']['output']>;
  /** Tier (失信信息分级) the publicity rules apply: the reported one, else the configured table, else by 处罚类别. */
  tier: PenaltyTier;
  /** Tier in Chinese (轻微/一般/严重). */
  tierLabel: Scalars['String']['output'];
  /** Where the tier came from. */
  tierSource: PenaltyTierSource;
  /** CF_XDR_SHXYM 统一社会信用代码 */
  uscc: Maybe<Scalars['String']['output']>;
  /** CF_YXQ 处罚有效期 */
  validUntil: Scalars['Date']['output'];
  /** CF_WFXW 违法行为类型 */
  violationType: Scalars['String']['output'];
};

/** Penalties, newest decision first. */
export type AdministrativePenaltyConnection = {
  __typename?: 'AdministrativePenaltyConnection';
  /** Penalties with cursors. */
  edges: Array<AdministrativePenaltyEdge>;
  /** Penalties. */
  nodes: Array<AdministrativePenalty>;
  /** Paging. */
  pageInfo: PageInfo;
};

/** A penalty with its cursor. */
export type AdministrativePenaltyEdge = {
  __typename?: 'AdministrativePenaltyEdge';
  /** Cursor. */
  cursor: Scalars['String']['output'];
  /** Penalty. */
  node: AdministrativePenalty;
};

/** 年度报告 — a market subject's annual report for one year. */
export type AnnualReport = {
  __typename?: 'AnnualReport';
  /** Last day to file on time (报送截止日期): 30 June of the following year. */
  dueBy: Scalars['Date']['output'];
  /** Date the report was filed (报送日期); null when not filed. */
  filedOn: Maybe<Scalars['Date']['output']>;
  /** Status, computed from the filing date, the deadline and today's date in China. */
  status: AnnualReportStatus;
  /** Chinese label of the status, e.g. 按时报送. */
  statusLabel: Scalars['String']['output'];
  /** The reporting subject. */
  subject: CreditSubject;
  /** Report year (报告年度). */
  year: Scalars['Int']['output'];
};

/**
 * Status of one year's annual report, counted in China time: reports for a year are due from 1 January to
 * 30 June of the following year (《企业信息公示暂行条例》 第八条).
 */
export type AnnualReportStatus =
  /** 待报送 — not filed yet, the deadline has not passed */
  | 'DUE'
  /** 逾期报送 — filed after the deadline */
  | 'LATE'
  /** 未报送 — not filed and the deadline has passed */
  | 'MISSING'
  /** 按时报送 — filed by 30 June of the following year */
  | 'ON_TIME';

/** An API key of a departmental system (部门系统接入密钥). Only a hash is stored. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** Creation time. */
  createdAt: Scalars['DateTime']['output'];
  /** Administrator who created it. */
  createdBy: Scalars['String']['output'];
  /** Department (部门) the key acts for. */
  department: Scalars['String']['output'];
  /** Expiry, if any. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** Key id. */
  id: Scalars['ID']['output'];
  /** Last use (updated asynchronously). */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** What the key is for (e.g. 市场监管许可审批系统). */
  name: Scalars['String']['output'];
  /** First characters of the key (chk_<prefix>_…), to recognise it. */
  prefix: Scalars['String']['output'];
  /** Revocation time; a revoked key is refused. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** Administrator who revoked it. */
  revokedBy: Maybe<Scalars['String']['output']>;
  /** Scopes. */
  scopes: Array<ApiKeyScope>;
};

/** Scopes (权限范围) of a departmental system's API key. */
export type ApiKeyScope =
  /** 个人信息 — see unmasked personal data of the own department, with a stated purpose */
  | 'PERSONAL'
  /** 读取 — read shared data and the own department's data */
  | 'READ'
  /** 写入 — write the own department's records */
  | 'WRITE';

/** Who applies. */
export type ApplicantKind =
  /** An authorised agent (授权委托书 required) */
  | 'AGENT'
  /** The subject itself (its 法人 account) */
  | 'SUBJECT';

/** A measure that applied in a check, as the version in force at the time of the check. */
export type AppliedMeasure = {
  __typename?: 'AppliedMeasure';
  /** Measure code. */
  code: Scalars['ID']['output'];
  /** What the officer does. */
  content: Scalars['String']['output'];
  /** Kind. */
  kind: MeasureKind;
  /** Chinese label of the kind. */
  kindLabel: Scalars['String']['output'];
  /** Legal basis. */
  legalBasis: LegalBasis;
  /** Chinese name. */
  name: Scalars['String']['output'];
  /** The subject's lists that triggered it. */
  triggeredBy: Array<CreditList>;
  /** The version applied. */
  version: Scalars['Int']['output'];
};

/**
 * 拖欠中小企业账款 — money a government body or public institution owes an enterprise past its due date
 * (《保障中小企业款项支付条例》, 国务院令第728号), with the payments made since.
 */
export type Arrears = {
  __typename?: 'Arrears';
  /** 欠款金额 (元) — the amount owed when recorded. */
  amount: Scalars['Float']['output'];
  /** Date it was paid in full (the latest payment's date); null until cleared. */
  clearedOn: Maybe<Scalars['Date']['output']>;
  /** The enterprise owed (企业, 个体工商户 or 农民专业合作社). */
  creditor: CreditSubject;
  /**
   * Days past the due date: until today (China time) while not cleared, until the clearing date once cleared;
   * 0 when paid by the due date.
   */
  daysOverdue: Scalars['Int']['output'];
  /** The owing body (机关 or 事业单位). */
  debtor: CreditSubject;
  /** What the money is for, e.g. 工程款 or 货款, with the contract. */
  description: Scalars['String']['output'];
  /** 约定付款日期 — the agreed payment date. */
  dueOn: Scalars['Date']['output'];
  /**
   * Record id. Public, unlike the rest: a department system with only the write scope learns what it wrote
   * (the object is reachable only through SHARED fields and the office's mutations, so nobody else sees it).
   */
  id: Scalars['ID']['output'];
  /** 未支付金额 (元) — amount less payments. */
  outstandingAmount: Scalars['Float']['output'];
  /** Whether it is not cleared and its due date has passed (China time). */
  overdue: Scalars['Boolean']['output'];
  /** 已支付金额 (元) — paid since. */
  paidAmount: Scalars['Float']['output'];
  /** Payments, oldest first. */
  payments: Array<ArrearsPayment>;
  /** Date the arrear was recorded (登记日期). */
  recordedOn: Scalars['Date']['output'];
  /** Administrative division of the owing body (行政区划代码). */
  regionCode: Scalars['String']['output'];
  /** Status. */
  status: ArrearsStatus;
  /** Chinese label of the status, e.g. 部分支付. */
  statusLabel: Scalars['String']['output'];
};

/** A page of arrears. */
export type ArrearsConnection = {
  __typename?: 'ArrearsConnection';
  /** Arrears of this page with cursors. */
  edges: Array<ArrearsEdge>;
  /** Arrears of this page. */
  nodes: Array<Arrears>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching arrears (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** An arrear in a page. */
export type ArrearsEdge = {
  __typename?: 'ArrearsEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The arrear. */
  node: Arrears;
};

/** Input of recordArrears. */
export type ArrearsInput = {
  /** Amount owed (元), more than 0, at most two decimals. */
  amount: Scalars['Float']['input'];
  /** USCC of the enterprise owed: 企业 (91…), 个体工商户 (92…) or 农民专业合作社 (93…). */
  creditorCode: Scalars['ID']['input'];
  /** USCC of the owing body: a government body (11…) or public institution (12…). */
  debtorCode: Scalars['ID']['input'];
  /** What the money is for, e.g. 工程款 with the contract name. */
  description: Scalars['String']['input'];
  /** Agreed payment date; not after `recordedOn` (an arrear is money not paid when due). */
  dueOn: Scalars['Date']['input'];
  /** Date recorded; defaults to today (China time), not in the future. */
  recordedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Division of the body; taken from the debtor's USCC (positions 3–8) when omitted. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** A payment against an arrear. */
export type ArrearsPayment = {
  __typename?: 'ArrearsPayment';
  /** Amount paid (元). */
  amount: Scalars['Float']['output'];
  /** Payment id. */
  id: Scalars['ID']['output'];
  /** Date paid. */
  paidOn: Scalars['Date']['output'];
};

/** Status of an arrear (拖欠账款状态). */
export type ArrearsStatus =
  /** 已清偿 — paid in full */
  | 'CLEARED'
  /** 未支付 — nothing paid yet */
  | 'OUTSTANDING'
  /** 部分支付 — partly paid */
  | 'PARTLY_PAID';

/** Audited actions (审计动作). */
export type AuditAction =
  /** Look-up of a person by ID number */
  | 'LOOKUP'
  /** Read of non-public subject data */
  | 'READ'
  /** Read of unmasked personal data */
  | 'READ_PERSONAL'
  /** A write */
  | 'WRITE';

/** An entry of the audit trail (审计日志): who read or wrote what, when, why and from where. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** What kind of access. */
  action: AuditAction;
  /** Who (actor id). */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** Client address and key. */
  client: Scalars['String']['output'];
  /** Department of the actor. */
  department: Maybe<Scalars['String']['output']>;
  /** Details of a write. */
  detail: Maybe<Scalars['String']['output']>;
  /** Fields read, or the operation written. */
  fields: Array<Scalars['String']['output']>;
  /** Hash of this entry (chained to the previous one). */
  hash: Scalars['String']['output'];
  /** Stated purpose (查询事由). */
  purpose: Maybe<Scalars['String']['output']>;
  /** Request id, to follow one request across subgraphs. */
  requestId: Scalars['String']['output'];
  /** Role of the actor. */
  role: Role;
  /** Sequence number in the hash chain. */
  seq: Scalars['ID']['output'];
  /** Subgraph that served the data. */
  subgraph: Scalars['String']['output'];
  /** The subject concerned (统一社会信用代码 or person key). */
  subjectCode: Maybe<Scalars['ID']['output']>;
};

/** A page of audit entries, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** Entries with cursors. */
  edges: Array<AuditEntryEdge>;
  /** Entries. */
  nodes: Array<AuditEntry>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** An audit entry in a page. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** 行政机关 — an authority of the register, with the department it belongs to. */
export type Authority = {
  __typename?: 'Authority';
  /** 统一社会信用代码 of the authority. */
  code: Scalars['ID']['output'];
  /** Department (DEPARTMENTS code). */
  department: Scalars['String']['output'];
  /** Name. */
  name: Scalars['String']['output'];
  /** Region code (GB/T 2260). */
  regionCode: Scalars['String']['output'];
};

/** An authority to add to the register. */
export type AuthorityInput = {
  /** 统一社会信用代码 of the authority. */
  code: Scalars['String']['input'];
  /** Department (DEPARTMENTS code). */
  department: Scalars['String']['input'];
  /** Name. */
  name: Scalars['String']['input'];
  /** Region code (GB/T 2260, six digits). */
  regionCode: Scalars['String']['input'];
};

/** Input of reportBusinessDecisions: a decision the department made (for 应查未查). */
export type BusinessDecisionInput = {
  /** Decision date (China), not in the future. */
  decidedOn: Scalars['Date']['input'];
  /** Business matter. */
  matter: BusinessMatter;
  /** The department's reference of the decision (e.g. licence or tender number), at most 200 characters. */
  reference: Scalars['String']['input'];
  /** The subject decided about: USCC or person key. */
  subject: Scalars['ID']['input'];
};

/** Result of reportBusinessDecisions. */
export type BusinessDecisionReport = {
  __typename?: 'BusinessDecisionReport';
  /** Decisions received. */
  received: Scalars['Int']['output'];
  /** New decisions recorded. */
  recorded: Scalars['Int']['output'];
  /** Decisions already known (same department, matter, reference and subject) whose date was updated. */
  updated: Scalars['Int']['output'];
};

/** Business matters (业务事项) in which departments check credit before deciding. */
export type BusinessMatter =
  /** 招标投标 — bidding */
  | 'BIDDING'
  /** 公务员录用 — civil-servant hiring */
  | 'CIVIL_SERVANT_HIRING'
  /** 评优评先 — honours and awards */
  | 'HONOURS'
  /** 行政许可审批 — licence approval */
  | 'LICENSING'
  /** 日常监管与双随机抽查 — routine supervision and random inspections */
  | 'MARKET_SUPERVISION'
  /** 政府采购 — public procurement */
  | 'PUBLIC_PROCUREMENT'
  /** 国有土地出让 — state land transfer */
  | 'STATE_LAND'
  /** 财政资金补贴 — subsidies and public funds */
  | 'SUBSIDY'
  /** 涉税事项办理 — tax services (invoices, filings) */
  | 'TAX_SERVICE';

/** The caller as the hub sees it (当前调用者). */
export type Caller = {
  __typename?: 'Caller';
  /** Actor id: token subject, apikey:<id>, or anonymous. */
  actor: Scalars['String']['output'];
  /** Department (部门) of an officer or system. */
  department: Maybe<Scalars['String']['output']>;
  /** The stated purpose (查询事由) of this request, from the x-purpose header. */
  purpose: Maybe<Scalars['String']['output']>;
  /** Role. */
  role: Role;
  /** Scopes of a system's API key. */
  scopes: Array<ApiKeyScope>;
};

/** Where a 失信被执行人 case stands today (名单状态), computed from its dates against the clock. */
export type CaseStatus =
  /** 在列 — on the list and published: not withdrawn, and its term (if any) not ended */
  | 'ACTIVE'
  /**
   * 期满 — the term (纳入期限) has ended but the court has not yet recorded the deletion (due within three working
   * days, 第十条第二款); not public, not a credit-check hit; visible to government users only
   */
  | 'EXPIRED'
  /** 已删除/撤销 — the court recorded a deletion or revocation; visible to government users only */
  | 'WITHDRAWN';

/** Outcome of a credit check: the most severe kind among the measures that apply, or CLEAR when none does. */
export type CheckAction =
  /** 通过 — no measure applies */
  | 'CLEAR'
  /** 激励 */
  | 'INCENTIVE'
  /** 拦截 */
  | 'INTERCEPT'
  /** 提示 */
  | 'REMIND'
  /** 限制 */
  | 'RESTRICT';

/** Input of reportCheckFeedback: one measure's outcome. */
export type CheckFeedbackInput = {
  /** Whether the officer applied it. */
  applied: Scalars['Boolean']['input'];
  /** Code of a measure the check returned (incentives included). */
  measureCode: Scalars['ID']['input'];
  /** Required when not applied (不执行理由), at most 500 characters. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** Whether a citation was checked against the text of the document it names. */
export type CitationStatus =
  /** 待核实 — not (or not fully) read yet: confirm before relying on it (see note) */
  | 'TO_VERIFY'
  /** 已核实 — title, number and article were read in a copy of the text (see sources) */
  | 'VERIFIED';

/** How far a legal basis was verified, and where (docs/credit-checks.md lists every citation). */
export type CitationVerification = {
  __typename?: 'CitationVerification';
  /** What was and was not verified, and open points. */
  note: Maybe<Scalars['String']['output']>;
  /** Where the citation was read (addresses of copies of the text). */
  sources: Array<Scalars['String']['output']>;
  /** Status. */
  status: CitationStatus;
  /** Status in Chinese: 已核实 / 待核实. */
  statusLabel: Scalars['String']['output'];
};

/**
 * 政府承诺 — a commitment a government body made publicly or in a contract (e.g. an investment-attraction
 * promise, 招商引资承诺), tracked to its fulfilment (政府承诺 + 社会监督 + 失信问责).
 */
export type Commitment = {
  __typename?: 'Commitment';
  /** The committing body. */
  body: CreditSubject;
  /** What was promised, e.g. 招商引资承诺: 给予企业三年租金减免. */
  content: Scalars['String']['output'];
  /** Date by which it is to be fulfilled. */
  dueOn: Scalars['Date']['output'];
  /** Evidence of the fulfilment or of the breach. */
  evidence: Maybe<Scalars['String']['output']>;
  /** Date fulfilled, or the date it was found broken. */
  fulfilledOn: Maybe<Scalars['Date']['output']>;
  /** Record id (public like Arrears.id: the id of a write goes back to a write-only system). */
  id: Scalars['ID']['output'];
  /** Date the commitment was made. */
  madeOn: Scalars['Date']['output'];
  /** Whether it is still PENDING after its due date (China time): overdue, not yet judged broken. */
  overdue: Scalars['Boolean']['output'];
  /** Administrative division of the body. */
  regionCode: Scalars['String']['output'];
  /** Status. */
  status: CommitmentStatus;
  /** Chinese label of the status, e.g. 待履行. */
  statusLabel: Scalars['String']['output'];
};

/** Input of recordCommitment. */
export type CommitmentInput = {
  /** USCC of the committing body: a government body (11…) or public institution (12…). */
  bodyCode: Scalars['ID']['input'];
  /** What was promised. */
  content: Scalars['String']['input'];
  /** Date by which it is to be fulfilled, not before `madeOn`. */
  dueOn: Scalars['Date']['input'];
  /** Date made, not in the future. */
  madeOn: Scalars['Date']['input'];
  /** Division of the body; taken from its USCC when omitted. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** How a commitment ended: the two values `recordCommitmentFulfilment` accepts. */
export type CommitmentResolution =
  /** 未履行（违约）— broken */
  | 'BROKEN'
  /** 已履行 — fulfilled */
  | 'FULFILLED';

/** Fulfilment of a 政府承诺. */
export type CommitmentStatus =
  /** 未履行（违约）— broken */
  | 'BROKEN'
  /** 已履行 — fulfilled */
  | 'FULFILLED'
  /** 待履行 — not yet fulfilled */
  | 'PENDING';

/**
 * A 政府违约 complaint (e.g. "新官不理旧账": a new administration ignoring its predecessor's commitments), with
 * its handling.
 */
export type Complaint = {
  __typename?: 'Complaint';
  /** The body complained about. */
  body: CreditSubject;
  /** Who complained, when known (an enterprise's USCC or a person key). */
  complainant: Maybe<CreditSubject>;
  /** The complaint. */
  content: Scalars['String']['output'];
  /** Date handled. */
  handledOn: Maybe<Scalars['Date']['output']>;
  /** Handling note (处理意见). */
  handlingNote: Maybe<Scalars['String']['output']>;
  /** Record id (public like Arrears.id: the id of a write goes back to a write-only system). */
  id: Scalars['ID']['output'];
  /** Outcome. */
  outcome: ComplaintOutcome;
  /** Chinese label of the outcome, e.g. 投诉成立. */
  outcomeLabel: Scalars['String']['output'];
  /** Date received. */
  receivedOn: Scalars['Date']['output'];
  /** Administrative division of the body. */
  regionCode: Scalars['String']['output'];
};

/** Input of recordComplaint. */
export type ComplaintInput = {
  /** USCC of the body complained about: a government body (11…) or public institution (12…). */
  bodyCode: Scalars['ID']['input'];
  /** USCC or person key of the complainant, when known. */
  complainantCode?: InputMaybe<Scalars['ID']['input']>;
  /** The complaint. */
  content: Scalars['String']['input'];
  /** Date received, not in the future. */
  receivedOn: Scalars['Date']['input'];
  /** Division of the body; taken from its USCC when omitted. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** Outcome of a 政府违约 complaint. */
export type ComplaintOutcome =
  /** 待处理 — not yet handled */
  | 'PENDING'
  /** 投诉不成立 — rejected */
  | 'REJECTED'
  /** 已解决 — resolved (e.g. the body paid or performed after the complaint) */
  | 'RESOLVED'
  /** 投诉成立 — upheld: the body broke its word or contract */
  | 'UPHELD';

/** How a complaint was handled: the values `recordComplaintOutcome` accepts. */
export type ComplaintResolution =
  /** 投诉不成立 — rejected */
  | 'REJECTED'
  /** 已解决 — resolved */
  | 'RESOLVED'
  /** 投诉成立 — upheld */
  | 'UPHELD';

/**
 * A 限制消费令 (consumption-restriction order, 最高人民法院关于限制被执行人高消费及有关消费的若干规定): the debtor,
 * and for an organisation the person restricted with it, may not make high consumption.
 */
export type ConsumptionRestriction = {
  __typename?: 'ConsumptionRestriction';
  /** 执行案号 — the execution case the order was issued in. */
  caseNumber: Scalars['String']['output'];
  /** 执行法院 — issuing court. */
  courtName: Scalars['String']['output'];
  /** Order id. */
  id: Scalars['ID']['output'];
  /** 发布日期 — date the order was issued. */
  issuedOn: Scalars['Date']['output'];
  /** 解除原因 — why the order was lifted. */
  liftReason: Maybe<Scalars['String']['output']>;
  /** 解除日期 — date the order was lifted. */
  liftedOn: Maybe<Scalars['Date']['output']>;
  /** 行政区划代码 — administrative division of the subject. */
  regionCode: Scalars['String']['output'];
  /**
   * 被限制人员 — the person restricted (for an organisation its 法定代表人、主要负责人、影响债务履行的直接责任人员
   * 或实际控制人), masked for the public.
   */
  restrictedPerson: Maybe<Scalars['String']['output']>;
  /** 状态 — in force or lifted. */
  status: RestrictionStatus;
  /** The restricted subject (被限制消费人). */
  subject: CreditSubject;
};

/** Input of issueConsumptionRestriction: a 限制消费令. */
export type ConsumptionRestrictionInput = {
  /** 执行案号 of the case the order was issued in. */
  caseNumber: Scalars['String']['input'];
  /** 执行法院 (its full name, ending in 法院). */
  courtName: Scalars['String']['input'];
  /** 发布日期, not in the future. */
  issuedOn: Scalars['Date']['input'];
  /** 行政区划代码: required for a natural person, else taken from the USCC. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 被限制人员: for an organisation, the person restricted with it. */
  restrictedPerson?: InputMaybe<Scalars['String']['input']>;
  /** The restricted subject: USCC or person key. */
  subjectCode: Scalars['ID']['input'];
};

/** Input of createApiKey. */
export type CreateApiKeyInput = {
  /** Department code (platform, tax, court, market, environment, government). */
  department: Scalars['String']['input'];
  /** Optional expiry. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What the key is for. */
  name: Scalars['String']['input'];
  /** Scopes; at least one. */
  scopes: Array<ApiKeyScope>;
};

/** A newly created key: `key` is shown once and never again. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  /** The key's record. */
  apiKey: ApiKey;
  /** The key itself (chk_…): hand it to the department's system now; only its hash is kept. */
  key: Scalars['String']['output'];
};

/** A recorded credit check (信用核查记录). */
export type CreditCheck = {
  __typename?: 'CreditCheck';
  /** The resulting action. */
  action: CheckAction;
  /** Chinese label of the action, e.g. 拦截. */
  actionLabel: Scalars['String']['output'];
  /** When the check was made. */
  checkedAt: Scalars['DateTime']['output'];
  /** Department of the caller (null for a supervisor's check). */
  department: Maybe<Scalars['String']['output']>;
  /** The current feedback per measure (自动反馈), in measure order. */
  feedback: Array<MeasureFeedback>;
  /** Check id (UUID): quote it in reportCheckFeedback. */
  id: Scalars['ID']['output'];
  /** The lists the subject was on at the time of the check. */
  lists: Array<CreditListInfo>;
  /** Business matter. */
  matter: BusinessMatter;
  /** Chinese label of the matter. */
  matterLabel: Scalars['String']['output'];
  /** The measures that apply in the matter, most severe first. */
  measures: Array<AppliedMeasure>;
  /** The caller's reference. */
  reference: Maybe<Scalars['String']['output']>;
  /** The checked subject. */
  subject: CreditSubject;
  /** Incentives the subject would get, withheld because it is on a black list (守信激励 is for the trustworthy only). */
  withheldIncentives: Array<AppliedMeasure>;
};

/** Check statistics of one department, matter and period. */
export type CreditCheckStatistics = {
  __typename?: 'CreditCheckStatistics';
  /** Checks made. */
  checks: Scalars['Int']['output'];
  /** Checks ending CLEAR (通过). */
  clear: Scalars['Int']['output'];
  /** Checking department (null for supervisors' checks). */
  department: Maybe<Scalars['String']['output']>;
  /** Checks ending in INCENTIVE (激励). */
  incentives: Scalars['Int']['output'];
  /** Checks ending in INTERCEPT (拦截). */
  interceptions: Scalars['Int']['output'];
  /** Business matter. */
  matter: BusinessMatter;
  /** Chinese label of the matter. */
  matterLabel: Scalars['String']['output'];
  /** Period label, e.g. 2026-11 or 2026-11-21. */
  period: Scalars['String']['output'];
  /** Period start (the day, or the first of the month). */
  periodStart: Scalars['Date']['output'];
  /** Checks ending in REMIND (提示). */
  reminders: Scalars['Int']['output'];
  /** Checks ending in RESTRICT (限制). */
  restrictions: Scalars['Int']['output'];
  /** Distinct subjects found on at least one list. */
  subjectsOnLists: Scalars['Int']['output'];
};

/**
 * A subject's 公共信用综合评价 (composite public credit evaluation): base score plus the contribution of every
 * indicator of the model, kept within the model's scale, graded by the model's bands, with the 分级分类监管
 * supervision level that grade maps to. Explainable item by item: base score + Σ points = score (unless the
 * scale's bounds clipped it).
 */
export type CreditEvaluation = {
  __typename?: 'CreditEvaluation';
  /** Base score the indicators add to or deduct from (基础分). */
  baseScore: Scalars['Int']['output'];
  /** When this result was first computed from these inputs with this model version (评价时间). */
  evaluatedAt: Scalars['DateTime']['output'];
  /** Every indicator of the model, in model order, with its contribution (0 when it does not apply). */
  explanation: Array<EvaluationItem>;
  /** Grade code from the model's bands, e.g. EXCELLENT. */
  grade: Scalars['String']['output'];
  /** Chinese label of the grade (等级), e.g. 优秀, 良好, 中等, 较差. */
  gradeLabel: Scalars['String']['output'];
  /** The model itself (public: the model is policy). */
  model: EvaluationModel;
  /** Code of the evaluation model (评价模型) that produced it. */
  modelCode: Scalars['String']['output'];
  /** Version of that model. */
  modelVersion: Scalars['Int']['output'];
  /** Score on the model's scale (the default models: 0–1000). */
  score: Scalars['Int']['output'];
  /** The evaluated subject. */
  subject: CreditSubject;
  /** 分级分类监管: the supervision level this grade maps to, with its 双随机 sampling ratio. */
  supervision: SupervisionLevel;
};

/** Credit lists (信用名单) a check matches, each kept by one department and derived from its current flag. */
export type CreditList =
  /** 经营异常名录 — market supervision, 重点关注 */
  | 'ABNORMAL_OPERATION'
  /** A级纳税人 — tax, red list */
  | 'A_LEVEL_TAXPAYER'
  /** 限制消费人员 (限制消费令) — courts, 重点关注 */
  | 'CONSUMPTION_RESTRICTED'
  /** 失信被执行人 — courts, black list */
  | 'DISHONEST_DEBTOR'
  /** 环境信用黑名单 (红牌 环保不良, and 黑牌 where five grades are used) — environment, black list */
  | 'ENVIRONMENTAL_BLACKLIST'
  /** 环保诚信企业 — environment, red list */
  | 'ENVIRONMENTAL_INTEGRITY'
  /** 环保警示企业 (黄牌) — environment, 重点关注 */
  | 'ENVIRONMENTAL_WATCH'
  /** 高频失信主体 (5 or more published penalties in 3 years) — 双公示, 重点关注 */
  | 'HIGH_FREQUENCY_OFFENDER'
  /** 重大税收违法失信主体 — tax, black list */
  | 'MAJOR_TAX_VIOLATOR'
  /** 严重违法失信名单 — market supervision, black list */
  | 'SERIOUS_ILLEGAL';

/** A credit list with its type and keeping department. */
export type CreditListInfo = {
  __typename?: 'CreditListInfo';
  /** Department code that keeps it (court, tax, market, environment, platform). */
  department: Scalars['String']['output'];
  /** Chinese name of the department, e.g. 人民法院. */
  departmentLabel: Scalars['String']['output'];
  /** Chinese name, e.g. 失信被执行人. */
  label: Scalars['String']['output'];
  /** The list. */
  list: CreditList;
  /** Red, black or 重点关注. */
  type: CreditListType;
  /** Chinese label of the type, e.g. 黑名单. */
  typeLabel: Scalars['String']['output'];
};

/** Type of a credit list. */
export type CreditListType =
  /** 黑名单 — 失信惩戒 */
  | 'BLACK'
  /** 红名单 — 守信激励 */
  | 'RED'
  /** 重点关注名单 — watch list */
  | 'WATCH';

/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubject = {
  __typename?: 'CreditSubject';
  /**
   * Entries on the 经营异常名录 (abnormal-operation list) of an enterprise or 农民专业合作社, or the 经营异常状态 marks of a
   * 个体工商户 (`kind` tells which), newest first. The public sees entries in force; removed (移出/恢复正常记载状态) and
   * revoked (撤销) entries need SHARED access and `includeRemoved`.
   */
  abnormalOperations: Maybe<Array<AbnormalOperation>>;
  /**
   * Administrative licences (行政许可) granted to the subject, newest decision first. The public sees licences that are
   * 有效 (XK_ZT = 1) and not past 有效期至; `includeExpired` (SHARED) adds the others.
   */
  administrativeLicences: Maybe<Array<AdministrativeLicence>>;
  /**
   * Administrative penalties (行政处罚) about the subject, newest decision first. The public sees penalties inside
   * their publicity period (公示期) and not repaired (信用修复); `includeExpired` (SHARED) adds the others.
   */
  administrativePenalties: Maybe<Array<AdministrativePenalty>>;
  /** Annual reports (年度报告), newest year first, each with its on-time status. */
  annualReports: Maybe<Array<AnnualReport>>;
  /**
   * Arrears this subject owes as the debtor (拖欠中小企业账款: what a government body or public institution
   * owes), newest record first; cleared ones included. Empty for subjects that owe none.
   */
  arrearsOwed: Maybe<Array<Arrears>>;
  /**
   * Arrears owed to this subject as the creditor (what government bodies and public institutions owe an
   * enterprise), newest record first; cleared ones included.
   */
  arrearsOwedToSubject: Maybe<Array<Arrears>>;
  /**
   * The subject's key: the 18-character USCC for organisations; for natural persons a 22-character person
   * key starting with NP, derived from the ID number with the platform's secret so that departments can
   * join a person without the raw 居民身份证号码 appearing in the graph.
   */
  code: Scalars['ID']['output'];
  /** Policy commitments (政府承诺) this body made, newest first, with their fulfilment. */
  commitments: Maybe<Array<Commitment>>;
  /** 政府违约 complaints against this body (as the body complained about), newest first, with their outcome. */
  complaints: Maybe<Array<Complaint>>;
  /**
   * The subject's 限制消费令 (consumption-restriction orders), newest first. The public sees orders in force;
   * lifted (已解除) orders need SHARED access and `includeLifted`.
   */
  consumptionRestrictions: Maybe<Array<ConsumptionRestriction>>;
  /**
   * 信用核查 (credit check) of the subject before a business decision: the red, black and 重点关注 lists it is on
   * now (from the departments' current flags: withdrawn, removed, repaired or expired records never count), the
   * 联合奖惩 measures of the catalogue that apply in the matter, and the resulting action. Every check is
   * recorded with the caller, its department and the result; its id is what 自动反馈 (reportCheckFeedback)
   * answers. A query that records (docs/adr/0050-credit-check-stays-a-query.md): with an `idempotencyKey`, a
   * repeat by the same caller for the same subject and matter records nothing and returns the check made first.
   * Government users (officers, systems with the read scope); refused with REQUIRED_FIELDS_UNAVAILABLE when a
   * department's list status did not arrive, rather than answered CLEAR without it.
   */
  creditCheck: Maybe<CreditCheck>;
  /**
   * 公共信用综合评价 (composite public credit evaluation): a score, a grade and the 分级分类监管 supervision
   * level, computed by the active evaluation model for the subject's kind from the departments' records, with
   * every indicator's contribution and source records. Null for kinds without an active model (natural
   * persons). Refused with REQUIRED_FIELDS_UNAVAILABLE when a department the model needs did not answer.
   * Each evaluation is also stored (the population of 双随机 inspection draws).
   */
  creditEvaluation: Maybe<CreditEvaluation>;
  /** 排污许可证 (pollutant-discharge permits) issued to the subject, latest validity first, with their status. */
  dischargePermits: Maybe<Array<DischargePermit>>;
  /**
   * The subject's 失信被执行人 cases (dishonest judgment-debtor cases), newest filing first. The public sees the
   * cases on the list today (ACTIVE: published, not withdrawn, within their term); cases past their term (EXPIRED)
   * and withdrawn ones (删除/撤销) need SHARED access and `includeWithdrawn`. Null (with an error naming the court
   * subgraph) when the court subgraph is unavailable.
   */
  dishonestDebtorCases: Maybe<Array<DishonestDebtorCase>>;
  /** 环境行政处罚 (environmental administrative penalties) decided against the subject, newest decision first. */
  environmentalPenalties: Maybe<Array<EnvironmentalPenalty>>;
  /**
   * The 企业环境信用评价 (environmental credit rating) in force today: the newest rating published and still valid
   * (the rating of year Y counts until the rating of Y+1 is due, in Y+2 as the province configures); null when the
   * subject has none in force, however many old ones it has.
   */
  environmentalRating: Maybe<EnvironmentalRating>;
  /** Every year's 企业环境信用评价, newest year first (history: `inForce` tells which one counts today). */
  environmentalRatings: Maybe<Array<EnvironmentalRating>>;
  /** Date of establishment (成立日期). */
  establishedOn: Maybe<Scalars['Date']['output']>;
  /** Industry section (国民经济行业分类门类), if known. */
  industry: Maybe<Industry>;
  /**
   * The yearly 政务诚信 evaluation of a government body or public institution, computed from the courts'
   * 失信被执行人 status, its overdue arrears, broken commitments and upheld complaints; every deduction is
   * listed with its source. Null for other kinds of subject. Defaults to the current year (China time); the
   * courts publish only the current status, so it counts in the current year's evaluation only. Refused
   * (REQUIRED_FIELDS_UNAVAILABLE) when the courts' status is missing rather than computed without it.
   */
  integrityEvaluation: Maybe<IntegrityEvaluation>;
  /**
   * Whether the subject is an A-level taxpayer (A级纳税人, 红名单): with `year`, whether that evaluation year's rating
   * was A (history); without, whether the rating in force today is A — the one that grants red-list incentives. An
   * old A that is no longer in force grants none.
   */
  isALevelTaxpayer: Maybe<Scalars['Boolean']['output']>;
  /**
   * 动态清零 status of a government body or public institution: true when it is not a 失信被执行人 and owes no
   * overdue arrears; null for other kinds of subject, or when the courts' status is unavailable.
   */
  isClearedOfDishonesty: Maybe<Scalars['Boolean']['output']>;
  /** Whether a 限制消费令 is currently in force against the subject (限制高消费). */
  isConsumptionRestricted: Maybe<Scalars['Boolean']['output']>;
  /**
   * Whether the subject is on the 失信被执行人 list today: at least one case that is not withdrawn and whose term
   * (纳入期限) has not ended. A case leaves the list on the day after its last day, without any job running.
   */
  isDishonestDebtor: Maybe<Scalars['Boolean']['output']>;
  /** Whether the subject is an 环保诚信企业 (environmental integrity enterprise, 红名单): its rating in force is GREEN. */
  isEnvironmentalIntegrityEnterprise: Maybe<Scalars['Boolean']['output']>;
  /**
   * Whether the subject is a high-frequency offender (高频失信主体): 5 or more administrative penalties decided within
   * the last 3 years that are still published (a local definition, see docs/rules/disclosure.md).
   */
  isHighFrequencyOffender: Maybe<Scalars['Boolean']['output']>;
  /**
   * Whether the subject (an enterprise or 农民专业合作社) is on the 经营异常名录 today. Always false for a 个体工商户, which
   * is marked, not listed: see `isMarkedAbnormal`.
   */
  isInAbnormalOperationList: Maybe<Scalars['Boolean']['output']>;
  /** Whether the subject is currently published as a 重大税收违法失信主体 (within its publicity period and not removed). */
  isMajorTaxViolator: Maybe<Scalars['Boolean']['output']>;
  /** Whether the subject (a 个体工商户) is marked 经营异常状态 today (《个体工商户年度报告暂行办法》). */
  isMarkedAbnormal: Maybe<Scalars['Boolean']['output']>;
  /**
   * Whether the subject is on the environmental black list (黑名单): its rating in force is RED (环保不良, 红牌) or, where
   * five grades are used, BLACK (黑牌) — in both scales (环发〔2013〕150号: 惩戒性措施 for 环保不良企业).
   */
  isOnEnvironmentalBlacklist: Maybe<Scalars['Boolean']['output']>;
  /**
   * Whether the subject is on the environmental 重点关注 (watch) list: its rating in force is YELLOW (环保警示, 黄牌) —
   * in both scales (环发〔2013〕150号: 严格管理, 约束性措施 for 环保警示企业).
   */
  isOnEnvironmentalWatchList: Maybe<Scalars['Boolean']['output']>;
  /**
   * Whether the subject is on the 严重违法失信名单 today: an entry listed, within its term and not removed. An entry
   * ends by itself the day after its three years (总局令第44号), without any write.
   */
  isSeriousIllegal: Maybe<Scalars['Boolean']['output']>;
  /** Kind of subject (主体类别), derived from the USCC's first two characters. */
  kind: SubjectKind;
  /** Chinese label of the kind (e.g. 企业, 个体工商户), for display. */
  kindLabel: Scalars['String']['output'];
  /**
   * Legal representative or person in charge (法定代表人/负责人): personal data, masked (e.g. 王*明) unless
   * the caller may see it and stated a purpose.
   */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /**
   * Entries on the list of 重大税收违法失信主体 (major tax violators, 黑名单), newest first. The public sees
   * entries inside their publicity period; removed (撤出) and expired entries need SHARED access and
   * `includeRemoved`.
   */
  majorTaxViolations: Array<MajorTaxViolation>;
  /**
   * Name (名称). Natural persons' names are personal data: masked (e.g. 张*三) unless the caller may see
   * them and stated a purpose.
   */
  name: Scalars['String']['output'];
  /**
   * Number of administrative penalties (行政处罚) about the subject that are published today (China time): inside their
   * publicity period (公示期) and not repaired (信用修复). Other departments' rules (e.g. the evaluation) read it through
   * federation.
   */
  publishedPenaltyCount: Maybe<Scalars['Int']['output']>;
  /**
   * The window's marks on the subject's records (异议处理中, 修复办理中, whether 申请信用修复 is open), one per record the
   * window knows of. Null (with an error naming the repair subgraph) when it is unavailable.
   */
  recordMarks: Maybe<Array<RecordMark>>;
  /** Administrative division of the registration authority (登记管理机关行政区划), from USCC positions 3–8. */
  region: Region;
  /**
   * Registration data (登记信息) held by the registration authority; null when the subject is not in the market
   * register (only enterprises 91…, 个体工商户 92… and 农民专业合作社 93… are).
   */
  registration: Maybe<Registration>;
  /** Registration status (登记状态). */
  registrationStatus: RegistrationStatus;
  /**
   * Entries on the 严重违法失信名单 (black list), newest listing first. The public sees entries in force today (listed,
   * within their three-year term, not removed early); expired, removed and revoked entries need SHARED access and
   * `includeRemoved`.
   */
  seriousIllegalListings: Maybe<Array<SeriousIllegalListing>>;
  /** Of the published penalties, how many are of the severe tier (严重失信). */
  severePenaltyCount: Maybe<Scalars['Int']['output']>;
  /**
   * The tax credit rating (纳税信用级别) of one evaluation year, whatever its age; when `year` is omitted, the rating
   * in force today (null when none is): the rating of year Y counts from its determination (April of Y+1) until the
   * rating of Y+1 is due (30 April of Y+2).
   */
  taxCreditRating: Maybe<TaxCreditRating>;
  /**
   * Yearly tax credit ratings (纳税信用评价结果) of every level and age, newest year first (history: `inForce` tells
   * which one counts today). Only A-level results are published; the others are shared with government users.
   */
  taxCreditRatings: Maybe<Array<TaxCreditRating>>;
  /**
   * Number of administrative licences (行政许可) of the subject the public sees today: 有效 (XK_ZT = 1) and not past
   * 有效期至. Other departments' rules (e.g. the evaluation's 资质 indicator) read it through federation.
   */
  validLicenceCount: Maybe<Scalars['Int']['output']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectAbnormalOperationsArgs = {
  includeRemoved?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectAdministrativeLicencesArgs = {
  includeExpired?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectAdministrativePenaltiesArgs = {
  includeExpired?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectConsumptionRestrictionsArgs = {
  includeLifted?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectCreditCheckArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  matter: BusinessMatter;
  reference?: InputMaybe<Scalars['String']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectDishonestDebtorCasesArgs = {
  includeWithdrawn?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectIntegrityEvaluationArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectIsALevelTaxpayerArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectMajorTaxViolationsArgs = {
  includeRemoved?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectSeriousIllegalListingsArgs = {
  includeRemoved?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
 * USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
 * extends this entity with its own records.
 */
export type CreditSubjectTaxCreditRatingArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of credit subjects (Relay connection). */
export type CreditSubjectConnection = {
  __typename?: 'CreditSubjectConnection';
  /** The subjects of this page with their cursors. */
  edges: Array<CreditSubjectEdge>;
  /** The subjects of this page. */
  nodes: Array<CreditSubject>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of subjects matching the search (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** A credit subject in a page, with its cursor. */
export type CreditSubjectEdge = {
  __typename?: 'CreditSubjectEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The subject. */
  node: CreditSubject;
};

/** 被执行人类别 — kind of debtor. */
export type DebtorKind =
  /** 自然人 — a natural person, identified by a person key */
  | 'NATURAL_PERSON'
  /** 法人或非法人组织 — an organisation, identified by its USCC */
  | 'ORGANISATION';

/** Result of declaring decisions. */
export type DeclareDecisionsResult = {
  __typename?: 'DeclareDecisionsResult';
  /** Decisions already in the register (unchanged). */
  alreadyDeclared: Scalars['Int']['output'];
  /** Decisions newly declared. */
  declared: Scalars['Int']['output'];
};

/** A decision of a department's register (决定台账): the source of the *due* count. */
export type DeclaredDecisionInput = {
  /** Deciding authority's USCC (must belong to the caller's department). */
  authorityCode: Scalars['String']['input'];
  /** Decision date. */
  decidedOn: Scalars['Date']['input'];
  /** Decision document number (CF_WSH / XK_WSH). */
  documentNumber: Scalars['String']['input'];
  /** CF or XK. */
  kind: DisclosureKind;
};

/** A pollutant-discharge permit (排污许可证, 《排污许可管理条例》). */
export type DischargePermit = {
  __typename?: 'DischargePermit';
  /** 发证机关 — issuing authority, e.g. 杭州市生态环境局. */
  authority: Scalars['String']['output'];
  /** Permit id. */
  id: Scalars['ID']['output'];
  /** 行业类别 — industry as the permit states it, e.g. 纺织品制造. */
  industry: Scalars['String']['output'];
  /** 许可证编号 (HJ 608-2017): the holder's USCC, a 3-digit sequence and P, e.g. 91330106MA2H7K3AX0001P. */
  permitNumber: Scalars['String']['output'];
  /** Administrative division of the holder (行政区划代码). */
  regionCode: Scalars['String']['output'];
  /** Status today (China time): a VALID permit past its last valid day is EXPIRED. */
  status: DischargePermitStatus;
  /** Chinese label of the status, e.g. 有效. */
  statusLabel: Scalars['String']['output'];
  /** The permit holder (排污单位). */
  subject: CreditSubject;
  /** 有效期限自 — first valid day. */
  validFrom: Scalars['Date']['output'];
  /** 有效期限至 — last valid day. */
  validUntil: Scalars['Date']['output'];
};

/** Input of issueDischargePermit: a newly issued 排污许可证 (status VALID). */
export type DischargePermitInput = {
  /** 发证机关. */
  authority: Scalars['String']['input'];
  /** 行业类别. */
  industry: Scalars['String']['input'];
  /** 许可证编号: the holder's USCC, a 3-digit sequence (001–999) and P; unique. */
  permitNumber: Scalars['String']['input'];
  /** Administrative division; taken from the USCC when omitted. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** USCC of the permit holder. */
  subjectCode: Scalars['ID']['input'];
  /** 有效期限自. */
  validFrom: Scalars['Date']['input'];
  /** 有效期限至: after validFrom, at most five years later (《排污许可管理条例》第十四条). */
  validUntil: Scalars['Date']['input'];
};

/** Status of a 排污许可证. */
export type DischargePermitStatus =
  /** 已注销 — cancelled */
  | 'CANCELLED'
  /** 已过期 — the validity period has ended (a permit past its last valid day shows this) */
  | 'EXPIRED'
  /** 已撤销 — revoked */
  | 'REVOKED'
  /** 有效 — within its validity period */
  | 'VALID';

/** How a row reached the platform. */
export type DisclosureChannel =
  /** Bulk import command */
  | 'FILE'
  /** GraphQL mutation */
  | 'GRAPHQL'
  /** HTTP upload */
  | 'UPLOAD';

/** 证件类型 — ID document type (…_ZJLX), codes 01–05 in files. */
export type DisclosureIdType =
  /** 05 外国人永久居留身份证 — foreigner's permanent residence ID card */
  | 'FOREIGN_PERMANENT_RESIDENT'
  /** 03 港澳居民来往内地通行证 — Hong Kong and Macao residents' travel permit */
  | 'HK_MACAO_PASS'
  /** 01 身份证 — resident identity card */
  | 'ID_CARD'
  /** 02 护照 — passport */
  | 'PASSPORT'
  /** 04 台湾居民来往大陆通行证 — Taiwan residents' travel permit */
  | 'TAIWAN_PASS';

/** A decision reported late or not compliant (a metrics drill-down). */
export type DisclosureIssue = {
  __typename?: 'DisclosureIssue';
  /** Authority USCC. */
  authorityCode: Scalars['String']['output'];
  /**
   * The 7th working day after the decision (chineseCalendar); null when it falls in a year whose holiday notice the
   * calendar does not hold yet (not guessed).
   */
  deadline: Maybe<Scalars['Date']['output']>;
  /** Decision date. */
  decidedOn: Scalars['Date']['output'];
  /** Department. */
  department: Scalars['String']['output'];
  /** Decision document number. */
  documentNumber: Scalars['String']['output'];
  /** First receipt (any submission, valid or not); null when never received. */
  firstReceivedAt: Maybe<Scalars['DateTime']['output']>;
  /** Whether the first submission failed validation. */
  firstSubmissionFailed: Scalars['Boolean']['output'];
  /** CF or XK. */
  kind: DisclosureKind;
  /**
   * Working days from the deadline to the first receipt (or to today when never received); null when they cannot be
   * counted (see deadline).
   */
  workingDaysLate: Maybe<Scalars['Int']['output']>;
};

/** CF (行政处罚) or XK (行政许可). */
export type DisclosureKind =
  /** 行政处罚 — penalty */
  | 'CF'
  /** 行政许可 — licence */
  | 'XK';

/** Period granularity of the quality metrics (by decision date, China time). */
export type DisclosurePeriod =
  /** 日 — day */
  | 'DAY'
  /** 月 — month */
  | 'MONTH'
  /** 季 — quarter */
  | 'QUARTER';

/**
 * 双公示 quality of one department in one period (definitions in docs/disclosure.md). Rates are null when their
 * denominator is 0.
 */
export type DisclosureQuality = {
  __typename?: 'DisclosureQuality';
  /** 合规率 = compliant / reported. */
  complianceRate: Maybe<Scalars['Float']['output']>;
  /** 合规 — reported whose first submission passed validation. */
  compliant: Scalars['Int']['output'];
  /** Department (DEPARTMENTS code). */
  department: Scalars['String']['output'];
  /** Department name. */
  departmentName: Scalars['String']['output'];
  /** 应报 — distinct decisions decided in the period (declared register ∪ received). */
  due: Scalars['Int']['output'];
  /** Period label: 2025-03-10, 2025-03 or 2025-Q1. */
  period: Scalars['String']['output'];
  /** First day of the period. */
  periodStart: Scalars['Date']['output'];
  /** 已报 — of those, received at least once. */
  reported: Scalars['Int']['output'];
  /** 上报率 = reported / due. */
  reportingRate: Maybe<Scalars['Float']['output']>;
  /** 及时率 = timely / (reported − timelinessUndetermined). */
  timelinessRate: Maybe<Scalars['Float']['output']>;
  /**
   * 及时性待定 — reported decisions whose 7-working-day deadline cannot be counted yet: it falls in a year whose
   * holiday notice the working-day calendar does not hold (docs/rules/calendar.md). Counted neither timely nor late.
   */
  timelinessUndetermined: Scalars['Int']['output'];
  /** 及时 — reported whose first receipt was within 7 working days of the decision. */
  timely: Scalars['Int']['output'];
};

/** A department's place in the quality ranking over a date range. */
export type DisclosureRankingEntry = {
  __typename?: 'DisclosureRankingEntry';
  /** The department's totals over the range. */
  quality: DisclosureQuality;
  /** 1-based rank. */
  rank: Scalars['Int']['output'];
  /** Ranking score: the mean of 上报率, 合规率 and 及时率 (missing rates count as 0). */
  score: Scalars['Float']['output'];
};

/** 行政相对人类别 — category of the subject of a decision (CF_XDR_LB / XK_XDR_LB). */
export type DisclosureSubjectCategory =
  /** 个体工商户 — individual business */
  | 'INDIVIDUAL_BUSINESS'
  /** 法人及非法人组织 — legal persons and unincorporated organisations */
  | 'LEGAL_ENTITY'
  /** 自然人 — natural person */
  | 'NATURAL_PERSON';

/**
 * 失信行为具体情形 — the six behaviours for which a debtor is listed (最高人民法院 法释〔2017〕7号 第一条), in the order
 * of its items (一)–(六).
 */
export type DishonestBehaviour =
  /** (三) 以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行 — evading execution by false litigation or arbitration, or by hiding or moving assets */
  | 'EVADING_EXECUTION'
  /** (二) 以伪造证据、暴力、威胁等方法妨碍、抗拒执行 — obstructing or resisting execution by forged evidence, violence or threats */
  | 'OBSTRUCTING_EXECUTION'
  /** (一) 有履行能力而拒不履行生效法律文书确定义务 — refusing to perform the obligation despite being able to (no fixed term) */
  | 'REFUSING_DESPITE_ABILITY'
  /** (六) 无正当理由拒不履行执行和解协议 — refusing without cause to perform a settlement agreement */
  | 'REFUSING_SETTLEMENT'
  /** (五) 违反限制消费令 — violating a consumption-restriction order */
  | 'VIOLATING_CONSUMPTION_RESTRICTION'
  /** (四) 违反财产报告制度 — violating the property-reporting rules */
  | 'VIOLATING_PROPERTY_REPORTING';

/**
 * A 失信被执行人 case (dishonest judgment-debtor case), with every item 法释〔2017〕7号 第六条 requires.
 * Natural persons' names and ID numbers are masked for the public.
 */
export type DishonestDebtorCase = {
  __typename?: 'DishonestDebtorCase';
  /** 年龄 — a natural person's age at publication, from the ID number. */
  age: Maybe<Scalars['Int']['output']>;
  /** 执行依据文号 — number of the enforced document, e.g. (2023)浙0106民初5678号. */
  basisDocumentNumber: Scalars['String']['output'];
  /** 做出执行依据单位 — the body that issued the enforced document (court, arbitration commission …). */
  basisIssuer: Scalars['String']['output'];
  /** Chinese labels of the behaviours (e.g. 有履行能力而拒不履行生效法律文书确定义务). */
  behaviourLabels: Array<Scalars['String']['output']>;
  /** 失信行为具体情形 — the listing behaviours (one or more), in the order of 第一条's items. */
  behaviours: Array<DishonestBehaviour>;
  /** 执行案号 — execution case number, normalised to half-width parentheses, e.g. (2019)皖1122执1194号. */
  caseNumber: Scalars['String']['output'];
  /**
   * Whether a 限制消费令 is in force against the debtor in this case: 法释〔2015〕17号 第一条第二款 requires the court to
   * restrict the consumption of a listed debtor.
   */
  consumptionRestrictionInForce: Scalars['Boolean']['output'];
  /** 执行法院 — executing court, e.g. 杭州市西湖区人民法院. */
  courtName: Scalars['String']['output'];
  /** 被执行人类别 — kind of debtor. */
  debtorKind: DebtorKind;
  /** 被执行人姓名/名称 — debtor's name; a natural person's name is masked for the public (张*三). */
  debtorName: Scalars['String']['output'];
  /** 纳入决定日期 — the day the listing decision was made; it takes effect that day and the term counts from it. */
  decidedOn: Scalars['Date']['output'];
  /**
   * 删除期限 — the last day for the court to delete or revoke: three working days after the ground arose, or after
   * the term's last day (法释〔2017〕7号 第九条、第十条). Null when no deadline applies (early deletion, the case still
   * on the list) or when it cannot be counted yet (a year the working-day calendar does not hold).
   */
  deletionDeadline: Maybe<Scalars['Date']['output']>;
  /**
   * Whether an expired case's deletion is overdue today (its three working days have passed without a recorded
   * deletion); null for a case that is not EXPIRED.
   */
  deletionOverdue: Maybe<Scalars['Boolean']['output']>;
  /** 立案时间 — filing date of the execution case. */
  filedOn: Scalars['Date']['output'];
  /** 情形发生日期 — the day the ground arose (the term's last day for PERIOD_ENDED). */
  groundArisenOn: Maybe<Scalars['Date']['output']>;
  /** 身份证号码 — a natural person's ID number, masked for the public (3301061980****1234). */
  idNumber: Maybe<Scalars['String']['output']>;
  /** 纳入方式 — applied for (依申请) or of the court's own motion (依职权); null when not recorded. */
  initiation: Maybe<ListingInitiation>;
  /** 法定代表人或者负责人姓名 — legal representative of an organisation, masked for the public. */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** 纳入期限届满日 — the last day on the list (null: no fixed term). From the day after, the case is not public. */
  listedUntil: Maybe<Scalars['Date']['output']>;
  /** 生效法律文书确定的义务 — the obligation the effective legal document imposes. */
  obligation: Scalars['String']['output'];
  /** 履行情况 — performance of the obligation. */
  performance: PerformanceStatus;
  /** Chinese label of the performance (全部未履行 / 部分未履行). */
  performanceLabel: Scalars['String']['output'];
  /** 已履行部分 — the performed part (only when partly performed). */
  performedPart: Maybe<Scalars['String']['output']>;
  /** 发布时间 — publication date. */
  publishedOn: Scalars['Date']['output'];
  /** 行政区划代码 — administrative division of the debtor (GB/T 2260). */
  regionCode: Scalars['String']['output'];
  /** 性别 (男/女) — a natural person's sex, from the ID number. */
  sex: Maybe<Scalars['String']['output']>;
  /** 名单状态 today — ACTIVE, EXPIRED (term ended, deletion pending) or WITHDRAWN. */
  status: CaseStatus;
  /** The debtor as a credit subject (被执行人). */
  subject: CreditSubject;
  /** 延长理由 — the ground of the extension. */
  termExtensionGround: Maybe<TermExtensionGround>;
  /** 延长说明 — the court's reason for the extension, as recorded. */
  termExtensionReason: Maybe<Scalars['String']['output']>;
  /** 延长年限 — years added to the term (0–3, 第二条第一款). */
  termExtensionYears: Scalars['Int']['output'];
  /**
   * 纳入期限（年）— the term in years before any extension: 2 when any of items (二)–(六) applies (第二条第一款); null
   * for item (一) alone, listed until performance or another 第十条第一款 ground.
   */
  termYears: Maybe<Scalars['Int']['output']>;
  /** 未履行部分 — the unperformed part. */
  unperformedPart: Maybe<Scalars['String']['output']>;
  /** 法律依据 — the article the ground comes from (e.g. 法释〔2017〕7号 第十条第二款). */
  withdrawalBasis: Maybe<Scalars['String']['output']>;
  /** 删除 or 撤销. */
  withdrawalKind: Maybe<WithdrawalKind>;
  /** 删除/撤销说明 — the court's note on the withdrawal. */
  withdrawalNote: Maybe<Scalars['String']['output']>;
  /** 删除/撤销原因 — the ground. */
  withdrawalReason: Maybe<WithdrawalReason>;
  /** Chinese label of the ground (e.g. 纳入期限届满). */
  withdrawalReasonLabel: Maybe<Scalars['String']['output']>;
  /** Whether a withdrawal was recorded after its deadline; null when no deadline applies or none can be counted. */
  withdrawnLate: Maybe<Scalars['Boolean']['output']>;
  /** 删除/撤销日期 — date the court recorded the deletion or revocation. */
  withdrawnOn: Maybe<Scalars['Date']['output']>;
};

/** A page of 失信被执行人 cases. */
export type DishonestDebtorCaseConnection = {
  __typename?: 'DishonestDebtorCaseConnection';
  /** Cases of this page with cursors. */
  edges: Array<DishonestDebtorCaseEdge>;
  /** Cases of this page. */
  nodes: Array<DishonestDebtorCase>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching cases (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** A case in a page. */
export type DishonestDebtorCaseEdge = {
  __typename?: 'DishonestDebtorCaseEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The case. */
  node: DishonestDebtorCase;
};

/** Input of publishDishonestDebtorCase: a 失信被执行人 listing decision with the items 法释〔2017〕7号 第六条 requires. */
export type DishonestDebtorCaseInput = {
  /** 执行依据文号. */
  basisDocumentNumber: Scalars['String']['input'];
  /** 做出执行依据单位. */
  basisIssuer: Scalars['String']['input'];
  /** 失信行为具体情形: one or more, each once. */
  behaviours: Array<DishonestBehaviour>;
  /**
   * 执行案号 of an 执行实施 case (执 or 执恢), e.g. (2024)浙0106执1234号, or before 2016 (2015)厦执字第281号;
   * full-width parentheses are normalised.
   */
  caseNumber: Scalars['String']['input'];
  /** 执行法院 (its full name, ending in 法院). */
  courtName: Scalars['String']['input'];
  /** 被执行人类别; must agree with the subject code (USCC → ORGANISATION, person key → NATURAL_PERSON). */
  debtorKind: DebtorKind;
  /** 被执行人姓名/名称. */
  debtorName: Scalars['String']['input'];
  /** 纳入决定日期: not before filing, not after publication, not in the future. */
  decidedOn: Scalars['Date']['input'];
  /** 立案时间: in the case number's year (收案年度), not in the future. */
  filedOn: Scalars['Date']['input'];
  /**
   * 身份证号码 (居民身份证号码, GB 11643; a 15-digit first-generation number is upgraded): required for a natural
   * person; sex and age are taken from it, and a debtor under 18 on the decision day is refused (第四条).
   */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 纳入方式 (optional): APPLICATION is refused within six months of a deletion the applicant asked for in this case. */
  initiation?: InputMaybe<ListingInitiation>;
  /** 法定代表人或者负责人姓名: required for an organisation, not allowed for a natural person. */
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** 生效法律文书确定的义务. */
  obligation: Scalars['String']['input'];
  /** 履行情况. */
  performance: PerformanceStatus;
  /** 已履行部分: required when PARTLY_PERFORMED, not allowed when NONE_PERFORMED. */
  performedPart?: InputMaybe<Scalars['String']['input']>;
  /** 发布时间: not in the future, not before the decision. */
  publishedOn: Scalars['Date']['input'];
  /** 行政区划代码: required for a natural person, else taken from the USCC. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** The debtor: USCC (统一社会信用代码) of an organisation, or person key of a natural person. */
  subjectCode: Scalars['ID']['input'];
  /** 延长理由: required with an extension, and must fit the behaviours. */
  termExtensionGround?: InputMaybe<TermExtensionGround>;
  /** 延长说明: required with an extension. */
  termExtensionReason?: InputMaybe<Scalars['String']['input']>;
  /** 延长年限 (0–3, default 0): only for a listing with a term, with `termExtensionGround` and `termExtensionReason`. */
  termExtensionYears?: InputMaybe<Scalars['Int']['input']>;
  /** 未履行部分: required when PARTLY_PERFORMED. */
  unperformedPart?: InputMaybe<Scalars['String']['input']>;
};

/**
 * 企业环境信用评价 grades by card colour, best first. Nationally four (环发〔2013〕150号: 环保诚信, 环保良好, 环保警示,
 * 环保不良); some provinces add a fifth, black card, with their own names (`gradeLabel` and `environmentalGrades` give
 * the names this hub is configured with). A hub configured for four grades (the default) refuses BLACK as input.
 */
export type EnvironmentalGrade =
  /** 黑牌 — the fifth grade of five-grade provinces; the black list */
  | 'BLACK'
  /** 蓝牌 — 环保良好 in the national scheme */
  | 'BLUE'
  /** 绿牌 — 环保诚信 in the national scheme; the red list */
  | 'GREEN'
  /** 红牌 — 环保不良 in the national scheme; the black list */
  | 'RED'
  /** 黄牌 — 环保警示 in the national scheme; the 重点关注 (watch) list */
  | 'YELLOW';

/** A grade as this hub uses it, with its labels. */
export type EnvironmentalGradeDefinition = {
  __typename?: 'EnvironmentalGradeDefinition';
  /** Whether subjects rated this grade (in force) are on the environmental black list. */
  blacklist: Scalars['Boolean']['output'];
  /** Colour label (牌色), e.g. 绿牌. */
  colourLabel: Scalars['String']['output'];
  /** The grade. */
  grade: EnvironmentalGrade;
  /** Chinese label as configured, e.g. 环保诚信. */
  label: Scalars['String']['output'];
  /** Whether subjects rated this grade (in force) are on the environmental 重点关注 (watch) list. */
  watchList: Scalars['Boolean']['output'];
};

/** An environmental administrative penalty (环境行政处罚), published under 双公示 within 7 working days of the decision. */
export type EnvironmentalPenalty = {
  __typename?: 'EnvironmentalPenalty';
  /** 处罚机关 — deciding authority, e.g. 杭州市生态环境局西湖分局. */
  authority: Scalars['String']['output'];
  /** 处罚决定日期 — decision date. */
  decidedOn: Scalars['Date']['output'];
  /** 处罚决定书文号 — decision number, e.g. 杭西环罚〔2025〕12号. */
  decisionNumber: Scalars['String']['output'];
  /** 违法事实 — the facts. */
  facts: Scalars['String']['output'];
  /** 罚款金额 (元) — fine in yuan; 0 when no fine was imposed. */
  fine: Scalars['Float']['output'];
  /** Penalty id. */
  id: Scalars['ID']['output'];
  /** 处罚依据 — legal basis, e.g. 《中华人民共和国水污染防治法》第八十三条. */
  legalBasis: Scalars['String']['output'];
  /** Administrative division of the subject (行政区划代码). */
  regionCode: Scalars['String']['output'];
  /** The penalised subject. */
  subject: CreditSubject;
  /** 违法行为类型 — type of violation, e.g. 超标排放水污染物. */
  violationType: Scalars['String']['output'];
};

/** A page of environmental penalties. */
export type EnvironmentalPenaltyConnection = {
  __typename?: 'EnvironmentalPenaltyConnection';
  /** Penalties of this page with cursors. */
  edges: Array<EnvironmentalPenaltyEdge>;
  /** Penalties of this page. */
  nodes: Array<EnvironmentalPenalty>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching penalties (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** A penalty in a page. */
export type EnvironmentalPenaltyEdge = {
  __typename?: 'EnvironmentalPenaltyEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The penalty. */
  node: EnvironmentalPenalty;
};

/** Input of recordEnvironmentalPenalty: one 环境行政处罚 decision. */
export type EnvironmentalPenaltyInput = {
  /** 处罚机关. */
  authority: Scalars['String']['input'];
  /** 处罚决定日期, not in the future (China time). */
  decidedOn: Scalars['Date']['input'];
  /** 处罚决定书文号; one record per decision. */
  decisionNumber: Scalars['String']['input'];
  /** 违法事实. */
  facts: Scalars['String']['input'];
  /** 罚款金额 (元), 0 or more, at most two decimals. */
  fine: Scalars['Float']['input'];
  /** 处罚依据. */
  legalBasis: Scalars['String']['input'];
  /** Administrative division; taken from the USCC when omitted. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** USCC of the penalised subject. */
  subjectCode: Scalars['ID']['input'];
  /** 违法行为类型. */
  violationType: Scalars['String']['input'];
};

/**
 * A yearly 企业环境信用评价 (environmental credit rating) of one subject. The grade is published; the scores the
 * department recorded for the four indicator areas (21 indicators: 污染防治, 生态保护, 环境管理, 社会监督) are for the
 * environment department and supervisors. There is no total score: 环发〔2013〕150号 grades by indicator criteria and
 * by 一票否决, not by a sum, so a computed total would look official without being so.
 */
export type EnvironmentalRating = {
  __typename?: 'EnvironmentalRating';
  /** Evaluating authority (评价机关), e.g. 杭州市生态环境局. */
  authority: Scalars['String']['output'];
  /** Colour label (牌色): 绿牌, 蓝牌, 黄牌, 红牌 or 黑牌. */
  colourLabel: Scalars['String']['output'];
  /** 生态保护 (ecological protection) score, 0–100. */
  ecologicalProtection: Maybe<Scalars['Float']['output']>;
  /** 环境管理 (environmental management) score, 0–100. */
  environmentalManagement: Maybe<Scalars['Float']['output']>;
  /** Date the result was determined and published (评价日期): the rating counts from this day. */
  evaluatedOn: Scalars['Date']['output'];
  /** Grade (评价等级). */
  grade: EnvironmentalGrade;
  /** Chinese label of the grade as this hub is configured: 环保诚信, 环保良好, 环保警示 or 环保不良 nationally. */
  gradeLabel: Scalars['String']['output'];
  /** Whether this rating is the one that counts today (published, not past validUntil, no newer one in force). */
  inForce: Scalars['Boolean']['output'];
  /** Industry section (门类, GB/T 4754-2017), e.g. C 制造业; null when not recorded. */
  industryCode: Maybe<Scalars['String']['output']>;
  /**
   * 污染防治 (pollution prevention) score, 0–100. The scores are nullable so that a caller who may not read them
   * (FORBIDDEN, with the field named) still gets the rest of the rating.
   */
  pollutionPrevention: Maybe<Scalars['Float']['output']>;
  /** Administrative division of the subject (行政区划代码). */
  regionCode: Scalars['String']['output'];
  /** 社会监督 (social supervision) score, 0–100. */
  socialSupervision: Maybe<Scalars['Float']['output']>;
  /** The rated subject. */
  subject: CreditSubject;
  /** Last day this rating counts: the day in year + 2 the province's next results are due (default 31 December). */
  validUntil: Scalars['Date']['output'];
  /** Rating year (评价年度): the year whose conduct was evaluated. */
  year: Scalars['Int']['output'];
};

/** A page of environmental credit ratings. */
export type EnvironmentalRatingConnection = {
  __typename?: 'EnvironmentalRatingConnection';
  /** Ratings of this page with cursors. */
  edges: Array<EnvironmentalRatingEdge>;
  /** Ratings of this page. */
  nodes: Array<EnvironmentalRating>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching ratings (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** A rating in a page. */
export type EnvironmentalRatingEdge = {
  __typename?: 'EnvironmentalRatingEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The rating. */
  node: EnvironmentalRating;
};

/**
 * Input of publishEnvironmentalRating: one subject's 企业环境信用评价 of one year. Publishing a year again
 * replaces that year's rating.
 */
export type EnvironmentalRatingInput = {
  /** Evaluating authority (评价机关). */
  authority: Scalars['String']['input'];
  /** 生态保护 score, 0–100, at most two decimals. */
  ecologicalProtection: Scalars['Float']['input'];
  /** 环境管理 score, 0–100, at most two decimals. */
  environmentalManagement: Scalars['Float']['input'];
  /** Date the result was determined, not in the future (China time), not before the rating year. */
  evaluatedOn: Scalars['Date']['input'];
  /** Grade; BLACK only where five grades are used. */
  grade: EnvironmentalGrade;
  /** Industry section (门类, GB/T 4754-2017: A–T). */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  /** 污染防治 score, 0–100, at most two decimals. */
  pollutionPrevention: Scalars['Float']['input'];
  /** Administrative division; taken from the USCC (positions 3–8) when omitted. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 社会监督 score, 0–100, at most two decimals. */
  socialSupervision: Scalars['Float']['input'];
  /** USCC (统一社会信用代码) of the rated subject. */
  subjectCode: Scalars['ID']['input'];
  /** Rating year (评价年度), 2014 (环发〔2013〕150号) to the current year. */
  year: Scalars['Int']['input'];
};

/** A grade band (等级) of a model: scores from `minScore` up to the next better band. */
export type EvaluationGradeBand = {
  __typename?: 'EvaluationGradeBand';
  /** Grade code, e.g. EXCELLENT. */
  grade: Scalars['String']['output'];
  /** Chinese label, e.g. 优秀. */
  label: Scalars['String']['output'];
  /** Lowest score of the band (inclusive). */
  minScore: Scalars['Int']['output'];
  /** 分级分类监管 level of subjects in this band. */
  supervision: SupervisionLevel;
};

/** How a 过惩相当 group counts a fact its members share. */
export type EvaluationGroupMode =
  /** Distinct records among which one may be the fact behind another: deductions add up to the group's cap. */
  | 'CAPPED_SUM'
  /** One fact seen several ways: only the largest deduction counts (without a deduction, only the largest bonus). */
  | 'MAX';

/** An indicator of an evaluation model (评价指标). */
export type EvaluationIndicator = {
  __typename?: 'EvaluationIndicator';
  /** PER_RECORD: the most points the indicator may deduct or add in absolute value. */
  cap: Maybe<Scalars['Int']['output']>;
  /** Indicator code. */
  code: Scalars['String']['output'];
  /** Source department code. */
  department: Scalars['String']['output'];
  /** The 过惩相当 group the indicator belongs to, if any. */
  group: Maybe<Scalars['String']['output']>;
  /** The input it reads. */
  input: Scalars['String']['output'];
  /** Chinese name. */
  label: Scalars['String']['output'];
  /** LEVEL: points per level. */
  levelPoints: Maybe<Array<LevelPoints>>;
  /** LEVEL: points for a level not in the table, or no level at all. */
  otherwisePoints: Maybe<Scalars['Int']['output']>;
  /** FLAG: points when the flag is true. */
  points: Maybe<Scalars['Int']['output']>;
  /** PER_RECORD: points per record (negative: a deduction). */
  pointsPerRecord: Maybe<Scalars['Int']['output']>;
  /** The rule in Chinese. */
  rule: Scalars['String']['output'];
  /** Rule kind. */
  ruleKind: EvaluationRuleKind;
};

/**
 * A 过惩相当 group of an evaluation model (过罚相当 / 过惩相当, 国办发〔2020〕49号): indicators whose inputs can report the same
 * fact, counted once. A deduction in the group withholds the group's bonuses.
 */
export type EvaluationIndicatorGroup = {
  __typename?: 'EvaluationIndicatorGroup';
  /** CAPPED_SUM: the most the group deducts (or adds). */
  cap: Maybe<Scalars['Int']['output']>;
  /** Group code. */
  code: Scalars['String']['output'];
  /** Chinese name. */
  label: Scalars['String']['output'];
  /** How the group counts. */
  mode: EvaluationGroupMode;
  /** The rule in Chinese. */
  rule: Scalars['String']['output'];
};

/** One indicator's contribution to an evaluation (评价指标得分), with the input it read and the records it came from. */
export type EvaluationItem = {
  __typename?: 'EvaluationItem';
  /** Whether the indicator's cap limited the deduction (per-record rules). */
  capped: Scalars['Boolean']['output'];
  /** Indicator code, e.g. DISHONEST_DEBTOR. */
  code: Scalars['String']['output'];
  /** Source department code (court, tax, market, environment, disclosure, government). */
  department: Scalars['String']['output'];
  /** Chinese name of the source department, e.g. 人民法院. */
  departmentLabel: Scalars['String']['output'];
  /** The 过惩相当 group of the indicator (indicators that can count the same fact), if any. */
  group: Maybe<Scalars['String']['output']>;
  /** Why the group rule changed the points, in Chinese (e.g. 与“重大税收违法失信主体”为同一事实，已计入其扣分); null when it did not. */
  groupNote: Maybe<Scalars['String']['output']>;
  /** The input the indicator reads (e.g. dishonestDebtorCases, taxCreditLevel). */
  input: Scalars['String']['output'];
  /** Chinese name of the indicator, e.g. 失信被执行人. */
  label: Scalars['String']['output'];
  /** Points added (positive) or deducted (negative) after the 过惩相当 group rule; 0 when the indicator does not apply. */
  points: Scalars['Int']['output'];
  /** Points by the indicator's own rule, before its 过惩相当 group counted a shared fact once. */
  rawPoints: Scalars['Int']['output'];
  /** The department's records behind the value (case numbers, rating years, list entries). */
  records: Array<EvaluationSourceRecord>;
  /** The rule in Chinese, e.g. 每条扣150分，最多扣300分. */
  rule: Scalars['String']['output'];
  /** The input's value as read: true/false, a count, or a level; null when the department has no record (e.g. never rated). */
  value: Maybe<Scalars['String']['output']>;
};

/** A version of a 公共信用综合评价 model (评价模型): data, not code. Public: the model is policy. */
export type EvaluationModel = {
  __typename?: 'EvaluationModel';
  /** When it was activated; null while a draft. */
  activatedAt: Maybe<Scalars['DateTime']['output']>;
  /** Base score (基础分). */
  baseScore: Scalars['Int']['output'];
  /** Model code, e.g. HUB-ENTERPRISE. */
  code: Scalars['String']['output'];
  /** When this version was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The full definition as JSON text (the form createEvaluationModelVersion takes). */
  definitionJson: Scalars['String']['output'];
  /** Grade bands, best first, each with its supervision level. */
  grades: Array<EvaluationGradeBand>;
  /** 过惩相当 groups: indicators that can count the same fact, and how the group counts it once. */
  groups: Array<EvaluationIndicatorGroup>;
  /** Indicators, in evaluation order. */
  indicators: Array<EvaluationIndicator>;
  /** Highest possible score. */
  maxScore: Scalars['Int']['output'];
  /** Lowest possible score. */
  minScore: Scalars['Int']['output'];
  /** Chinese name of the model. */
  name: Scalars['String']['output'];
  /** When it was retired; null unless retired. */
  retiredAt: Maybe<Scalars['DateTime']['output']>;
  /** Lifecycle status. */
  status: EvaluationModelStatus;
  /** Subject kinds (主体类别) it evaluates. */
  subjectKinds: Array<SubjectKind>;
  /** Version, 1, 2, … per code. */
  version: Scalars['Int']['output'];
};

/** Lifecycle of an evaluation model version. */
export type EvaluationModelStatus =
  /** 启用 — the version in use for its subject kinds */
  | 'ACTIVE'
  /** 草稿 — created, not in use */
  | 'DRAFT'
  /** 停用 — replaced by a later activation */
  | 'RETIRED';

/** Input of createEvaluationModelVersion. */
export type EvaluationModelVersionInput = {
  /** Model code (capital letters, digits, hyphens); a new code starts at version 1. */
  code: Scalars['String']['input'];
  /**
   * The definition as JSON text: {baseScore, minScore, maxScore, indicators: [{code, label, department, input,
   * rule: {kind: FLAG, points} | {kind: PER_RECORD, pointsPerRecord, cap} | {kind: LEVEL, points: {level: n},
   * otherwise}, group?}], groups: [{code, label, mode: MAX | CAPPED_SUM, cap?}], grades: [{grade, label, minScore,
   * supervision: {level, label, samplingRatio}}]} — see docs/evaluation.md. Errors name the path (e.g.
   * definition.indicators[2].rule.cap) and the rule broken; two indicators that can count the same fact outside one
   * group are refused with rule DOUBLE_COUNTING.
   */
  definition: Scalars['String']['input'];
  /** Chinese name of the model. */
  name: Scalars['String']['input'];
  /** Subject kinds it evaluates. */
  subjectKinds: Array<SubjectKind>;
};

/** A record of a refresh run of the stored evaluations of a region (npm run evaluate): counts only, no subject data. */
export type EvaluationRefresh = {
  __typename?: 'EvaluationRefresh';
  /** Of those, how many got an evaluation (kinds without a model, e.g. natural persons, get none). */
  evaluatedSubjects: Scalars['Int']['output'];
  /** Refresh id. */
  id: Scalars['ID']['output'];
  /** When it finished. */
  recordedAt: Scalars['DateTime']['output'];
  /** Who ran it. */
  recordedBy: Scalars['String']['output'];
  /** Region refreshed (six digits). */
  regionCode: Scalars['String']['output'];
  /** Subjects the subject register listed for the region. */
  registeredSubjects: Scalars['Int']['output'];
};

/** Kind of scoring rule of an indicator. */
export type EvaluationRuleKind =
  /** Fixed points when a flag input is true (bonus if positive, deduction if negative). */
  | 'FLAG'
  /** A level → points table (e.g. tax level A → +80); `otherwisePoints` for other or missing levels. */
  | 'LEVEL'
  /** Points per record or per counted item, limited by a cap. */
  | 'PER_RECORD';

/** A department record an evaluation item is based on. */
export type EvaluationSourceRecord = {
  __typename?: 'EvaluationSourceRecord';
  /** What it is, in Chinese, e.g. 杭州市西湖区人民法院 2025-04-01 发布. */
  description: Scalars['String']['output'];
  /** The record's identifier in its department: a 执行案号, an entry id, a rating year. */
  id: Scalars['String']['output'];
};

/** The 较重行政处罚 (heavy administrative penalties) of 总局令第44号 第二条 a listing may rest on. */
export type HeavyPenaltyKind =
  /** 限制开展生产经营活动、责令停产停业、责令关闭、限制从业 */
  | 'BUSINESS_RESTRICTED'
  /** 依照行政处罚裁量基准按照从重处罚原则处以罚款 */
  | 'HEAVY_FINE'
  /** 吊销许可证件、营业执照 */
  | 'LICENCE_REVOKED'
  /** 法律、行政法规和部门规章规定的其他较重行政处罚 */
  | 'OTHER_HEAVY_PENALTY'
  /** 降低资质等级 */
  | 'QUALIFICATION_DOWNGRADED';

/** 高频失信主体 — a subject with 5 or more published penalties decided within 3 years (重点关注). */
export type HighFrequencyOffender = {
  __typename?: 'HighFrequencyOffender';
  /** Latest decision date. */
  latestDecidedOn: Scalars['Date']['output'];
  /** Published penalties decided within the last 3 years. */
  penaltyCount: Scalars['Int']['output'];
  /** Of those, severe ones. */
  severeCount: Scalars['Int']['output'];
  /** The subject. */
  subject: CreditSubject;
};

/** High-frequency offenders, most penalties first. */
export type HighFrequencyOffenderConnection = {
  __typename?: 'HighFrequencyOffenderConnection';
  /** Offenders. */
  nodes: Array<HighFrequencyOffender>;
  /** Paging. */
  pageInfo: PageInfo;
};

/**
 * A bulk import (批量导入) of a 双公示 file by a department: one job per (department, file content), advanced chunk by
 * chunk in the same transactions as the rows, so its counts are always exact and a re-run resumes it.
 */
export type ImportJob = {
  __typename?: 'ImportJob';
  /** New records (新增). */
  accepted: Scalars['Int']['output'];
  /** FILE (the command) or UPLOAD (HTTP). */
  channel: DisclosureChannel;
  /** When the file was first submitted. */
  createdAt: Scalars['DateTime']['output'];
  /** The submitting department (部门代码). */
  department: Scalars['String']['output'];
  /** Why the job failed, naming the columns or position at fault. */
  error: Maybe<Scalars['String']['output']>;
  /** The file's name as given by the submitter. */
  fileName: Maybe<Scalars['String']['output']>;
  /** When the last row was committed. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** CSV or JSON. */
  format: Scalars['String']['output'];
  /** Job id; also the submission id that keys the job's quarantine entries. */
  id: Scalars['ID']['output'];
  /** CF (行政处罚) or XK (行政许可). */
  kind: DisclosureKind;
  /** Share of the rows done, 0–1 (null until the rows are counted). */
  progress: Maybe<Scalars['Float']['output']>;
  /** Rows kept in the quarantine (隔离区) with their reasons; see `quarantine`. */
  quarantined: Scalars['Int']['output'];
  /** Rows received so far (= rowsDone). */
  received: Scalars['Int']['output'];
  /** Whether received = accepted + updated + quarantined (对账平衡). */
  reconciled: Scalars['Boolean']['output'];
  /** Last committed row number: everything up to here is stored and counted. */
  rowsDone: Scalars['Int']['output'];
  /** Data rows in the file, once it has been read through (before any row is stored). */
  rowsTotal: Maybe<Scalars['Int']['output']>;
  /** Runs of the file: 1, plus one per resumed re-run. */
  runs: Scalars['Int']['output'];
  /** SHA-256 of the file's bytes (with the department, the job's identity). */
  sha256: Scalars['String']['output'];
  /** Where the job is. */
  status: ImportJobStatus;
  /** Who submitted: `cli:<user>` for the command, the token subject or `apikey:<id>` for an upload. */
  submitter: Scalars['String']['output'];
  /** Of `updated`, rows identical to the stored record (no new revision). */
  unchanged: Scalars['Int']['output'];
  /** Rows for records that existed (更新), including identical resubmissions. */
  updated: Scalars['Int']['output'];
  /** Last progress. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of import jobs, newest first. */
export type ImportJobConnection = {
  __typename?: 'ImportJobConnection';
  /** The jobs. */
  nodes: Array<ImportJob>;
  /** Paging. */
  pageInfo: PageInfo;
};

/** State of a bulk import job (导入任务状态). */
export type ImportJobStatus =
  /** Every row of the file is accounted for: received = accepted + updated + quarantined = the file's rows. */
  | 'DONE'
  /** The file was refused before any row was stored (bad columns, not UTF-8, malformed), or a chunk failed. */
  | 'FAILED'
  /** Rows are being ingested, or the run was interrupted: re-running the same file resumes it. */
  | 'RUNNING';

/** Industry section (国民经济行业分类门类, GB/T 4754-2017). */
export type Industry = {
  __typename?: 'Industry';
  /** Section letter A–T (门类代码). */
  code: Scalars['String']['output'];
  /** Section name (门类名称). */
  name: Scalars['String']['output'];
};

/**
 * A 双随机 inspection sample (双随机抽查): subjects drawn at random from the stored evaluations of a region and
 * industry, stratified by supervision level; recorded for 一公开 and reproducible from its seed.
 */
export type InspectionSample = {
  __typename?: 'InspectionSample';
  /** When. */
  drawnAt: Scalars['DateTime']['output'];
  /** Who drew it (actor id). */
  drawnBy: Scalars['String']['output'];
  /** Draw id. */
  id: Scalars['ID']['output'];
  /** Industry filter; null for every industry. */
  industryCode: Maybe<Scalars['String']['output']>;
  /** The inspection matter (检查事项). */
  matter: Scalars['String']['output'];
  /** Size of the population (stored evaluations matching region and industry). */
  populationCount: Scalars['Int']['output'];
  /** The refresh those figures come from; null when none was recorded for this region. */
  refresh: Maybe<EvaluationRefresh>;
  /** Region filter (six digits). */
  regionCode: Scalars['String']['output'];
  /** The seed. */
  seed: Scalars['String']['output'];
  /** The subjects drawn (resolved by the other departments through the graph). */
  selected: Array<CreditSubject>;
  /** Codes of the subjects drawn, in code order. */
  selectedCodes: Array<Scalars['ID']['output']>;
  /** Strata by supervision level, A first. */
  strata: Array<InspectionStratum>;
  /**
   * Subjects of the region the subject register counted at the latest refresh (npm run evaluate) but that have
   * no stored evaluation, so could not be drawn; null when no refresh of this region was recorded.
   */
  unevaluatedSubjectCount: Maybe<Scalars['Int']['output']>;
};

/** A page of inspection samples, newest first. */
export type InspectionSampleConnection = {
  __typename?: 'InspectionSampleConnection';
  /** Samples of this page with cursors. */
  edges: Array<InspectionSampleEdge>;
  /** Samples of this page. */
  nodes: Array<InspectionSample>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** An inspection sample in a page. */
export type InspectionSampleEdge = {
  __typename?: 'InspectionSampleEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The sample. */
  node: InspectionSample;
};

/** Input of drawInspectionSample (双随机 draw). */
export type InspectionSampleInput = {
  /** Industry section or code prefix (GB/T 4754, e.g. C); omit for every industry. */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  /** The inspection matter (检查事项), e.g. 2026年度食品生产企业监督检查. */
  matter: Scalars['String']['input'];
  /** Region (行政区划代码, six digits); its subdivisions are included (330100 = 杭州市). */
  regionCode: Scalars['String']['input'];
  /** Random seed, 1–100 characters (e.g. announced before the draw): the same seed and population give the same sample. */
  seed: Scalars['String']['input'];
};

/** One supervision level's stratum of a 双随机 draw. */
export type InspectionStratum = {
  __typename?: 'InspectionStratum';
  /** Subjects drawn: ceil(population × ratio), at least 1 when the stratum is not empty. */
  drawn: Scalars['Int']['output'];
  /** Its Chinese label. */
  label: Scalars['String']['output'];
  /** Supervision level code. */
  level: Scalars['String']['output'];
  /** Subjects of the level in the population. */
  population: Scalars['Int']['output'];
  /** Sampling ratio applied. */
  samplingRatio: Scalars['Float']['output'];
};

/** One deduction of a 政务诚信 evaluation: what, why, how many points, and which record. */
export type IntegrityDeduction = {
  __typename?: 'IntegrityDeduction';
  /** Kind of deduction. */
  kind: IntegrityDeductionKind;
  /** Points deducted (0 for an item beyond its kind's cap: listed, not counted). */
  points: Scalars['Int']['output'];
  /** Reason in Chinese, naming the record, e.g. 拖欠中小企业账款逾期未清偿（工程款…）. */
  reason: Scalars['String']['output'];
  /** Where it comes from. */
  source: IntegrityDeductionSource;
  /** Id of the arrear, commitment or complaint; null for the courts. */
  sourceId: Maybe<Scalars['ID']['output']>;
};

/** Kinds of deduction of the 政务诚信 evaluation. */
export type IntegrityDeductionKind =
  /** 政府承诺未履行 — a broken commitment */
  | 'BROKEN_COMMITMENT'
  /** 被列为失信被执行人 — currently a dishonest judgment debtor (courts) */
  | 'DISHONEST_DEBTOR'
  /** 拖欠中小企业账款逾期未清偿 — an overdue arrear not cleared */
  | 'OVERDUE_ARREARS'
  /** 政府违约投诉成立 — an upheld complaint */
  | 'UPHELD_COMPLAINT';

/** Where a deduction comes from. */
export type IntegrityDeductionSource =
  /** An arrear of this subgraph (sourceId = its id) */
  | 'ARREARS'
  /** A commitment of this subgraph (sourceId = its id) */
  | 'COMMITMENT'
  /** A complaint of this subgraph (sourceId = its id) */
  | 'COMPLAINT'
  /** 人民法院 — the courts' 失信被执行人 list */
  | 'COURT';

/**
 * The yearly 政务诚信 evaluation of a government body or public institution: 100 points less the deductions
 * (never below 0), graded 诚信 / 基本诚信 / 失信风险 / 失信. Explainable item by item: the points of the
 * deductions add up to 100 − score (unless the score reached 0).
 */
export type IntegrityEvaluation = {
  __typename?: 'IntegrityEvaluation';
  /** The date the facts were taken at: 31 December of the year, or today (China time) for the current year. */
  asOf: Scalars['Date']['output'];
  /** Every deduction in model order (courts, arrears, commitments, complaints), records oldest first. */
  deductions: Array<IntegrityDeduction>;
  /** Grade. */
  grade: IntegrityGrade;
  /** Chinese label of the grade, e.g. 基本诚信. */
  gradeLabel: Scalars['String']['output'];
  /** Version of the evaluation model (src/evaluation.ts) that produced the score. */
  modelVersion: Scalars['String']['output'];
  /** Score, 0–100. */
  score: Scalars['Int']['output'];
  /** The evaluated body. */
  subject: CreditSubject;
  /** Evaluation year. */
  year: Scalars['Int']['output'];
};

/** 政务诚信 grades of the evaluation (thresholds in src/evaluation.ts). */
export type IntegrityGrade =
  /** 失信风险 — 60 ≤ score < 75 */
  | 'AT_RISK'
  /** 基本诚信 — 75 ≤ score < 90 */
  | 'BASICALLY_CREDITWORTHY'
  /** 诚信 — score ≥ 90 */
  | 'CREDITWORTHY'
  /** 失信 — score < 60 */
  | 'DISHONEST';

/** The legal basis (法律依据) of a measure: a law, regulation, rule or central policy document. */
export type LegalBasis = {
  __typename?: 'LegalBasis';
  /** Article or section (条款), e.g. 第二十二条; null when the whole document is the basis. */
  article: Maybe<Scalars['String']['output']>;
  /** The citation in Chinese, e.g. 《中华人民共和国政府采购法》第二十二条. */
  citation: Scalars['String']['output'];
  /** Document number (文号), e.g. 法释〔2017〕7号; null for a law. */
  documentNumber: Maybe<Scalars['String']['output']>;
  /** Document title without book-title marks, e.g. 中华人民共和国政府采购法. */
  title: Scalars['String']['output'];
  /** Whether the citation was verified against the text, and where. */
  verification: CitationVerification;
};

/** Points for one level of a LEVEL rule. */
export type LevelPoints = {
  __typename?: 'LevelPoints';
  /** Level, e.g. A or GREEN. */
  level: Scalars['String']['output'];
  /** Points. */
  points: Scalars['Int']['output'];
};

/** 许可类别 — licence category (XK_XKLB), codes 01–06 in files. */
export type LicenceCategory =
  /** 04 核准 — approval */
  | 'APPROVAL'
  /** 02 特许 — franchise */
  | 'FRANCHISE'
  /** 01 普通 — ordinary */
  | 'GENERAL'
  /** 06 其他 — other */
  | 'OTHER'
  /** 03 认可 — recognition */
  | 'RECOGNITION'
  /** 05 登记 — registration */
  | 'REGISTRATION';

/** A licence in the national format, with English field names (see PenaltyInput on optional fields). */
export type LicenceInput = {
  /** XK_XKJGDM 许可机关统一社会信用代码 */
  authorityCode?: InputMaybe<Scalars['String']['input']>;
  /** XK_XKJG 许可机关 */
  authorityName?: InputMaybe<Scalars['String']['input']>;
  /** XK_XDR_GSZC 工商注册号 */
  businessRegistrationNumber?: InputMaybe<Scalars['String']['input']>;
  /** XK_XKLB 许可类别 */
  category?: InputMaybe<LicenceCategory>;
  /** XK_XKZS 许可证书名称 */
  certificateName?: InputMaybe<Scalars['String']['input']>;
  /** XK_NR 许可内容 */
  content?: InputMaybe<Scalars['String']['input']>;
  /** XK_JDRQ 许可决定日期 */
  decidedOn?: InputMaybe<Scalars['Date']['input']>;
  /** XK_XKWS 行政许可决定文书名称 */
  documentName?: InputMaybe<Scalars['String']['input']>;
  /** XK_WSH 行政许可决定文书号 */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /** XK_FRDB 法定代表人 */
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** XK_FR_ZJHM 法定代表人证件号码 */
  legalRepresentativeIdNumber?: InputMaybe<Scalars['String']['input']>;
  /** XK_FR_ZJLX 法定代表人证件类型 */
  legalRepresentativeIdType?: InputMaybe<DisclosureIdType>;
  /** XK_XKBH 许可编号 */
  licenceNumber?: InputMaybe<Scalars['String']['input']>;
  /** XK_XDR_ZZJG 组织机构代码 */
  organisationCode?: InputMaybe<Scalars['String']['input']>;
  /** XK_XDR_SYDW 事业单位证书号 */
  publicInstitutionNumber?: InputMaybe<Scalars['String']['input']>;
  /** BZ 备注 */
  remarks?: InputMaybe<Scalars['String']['input']>;
  /** XK_XDR_SHZZ 社会组织登记证号 */
  socialOrganisationNumber?: InputMaybe<Scalars['String']['input']>;
  /** XK_LYDWDM 数据来源单位统一社会信用代码 */
  sourceCode?: InputMaybe<Scalars['String']['input']>;
  /** XK_LYDW 数据来源单位 */
  sourceName?: InputMaybe<Scalars['String']['input']>;
  /** XK_ZT 当前状态 */
  status?: InputMaybe<LicenceStatus>;
  /** XK_XDR_LB 行政相对人类别 */
  subjectCategory?: InputMaybe<DisclosureSubjectCategory>;
  /** XK_XDR_ZJHM 证件号码 */
  subjectIdNumber?: InputMaybe<Scalars['String']['input']>;
  /** XK_XDR_ZJLX 证件类型 */
  subjectIdType?: InputMaybe<DisclosureIdType>;
  /** XK_XDR_MC 行政相对人名称 */
  subjectName?: InputMaybe<Scalars['String']['input']>;
  /** XK_XDR_SWDJ 税务登记号 */
  taxRegistrationNumber?: InputMaybe<Scalars['String']['input']>;
  /** XK_XDR_SHXYM 统一社会信用代码 */
  uscc?: InputMaybe<Scalars['String']['input']>;
  /** XK_YXQZ 有效期自 */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** XK_YXQZI 有效期至 (2099-12-31 = 长期) */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** 状态 — licence status (XK_ZT): 1 有效, 2 无效. */
export type LicenceStatus =
  /** 2 无效 — invalid */
  | 'INVALID'
  /** 1 有效 — valid */
  | 'VALID';

/**
 * 纳入方式 — whether the listing was applied for by the applicant (依申请) or decided by the court of its own motion
 * (依职权); both are open to the court under 法释〔2017〕7号.
 */
export type ListingInitiation =
  /** 依申请 — on the applicant's request */
  | 'APPLICATION'
  /** 依职权 — by the court of its own motion */
  | 'EX_OFFICIO';

/** Publication status of a black-list entry, as of today in China. */
export type ListingStatus =
  /** 公布期满 — the three-year publicity period has ended (not public any more) */
  | 'EXPIRED'
  /** 公布中 — published and inside its publicity period */
  | 'PUBLISHED'
  /** 已撤出 — publication stopped early on a ground of 国家税务总局令第54号 (see TaxPublicationStopGround) */
  | 'REMOVED';

/** A 重大税收违法失信主体 entry (tax): the window's marks resolved here. */
export type MajorTaxViolation = {
  __typename?: 'MajorTaxViolation';
  /** 涉案金额 (元) — amount involved, in yuan. */
  amountInvolved: Maybe<Scalars['Float']['output']>;
  /** USCC of the deciding tax authority. */
  authorityCode: Scalars['String']['output'];
  /** Date the decision was served (决定书送达日期). */
  decisionServedOn: Scalars['Date']['output'];
  /** Entry id. */
  id: Scalars['ID']['output'];
  /** 实施检查的税务机关 — inspecting tax authority. */
  inspectingAuthority: Scalars['String']['output'];
  /** 相关法律依据 — legal basis. */
  legalBasis: Scalars['String']['output'];
  /** 主要违法事实 — main illegal facts. */
  mainFacts: Scalars['String']['output'];
  /** 异议处理中. */
  objectionPending: Maybe<Scalars['Boolean']['output']>;
  /** Further responsible persons named by a court (实际责任人, 财务人员, 团伙成员). */
  otherResponsiblePersons: Array<TaxResponsiblePerson>;
  /** First day the subject may apply to stop publication after paying in full: the day after six months of publicity. */
  paidInFullStopFrom: Scalars['Date']['output'];
  /** PAID_IN_FULL: date the tax, late fees and fines were all paid (缴清日期). */
  paidOn: Maybe<Scalars['Date']['output']>;
  /** 税务处理、税务行政处罚情况 — tax handling and penalty. */
  penalty: Scalars['String']['output'];
  /** Last day of publicity (公布截止日期): three years from publication; the entry is gone the day after. */
  publicityEndsOn: Scalars['Date']['output'];
  /** Publication date (公布日期): by the 15th of the month after service. */
  publishedOn: Scalars['Date']['output'];
  /** 注册地址 — registered address. */
  registeredAddress: Maybe<Scalars['String']['output']>;
  /** Ground on which publication was stopped early. */
  removalGround: Maybe<TaxPublicationStopGround>;
  /** Chinese label of the ground. */
  removalGroundLabel: Maybe<Scalars['String']['output']>;
  /** Reason and documents of the early stop (撤出原因). */
  removalReason: Maybe<Scalars['String']['output']>;
  /** Date publication was stopped early (撤出日期). */
  removedOn: Maybe<Scalars['Date']['output']>;
  /** Whether 申请信用修复 (提前停止公布) is open today. */
  repairEligibility: Maybe<RepairEligibility>;
  /** 修复办理中. */
  repairPending: Maybe<Scalars['Boolean']['output']>;
  /**
   * 身份证件号码 — responsible person's ID number, masked for the public with the whole birth date hidden
   * (隐去出生年、月、日号码段, 国家税务总局令第54号), e.g. 330106********1234.
   */
  responsiblePersonIdNumber: Maybe<Scalars['String']['output']>;
  /** 法定代表人、负责人或实际责任人姓名 — responsible person's name, masked for the public. */
  responsiblePersonName: Maybe<Scalars['String']['output']>;
  /** 性别 — responsible person's sex (男/女). */
  responsiblePersonSex: Maybe<Scalars['String']['output']>;
  /** Triggering situation (失信情形). */
  situation: TaxViolationSituation;
  /** Chinese label of the situation. */
  situationLabel: Scalars['String']['output'];
  /** Publication status today. */
  status: ListingStatus;
  /** Date the subject applied to stop publication (申请提前停止公布日期). */
  stopAppliedOn: Maybe<Scalars['Date']['output']>;
  /** Last day for the decision on that application (15 days; to verify, see docs/rules/tax.md). */
  stopDecisionDueBy: Maybe<Scalars['Date']['output']>;
  /** The subject. */
  subject: CreditSubject;
  /** 纳税人名称 — taxpayer name. */
  taxpayerName: Scalars['String']['output'];
};

/** A page of 重大税收违法失信主体 entries. */
export type MajorTaxViolationConnection = {
  __typename?: 'MajorTaxViolationConnection';
  /** Entries of this page with cursors. */
  edges: Array<MajorTaxViolationEdge>;
  /** Entries of this page. */
  nodes: Array<MajorTaxViolation>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching entries (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** An entry in a page. */
export type MajorTaxViolationEdge = {
  __typename?: 'MajorTaxViolationEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: MajorTaxViolation;
};

/** Input of publishMajorTaxViolation, with the fields 国家税务总局令第54号 第十条 and 第十一条 require. */
export type MajorTaxViolationInput = {
  /** 涉案金额 (元), not negative. */
  amountInvolved?: InputMaybe<Scalars['Float']['input']>;
  /** USCC of the deciding tax authority: a government body (机关, USCC 11…). */
  authorityCode: Scalars['String']['input'];
  /** Date the decision was served (决定书送达日期), not in the future. */
  decisionServedOn: Scalars['Date']['input'];
  /** 实施检查的税务机关. */
  inspectingAuthority: Scalars['String']['input'];
  /** 相关法律依据. */
  legalBasis: Scalars['String']['input'];
  /** 主要违法事实. */
  mainFacts: Scalars['String']['input'];
  /** Further responsible persons named by a court (实际责任人, 财务人员, 团伙成员); at most 50. */
  otherResponsiblePersons?: InputMaybe<Array<TaxResponsiblePersonInput>>;
  /** 税务处理、税务行政处罚情况. */
  penalty: Scalars['String']['input'];
  /** Publication date (公布日期): on or after service, by the 15th of the following month. */
  publishedOn: Scalars['Date']['input'];
  /** Administrative division; required for a person key, else taken from the USCC. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 注册地址. */
  registeredAddress?: InputMaybe<Scalars['String']['input']>;
  /** 身份证件号码 (居民身份证号码, validated). */
  responsiblePersonIdNumber?: InputMaybe<Scalars['String']['input']>;
  /** 法定代表人、负责人或实际责任人姓名. */
  responsiblePersonName?: InputMaybe<Scalars['String']['input']>;
  /** 性别 (男/女). */
  responsiblePersonSex?: InputMaybe<Scalars['String']['input']>;
  /** Triggering situation. */
  situation: TaxViolationSituation;
  /** The subject: USCC or person key. */
  subjectCode: Scalars['ID']['input'];
  /** 纳税人名称. */
  taxpayerName: Scalars['String']['input'];
};

/** Input of removeMajorTaxViolation: the ground of an early stop of publication and its dates. */
export type MajorTaxViolationStopInput = {
  /**
   * Date the subject applied; required for PAID_IN_FULL, BANKRUPTCY_REORGANISATION and OUTSTANDING_CONTRIBUTION, not in
   * the future, not before publication; for PAID_IN_FULL not before six months of publicity.
   */
  appliedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The ground (国家税务总局令第54号 第四章). */
  ground: TaxPublicationStopGround;
  /** PAID_IN_FULL: date the tax, late fees and fines were all paid; not after the application, not before service. */
  paidOn?: InputMaybe<Scalars['Date']['input']>;
  /** 撤出原因: the facts and documents (e.g. the court's 裁定书 number, the 完税凭证). */
  reason: Scalars['String']['input'];
};

/** Whether an entry is on its list, as of today in China. */
export type MarketListingStatus =
  /** 期满移出 — a 严重违法失信名单 entry whose term has ended (removed automatically, not public) */
  | 'EXPIRED'
  /** 列入 (标记 for a 个体工商户) — in force */
  | 'LISTED'
  /** 移出 (恢复正常记载状态; 提前移出 for the 严重违法失信名单) — removed by a decision (not public) */
  | 'REMOVED'
  /** 撤销 — the listing was made in error or its basis was revoked (not public) */
  | 'REVOKED';

/**
 * Input of registerMarketSubject: a market subject's registration data (登记信息) as registered or last changed.
 * On an update every field is replaced by the value given (left-out optional fields become empty), except `status`.
 */
export type MarketRegistrationInput = {
  /** 住所/经营场所. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 核准日期: not before establishment, not in the future. */
  approvedOn?: InputMaybe<Scalars['Date']['input']>;
  /** 经营范围. */
  businessScope: Scalars['String']['input'];
  /** 币种 (default 人民币). */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** 类型, e.g. 有限责任公司（自然人投资或控股）. */
  entityType: Scalars['String']['input'];
  /** 成立日期, not in the future. */
  establishedOn: Scalars['Date']['input'];
  /** 法定代表人/负责人/经营者. */
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** 名称. */
  name: Scalars['String']['input'];
  /** Administrative division of the registration authority; taken from the USCC when omitted. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** 注册资本 (万元), not negative. */
  registeredCapital?: InputMaybe<Scalars['Float']['input']>;
  /** 登记机关. */
  registrationAuthority: Scalars['String']['input'];
  /** 登记状态: EXISTING when a new registration leaves it out; an update that leaves it out keeps the stored status. */
  status?: InputMaybe<MarketRegistrationStatus>;
  /** USCC of an enterprise (91…), 个体工商户 (92…) or 农民专业合作社 (93…). */
  subjectCode: Scalars['ID']['input'];
};

/** 登记状态 — registration status as the registration authority records it. */
export type MarketRegistrationStatus =
  /** 注销 — deregistered */
  | 'CANCELLED'
  /** 存续（在业）— active */
  | 'EXISTING'
  /** 迁出 — moved to another registration authority */
  | 'MOVED_OUT'
  /** 吊销 — business licence revoked */
  | 'REVOKED';

/**
 * A 联合奖惩 measure (惩戒 or 激励) of the catalogue, as one version. Every change makes a new version; retired
 * measures stay in the history. Public: the catalogue is policy.
 */
export type Measure = {
  __typename?: 'Measure';
  /** Why this version was made (修订说明). */
  changeNote: Scalars['String']['output'];
  /** When this version was made. */
  changedAt: Scalars['DateTime']['output'];
  /** Who made it (administrator's actor id). */
  changedBy: Scalars['String']['output'];
  /** Stable code across versions, e.g. PROC-CREDIT-EXCLUDE. */
  code: Scalars['ID']['output'];
  /** What the officer does (措施内容). */
  content: Scalars['String']['output'];
  /** Kind. */
  kind: MeasureKind;
  /** Chinese label of the kind, e.g. 拦截. */
  kindLabel: Scalars['String']['output'];
  /** Legal basis. */
  legalBasis: LegalBasis;
  /** The lists the measure applies to (only those its basis names). */
  lists: Array<CreditList>;
  /** The business matters it applies in. */
  matters: Array<BusinessMatter>;
  /** Chinese name of the measure. */
  name: Scalars['String']['output'];
  /** Status of this version. */
  status: MeasureStatus;
  /** Version, 1, 2, … per code. */
  version: Scalars['Int']['output'];
};

/** 自动反馈: what the officer did with one measure of a check (the current answer). */
export type MeasureFeedback = {
  __typename?: 'MeasureFeedback';
  /** Whether the measure was applied (执行) or not (不执行). */
  applied: Scalars['Boolean']['output'];
  /** Measure code. */
  measureCode: Scalars['ID']['output'];
  /** Measure version of the check. */
  measureVersion: Scalars['Int']['output'];
  /** 不执行理由, or a note when applied. */
  reason: Maybe<Scalars['String']['output']>;
  /** When. */
  reportedAt: Scalars['DateTime']['output'];
  /** Who reported it (actor id). */
  reportedBy: Scalars['String']['output'];
};

/** Input of createMeasure and reviseMeasure. */
export type MeasureInput = {
  /** Article or section, if any. */
  basisArticle?: InputMaybe<Scalars['String']['input']>;
  /** What was and was not verified (at most 2,000 characters). */
  basisNote?: InputMaybe<Scalars['String']['input']>;
  /** Document number (文号), if any. */
  basisNumber?: InputMaybe<Scalars['String']['input']>;
  /** Where the citation was read (at most 10 addresses or references). */
  basisSources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Legal basis: document title (book-title marks are removed). */
  basisTitle: Scalars['String']['input'];
  /** Whether the citation was checked against the text (default TO_VERIFY); VERIFIED needs `basisSources`. */
  basisVerification?: InputMaybe<CitationStatus>;
  /** 修订说明: why (required to revise; defaults to 新增措施 on create). */
  changeNote?: InputMaybe<Scalars['String']['input']>;
  /** Code: capital letters, digits and hyphens, 3–64 characters; identifies the measure across versions. */
  code: Scalars['ID']['input'];
  /** 措施内容, at most 2,000 characters. */
  content: Scalars['String']['input'];
  /** Kind: an incentive may name red lists only, a disciplinary measure no red list. */
  kind: MeasureKind;
  /** Lists it applies to (at least one, no repeats). */
  lists: Array<CreditList>;
  /** Matters it applies in (at least one, no repeats). */
  matters: Array<BusinessMatter>;
  /** Chinese name, at most 200 characters. */
  name: Scalars['String']['input'];
};

/** Kind of a 联合奖惩 measure, most severe first. */
export type MeasureKind =
  /** 激励 — an incentive (e.g. 绿色通道, 容缺受理) */
  | 'INCENTIVE'
  /** 拦截 — the matter must not proceed for the subject (e.g. excluded from procurement) */
  | 'INTERCEPT'
  /** 提示 — the officer is reminded to weigh or verify (重要考量因素, 重点监管) */
  | 'REMIND'
  /** 限制 — proceeds with restrictions (e.g. no 告知承诺, reduced support) */
  | 'RESTRICT';

/** Status of a measure version. */
export type MeasureStatus =
  /** 有效 — in force: checks apply it */
  | 'ACTIVE'
  /** 已废止 — retired: kept in the history, never applied */
  | 'RETIRED';

export type Mutation = {
  __typename?: 'Mutation';
  /** The department accepts (受理) an application. */
  acceptRepairCase: RepairCase;
  /**
   * Activate a model version: it evaluates its subject kinds from now on; the previously active versions of the
   * same code and any active model for one of those kinds are retired. Administrators only.
   */
  activateEvaluationModel: EvaluationModel;
  /**
   * Record the subject's application for removal (申请移出, or 申请恢复正常记载状态 for a mark), with the date the cause
   * was cured: the authority must decide within 5 working days of the application. A refused application may be
   * followed by a new one.
   */
  applyForAbnormalRemoval: AbnormalOperation;
  /** The department approves: `repair.approved` is recorded; the department's own repair act follows from it. */
  approveRepairCase: RepairCase;
  /** The providing department corrected the record (through its own mutation) and closes the objection. */
  correctObjection: RepairCase;
  /** Create an API key for a departmental system; the key is returned once. */
  createApiKey: CreatedApiKey;
  /** Create a new DRAFT version of an evaluation model from a definition (validated); administrators only. */
  createEvaluationModelVersion: EvaluationModel;
  /** Add a measure to the catalogue (version 1); administrators only. */
  createMeasure: Measure;
  /** Start an objection (DRAFT): enterprise users for records about their own USCC. */
  createObjection: RepairCase;
  /** Start a 信用修复 application (DRAFT): enterprise users for their own USCC. */
  createRepairApplication: RepairCase;
  /** Declare decisions in the department's register (决定台账): the due count of the metrics. */
  declareDecisions: DeclareDecisionsResult;
  /** The department denies, with the reason and the first day one may apply again. */
  denyRepairCase: RepairCase;
  /**
   * Draw a 双随机 inspection sample from the stored evaluations of a region and industry, stratified by
   * supervision level, and record it. Supervisors only.
   */
  drawInspectionSample: InspectionSample;
  /** The department extends its review once (因案情复杂或需进行核查), by at most the configured working days. */
  extendRepairCase: RepairCase;
  /** Platform (信用办) officers: the completeness check passed, forward to the deciding department. */
  forwardRepairCase: RepairCase;
  /** Issue a 限制消费令 against a subject in an execution case. */
  issueConsumptionRestriction: ConsumptionRestriction;
  /** Record a newly issued 排污许可证; a permit number is issued once. */
  issueDischargePermit: DischargePermit;
  /** Lift a 限制消费令 (解除限制消费) today, with the reason. */
  liftConsumptionRestriction: ConsumptionRestriction;
  /**
   * List a registered enterprise or 农民专业合作社 in the 经营异常名录; a reason may be listed only once at a time. A
   * 个体工商户 is refused (rule INDIVIDUAL_BUSINESS_MARKED): it is marked with markAbnormalStatus.
   */
  listAbnormalOperation: AbnormalOperation;
  /** List a registered market subject in the 严重违法失信名单 for three years (总局令第44号). */
  listSeriousIllegal: SeriousIllegalListing;
  /** Mark a registered 个体工商户 经营异常状态 (《个体工商户年度报告暂行办法》); a reason may be marked only once at a time. */
  markAbnormalStatus: AbnormalOperation;
  /** Publish a 失信被执行人 case (纳入失信被执行人名单). Court officers and court systems with the write scope. */
  publishDishonestDebtorCase: DishonestDebtorCase;
  /**
   * Publish (or correct) a subject's 企业环境信用评价 of one year. Environment department officers and systems with
   * the write scope.
   */
  publishEnvironmentalRating: EnvironmentalRating;
  /** Publish a 重大税收违法失信主体 entry; the subject's rating for the decision year becomes D (assigned directly). */
  publishMajorTaxViolation: MajorTaxViolation;
  /**
   * Record an arrear a government body or public institution owes an enterprise. 政务诚信 office officers and
   * systems with the write scope.
   */
  recordArrears: Arrears;
  /**
   * Record a payment against an arrear; the status becomes PARTLY_PAID, or CLEARED (with the clearing date) when
   * nothing is left. The amount may not exceed what is outstanding.
   */
  recordArrearsPayment: Arrears;
  /** Record a commitment (政府承诺) of a government body or public institution. */
  recordCommitment: Commitment;
  /** Record how a pending commitment ended: FULFILLED or BROKEN, with the evidence. */
  recordCommitmentFulfilment: Commitment;
  /** Record a 政府违约 complaint against a government body or public institution. */
  recordComplaint: Complaint;
  /** Record the outcome of a pending complaint. */
  recordComplaintOutcome: Complaint;
  /** Record a 环境行政处罚 decision; a decision number is recorded once. */
  recordEnvironmentalPenalty: EnvironmentalPenalty;
  /**
   * Record a refresh run of a region's stored evaluations (called by `npm run evaluate` at its end), so that
   * draws can tell how many registered subjects have no evaluation. The platform's officers and systems.
   */
  recordEvaluationRefresh: EvaluationRefresh;
  /**
   * Record the debtor's performance (履行情况) of a listed case. Full performance is recorded by withdrawing
   * the case with reason PERFORMED.
   */
  recordPerformance: DishonestDebtorCase;
  /** Record (or correct) a taxpayer's yearly rating. Tax department officers and systems with the write scope. */
  recordTaxCreditRating: TaxCreditRating;
  /** Refuse the pending application (不予移出), today in China time, with the reason; the entry stays listed. */
  refuseAbnormalRemoval: AbnormalOperation;
  /** 不予受理 with the reason (platform at SUBMITTED, the department at FORWARDED). */
  refuseRepairCase: RepairCase;
  /** Add or update an authority of the register (administrators). */
  registerAuthority: Authority;
  /**
   * Create or update a market subject's registration (登记信息). Market department officers and systems with the
   * write scope.
   */
  registerMarketSubject: Registration;
  /** Remove a listing with a pending application from the 经营异常名录 (移出), today in China time. */
  removeAbnormalOperation: AbnormalOperation;
  /**
   * Stop publishing an entry before its three years end (提前停止公布), today in China time, on a ground of
   * 国家税务总局令第54号 with its dates. An entry past its three years needs nothing: it stopped by itself.
   */
  removeMajorTaxViolation: MajorTaxViolation;
  /**
   * Remove an entry in force from the 严重违法失信名单 before its term ends, today in China time: early removal after
   * credit repair (listed a full year, conditions met and recorded) or revocation. An entry past its term needs no
   * removal: it ended by itself.
   */
  removeSeriousIllegal: SeriousIllegalListing;
  /**
   * 信用修复 of a penalty by the department that reported it: publicity ends on `repairedOn`. Refused with rule
   * BEFORE_MINIMUM_PUBLICITY (and `extensions.allowedFrom`) when the subject applied before the minimum publicity had
   * passed; see AdministrativePenalty.repairableFrom.
   */
  repairPenalty: AdministrativePenalty;
  /**
   * Report the department's business decisions (licences granted, tenders awarded, …) for the 应查未查
   * supervision; idempotent per department, matter, reference and subject. Officers and write-scoped systems,
   * for their own department; 1–1,000 per call.
   */
  reportBusinessDecisions: BusinessDecisionReport;
  /**
   * 自动反馈: report what the officer did with the measures of a check — applied, or not applied with a reason.
   * Only the checking department's officers and systems (write scope). A new report for a measure replaces
   * its current answer; earlier answers are kept. Returns the check's current feedback.
   */
  reportCheckFeedback: Array<MeasureFeedback>;
  /** Restore a 个体工商户 with a pending application to its normal state (恢复正常记载状态), today in China time. */
  restoreNormalStatus: AbnormalOperation;
  /** Correct a quarantined row: re-validated; on success stored and the entry marked RESUBMITTED. */
  resubmitQuarantined: SubmissionResult;
  /** Hand in the 补正 (RETURNED → back where it was; the clock runs on with the days it had left). */
  resubmitRepairCase: RepairCase;
  /** Retire a measure (废止): a new, RETIRED version; checks no longer apply it. Administrators only. */
  retireMeasure: Measure;
  /** Ask for 补正 (platform at SUBMITTED, the department later): the clock stops. */
  returnRepairCase: RepairCase;
  /** Revise a measure in force: a new version with the given content; administrators only. */
  reviseMeasure: Measure;
  /**
   * Revoke a listing or mark made in error (撤销, e.g. an objection 异议 upheld), today in China time, with the reason.
   * No cure is needed or recorded: the subject never owed one.
   */
  revokeAbnormalOperation: AbnormalOperation;
  /** Revoke an API key: the gateway refuses it from then on (after at most API_KEY_CACHE_SECONDS). */
  revokeApiKey: ApiKey;
  /** Submit licences (a single record is a batch of one). */
  submitLicences: SubmissionResult;
  /** Submit penalties (a single record is a batch of one). Invalid rows are quarantined; the counts reconcile. */
  submitPenalties: SubmissionResult;
  /** Submit a draft (DRAFT → SUBMITTED): eligibility is checked again. */
  submitRepairCase: RepairCase;
  /** The providing department keeps the record as it is, with the reason. */
  upholdObjection: RepairCase;
  /**
   * Record the deletion (删除) or revocation (撤销) of a case's current listing, on a ground the law gives for it
   * (see WithdrawalReason); the 3-working-day deadline is recorded with it.
   */
  withdrawDishonestDebtorCase: DishonestDebtorCase;
  /** Withdraw an open case (applicant). */
  withdrawRepairCase: RepairCase;
};


export type MutationAcceptRepairCaseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationActivateEvaluationModelArgs = {
  code: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationApplyForAbnormalRemovalArgs = {
  appliedOn: Scalars['Date']['input'];
  curedOn: Scalars['Date']['input'];
  id: Scalars['ID']['input'];
};


export type MutationApproveRepairCaseArgs = {
  basis: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationCorrectObjectionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateEvaluationModelVersionArgs = {
  input: EvaluationModelVersionInput;
};


export type MutationCreateMeasureArgs = {
  input: MeasureInput;
};


export type MutationCreateObjectionArgs = {
  input: ObjectionInput;
};


export type MutationCreateRepairApplicationArgs = {
  input: RepairApplicationInput;
};


export type MutationDeclareDecisionsArgs = {
  decisions: Array<DeclaredDecisionInput>;
};


export type MutationDenyRepairCaseArgs = {
  id: Scalars['ID']['input'];
  reapplyFrom?: InputMaybe<Scalars['Date']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationDrawInspectionSampleArgs = {
  input: InspectionSampleInput;
};


export type MutationExtendRepairCaseArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  workingDays: Scalars['Int']['input'];
};


export type MutationForwardRepairCaseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIssueConsumptionRestrictionArgs = {
  input: ConsumptionRestrictionInput;
};


export type MutationIssueDischargePermitArgs = {
  input: DischargePermitInput;
};


export type MutationLiftConsumptionRestrictionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationListAbnormalOperationArgs = {
  input: AbnormalOperationInput;
};


export type MutationListSeriousIllegalArgs = {
  input: SeriousIllegalListingInput;
};


export type MutationMarkAbnormalStatusArgs = {
  input: AbnormalOperationInput;
};


export type MutationPublishDishonestDebtorCaseArgs = {
  input: DishonestDebtorCaseInput;
};


export type MutationPublishEnvironmentalRatingArgs = {
  input: EnvironmentalRatingInput;
};


export type MutationPublishMajorTaxViolationArgs = {
  input: MajorTaxViolationInput;
};


export type MutationRecordArrearsArgs = {
  input: ArrearsInput;
};


export type MutationRecordArrearsPaymentArgs = {
  amount: Scalars['Float']['input'];
  arrearsId: Scalars['ID']['input'];
  paidOn: Scalars['Date']['input'];
};


export type MutationRecordCommitmentArgs = {
  input: CommitmentInput;
};


export type MutationRecordCommitmentFulfilmentArgs = {
  evidence: Scalars['String']['input'];
  fulfilledOn: Scalars['Date']['input'];
  id: Scalars['ID']['input'];
  status: CommitmentResolution;
};


export type MutationRecordComplaintArgs = {
  input: ComplaintInput;
};


export type MutationRecordComplaintOutcomeArgs = {
  handledOn: Scalars['Date']['input'];
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
  outcome: ComplaintResolution;
};


export type MutationRecordEnvironmentalPenaltyArgs = {
  input: EnvironmentalPenaltyInput;
};


export type MutationRecordEvaluationRefreshArgs = {
  evaluatedSubjects: Scalars['Int']['input'];
  regionCode: Scalars['String']['input'];
  registeredSubjects: Scalars['Int']['input'];
};


export type MutationRecordPerformanceArgs = {
  caseNumber: Scalars['String']['input'];
  performance: PerformanceStatus;
  performedPart?: InputMaybe<Scalars['String']['input']>;
  unperformedPart?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRecordTaxCreditRatingArgs = {
  input: TaxCreditRatingInput;
};


export type MutationRefuseAbnormalRemovalArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRefuseRepairCaseArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRegisterAuthorityArgs = {
  input: AuthorityInput;
};


export type MutationRegisterMarketSubjectArgs = {
  input: MarketRegistrationInput;
};


export type MutationRemoveAbnormalOperationArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  removalAuthority: Scalars['String']['input'];
};


export type MutationRemoveMajorTaxViolationArgs = {
  id: Scalars['ID']['input'];
  input: MajorTaxViolationStopInput;
};


export type MutationRemoveSeriousIllegalArgs = {
  id: Scalars['ID']['input'];
  input: SeriousIllegalRemovalInput;
};


export type MutationRepairPenaltyArgs = {
  appliedOn?: InputMaybe<Scalars['Date']['input']>;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  repairedOn: Scalars['Date']['input'];
};


export type MutationReportBusinessDecisionsArgs = {
  decisions: Array<BusinessDecisionInput>;
};


export type MutationReportCheckFeedbackArgs = {
  checkId: Scalars['ID']['input'];
  items: Array<CheckFeedbackInput>;
};


export type MutationRestoreNormalStatusArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  removalAuthority: Scalars['String']['input'];
};


export type MutationResubmitQuarantinedArgs = {
  id: Scalars['ID']['input'];
  licence?: InputMaybe<LicenceInput>;
  penalty?: InputMaybe<PenaltyInput>;
};


export type MutationResubmitRepairCaseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetireMeasureArgs = {
  changeNote: Scalars['String']['input'];
  code: Scalars['ID']['input'];
};


export type MutationReturnRepairCaseArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReviseMeasureArgs = {
  input: MeasureInput;
};


export type MutationRevokeAbnormalOperationArgs = {
  id: Scalars['ID']['input'];
  objectionFiledOn?: InputMaybe<Scalars['Date']['input']>;
  reason: Scalars['String']['input'];
  removalAuthority: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSubmitLicencesArgs = {
  rows: Array<LicenceInput>;
};


export type MutationSubmitPenaltiesArgs = {
  rows: Array<PenaltyInput>;
};


export type MutationSubmitRepairCaseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpholdObjectionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationWithdrawDishonestDebtorCaseArgs = {
  caseNumber: Scalars['String']['input'];
  groundArisenOn?: InputMaybe<Scalars['Date']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  reason: WithdrawalReason;
  withdrawnOn?: InputMaybe<Scalars['Date']['input']>;
};


export type MutationWithdrawRepairCaseArgs = {
  id: Scalars['ID']['input'];
};

/** Objection categories (信用湛江 / 信用广州 practice; docs/rules/repair.md). */
export type ObjectionCategory =
  /** 与认定部门记录不一致 */
  | 'DIFFERS_FROM_AUTHORITY'
  /** 信息重复 */
  | 'DUPLICATED'
  /** 信息不完整 */
  | 'INCOMPLETE'
  /** 不应公示 */
  | 'NOT_TO_BE_PUBLISHED'
  /** 超期公示 */
  | 'PAST_PERIOD'
  /** 信息错误 */
  | 'WRONG';

/** An objection to a record. */
export type ObjectionInput = {
  /** Set when an agent objects. */
  agentName?: InputMaybe<Scalars['String']['input']>;
  /** Why the record is wrong. */
  category: ObjectionCategory;
  /** Contact phone (optional). */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** The department that provided the record (only for ADMINISTRATIVE_PENALTY records the window does not know yet). */
  department?: InputMaybe<Scalars['String']['input']>;
  /** The record's id. */
  recordId: Scalars['ID']['input'];
  /** The record's kind. */
  recordKind: RepairRecordKind;
  /** What is wrong and what it should say (1–2000 characters). */
  statement: Scalars['String']['input'];
};

/** Relay paging information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether this page was requested with `after`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/**
 * A penalty in the national format, with English field names; every field is optional here so that a row missing a
 * required column is quarantined with its reasons instead of refusing the whole batch.
 */
export type PenaltyInput = {
  /** CF_CFJGDM 处罚机关统一社会信用代码 */
  authorityCode?: InputMaybe<Scalars['String']['input']>;
  /** CF_CFJG 处罚机关 */
  authorityName?: InputMaybe<Scalars['String']['input']>;
  /** CF_XDR_GSZC 工商注册号 */
  businessRegistrationNumber?: InputMaybe<Scalars['String']['input']>;
  /** CF_NR_WFFF 没收违法所得、没收非法财物的金额（万元） (a decimal, in 万元, up to 6 decimals) */
  confiscatedAmount?: InputMaybe<Scalars['String']['input']>;
  /** CF_NR 处罚内容 */
  content?: InputMaybe<Scalars['String']['input']>;
  /** CF_JDRQ 处罚决定日期 */
  decidedOn?: InputMaybe<Scalars['Date']['input']>;
  /** CF_WSH 行政处罚决定书文号 */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /** CF_SY 违法事实 */
  facts?: InputMaybe<Scalars['String']['input']>;
  /** CF_NR_FK 罚款金额（万元） (a decimal, in 万元, up to 6 decimals) */
  fineAmount?: InputMaybe<Scalars['String']['input']>;
  /** CF_YJ 处罚依据 */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** CF_FRDB 法定代表人 */
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** CF_FR_ZJHM 法定代表人证件号码 */
  legalRepresentativeIdNumber?: InputMaybe<Scalars['String']['input']>;
  /** CF_FR_ZJLX 法定代表人证件类型 */
  legalRepresentativeIdType?: InputMaybe<DisclosureIdType>;
  /** CF_XDR_ZZJG 组织机构代码 */
  organisationCode?: InputMaybe<Scalars['String']['input']>;
  /** CF_CFLB 处罚类别 */
  penaltyTypes?: InputMaybe<Array<PenaltyType>>;
  /** CF_XDR_SYDW 事业单位证书号 */
  publicInstitutionNumber?: InputMaybe<Scalars['String']['input']>;
  /** CF_GSJZQ 公示截止期 — within the tier's minimum and maximum under the rule of the decision date, or the row is quarantined */
  publicityDeadline?: InputMaybe<Scalars['Date']['input']>;
  /** BZ 备注 */
  remarks?: InputMaybe<Scalars['String']['input']>;
  /** CF_SXDJ 失信信息分级 (轻微/一般/严重) as the deciding authority classified the penalty (platform extension; optional) */
  reportedTier?: InputMaybe<PenaltyTier>;
  /** CF_XDR_SHZZ 社会组织登记证号 */
  socialOrganisationNumber?: InputMaybe<Scalars['String']['input']>;
  /** CF_SJLYDM 数据来源单位统一社会信用代码 */
  sourceCode?: InputMaybe<Scalars['String']['input']>;
  /** CF_SJLY 数据来源单位 */
  sourceName?: InputMaybe<Scalars['String']['input']>;
  /** CF_XDR_LB 行政相对人类别 */
  subjectCategory?: InputMaybe<DisclosureSubjectCategory>;
  /** CF_XDR_ZJHM 证件号码 */
  subjectIdNumber?: InputMaybe<Scalars['String']['input']>;
  /** CF_XDR_ZJLX 证件类型 */
  subjectIdType?: InputMaybe<DisclosureIdType>;
  /** CF_XDR_MC 行政相对人名称 */
  subjectName?: InputMaybe<Scalars['String']['input']>;
  /** CF_NR_ZKDX 暂扣或吊销证照名称及编号 */
  suspendedLicences?: InputMaybe<Scalars['String']['input']>;
  /** CF_XDR_SWDJ 税务登记号 */
  taxRegistrationNumber?: InputMaybe<Scalars['String']['input']>;
  /** CF_XDR_SHXYM 统一社会信用代码 */
  uscc?: InputMaybe<Scalars['String']['input']>;
  /** CF_YXQ 处罚有效期 */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
  /** CF_WFXW 违法行为类型 */
  violationType?: InputMaybe<Scalars['String']['input']>;
};

/**
 * 失信信息分级 — tier of a penalty as dishonesty information (《信用修复管理办法》, 国家发展改革委令第36号). Publicity windows by
 * tier and by the rule of the decision date: docs/rules/disclosure.md.
 */
export type PenaltyTier =
  /** 一般 — general: from 2026-04-01 published at least 3 months (before repair), at most 1 year */
  | 'GENERAL'
  /** 轻微 — minor: from 2026-04-01 not published unless the department sets a 公示截止期 (at most 3 months) */
  | 'MINOR'
  /** 严重 — severe: from 2026-04-01 published at least 1 year (before repair), at most 3 years */
  | 'SEVERE';

/** Where a penalty's tier came from. */
export type PenaltyTierSource =
  /** The province's table of classifications by authority, violation type or legal basis (行业主管部门分类标准, configuration) */
  | 'AUTHORITY_TABLE'
  /** Fallback for files that do not report it: the most severe 处罚类别 (吊销、限产停业、关闭、限制从业 → 严重; 警告、通报批评 only → 轻微) */
  | 'PENALTY_TYPE'
  /** CF_SXDJ 失信信息分级, reported by the deciding authority */
  | 'REPORTED';

/** 处罚类别 — penalty category (CF_CFLB; several per penalty, separated by ';' in files). */
export type PenaltyType =
  /** 行政拘留 — administrative detention */
  | 'ADMINISTRATIVE_DETENTION'
  /** 限制开展生产经营活动 — restriction of business activities */
  | 'BUSINESS_RESTRICTION'
  /** 通报批评 — public criticism */
  | 'CIRCULATED_CRITICISM'
  /** 责令关闭 — order to close */
  | 'CLOSURE'
  /** 没收违法所得 — confiscation of illegal gains */
  | 'CONFISCATION_OF_ILLEGAL_GAINS'
  /** 没收非法财物 — confiscation of illegal property */
  | 'CONFISCATION_OF_ILLEGAL_PROPERTY'
  /** 限制从业 — restriction from an occupation */
  | 'EMPLOYMENT_RESTRICTION'
  /** 罚款 — fine */
  | 'FINE'
  /** 吊销许可证件 — revocation of a licence */
  | 'LICENCE_REVOCATION'
  /** 暂扣许可证件 — suspension of a licence */
  | 'LICENCE_SUSPENSION'
  /** 其他 — other */
  | 'OTHER'
  /** 降低资质等级 — downgrading of a qualification */
  | 'QUALIFICATION_DOWNGRADE'
  /** 责令停产停业 — order to suspend production or business */
  | 'SUSPENSION_OF_BUSINESS'
  /** 警告 — warning */
  | 'WARNING';

/**
 * 履行情况 — how much of the obligation has been performed. A fully performed obligation is not a status:
 * the case is withdrawn with reason PERFORMED.
 */
export type PerformanceStatus =
  /** 全部未履行 — nothing performed */
  | 'NONE_PERFORMED'
  /** 部分未履行 — partly performed (the performed and unperformed parts are stated) */
  | 'PARTLY_PERFORMED';

/** Kinds of personal data (个人信息类别) and how they are masked. */
export type PersonalDataKind =
  /** 身份证件号码 — ID number, masked as 3301061980****1234 (birth month and day hidden, as 中国执行信息公开网 shows it) */
  | 'ID_NUMBER'
  /**
   * 身份证件号码（隐去出生年、月、日号码段）— ID number with the whole birth date hidden, masked as 330106********1234
   * (国家税务总局令第54号, the 重大税收违法失信主体 list)
   */
  | 'ID_NUMBER_BIRTH_DATE_HIDDEN'
  /** 姓名 — name, masked as 张*三 */
  | 'NAME';

/** A 58号令 sector with a 1-year minimum publicity (食品、药品、特种设备、安全生产、消防), recognised from the law CF_YJ cites. */
export type PublicitySector =
  /** 药品 */
  | 'DRUG'
  /** 消防 */
  | 'FIRE'
  /** 食品 */
  | 'FOOD'
  /** 特种设备 */
  | 'SPECIAL_EQUIPMENT'
  /** 安全生产 */
  | 'WORK_SAFETY';

/** 隔离区条目 — a row that failed validation, kept with the original row and every reason. */
export type QuarantineEntry = {
  __typename?: 'QuarantineEntry';
  /** The record key's authority code, when the row names one. */
  authorityCode: Maybe<Scalars['String']['output']>;
  /** Channel. */
  channel: DisclosureChannel;
  /** Decision date, when parseable. */
  decidedOn: Maybe<Scalars['Date']['output']>;
  /** Submitting department. */
  department: Scalars['String']['output'];
  /** The record key's document number, when the row names one. */
  documentNumber: Maybe<Scalars['String']['output']>;
  /** Entry id. */
  id: Scalars['ID']['output'];
  /** CF or XK. */
  kind: DisclosureKind;
  /** The row exactly as received, keyed by column codes (a JSON object as text). */
  original: Scalars['String']['output'];
  /** Every failed rule. */
  reasons: Array<ValidationReason>;
  /** When it was received. */
  receivedAt: Scalars['DateTime']['output'];
  /** The record the corrected row became. */
  recordId: Maybe<Scalars['ID']['output']>;
  /** When it was resolved. */
  resolvedAt: Maybe<Scalars['DateTime']['output']>;
  /** Row number in the submission. */
  rowNumber: Scalars['Int']['output'];
  /** State. */
  status: QuarantineStatus;
  /** Submission (or import job) id. */
  submissionId: Scalars['String']['output'];
  /** Caller id of the submitter. */
  submitter: Scalars['String']['output'];
};

/** Quarantine entries, newest first. */
export type QuarantineEntryConnection = {
  __typename?: 'QuarantineEntryConnection';
  /** Entries with cursors. */
  edges: Array<QuarantineEntryEdge>;
  /** Entries. */
  nodes: Array<QuarantineEntry>;
  /** Paging. */
  pageInfo: PageInfo;
};

/** An entry with its cursor. */
export type QuarantineEntryEdge = {
  __typename?: 'QuarantineEntryEdge';
  /** Cursor. */
  cursor: Scalars['String']['output'];
  /** Entry. */
  node: QuarantineEntry;
};

/** State of a quarantined row. */
export type QuarantineStatus =
  /** 待更正 — waiting for correction */
  | 'OPEN'
  /** 已重报 — corrected and accepted */
  | 'RESUBMITTED'
  /** 已替代 — the same record key was accepted through another submission */
  | 'SUPERSEDED';

export type Query = {
  __typename?: 'Query';
  /**
   * A级纳税人名单 (红名单), filtered by region, ordered by subject code: without `year`, the taxpayers whose rating in
   * force today is A (the list red-list incentives follow); with `year`, that evaluation year's A list (history).
   */
  aLevelTaxpayers: TaxCreditRatingConnection;
  /**
   * 经营异常名录 (or, with `kind: MARK`, the 个体工商户 marked 经营异常状态), newest listing first, filtered by region,
   * reason, status and listing date.
   */
  abnormalOperations: AbnormalOperationConnection;
  /**
   * 经营异常名录 listings still in force three years after listing and not yet transferred to the 严重违法失信名单: the
   * transfers the department owes (总局令第44号). Oldest listing first.
   */
  abnormalTransfersDue: AbnormalOperationConnection;
  /** API keys (部门系统接入密钥), optionally of one department. */
  apiKeys: Array<ApiKey>;
  /** 拖欠中小企业账款, newest record first, filtered by the debtor's region, status, debtor and creditor. */
  arrears: ArrearsConnection;
  /** The audit trail (审计日志), newest first, filtered by subject, actor, department, action and time. */
  auditLog: AuditEntryConnection;
  /** The authority register (行政机关名录). */
  authorities: Array<Authority>;
  /** A recorded check with its current feedback: the checking department's own, or any for supervisors. */
  creditCheckRecord: Maybe<CreditCheck>;
  /**
   * Checks, subjects on lists, interceptions, restrictions, reminders and incentives per department × matter ×
   * period (China time), for supervisors. At most 366 days.
   */
  creditCheckStatistics: Array<CreditCheckStatistics>;
  /**
   * Batch credit check (批量核查): the subjects of the given codes as entity references, in input order, so that
   * one request checks every bidder of a tender: `creditCheckSubjects(codes: $codes) { code creditCheck(matter:
   * BIDDING, reference: "tender-42") { action } }`. Every code is validated (USCC checksum or person key);
   * at most 2,000 codes (the gateway's 100 KB body limit). Repeated codes are answered once per occurrence.
   */
  creditCheckSubjects: Array<CreditSubject>;
  /** The credit lists checks match, with their type and department. */
  creditLists: Array<CreditListInfo>;
  /** 双公示 quality per department and period: 上报率, 合规率, 及时率 (a department sees its own; supervisors all). */
  disclosureQuality: Array<DisclosureQuality>;
  /** Departments ranked by 双公示 quality over a date range (supervisors). */
  disclosureRanking: Array<DisclosureRankingEntry>;
  /**
   * One 失信被执行人 case by its 执行案号 (full-width parentheses accepted): its current listing, or its latest one
   * when a case was listed more than once. Null when it does not exist, or for the public when it is not on the list
   * today (expired or withdrawn).
   */
  dishonestDebtorCase: Maybe<DishonestDebtorCase>;
  /**
   * 失信被执行人名单 (dishonest judgment-debtor list), newest filing first, filtered by court, region, filing
   * date, status and debtor kind.
   */
  dishonestDebtorCases: DishonestDebtorCaseConnection;
  /**
   * 删除 due — cases whose term has ended and whose deletion the court has not recorded, the earliest term end first,
   * with the deadline (three working days after the term's last day, 法释〔2017〕7号 第十条第二款) and whether it has
   * passed. For the court (its officers and systems) and supervisors.
   */
  dishonestDebtorDeletionsDue: DishonestDebtorCaseConnection;
  /** The grades this hub uses (four or five, configured per province), best first, with their labels. */
  environmentalGrades: Array<EnvironmentalGradeDefinition>;
  /** 环境行政处罚, newest decision first, filtered by region and decision date. */
  environmentalPenalties: EnvironmentalPenaltyConnection;
  /**
   * 企业环境信用评价结果 of one year, filtered by grade, region and industry, ordered by subject code. With
   * `grade: GREEN` this is the 环保诚信企业 red list.
   */
  environmentalRatings: EnvironmentalRatingConnection;
  /** One evaluation model version; null when it does not exist. */
  evaluationModel: Maybe<EvaluationModel>;
  /** Every evaluation model version, by code then version (newest first); optionally only one status. */
  evaluationModels: Array<EvaluationModel>;
  /**
   * 区域政务诚信 of a division (and its subdivisions): 政府失信被执行人占比, outstanding arrears and the bodies that
   * still owe. Supervisors only.
   */
  governmentIntegrity: RegionIntegrity;
  /** 高频失信主体 — subjects with ≥5 published penalties decided within 3 years (重点关注), most penalties first. */
  highFrequencyOffenders: HighFrequencyOffenderConnection;
  /** An import job by id. Officers and systems see their own department's jobs only (others: null); supervisors all. */
  importJob: Maybe<ImportJob>;
  /** Import jobs, newest first: a department's own, or for supervisors any department's (or all). */
  importJobs: ImportJobConnection;
  /** One recorded 双随机 inspection sample; null when it does not exist. */
  inspectionSample: Maybe<InspectionSample>;
  /** Recorded inspection samples, newest first, optionally of one region (prefix) only. */
  inspectionSamples: InspectionSampleConnection;
  /** Decisions not reported within 7 working days (or not reported yet), oldest decision first. */
  lateDisclosures: Array<DisclosureIssue>;
  /** 行政许可 licences, newest decision first. The public sees valid ones; `includeExpired` needs SHARED. */
  licences: AdministrativeLicenceConnection;
  /**
   * One 重大税收违法失信主体 entry by id; null when it does not exist, or for the public when it is no longer
   * published.
   */
  majorTaxViolation: Maybe<MajorTaxViolation>;
  /**
   * 重大税收违法失信主体名单 (黑名单), newest publication first, filtered by publication year, region,
   * situation and status.
   */
  majorTaxViolations: MajorTaxViolationConnection;
  /** Who the hub takes the caller to be: role, department, scopes, stated purpose. */
  me: Caller;
  /** A measure's current version (retired ones included); null when the code is unknown. */
  measure: Maybe<Measure>;
  /** Every version of a measure, oldest first; empty when the code is unknown. */
  measureHistory: Array<Measure>;
  /** The 联合奖惩 measures in force (or every measure's current version), optionally for one list, matter or kind. */
  measures: Array<Measure>;
  /** The signed-in enterprise's own cases (an enterprise sees only the cases about its own USCC), newest first. */
  myRepairCases: Array<RepairCase>;
  /** Reported decisions whose first submission failed validation, oldest decision first. */
  nonCompliantDisclosures: Array<DisclosureIssue>;
  /**
   * 经营异常名录 entries and 个体工商户 marks with a pending removal application past its deadline (5 working days after
   * the application): the decisions the department owes. Most overdue first.
   */
  overdueAbnormalRemovals: AbnormalOperationConnection;
  /** 行政处罚 penalties, newest decision first. The public sees published ones; `includeExpired` needs SHARED. */
  penalties: AdministrativePenaltyConnection;
  /** 隔离区 — quarantined rows, newest first. A department sees its own; supervisors all. */
  quarantine: QuarantineEntryConnection;
  /** Administrative divisions known to the hub (行政区划), optionally under a parent division. */
  regions: Array<Region>;
  /** One case: its applicant, the platform's officers, the deciding department's officers, supervisors. */
  repairCase: Maybe<RepairCase>;
  /** The 信用承诺书 template for a record (text to print, sign and stamp, then upload as COMMITMENT). */
  repairCommitmentTemplate: Scalars['String']['output'];
  /** A file's content (audited: who read which file of which case). */
  repairFile: Maybe<RepairFileContent>;
  /** Progress of a case by its 查询码 (anyone holding the code; no personal data). */
  repairProgress: Maybe<RepairProgress>;
  /**
   * The work queue: a department's officers see the cases forwarded to their department; the platform's officers
   * (信用办) the cases awaiting its completeness check and every open case; supervisors all. Oldest due first.
   */
  repairQueue: Array<RepairCase>;
  /** The window's figures for a period of submission days. */
  repairStatistics: RepairStatistics;
  /**
   * Search subjects (信用主体查询) by a fragment of the name or a code prefix, filtered by kind and region,
   * ordered by code. Natural persons are found only by their exact person key, never by name.
   */
  searchSubjects: CreditSubjectConnection;
  /** 严重违法失信名单, newest listing first, filtered by region, status and listing date. */
  seriousIllegalListings: SeriousIllegalListingConnection;
  /**
   * One subject by its code: a USCC or a person key. An invalid code is a BAD_USER_INPUT error naming the
   * failed rule; a valid code that is not registered returns null.
   */
  subject: Maybe<CreditSubject>;
  /**
   * Look up a natural person by 居民身份证号码 (ID number): returns the person's subject, whose code is the
   * person key departments join on. Requires a stated purpose (x-purpose header) and is audited.
   */
  subjectByIdNumber: Maybe<CreditSubject>;
  /** A submission's reconciled counts (its department or a supervisor). */
  submission: Maybe<Submission>;
  /** 纳税信用评价结果 of one year, filtered by level and region, ordered by subject code. */
  taxCreditRatings: TaxCreditRatingConnection;
  /**
   * 应查未查: reported decisions from `from` to `to` with no check of the subject in the matter by the deciding
   * department within `days` calendar days before the decision (the decision day included). See
   * docs/credit-checks.md.
   */
  uncheckedDecisions: Array<UncheckedDecision>;
  /**
   * 应惩未惩: punitive measures returned by checks made from `from` to `to` that have no feedback more than
   * `workingDays` working days after the check, or were reported not applied without a reason; most overdue
   * first. See docs/credit-checks.md.
   */
  unpunishedMeasures: Array<UnpunishedMeasure>;
};


export type QueryALevelTaxpayersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAbnormalOperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AbnormalOperationKind>;
  listedFrom?: InputMaybe<Scalars['Date']['input']>;
  listedTo?: InputMaybe<Scalars['Date']['input']>;
  reason?: InputMaybe<AbnormalOperationReason>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<MarketListingStatus>;
};


export type QueryAbnormalTransfersDueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryApiKeysArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  includeRevoked?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryArrearsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  creditorCode?: InputMaybe<Scalars['ID']['input']>;
  debtorCode?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ArrearsStatus>;
};


export type QueryAuditLogArgs = {
  action?: InputMaybe<AuditAction>;
  actor?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  subjectCode?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryAuthoritiesArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCreditCheckRecordArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCreditCheckStatisticsArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['Date']['input'];
  groupBy?: InputMaybe<StatisticsPeriod>;
  matter?: InputMaybe<BusinessMatter>;
  to: Scalars['Date']['input'];
};


export type QueryCreditCheckSubjectsArgs = {
  codes: Array<Scalars['ID']['input']>;
};


export type QueryDisclosureQualityArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['Date']['input'];
  period: DisclosurePeriod;
  to: Scalars['Date']['input'];
};


export type QueryDisclosureRankingArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryDishonestDebtorCaseArgs = {
  caseNumber: Scalars['String']['input'];
};


export type QueryDishonestDebtorCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  courtName?: InputMaybe<Scalars['String']['input']>;
  debtorKind?: InputMaybe<DebtorKind>;
  filedFrom?: InputMaybe<Scalars['Date']['input']>;
  filedTo?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<CaseStatus>;
};


export type QueryDishonestDebtorDeletionsDueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  courtName?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  overdueOnly?: InputMaybe<Scalars['Boolean']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEnvironmentalPenaltiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  decidedFrom?: InputMaybe<Scalars['Date']['input']>;
  decidedTo?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEnvironmentalRatingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  grade?: InputMaybe<EnvironmentalGrade>;
  industryCode?: InputMaybe<Scalars['String']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};


export type QueryEvaluationModelArgs = {
  code: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type QueryEvaluationModelsArgs = {
  status?: InputMaybe<EvaluationModelStatus>;
};


export type QueryGovernmentIntegrityArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryHighFrequencyOffendersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryImportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ImportJobStatus>;
};


export type QueryInspectionSampleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInspectionSamplesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryLateDisclosuresArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryLicencesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  authorityCode?: InputMaybe<Scalars['String']['input']>;
  decidedFrom?: InputMaybe<Scalars['Date']['input']>;
  decidedTo?: InputMaybe<Scalars['Date']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeExpired?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryMajorTaxViolationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMajorTaxViolationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  situation?: InputMaybe<TaxViolationSituation>;
  status?: InputMaybe<ListingStatus>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMeasureArgs = {
  code: Scalars['ID']['input'];
};


export type QueryMeasureHistoryArgs = {
  code: Scalars['ID']['input'];
};


export type QueryMeasuresArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<MeasureKind>;
  list?: InputMaybe<CreditList>;
  matter?: InputMaybe<BusinessMatter>;
};


export type QueryNonCompliantDisclosuresArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryOverdueAbnormalRemovalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPenaltiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  authorityCode?: InputMaybe<Scalars['String']['input']>;
  decidedFrom?: InputMaybe<Scalars['Date']['input']>;
  decidedTo?: InputMaybe<Scalars['Date']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeExpired?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryQuarantineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<QuarantineStatus>;
};


export type QueryRegionsArgs = {
  parentCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRepairCaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRepairCommitmentTemplateArgs = {
  kind: RepairCaseKind;
  recordId: Scalars['ID']['input'];
  recordKind: RepairRecordKind;
};


export type QueryRepairFileArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRepairProgressArgs = {
  queryCode: Scalars['String']['input'];
};


export type QueryRepairQueueArgs = {
  filter?: InputMaybe<RepairQueueFilter>;
};


export type QueryRepairStatisticsArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QuerySearchSubjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<SubjectKind>;
  query?: InputMaybe<Scalars['String']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySeriousIllegalListingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  listedFrom?: InputMaybe<Scalars['Date']['input']>;
  listedTo?: InputMaybe<Scalars['Date']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<MarketListingStatus>;
};


export type QuerySubjectArgs = {
  code: Scalars['ID']['input'];
};


export type QuerySubjectByIdNumberArgs = {
  idNumber: Scalars['String']['input'];
};


export type QuerySubmissionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTaxCreditRatingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<TaxCreditLevel>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};


export type QueryUncheckedDecisionsArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['Date']['input'];
  matter?: InputMaybe<BusinessMatter>;
  to: Scalars['Date']['input'];
};


export type QueryUnpunishedMeasuresArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['Date']['input'];
  matter?: InputMaybe<BusinessMatter>;
  to: Scalars['Date']['input'];
  workingDays?: InputMaybe<Scalars['Int']['input']>;
};

/** The window's marks on one record of a subject. */
export type RecordMark = {
  __typename?: 'RecordMark';
  /** 异议处理中. */
  objectionPending: Scalars['Boolean']['output'];
  /** The record's id in its department's subgraph. */
  recordId: Scalars['ID']['output'];
  /** The record's kind. */
  recordKind: RepairRecordKind;
  /** Whether 申请信用修复 is open today. */
  repairEligibility: RepairEligibility;
  /** 修复办理中. */
  repairPending: Scalars['Boolean']['output'];
};

/** Administrative division (行政区划, GB/T 2260). */
export type Region = {
  __typename?: 'Region';
  /** Six-digit division code (行政区划代码). */
  code: Scalars['String']['output'];
  /** Full name including parents (e.g. 浙江省杭州市西湖区). */
  fullName: Scalars['String']['output'];
  /** 1 province (省), 2 prefecture (地市), 3 county (区县); null when unknown. */
  level: Maybe<Scalars['Int']['output']>;
  /** Name of the division (e.g. 西湖区); 未知行政区划 when the code is not in the reference data. */
  name: Scalars['String']['output'];
};

/**
 * Credit facts about a region's government bodies and public institutions (区域政务诚信), contributed by
 * several departments: the subject register counts the bodies, the courts their dishonest judgment debtors,
 * the 政务诚信 office the arrears and the ratio 政府失信被执行人占比.
 */
export type RegionIntegrity = {
  __typename?: 'RegionIntegrity';
  /** Number of the region's arrears not yet cleared (OUTSTANDING or PARTLY_PAID). */
  arrearsCount: Scalars['Int']['output'];
  /** Bodies of the region that still owe (清欠 / 动态清零 tracking), largest outstanding amount first. */
  bodiesWithOutstandingArrears: Array<CreditSubject>;
  /**
   * 政府失信被执行人占比 — bodies with an active 失信被执行人 case divided by the bodies registered in the region
   * (0 when the region has none); the target is 0 (动态清零).
   */
  dishonestDebtorRatio: Scalars['Float']['output'];
  /** Those bodies (动态清零 tracking: each must be cleared). Cases past their term do not count. */
  dishonestGovernmentBodies: Array<CreditSubject>;
  /** Government bodies and public institutions (USCC 11…/12…) of the region on the 失信被执行人 list today. */
  dishonestGovernmentBodyCount: Scalars['Int']['output'];
  /** Government bodies and public institutions (机关和事业单位, USCC 11…/12…) registered in the region. */
  governmentBodyCount: Scalars['Int']['output'];
  /** Total still owed (元) on arrears of the region's bodies not yet cleared (amount less payments). */
  outstandingArrears: Scalars['Float']['output'];
  /** Six-digit division code; its subdivisions are included (330100 = 杭州市). */
  regionCode: Scalars['String']['output'];
};

/** 登记信息 — registration data of a market subject, as published in 国家企业信用信息公示系统. */
export type Registration = {
  __typename?: 'Registration';
  /** 住所/经营场所 — registered address. */
  address: Maybe<Scalars['String']['output']>;
  /** 核准日期 — approval date of the latest registration or change. */
  approvedOn: Maybe<Scalars['Date']['output']>;
  /** 经营范围 — business scope. */
  businessScope: Scalars['String']['output'];
  /** 币种 — currency of the registered capital (e.g. 人民币, 美元). */
  currency: Scalars['String']['output'];
  /** 类型 — entity type, e.g. 有限责任公司（自然人投资或控股）, 个体工商户, 农民专业合作社. */
  entityType: Scalars['String']['output'];
  /** 成立日期 — date of establishment. */
  establishedOn: Scalars['Date']['output'];
  /** 法定代表人/负责人/经营者 — legal representative (a natural person's name: masked for the public). */
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** 名称 — registered name. */
  name: Scalars['String']['output'];
  /** Administrative division of the registration authority (行政区划代码). */
  regionCode: Scalars['String']['output'];
  /** 注册资本 (万元) — registered capital in ten-thousands of the currency; null for 个体工商户 and when not recorded. */
  registeredCapital: Maybe<Scalars['Float']['output']>;
  /** 登记机关 — registration authority, e.g. 杭州市西湖区市场监督管理局. */
  registrationAuthority: Scalars['String']['output'];
  /** 登记状态 — registration status. */
  status: MarketRegistrationStatus;
  /** Chinese label of the status, e.g. 存续（在业）. */
  statusLabel: Scalars['String']['output'];
  /** The registered subject. */
  subject: CreditSubject;
};

/** Registration status (登记状态). */
export type RegistrationStatus =
  /** 存续（在业）— active */
  | 'ACTIVE'
  /** 注销 — deregistered */
  | 'CANCELLED'
  /** 迁出 — moved to another registration authority */
  | 'MOVED_OUT'
  /** 吊销 — licence revoked */
  | 'REVOKED';

/** Application to repair a record (the applicant is the enterprise signed in, or its agent). */
export type RepairApplicationInput = {
  /** Set when an agent applies: the agent's name (an AUTHORISATION file is then required). */
  agentName?: InputMaybe<Scalars['String']['input']>;
  /** Contact phone for the department (optional). */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** The record's id. */
  recordId: Scalars['ID']['input'];
  /** The record's kind. */
  recordKind: RepairRecordKind;
  /** What was done to perform the obligations and correct the wrong (1–2000 characters). */
  statement: Scalars['String']['input'];
};

/** A 信用修复 application or an objection: seen by its applicant, the platform and the deciding department. */
export type RepairCase = {
  __typename?: 'RepairCase';
  /** The agent's name, when an agent applied. */
  agentName: Maybe<Scalars['String']['output']>;
  /** Who applied: the subject itself or an agent. */
  applicantKind: ApplicantKind;
  /** Objection category (objections only). */
  category: Maybe<ObjectionCategory>;
  /** When it was closed. */
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** Working days left on the stopped clock while returned for 补正. */
  daysLeft: Maybe<Scalars['Int']['output']>;
  /** The decision's reason (不予受理 / 不予修复 / 维持 / 更正 / 补正 request). */
  decisionReason: Maybe<Scalars['String']['output']>;
  /** The deciding (providing) department's code. */
  department: Scalars['String']['output'];
  /** The department's name. */
  departmentName: Scalars['String']['output'];
  /** The last day of the current stage (working days); null while no clock runs (draft, 补正, closed). */
  dueOn: Maybe<Scalars['Date']['output']>;
  /** True once the department extended its review. */
  extended: Scalars['Boolean']['output'];
  /** The files (content through Query.repairFile, audited). */
  files: Array<RepairFile>;
  /** Every transition, oldest first. */
  history: Array<RepairTransition>;
  /** Case id. */
  id: Scalars['ID']['output'];
  /** REPAIR or OBJECTION. */
  kind: RepairCaseKind;
  /** Materials still missing for the completeness check (形式审查). */
  missingMaterials: Array<RepairFilePurpose>;
  /** True when the stage is past its last day. */
  overdue: Scalars['Boolean']['output'];
  /** 查询码: follow progress with it (Query.repairProgress). */
  queryCode: Scalars['String']['output'];
  /** After a denial: the first day one may apply again. */
  reapplyFrom: Maybe<Scalars['Date']['output']>;
  /** The record's id in its department's subgraph. */
  recordId: Scalars['ID']['output'];
  /** The record's kind. */
  recordKind: RepairRecordKind;
  /** State. */
  state: RepairCaseState;
  /** The applicant's statement. */
  statement: Scalars['String']['output'];
  /** The subject (USCC). */
  subjectCode: Scalars['ID']['output'];
  /** When it was submitted. */
  submittedAt: Maybe<Scalars['DateTime']['output']>;
};

/** REPAIR (信用修复申请) or OBJECTION (异议申诉). */
export type RepairCaseKind =
  /** 异议申诉 */
  | 'OBJECTION'
  /** 信用修复申请 */
  | 'REPAIR';

/** The states of a case (docs/rules/repair.md, States). */
export type RepairCaseState =
  /** 已受理: the department reviews the application */
  | 'ACCEPTED'
  /** 准予修复: the department's own repair act follows through the event backbone */
  | 'APPROVED'
  /** 异议成立，已更正 */
  | 'CORRECTED'
  /** 不予修复 (with the reason and the day one may apply again) */
  | 'DENIED'
  /** 草稿: being prepared by the applicant (files can be added) */
  | 'DRAFT'
  /** 已转办: with the deciding (providing) department, which decides whether to accept (受理) */
  | 'FORWARDED'
  /** 不予受理 (with the reason) */
  | 'REJECTED_NOT_ACCEPTED'
  /** 待补正: returned to the applicant for more material; the clock stops */
  | 'RETURNED'
  /** 已提交: the platform's completeness check (形式审查) */
  | 'SUBMITTED'
  /** 已同步: the department's repair act is done and announced (publication ended) */
  | 'SYNCED'
  /** 异议不成立，维持原记录 (with the reason) */
  | 'UPHELD'
  /** 已撤回 */
  | 'WITHDRAWN';

/** Per department. */
export type RepairDepartmentFigure = {
  __typename?: 'RepairDepartmentFigure';
  /** Repair applications submitted in the period. */
  applications: Scalars['Int']['output'];
  /** Department code. */
  department: Scalars['String']['output'];
  /** Objections submitted in the period. */
  objections: Scalars['Int']['output'];
  /** Open cases past their stage's last day today. */
  overdue: Scalars['Int']['output'];
};

/** Whether a subject may apply to repair a record today. */
export type RepairEligibility = {
  __typename?: 'RepairEligibility';
  /** True when 申请信用修复 is open. */
  eligible: Scalars['Boolean']['output'];
  /** The first day an application is possible, when time is what stands in the way. */
  from: Maybe<Scalars['Date']['output']>;
  /** Why not (Chinese, for the site); null when eligible. */
  reason: Maybe<Scalars['String']['output']>;
  /** The rule applied, with its official source. */
  rule: Scalars['String']['output'];
};

/** A file of a case: never public; its content is read through Query.repairFile (every read audited). */
export type RepairFile = {
  __typename?: 'RepairFile';
  /** The name it was uploaded with. */
  fileName: Scalars['String']['output'];
  /** File id. */
  id: Scalars['ID']['output'];
  /** The type told by its content. */
  mediaType: Scalars['String']['output'];
  /** What it is. */
  purpose: RepairFilePurpose;
  /** SHA-256 of the content (hex). */
  sha256: Scalars['String']['output'];
  /** Bytes. */
  size: Scalars['Int']['output'];
  /** When it was uploaded. */
  uploadedAt: Scalars['DateTime']['output'];
};

/** A file's content (base64), for its applicant, the platform and the deciding department. */
export type RepairFileContent = {
  __typename?: 'RepairFileContent';
  /** The content, base64. */
  contentBase64: Scalars['String']['output'];
  /** The file. */
  file: RepairFile;
};

/** What a file of a case is. */
export type RepairFilePurpose =
  /** 授权委托书 (when an agent applies) */
  | 'AUTHORISATION'
  /** 信用承诺书 (signed and stamped scan) */
  | 'COMMITMENT'
  /** 异议证明材料 (the decision, a revocation, a screenshot of the authority's site, …) */
  | 'EVIDENCE'
  /** 履行法定义务的证明 (缴款凭证, 整改报告, …) */
  | 'PROOF';

/** What anyone holding the 查询码 sees: the progress, no statement and no files. */
export type RepairProgress = {
  __typename?: 'RepairProgress';
  /** When it was closed. */
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** The decision's reason, once decided. */
  decisionReason: Maybe<Scalars['String']['output']>;
  /** The deciding department's name. */
  departmentName: Scalars['String']['output'];
  /** The last day of the current stage. */
  dueOn: Maybe<Scalars['Date']['output']>;
  /** REPAIR or OBJECTION. */
  kind: RepairCaseKind;
  /** The record's kind. */
  recordKind: RepairRecordKind;
  /** State. */
  state: RepairCaseState;
  /** When it was submitted. */
  submittedAt: Maybe<Scalars['DateTime']['output']>;
};

/** Which cases a queue shows. */
export type RepairQueueFilter = {
  /** Only these kinds. */
  kind?: InputMaybe<RepairCaseKind>;
  /** Only cases past their stage's last day. */
  overdueOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only these states (default: every open one). */
  states?: InputMaybe<Array<RepairCaseState>>;
};

/** The records the window handles. */
export type RepairRecordKind =
  /** 经营异常名录 (market) */
  | 'ABNORMAL_OPERATION'
  /** 行政处罚 (双公示, disclosure; decided by the reporting department) */
  | 'ADMINISTRATIVE_PENALTY'
  /** 失信被执行人 (court; objections only) */
  | 'DISHONEST_DEBTOR'
  /** 环境行政处罚 (environment; objections only) */
  | 'ENVIRONMENTAL_PENALTY'
  /** 重大税收违法失信主体 (tax) */
  | 'MAJOR_TAX_VIOLATION'
  /** 严重违法失信名单 (market) */
  | 'SERIOUS_ILLEGAL';

/** Working days one stage took, per kind, stage and department (cases whose stage ended in the period). */
export type RepairStageFigure = {
  __typename?: 'RepairStageFigure';
  /** Average working days. */
  averageWorkingDays: Maybe<Scalars['Float']['output']>;
  /** Stages ended in the period. */
  count: Scalars['Int']['output'];
  /** Department code. */
  department: Scalars['String']['output'];
  /** REPAIR or OBJECTION. */
  kind: RepairCaseKind;
  /** 90th percentile (nearest rank) of working days. */
  p90WorkingDays: Maybe<Scalars['Int']['output']>;
  /** The stage (SUBMITTED = platform check, FORWARDED = acceptance, ACCEPTED = review, APPROVED = sync, RETURNED = 补正). */
  stage: RepairCaseState;
};

/** The window's figures for the dashboards (信用修复效率, 异议占比 and 处理时长 of city credit monitoring). */
export type RepairStatistics = {
  __typename?: 'RepairStatistics';
  /** Repair applications submitted. */
  applications: Scalars['Int']['output'];
  /** Applications approved (APPROVED or SYNCED) among those submitted. */
  approved: Scalars['Int']['output'];
  /** Objections resolved: average working days from submission to outcome (补正 time not counted). */
  averageObjectionWorkingDays: Maybe<Scalars['Float']['output']>;
  /** Repair applications decided: average working days from submission to decision (补正 time not counted). */
  averageRepairWorkingDays: Maybe<Scalars['Float']['output']>;
  /** Applications denied. */
  denied: Scalars['Int']['output'];
  /** Per department. */
  departments: Array<RepairDepartmentFigure>;
  /** Period start (submission day, inclusive). */
  from: Scalars['Date']['output'];
  /** Cases not accepted. */
  notAccepted: Scalars['Int']['output'];
  /** objections ÷ (applications + objections), 0 when none. */
  objectionShare: Scalars['Float']['output'];
  /** Objections submitted. */
  objections: Scalars['Int']['output'];
  /** Open cases past their stage's last day today. */
  overdue: Scalars['Int']['output'];
  /** Objections resolved: p90 working days. */
  p90ObjectionWorkingDays: Maybe<Scalars['Int']['output']>;
  /** Per stage and department. */
  stages: Array<RepairStageFigure>;
  /** Period end (inclusive). */
  to: Scalars['Date']['output'];
};

/** One change of state. */
export type RepairTransition = {
  __typename?: 'RepairTransition';
  /** What was done (SUBMIT, FORWARD, ACCEPT, …). */
  action: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** Who did it: APPLICANT, PLATFORM, DEPARTMENT or SYSTEM (names of officers are not shown). */
  by: Scalars['String']['output'];
  /** From (null on creation). */
  from: Maybe<RepairCaseState>;
  /** The reason given. */
  reason: Maybe<Scalars['String']['output']>;
  /** Working days the ended stage took (the 补正 time not counted). */
  stageDays: Maybe<Scalars['Int']['output']>;
  /** To. */
  to: RepairCaseState;
};

/** Whether a 限制消费令 is in force (状态). */
export type RestrictionStatus =
  /** 生效中 — in force */
  | 'ACTIVE'
  /** 已解除 — lifted */
  | 'LIFTED';

/** 修订记录 — one accepted version of a record: who sent it, when, through which channel. */
export type Revision = {
  __typename?: 'Revision';
  /** GRAPHQL, FILE or UPLOAD. */
  channel: DisclosureChannel;
  /** Submitting department. */
  department: Scalars['String']['output'];
  /** Revision id. */
  id: Scalars['ID']['output'];
  /** When it was received. */
  receivedAt: Scalars['DateTime']['output'];
  /** Row number inside that submission. */
  rowNumber: Scalars['Int']['output'];
  /** Submission (GraphQL call or import job) that carried it. */
  submissionId: Scalars['String']['output'];
  /** Caller id of the submitter. */
  submitter: Scalars['String']['output'];
};

/** Roles (角色) of callers. */
export type Role =
  /** 管理员 — administrator: keys, catalogues, users */
  | 'ADMIN'
  /** 企业用户 — an enterprise signed in as itself, bound to its USCC (its own 专项信用报告) */
  | 'ENTERPRISE'
  /** 部门工作人员 — officer bound to one department */
  | 'OFFICER'
  /** 公众 — anonymous caller (the public site) */
  | 'PUBLIC'
  /** 监管人员 — supervisor: reads everything, writes nothing */
  | 'SUPERVISOR'
  /** 部门系统 — a department's system calling with an API key */
  | 'SYSTEM';

/** The reasons a row of a submission was quarantined. */
export type RowReasons = {
  __typename?: 'RowReasons';
  /** Every failed rule. */
  reasons: Array<ValidationReason>;
  /** 1-based row number in the submission. */
  rowNumber: Scalars['Int']['output'];
};

/**
 * An entry of the 严重违法失信名单 (《市场监督管理严重违法失信名单管理办法》, 总局令第44号; black list). It is in force for
 * three years from listing (longer only while a 限制开展生产经营活动/限制从业 measure lasts) and ends by itself the day
 * after; it may be removed early (信用修复) once listed a full year, or revoked.
 */
export type SeriousIllegalListing = {
  __typename?: 'SeriousIllegalListing';
  /** Id of the 经营异常名录 entry transferred (ground ABNORMAL_TRANSFER). */
  abnormalOperationId: Maybe<Scalars['ID']['output']>;
  /** 列入依据 — legal basis (the articles applied). */
  basis: Scalars['String']['output'];
  /** 列入决定书文号 — decision document number. */
  decisionDocument: Scalars['String']['output'];
  /** First day an early removal may be applied for: the day after the first year ends. */
  earlyRemovalFrom: Scalars['Date']['output'];
  /** Last day in force (届满日期): three years from listing, or the end of a longer measure; gone the day after. */
  expiresOn: Scalars['Date']['output'];
  /** 违法失信行为 — the illegal facts. */
  facts: Scalars['String']['output'];
  /** What the listing rests on: a 较重行政处罚, or three years on the 经营异常名录. */
  ground: SeriousListingGround;
  /** Chinese label of the ground. */
  groundLabel: Scalars['String']['output'];
  /** Early removal: the harm and bad influence were removed (已经主动消除危害后果和不良影响). */
  harmRemoved: Maybe<Scalars['Boolean']['output']>;
  /** Entry id. */
  id: Scalars['ID']['output'];
  /** 列入日期 — date listed. */
  listedOn: Scalars['Date']['output'];
  /** 作出决定机关 — listing authority. */
  listingAuthority: Scalars['String']['output'];
  /** End of a 限制开展生产经营活动/限制从业 measure running beyond three years: the listing lasts until then. */
  measuresEndOn: Maybe<Scalars['Date']['output']>;
  /** Early removal: no new 较重行政处罚 by market supervision (未再受到市场监督管理部门较重行政处罚). */
  noNewHeavyPenalty: Maybe<Scalars['Boolean']['output']>;
  /** 异议处理中. */
  objectionPending: Maybe<Scalars['Boolean']['output']>;
  /** 行政处罚决定书文号 of that penalty. */
  penaltyDecision: Maybe<Scalars['String']['output']>;
  /** The 较重行政处罚 the listing rests on (ground HEAVY_PENALTY). */
  penaltyKind: Maybe<HeavyPenaltyKind>;
  /** Chinese label of the penalty kind. */
  penaltyKindLabel: Maybe<Scalars['String']['output']>;
  /** Early removal: the subject performed the penalty decision (已经自觉履行行政处罚决定中规定的义务). */
  penaltyPerformed: Maybe<Scalars['Boolean']['output']>;
  /** Administrative division of the subject's registration authority. */
  regionCode: Scalars['String']['output'];
  /** 移出依据 — basis of the removal or revocation. */
  removalBasis: Maybe<Scalars['String']['output']>;
  /** How the entry was removed before its term. */
  removalGround: Maybe<SeriousRemovalGround>;
  /** 移出日期 — date removed early or revoked; null while listed and for an entry that expired. */
  removedOn: Maybe<Scalars['Date']['output']>;
  /** Early removal: date the subject applied (信用修复申请). */
  repairAppliedOn: Maybe<Scalars['Date']['output']>;
  /** Whether 申请信用修复 (提前移出) is open today. */
  repairEligibility: Maybe<RepairEligibility>;
  /** 修复办理中. */
  repairPending: Maybe<Scalars['Boolean']['output']>;
  /** Status today: LISTED, EXPIRED (term ended), REMOVED (early) or REVOKED. */
  status: MarketListingStatus;
  /** Chinese label of the status (列入 / 期满移出 / 提前移出 / 撤销列入). */
  statusLabel: Scalars['String']['output'];
  /** The listed subject. */
  subject: CreditSubject;
};

/** A page of 严重违法失信名单 entries. */
export type SeriousIllegalListingConnection = {
  __typename?: 'SeriousIllegalListingConnection';
  /** Entries of this page with cursors. */
  edges: Array<SeriousIllegalListingEdge>;
  /** Entries of this page. */
  nodes: Array<SeriousIllegalListing>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching entries (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** An entry in a page. */
export type SeriousIllegalListingEdge = {
  __typename?: 'SeriousIllegalListingEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: SeriousIllegalListing;
};

/** Input of listSeriousIllegal: a decision to list a subject in the 严重违法失信名单 (总局令第44号). */
export type SeriousIllegalListingInput = {
  /** ABNORMAL_TRANSFER: id of the subject's 经营异常名录 entry, in force and listed three full years; required for that ground. */
  abnormalOperationId?: InputMaybe<Scalars['ID']['input']>;
  /** 列入依据. */
  basis: Scalars['String']['input'];
  /** 列入决定书文号 (one listing per decision). */
  decisionDocument: Scalars['String']['input'];
  /** 违法失信行为. */
  facts: Scalars['String']['input'];
  /** What the listing rests on. */
  ground: SeriousListingGround;
  /** 列入日期, not in the future. */
  listedOn: Scalars['Date']['input'];
  /** 作出决定机关. */
  listingAuthority: Scalars['String']['input'];
  /** End of a 限制开展生产经营活动/限制从业 measure, when it runs beyond three years from listing. */
  measuresEndOn?: InputMaybe<Scalars['Date']['input']>;
  /** HEAVY_PENALTY: 行政处罚决定书文号 of that penalty; required for that ground. */
  penaltyDecision?: InputMaybe<Scalars['String']['input']>;
  /** HEAVY_PENALTY: the kind of 较重行政处罚 (第二条); required for that ground. */
  penaltyKind?: InputMaybe<HeavyPenaltyKind>;
  /** USCC of a registered market subject. */
  subjectCode: Scalars['ID']['input'];
};

/** Input of removeSeriousIllegal. */
export type SeriousIllegalRemovalInput = {
  /** EARLY_REMOVAL: date the subject applied; not before the entry has been listed a full year, not in the future. */
  appliedOn?: InputMaybe<Scalars['Date']['input']>;
  /** 移出依据 or the reason of the revocation. */
  basis: Scalars['String']['input'];
  /** Early removal (信用修复) or revocation. */
  ground: SeriousRemovalGround;
  /** EARLY_REMOVAL: the harm and bad influence were removed (required true). */
  harmRemoved?: InputMaybe<Scalars['Boolean']['input']>;
  /** EARLY_REMOVAL: no new 较重行政处罚 by market supervision since the listing (required true). */
  noNewHeavyPenalty?: InputMaybe<Scalars['Boolean']['input']>;
  /** EARLY_REMOVAL: the subject performed the penalty decision (required true for a penalty-based listing). */
  penaltyPerformed?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What a 严重违法失信名单 entry was listed on (《市场监督管理严重违法失信名单管理办法》, 总局令第44号). */
export type SeriousListingGround =
  /** 经营异常名录届满三年 — still on the 经营异常名录 three years after listing with the obligations unmet */
  | 'ABNORMAL_TRANSFER'
  /** 受到较重行政处罚 — a heavy administrative penalty (第二条) for one of the offences of 第五条–第十条 */
  | 'HEAVY_PENALTY';

/** How a 严重违法失信名单 entry leaves the list before its term ends. */
export type SeriousRemovalGround =
  /** 提前移出 (信用修复) — listed a full year, the penalty performed, the harm removed, no new 较重行政处罚 */
  | 'EARLY_REMOVAL'
  /** 撤销 — the listing, or the penalty it rests on, was revoked or found unlawful */
  | 'REVOKED';

/** Period of the check statistics. */
export type StatisticsPeriod =
  /** Calendar day in China time */
  | 'DAY'
  /** Calendar month in China time */
  | 'MONTH';

/** Kind of credit subject (信用主体类别). */
export type SubjectKind =
  /** 企业 — enterprise (USCC 91) */
  | 'ENTERPRISE'
  /** 农民专业合作社 — farmers' cooperative (USCC 93) */
  | 'FARMERS_COOPERATIVE'
  /** 机关 — government body (USCC 11) */
  | 'GOVERNMENT_BODY'
  /** 个体工商户 — individual business (USCC 92) */
  | 'INDIVIDUAL_BUSINESS'
  /** 自然人 — natural person */
  | 'NATURAL_PERSON'
  /** 其他 — other registration categories */
  | 'OTHER'
  /** 事业单位 — public institution (USCC 12) */
  | 'PUBLIC_INSTITUTION'
  /** 社会组织 — social organisation (社会团体, 民办非企业单位, 基金会, ...) */
  | 'SOCIAL_ORGANISATION';

/** 报送批次 — a submission with its reconciled counts. */
export type Submission = {
  __typename?: 'Submission';
  /** New records. */
  accepted: Scalars['Int']['output'];
  /** Channel. */
  channel: DisclosureChannel;
  /** When the first rows arrived. */
  createdAt: Scalars['DateTime']['output'];
  /** Submitting department. */
  department: Scalars['String']['output'];
  /** Submission id. */
  id: Scalars['ID']['output'];
  /** CF or XK. */
  kind: DisclosureKind;
  /** Quarantined rows. */
  quarantined: Scalars['Int']['output'];
  /** Rows received. */
  received: Scalars['Int']['output'];
  /** Whether received = accepted + updated + quarantined. */
  reconciled: Scalars['Boolean']['output'];
  /** Caller id of the submitter. */
  submitter: Scalars['String']['output'];
  /** Identical resubmissions. */
  unchanged: Scalars['Int']['output'];
  /** Rows for existing keys. */
  updated: Scalars['Int']['output'];
};

/** The result of a submission: received = accepted + updated + quarantined, always. */
export type SubmissionResult = {
  __typename?: 'SubmissionResult';
  /** New records. */
  accepted: Scalars['Int']['output'];
  /** Rows that failed validation, kept in the quarantine. */
  quarantined: Scalars['Int']['output'];
  /** Rows received. */
  received: Scalars['Int']['output'];
  /** Ids of the records written, in row order (null for a quarantined row). */
  recordIds: Array<Maybe<Scalars['ID']['output']>>;
  /** Why each quarantined row failed. */
  rejected: Array<RowReasons>;
  /** Submission id (quarantine entries point at it). */
  submissionId: Scalars['ID']['output'];
  /** Of `updated`, rows identical to the stored record (no new revision). */
  unchanged: Scalars['Int']['output'];
  /** Rows for an existing record key (including identical resubmissions). */
  updated: Scalars['Int']['output'];
};

/** 分级分类监管 level: how closely a subject is supervised, and how often it is drawn in 双随机 inspections. */
export type SupervisionLevel = {
  __typename?: 'SupervisionLevel';
  /** Chinese label, e.g. 信用风险低. */
  label: Scalars['String']['output'];
  /** Level code, e.g. A (信用风险低) … D (信用风险高). */
  level: Scalars['String']['output'];
  /** Share of the level's subjects drawn in a 双随机 inspection, 0–1 (e.g. 0.05 = 5%). */
  samplingRatio: Scalars['Float']['output'];
};

/** 纳税信用级别 — tax credit level (国家税务总局公告2014年第40号, 2025年第12号). */
export type TaxCreditLevel =
  /** A级: score ≥ 90 (红名单, incentives) */
  | 'A'
  /** B级: 70 ≤ score < 90 */
  | 'B'
  /** C级: 40 ≤ score < 70 */
  | 'C'
  /** D级: score < 40, or assigned directly (e.g. 重大税收违法失信主体) */
  | 'D'
  /** M级: new enterprise, or no operating income in the year and score ≥ 70 */
  | 'M';

/** A yearly 纳税信用评价 result (tax credit rating) of one taxpayer. */
export type TaxCreditRating = {
  __typename?: 'TaxCreditRating';
  /** Rating tax authority (评价税务机关). */
  authority: Scalars['String']['output'];
  /** Date the result was determined (评价日期). */
  evaluatedOn: Scalars['Date']['output'];
  /** Whether this rating is the one that counts today (determined, not past validUntil, no newer one in force). */
  inForce: Scalars['Boolean']['output'];
  /** Level (纳税信用级别). */
  level: TaxCreditLevel;
  /** Administrative division of the taxpayer's tax authority (行政区划代码). */
  regionCode: Scalars['String']['output'];
  /**
   * Score out of 100 (评价得分); null when the level was assigned directly (D) or for a new enterprise's M. Tax
   * department and supervisors only.
   */
  score: Maybe<Scalars['Float']['output']>;
  /** The rated subject. */
  subject: CreditSubject;
  /** Last day this rating counts (有效至): 30 April of year + 2, when the next year's rating is due. */
  validUntil: Scalars['Date']['output'];
  /** Evaluation year (评价年度): the calendar year whose conduct was rated. */
  year: Scalars['Int']['output'];
};

/** A page of tax credit ratings. */
export type TaxCreditRatingConnection = {
  __typename?: 'TaxCreditRatingConnection';
  /** Ratings of this page with cursors. */
  edges: Array<TaxCreditRatingEdge>;
  /** Ratings of this page. */
  nodes: Array<TaxCreditRating>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** Number of matching ratings (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** A rating in a page. */
export type TaxCreditRatingEdge = {
  __typename?: 'TaxCreditRatingEdge';
  /** Opaque cursor to pass as `after`. */
  cursor: Scalars['String']['output'];
  /** The rating. */
  node: TaxCreditRating;
};

/** Input of recordTaxCreditRating: one taxpayer's 纳税信用评价 result of one year. */
export type TaxCreditRatingInput = {
  /** Rating tax authority (评价税务机关). */
  authority: Scalars['String']['input'];
  /** Date the result was determined (评价日期), not in the future. */
  evaluatedOn: Scalars['Date']['input'];
  /** Level (纳税信用级别). */
  level: TaxCreditLevel;
  /** Administrative division; required for a person key, else taken from the USCC. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /**
   * Score 0–100; must agree with the level (A ≥ 90, B 70–<90, M ≥ 70, C 40–<70, D < 40). D (assigned directly) and M
   * (a newly established enterprise, which is not rated in its first evaluation year) may have none.
   */
  score?: InputMaybe<Scalars['Float']['input']>;
  /** The taxpayer: USCC (统一社会信用代码) or person key. */
  subjectCode: Scalars['ID']['input'];
  /** Rating year (评价年度), not after the current year. */
  year: Scalars['Int']['input'];
};

/**
 * Grounds on which publication of a 重大税收违法失信主体 entry stops before its three years (国家税务总局令第54号 第四章
 * 提前停止公布).
 */
export type TaxPublicationStopGround =
  /** 破产：人民法院出具批准重整计划或认可和解协议的裁定书，税务机关依法受偿 */
  | 'BANKRUPTCY_REORGANISATION'
  /** 确定失信主体的决定被撤销或变更 (行政复议、行政诉讼) */
  | 'DECISION_REVOKED'
  /** 在发生重大自然灾害、公共卫生、社会安全等突发事件期间，因参与应急抢险救灾、疫情防控、重大项目建设或者履行社会责任作出突出贡献 */
  | 'OUTSTANDING_CONTRIBUTION'
  /** 按照《税务处理决定书》《税务行政处罚决定书》缴清税款、滞纳金和罚款，且失信信息公布满六个月 (not open to a subject determined twice or more within five years) */
  | 'PAID_IN_FULL';

/** A further responsible person of a 重大税收违法失信主体 entry, published with it (name and ID number masked). */
export type TaxResponsiblePerson = {
  __typename?: 'TaxResponsiblePerson';
  /**
   * 身份证件号码 — masked for the public with the whole birth date hidden (隐去出生年、月、日号码段, 国家税务总局令第54号),
   * e.g. 330106********1234.
   */
  idNumber: Maybe<Scalars['String']['output']>;
  /** 姓名 — masked for the public. */
  name: Scalars['String']['output'];
  /** Role. */
  role: TaxResponsibleRole;
  /** Chinese label of the role. */
  roleLabel: Scalars['String']['output'];
  /** 性别 (男/女). */
  sex: Maybe<Scalars['String']['output']>;
};

/** A further responsible person of an entry. */
export type TaxResponsiblePersonInput = {
  /** 身份证件号码 (居民身份证号码, validated). */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 姓名. */
  name: Scalars['String']['input'];
  /** Role. */
  role: TaxResponsibleRole;
  /** 性别 (男/女). */
  sex?: InputMaybe<Scalars['String']['input']>;
};

/** Role of a further responsible person published with an entry (国家税务总局令第54号 第十一条). */
export type TaxResponsibleRole =
  /** 经人民法院生效裁判确定的实际责任人 — the person a court found actually responsible */
  | 'ACTUAL_RESPONSIBLE'
  /** 经法院裁判确定的负有直接责任的财务人员 — the finance person a court found directly responsible */
  | 'FINANCE_PERSON'
  /** 经法院裁判确定的团伙成员 — a gang member named by a court */
  | 'GANG_MEMBER';

/** The eleven situations that make a 重大税收违法失信主体 (国家税务总局令第54号 第六条). */
export type TaxViolationSituation =
  /** 走逃（失联） */
  | 'ABSCONDED'
  /** 逃避追缴欠税 ≥ 100万元 */
  | 'EVADING_ARREARS_RECOVERY'
  /** 骗取国家出口退税款 */
  | 'EXPORT_REBATE_FRAUD'
  /** 为他人偷逃税款提供便利 ≥ 100万元 */
  | 'FACILITATING_EVASION'
  /** 虚开增值税普通发票 ≥ 100份 or ≥ 400万元 */
  | 'FALSE_ORDINARY_INVOICES'
  /** 虚开增值税专用发票或其他抵扣、退税发票 */
  | 'FALSE_SPECIAL_INVOICES'
  /** 私自印制、伪造、变造发票等 */
  | 'ILLEGAL_INVOICE_PRINTING'
  /** 其他性质恶劣、情节严重的税收违法行为 */
  | 'OTHER_SERIOUS'
  /** 税务代理人违法造成少缴税款 ≥ 100万元 */
  | 'TAX_AGENT_VIOLATION'
  /** 偷税 ≥ 100万元 and ≥ 10% of tax due, or withheld tax not paid ≥ 100万元 */
  | 'TAX_EVASION'
  /** 抗税 (refusal by violence or threat) */
  | 'VIOLENT_REFUSAL';

/** Why a listing term was extended by one to three years (延长纳入期限, 法释〔2017〕7号 第二条第一款). */
export type TermExtensionGround =
  /** 具有多项失信行为 — several listing behaviours (needs two or more behaviours) */
  | 'MULTIPLE_BEHAVIOURS'
  /** 以暴力、威胁方法妨碍、抗拒执行情节严重 — serious obstruction by violence or threats (needs OBSTRUCTING_EXECUTION) */
  | 'SERIOUS_VIOLENT_OBSTRUCTION';

/**
 * 应查未查: a reported business decision with no credit check of the subject in the matter by the deciding
 * department within the window before it.
 */
export type UncheckedDecision = {
  __typename?: 'UncheckedDecision';
  /** Decision date. */
  decidedOn: Scalars['Date']['output'];
  /** Deciding department. */
  department: Scalars['String']['output'];
  /** Decision id. */
  id: Scalars['ID']['output'];
  /** The department's latest check of the subject in the matter before the window, if any (too old to count). */
  lastCheckedAt: Maybe<Scalars['DateTime']['output']>;
  /** Business matter. */
  matter: BusinessMatter;
  /** Chinese label of the matter. */
  matterLabel: Scalars['String']['output'];
  /** The department's reference. */
  reference: Scalars['String']['output'];
  /** The subject decided about. */
  subject: CreditSubject;
};

/** 应惩未惩: a punitive measure a check returned that was neither applied nor justified in time. */
export type UnpunishedMeasure = {
  __typename?: 'UnpunishedMeasure';
  /** The check. */
  checkId: Scalars['ID']['output'];
  /** When the check was made. */
  checkedAt: Scalars['DateTime']['output'];
  /** Working days past the deadline (0 for a measure refused without reason inside the allowed time). */
  daysOverdue: Scalars['Int']['output'];
  /**
   * Last day feedback was due: the check's date plus the allowed working days (chineseCalendar). Null when it lies in
   * a year whose holiday notice the calendar does not hold yet: it is then after today, so nothing is overdue.
   */
  deadline: Maybe<Scalars['Date']['output']>;
  /** Checking department. */
  department: Maybe<Scalars['String']['output']>;
  /** Business matter. */
  matter: BusinessMatter;
  /** The measure as applied in the check. */
  measure: AppliedMeasure;
  /** Why it is listed. */
  reason: UnpunishedReason;
  /** The caller's reference. */
  reference: Maybe<Scalars['String']['output']>;
  /** The checked subject. */
  subject: CreditSubject;
};

/** Why a punitive measure is reported as 应惩未惩. */
export type UnpunishedReason =
  /** Reported as not applied without a reason (不执行且无理由) */
  | 'NOT_APPLIED_WITHOUT_REASON'
  /** No feedback within the allowed working days (未反馈) */
  | 'NO_FEEDBACK';

/** One failed validation rule of a row. */
export type ValidationReason = {
  __typename?: 'ValidationReason';
  /** Column code, e.g. CF_JDRQ. */
  field: Scalars['String']['output'];
  /** Message naming the column (with its Chinese label) and the rule. */
  message: Scalars['String']['output'];
  /** Stable rule code, e.g. REQUIRED, USCC_CHECK_CHARACTER, NOT_IN_FUTURE, AUTHORITY_DEPARTMENT, ABOVE_MAXIMUM_PUBLICITY. */
  rule: Scalars['String']['output'];
};

/**
 * 删除 or 撤销: a deletion ends a lawful listing (法释〔2017〕7号 第二条第二款, 第十条); a revocation undoes a listing
 * that should not have been made (第九条, 第十二条).
 */
export type WithdrawalKind =
  /** 删除 — deletion */
  | 'DELETION'
  /** 撤销 — revocation */
  | 'REVOCATION';

/**
 * Why a case left the list, with the article of 法释〔2017〕7号 each ground comes from. The seven 第十条第一款 grounds
 * apply only to a listing without a term ("有纳入期限的，不适用前款规定"); a listing with a term ends with its term
 * (PERIOD_ENDED) or earlier by the court's decision (EARLY_DELETION). Revocations apply to both.
 */
export type WithdrawalReason =
  /**
   * 第十条第一款第（三）项 申请执行人书面申请删除失信信息，人民法院审查同意 — deleted at the applicant's written request
   * (no-term listings); bars a relisting applied for within six months (第十条第四款)
   */
  | 'APPLICANT_REQUEST'
  /** 第十一条第（一）项、第十二条 纠正申请理由成立，撤销 — correction application granted, revoked */
  | 'CORRECTION_GRANTED'
  /** 第二条第二款 积极履行或主动纠正失信行为，提前删除 — early deletion before the term ends (listings with a term) */
  | 'EARLY_DELETION'
  /** 第十条第一款第（五）项 因审判监督或破产程序裁定中止执行 — execution suspended (no-term listings) */
  | 'EXECUTION_SUSPENDED'
  /** 第十条第一款第（七）项 裁定终结执行 — execution terminated (no-term listings) */
  | 'EXECUTION_TERMINATED'
  /** 第九条 不应纳入而纳入，撤销 — listed in error, revoked */
  | 'LISTED_IN_ERROR'
  /** 第十条第一款第（六）项 裁定不予执行 — ruled not enforceable (no-term listings) */
  | 'NOT_ENFORCEABLE'
  /** 第十条第一款第（四）项 终结本次执行程序后两次以上查询未发现可供执行财产 — no assets found after 终本 (no-term listings) */
  | 'NO_ASSETS_FOUND'
  /** 其他（历史记录）— recorded before the grounds were itemised; not accepted for new withdrawals */
  | 'OTHER'
  /** 第十条第一款第（一）项 被执行人已履行生效法律文书确定的义务或人民法院已执行完毕 — performed (no-term listings) */
  | 'PERFORMED'
  /** 第十条第二款 纳入期限届满 — the term ended (listings with a term); the deletion is due within three working days */
  | 'PERIOD_ENDED'
  /** 第十条第一款第（二）项 当事人达成执行和解协议且已履行完毕 — settlement performed (no-term listings) */
  | 'SETTLEMENT_PERFORMED';

export type WebRegionsQueryVariables = Exact<{
  parentCode?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebRegionsQuery = { __typename?: 'Query', regions: Array<{ __typename?: 'Region', code: string, name: string, level: number | null }> };

export type WebSuggestQueryVariables = Exact<{
  query: Scalars['String']['input'];
}>;


export type WebSuggestQuery = { __typename?: 'Query', searchSubjects: { __typename?: 'CreditSubjectConnection', nodes: Array<{ __typename?: 'CreditSubject', code: string, name: string, kindLabel: string }> } };

export type WebSearchQueryVariables = Exact<{
  query?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<SubjectKind>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebSearchQuery = { __typename?: 'Query', searchSubjects: { __typename?: 'CreditSubjectConnection', totalCount: number, nodes: Array<{ __typename?: 'CreditSubject', code: string, name: string, kind: SubjectKind, kindLabel: string, registrationStatus: RegistrationStatus, legalRepresentative: string | null, establishedOn: string | null, isALevelTaxpayer: boolean | null, isEnvironmentalIntegrityEnterprise: boolean | null, isMajorTaxViolator: boolean | null, isDishonestDebtor: boolean | null, isSeriousIllegal: boolean | null, isOnEnvironmentalBlacklist: boolean | null, isInAbnormalOperationList: boolean | null, isMarkedAbnormal: boolean | null, isConsumptionRestricted: boolean | null, isOnEnvironmentalWatchList: boolean | null, isHighFrequencyOffender: boolean | null, region: { __typename?: 'Region', fullName: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebSubjectQueryVariables = Exact<{
  code: Scalars['ID']['input'];
}>;


export type WebSubjectQuery = { __typename?: 'Query', subject: { __typename?: 'CreditSubject', code: string, name: string, kind: SubjectKind, kindLabel: string, legalRepresentative: string | null, registrationStatus: RegistrationStatus, establishedOn: string | null, isALevelTaxpayer: boolean | null, isEnvironmentalIntegrityEnterprise: boolean | null, isMajorTaxViolator: boolean | null, isDishonestDebtor: boolean | null, isSeriousIllegal: boolean | null, isOnEnvironmentalBlacklist: boolean | null, isInAbnormalOperationList: boolean | null, isMarkedAbnormal: boolean | null, isConsumptionRestricted: boolean | null, isOnEnvironmentalWatchList: boolean | null, isHighFrequencyOffender: boolean | null, region: { __typename?: 'Region', code: string, fullName: string }, industry: { __typename?: 'Industry', code: string, name: string } | null, registration: { __typename?: 'Registration', entityType: string, legalRepresentative: string | null, establishedOn: string, registeredCapital: number | null, currency: string, businessScope: string, address: string | null, registrationAuthority: string, statusLabel: string, approvedOn: string | null } | null, annualReports: Array<{ __typename?: 'AnnualReport', year: number, filedOn: string | null, dueBy: string, statusLabel: string }> | null, administrativeLicences: Array<{ __typename?: 'AdministrativeLicence', id: string, documentName: string, documentNumber: string, category: LicenceCategory, certificateName: string | null, licenceNumber: string | null, content: string, decidedOn: string, validFrom: string, validUntil: string, isLongTerm: boolean, authorityName: string, sourceName: string }> | null, administrativePenalties: Array<{ __typename?: 'AdministrativePenalty', id: string, objectionPending: boolean | null, repairPending: boolean | null, documentNumber: string, violationType: string, facts: string, legalBasis: string, content: string, fineAmount: string | null, confiscatedAmount: string | null, decidedOn: string, tierLabel: string, publicityEndsOn: string | null, repairableFrom: string, authorityName: string, sourceName: string, repairEligibility: { __typename?: 'RepairEligibility', eligible: boolean, reason: string | null, from: string | null } | null }> | null, environmentalPenalties: Array<{ __typename?: 'EnvironmentalPenalty', id: string, decisionNumber: string, violationType: string, facts: string, fine: number, decidedOn: string, authority: string }> | null, majorTaxViolations: Array<{ __typename?: 'MajorTaxViolation', id: string, objectionPending: boolean | null, repairPending: boolean | null, situationLabel: string, mainFacts: string, legalBasis: string, penalty: string, inspectingAuthority: string, publishedOn: string, publicityEndsOn: string, paidInFullStopFrom: string, repairEligibility: { __typename?: 'RepairEligibility', eligible: boolean, reason: string | null, from: string | null } | null }>, dishonestDebtorCases: Array<{ __typename?: 'DishonestDebtorCase', caseNumber: string, courtName: string, filedOn: string, obligation: string, performanceLabel: string, behaviourLabels: Array<string>, decidedOn: string, listedUntil: string | null, publishedOn: string }> | null, consumptionRestrictions: Array<{ __typename?: 'ConsumptionRestriction', id: string, caseNumber: string, courtName: string, restrictedPerson: string | null, issuedOn: string }> | null, seriousIllegalListings: Array<{ __typename?: 'SeriousIllegalListing', id: string, objectionPending: boolean | null, repairPending: boolean | null, decisionDocument: string, groundLabel: string, basis: string, facts: string, listingAuthority: string, listedOn: string, expiresOn: string, earlyRemovalFrom: string, repairEligibility: { __typename?: 'RepairEligibility', eligible: boolean, reason: string | null, from: string | null } | null }> | null, abnormalOperations: Array<{ __typename?: 'AbnormalOperation', id: string, objectionPending: boolean | null, repairPending: boolean | null, kindLabel: string, reasonLabel: string, listingAuthority: string, listingDocument: string | null, listedOn: string, statusLabel: string, repairEligibility: { __typename?: 'RepairEligibility', eligible: boolean, reason: string | null, from: string | null } | null }> | null, environmentalRating: { __typename?: 'EnvironmentalRating', year: number, gradeLabel: string, colourLabel: string, authority: string, evaluatedOn: string, validUntil: string } | null } | null };

export type WebCreditListsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebCreditListsQuery = { __typename?: 'Query', creditLists: Array<{ __typename?: 'CreditListInfo', list: CreditList, label: string, type: CreditListType, typeLabel: string, departmentLabel: string }> };

export type WebDishonestDebtorListQueryVariables = Exact<{
  regionCode?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebDishonestDebtorListQuery = { __typename?: 'Query', dishonestDebtorCases: { __typename?: 'DishonestDebtorCaseConnection', totalCount: number, nodes: Array<{ __typename?: 'DishonestDebtorCase', caseNumber: string, debtorName: string, courtName: string, filedOn: string, listedUntil: string | null, subject: { __typename?: 'CreditSubject', code: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebMajorTaxViolationListQueryVariables = Exact<{
  regionCode?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebMajorTaxViolationListQuery = { __typename?: 'Query', majorTaxViolations: { __typename?: 'MajorTaxViolationConnection', totalCount: number, nodes: Array<{ __typename?: 'MajorTaxViolation', id: string, taxpayerName: string, situationLabel: string, inspectingAuthority: string, publishedOn: string, publicityEndsOn: string, subject: { __typename?: 'CreditSubject', code: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebSeriousIllegalListQueryVariables = Exact<{
  regionCode?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebSeriousIllegalListQuery = { __typename?: 'Query', seriousIllegalListings: { __typename?: 'SeriousIllegalListingConnection', totalCount: number, nodes: Array<{ __typename?: 'SeriousIllegalListing', id: string, groundLabel: string, listingAuthority: string, listedOn: string, expiresOn: string, subject: { __typename?: 'CreditSubject', code: string, name: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebAbnormalOperationListQueryVariables = Exact<{
  regionCode?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebAbnormalOperationListQuery = { __typename?: 'Query', abnormalOperations: { __typename?: 'AbnormalOperationConnection', totalCount: number, nodes: Array<{ __typename?: 'AbnormalOperation', id: string, reasonLabel: string, listingAuthority: string, listedOn: string, subject: { __typename?: 'CreditSubject', code: string, name: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebALevelTaxpayerListQueryVariables = Exact<{
  regionCode?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebALevelTaxpayerListQuery = { __typename?: 'Query', aLevelTaxpayers: { __typename?: 'TaxCreditRatingConnection', totalCount: number, nodes: Array<{ __typename?: 'TaxCreditRating', year: number, authority: string, evaluatedOn: string, subject: { __typename?: 'CreditSubject', code: string, name: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebLatestPenaltiesQueryVariables = Exact<{
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebLatestPenaltiesQuery = { __typename?: 'Query', penalties: { __typename?: 'AdministrativePenaltyConnection', nodes: Array<{ __typename?: 'AdministrativePenalty', id: string, subjectName: string, documentNumber: string, violationType: string, decidedOn: string, publicityEndsOn: string | null, authorityName: string, subject: { __typename?: 'CreditSubject', code: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebLatestLicencesQueryVariables = Exact<{
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebLatestLicencesQuery = { __typename?: 'Query', licences: { __typename?: 'AdministrativeLicenceConnection', nodes: Array<{ __typename?: 'AdministrativeLicence', id: string, subjectName: string, documentName: string, documentNumber: string, decidedOn: string, validUntil: string, authorityName: string, subject: { __typename?: 'CreditSubject', code: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type WebRepairProgressQueryVariables = Exact<{
  queryCode: Scalars['String']['input'];
}>;


export type WebRepairProgressQuery = { __typename?: 'Query', repairProgress: { __typename?: 'RepairProgress', kind: RepairCaseKind, recordKind: RepairRecordKind, departmentName: string, state: RepairCaseState, dueOn: string | null, decisionReason: string | null, submittedAt: string | null, closedAt: string | null } | null };

export type WebRepairQueueQueryVariables = Exact<{
  filter?: InputMaybe<RepairQueueFilter>;
}>;


export type WebRepairQueueQuery = { __typename?: 'Query', repairQueue: Array<{ __typename?: 'RepairCase', id: string, kind: RepairCaseKind, queryCode: string, subjectCode: string, recordKind: RepairRecordKind, recordId: string, department: string, departmentName: string, category: ObjectionCategory | null, statement: string, state: RepairCaseState, dueOn: string | null, daysLeft: number | null, overdue: boolean, extended: boolean, missingMaterials: Array<RepairFilePurpose>, files: Array<{ __typename?: 'RepairFile', id: string, purpose: RepairFilePurpose, fileName: string, sha256: string }> }> };

export type WebRepairForwardMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebRepairForwardMutation = { __typename?: 'Mutation', forwardRepairCase: { __typename?: 'RepairCase', id: string, state: RepairCaseState } };

export type WebRepairReturnMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type WebRepairReturnMutation = { __typename?: 'Mutation', returnRepairCase: { __typename?: 'RepairCase', id: string, state: RepairCaseState } };

export type WebRepairAcceptMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebRepairAcceptMutation = { __typename?: 'Mutation', acceptRepairCase: { __typename?: 'RepairCase', id: string, state: RepairCaseState } };

export type WebRepairApproveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  basis: Scalars['String']['input'];
}>;


export type WebRepairApproveMutation = { __typename?: 'Mutation', approveRepairCase: { __typename?: 'RepairCase', id: string, state: RepairCaseState } };

export type WebRepairDenyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type WebRepairDenyMutation = { __typename?: 'Mutation', denyRepairCase: { __typename?: 'RepairCase', id: string, state: RepairCaseState } };

export type WebObjectionUpholdMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type WebObjectionUpholdMutation = { __typename?: 'Mutation', upholdObjection: { __typename?: 'RepairCase', id: string, state: RepairCaseState } };

export type WebObjectionCorrectMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type WebObjectionCorrectMutation = { __typename?: 'Mutation', correctObjection: { __typename?: 'RepairCase', id: string, state: RepairCaseState } };


export const WebRegionsDocument = {"__meta__":{"hash":"9b676ce380c9c14b2fc45c074fddf5e9a834c3b67adbf5aa0677ca585e175476"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRegions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]} as unknown as DocumentNode<WebRegionsQuery, WebRegionsQueryVariables>;
export const WebSuggestDocument = {"__meta__":{"hash":"07db64641351cb8070ed7d5ad9459b1df2da7a342e96711444a5138710c31bce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSuggest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}}]}}]}}]}}]} as unknown as DocumentNode<WebSuggestQuery, WebSuggestQueryVariables>;
export const WebSearchDocument = {"__meta__":{"hash":"2d7127e56433314264053e6162cea3330ddce537694e4dbbc64a52bed1dae15b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SubjectKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isALevelTaxpayer"}},{"kind":"Field","name":{"kind":"Name","value":"isEnvironmentalIntegrityEnterprise"}},{"kind":"Field","name":{"kind":"Name","value":"isMajorTaxViolator"}},{"kind":"Field","name":{"kind":"Name","value":"isDishonestDebtor"}},{"kind":"Field","name":{"kind":"Name","value":"isSeriousIllegal"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalBlacklist"}},{"kind":"Field","name":{"kind":"Name","value":"isInAbnormalOperationList"}},{"kind":"Field","name":{"kind":"Name","value":"isMarkedAbnormal"}},{"kind":"Field","name":{"kind":"Name","value":"isConsumptionRestricted"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalWatchList"}},{"kind":"Field","name":{"kind":"Name","value":"isHighFrequencyOffender"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebSearchQuery, WebSearchQueryVariables>;
export const WebSubjectDocument = {"__meta__":{"hash":"eafa2678228f19485370ac5398d0bf13d3355cbebe1b6a84fc6394078dece0dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"industry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isALevelTaxpayer"}},{"kind":"Field","name":{"kind":"Name","value":"isEnvironmentalIntegrityEnterprise"}},{"kind":"Field","name":{"kind":"Name","value":"isMajorTaxViolator"}},{"kind":"Field","name":{"kind":"Name","value":"isDishonestDebtor"}},{"kind":"Field","name":{"kind":"Name","value":"isSeriousIllegal"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalBlacklist"}},{"kind":"Field","name":{"kind":"Name","value":"isInAbnormalOperationList"}},{"kind":"Field","name":{"kind":"Name","value":"isMarkedAbnormal"}},{"kind":"Field","name":{"kind":"Name","value":"isConsumptionRestricted"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalWatchList"}},{"kind":"Field","name":{"kind":"Name","value":"isHighFrequencyOffender"}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"businessScope"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"approvedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annualReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrativeLicences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"certificateName"}},{"kind":"Field","name":{"kind":"Name","value":"licenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"isLongTerm"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrativePenalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"facts"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"fineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"confiscatedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tierLabel"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"repairableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentalPenalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"facts"}},{"kind":"Field","name":{"kind":"Name","value":"fine"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"majorTaxViolations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"situationLabel"}},{"kind":"Field","name":{"kind":"Name","value":"mainFacts"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"penalty"}},{"kind":"Field","name":{"kind":"Name","value":"inspectingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"paidInFullStopFrom"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dishonestDebtorCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"obligation"}},{"kind":"Field","name":{"kind":"Name","value":"performanceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"behaviourLabels"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"listedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consumptionRestrictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedPerson"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seriousIllegalListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisionDocument"}},{"kind":"Field","name":{"kind":"Name","value":"groundLabel"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"facts"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"earlyRemovalFrom"}}]}},{"kind":"Field","name":{"kind":"Name","value":"abnormalOperations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"reasonLabel"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listingDocument"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentalRating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLabel"}},{"kind":"Field","name":{"kind":"Name","value":"colourLabel"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}}]} as unknown as DocumentNode<WebSubjectQuery, WebSubjectQueryVariables>;
export const WebCreditListsDocument = {"__meta__":{"hash":"a98847a86de0142a84425bec826bb24ac1827ad413eaec832a619d68ace83a5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCreditLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeLabel"}},{"kind":"Field","name":{"kind":"Name","value":"departmentLabel"}}]}}]}}]} as unknown as DocumentNode<WebCreditListsQuery, WebCreditListsQueryVariables>;
export const WebDishonestDebtorListDocument = {"__meta__":{"hash":"44a8bf54be2ef1020ba2f25902ce2d7ce55993fa6db4baae2a9d34dafae60f50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebDishonestDebtorList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dishonestDebtorCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"filedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"filedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"debtorName"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"listedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebDishonestDebtorListQuery, WebDishonestDebtorListQueryVariables>;
export const WebMajorTaxViolationListDocument = {"__meta__":{"hash":"b1be61496eefc23f6e23031391931062872e0a2deca7ab429d56c205791473f9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebMajorTaxViolationList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"majorTaxViolations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxpayerName"}},{"kind":"Field","name":{"kind":"Name","value":"situationLabel"}},{"kind":"Field","name":{"kind":"Name","value":"inspectingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebMajorTaxViolationListQuery, WebMajorTaxViolationListQueryVariables>;
export const WebSeriousIllegalListDocument = {"__meta__":{"hash":"8cc74638fdab412d527aef3de3126f55f72ba1f66e2aaf6e5a82a8a9ce72c9c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSeriousIllegalList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seriousIllegalListings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"groundLabel"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebSeriousIllegalListQuery, WebSeriousIllegalListQueryVariables>;
export const WebAbnormalOperationListDocument = {"__meta__":{"hash":"9bd3fb273a8be0090e2d5ed32b226ea04306e3bc5b324d04698872baf2727bce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebAbnormalOperationList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abnormalOperations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reasonLabel"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebAbnormalOperationListQuery, WebAbnormalOperationListQueryVariables>;
export const WebALevelTaxpayerListDocument = {"__meta__":{"hash":"89dee1cb4b67b3f4bc7ce917446ec33cd69fef83959c158857318170e33c6965"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebALevelTaxpayerList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aLevelTaxpayers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebALevelTaxpayerListQuery, WebALevelTaxpayerListQueryVariables>;
export const WebLatestPenaltiesDocument = {"__meta__":{"hash":"03efc3672a9db5133b80e7f4fbec59db2bf5b3c87b08f1635ca416d7a870b34e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLatestPenalties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"penalties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"decidedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"decidedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebLatestPenaltiesQuery, WebLatestPenaltiesQueryVariables>;
export const WebLatestLicencesDocument = {"__meta__":{"hash":"444f89e4e2f3ea12666636fc694cfb004d12a801fa7b3e5eefc81d9009ccae3c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLatestLicences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"decidedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"decidedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebLatestLicencesQuery, WebLatestLicencesQueryVariables>;
export const WebRepairProgressDocument = {"__meta__":{"hash":"d89f48eedab3de4f0c9cd12d18ab12c093dd57680e16269d7b90fb5b2709412d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRepairProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"queryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repairProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"queryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"queryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<WebRepairProgressQuery, WebRepairProgressQueryVariables>;
export const WebRepairQueueDocument = {"__meta__":{"hash":"0b98654ee182ac78049f826a1114d072a65eaa577fc0658952264f513e7b77d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRepairQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RepairQueueFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repairQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"extended"}},{"kind":"Field","name":{"kind":"Name","value":"missingMaterials"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}}]}}]}}]} as unknown as DocumentNode<WebRepairQueueQuery, WebRepairQueueQueryVariables>;
export const WebRepairForwardDocument = {"__meta__":{"hash":"c680420192fb8f5582e47e3e703799404ebb117040642eb2851a99122c746389"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairForward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forwardRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairForwardMutation, WebRepairForwardMutationVariables>;
export const WebRepairReturnDocument = {"__meta__":{"hash":"04f05ad144ee686331ea7613e2644e26e2898579d3e7601517a6785dde708ad7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairReturnMutation, WebRepairReturnMutationVariables>;
export const WebRepairAcceptDocument = {"__meta__":{"hash":"f099d2fb5349870b7772fb7d4c0b7486ee18aa8d624d624f63936bdb523d712d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairAcceptMutation, WebRepairAcceptMutationVariables>;
export const WebRepairApproveDocument = {"__meta__":{"hash":"b58fc7560f9dea63eee4ac894cda3adb0ea8a5fd732d7089bad62a56db6d2c0e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"basis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"basis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"basis"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairApproveMutation, WebRepairApproveMutationVariables>;
export const WebRepairDenyDocument = {"__meta__":{"hash":"dbe8986ef8ab1d5f77dc4c695c7cfec1d1d508c9d71d32c941401771ff952e81"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairDeny"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"denyRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairDenyMutation, WebRepairDenyMutationVariables>;
export const WebObjectionUpholdDocument = {"__meta__":{"hash":"c783a8de082cec9b8b7df3be4328e507fbfa2004573bb7053927b692bbdffdc6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebObjectionUphold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upholdObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebObjectionUpholdMutation, WebObjectionUpholdMutationVariables>;
export const WebObjectionCorrectDocument = {"__meta__":{"hash":"a3c52f12ab9aed157454b04f6c95b3181ca5445a18a99432b1e61ef6c9090244"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebObjectionCorrect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebObjectionCorrectMutation, WebObjectionCorrectMutationVariables>;