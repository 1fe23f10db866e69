/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Threshold direction of an alert rule. */
export type AlertComparator =
  | 'ABOVE'
  | 'BELOW';

/** A threshold alert on a metric (e.g. 及时率 below 0.9 for a department). */
export type AlertRuleInput = {
  comparator: AlertComparator;
  filters?: Array<DimensionFilter> | null | undefined;
  metric: string | number;
  threshold: number;
};

/** 履约状态 of a credit commitment. */
export type CreditCommitmentState =
  /** 未践诺 — checked and broken: a negative record of the checking department */
  | 'BROKEN'
  /** 履约中 — made, not yet checked */
  | 'IN_FORCE'
  /** 已践诺 — checked and kept */
  | 'KEPT';

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

/** Type of a credit list. */
export type CreditListType =
  /** 黑名单 — 失信惩戒 */
  | 'BLACK'
  /** 红名单 — 守信激励 */
  | 'RED'
  /** 重点关注名单 — watch list */
  | 'WATCH';

/** A dashboard to save. */
export type DashboardInput = {
  /** JSON text, at most 200 kB, of the shape described on Dashboard.definition. */
  definition: string;
  /** DEPARTMENT scope: the department whose officers may open it (default platform, the 信用办). */
  department?: string | null | undefined;
  /** Omit to create. */
  id?: string | number | null | undefined;
  scope: ShareScope;
  /** 1–100 characters. */
  title: string;
};

/** A dimension filter: the fact's dimension must be one of the values. */
export type DimensionFilter = {
  /** Dimension id. */
  dimension: string;
  /** 1–200 values. */
  values: Array<string>;
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

/** How a metric aggregates its facts. */
export type MetricAggregation =
  /** Facts in the period. */
  | 'COUNT'
  /** sum(numerator) / sum(denominator) over the period. */
  | 'RATIO'
  /** Level at the period's end (running sum of signed changes). */
  | 'STOCK'
  /** Share of a stock at the period's end. */
  | 'STOCK_SHARE'
  /** Subjects reaching a number of facts in a window before the period's end. */
  | 'SUBJECTS_AT_LEAST';

/** Order of a frame's rows. */
export type MetricOrder = {
  descending?: boolean | null | undefined;
  /** `value`, `period` or a group-by dimension id. */
  field: string;
};

/** One panel's query (the Cube query shape): metric, period, grain, group-by, filters, order, limit. */
export type MetricQuery = {
  /** Filters on dimensions the metric allows. */
  filters?: Array<DimensionFilter> | null | undefined;
  /** First day (inclusive). */
  from: string;
  /** Time bucket; omit for one row per group. */
  grain?: TimeGrain | null | undefined;
  /** Up to 3 dimension ids the metric allows. */
  groupBy?: Array<string> | null | undefined;
  /** 1–1000 rows (default 100). */
  limit?: number | null | undefined;
  /** Metric id from `metrics`. */
  metric: string | number;
  /** Default: period ascending, then value descending. */
  orderBy?: MetricOrder | null | undefined;
  /** Last day (inclusive); at most 10 years after `from`. */
  to: string;
};

/** What a metric's number is. */
export type MetricUnit =
  /** A number of records, entries or checks. */
  | 'COUNT'
  /** A share between 0 and 1. */
  | 'RATIO'
  /** A number of distinct subjects. */
  | 'SUBJECTS';

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
  agentName?: string | null | undefined;
  /** Why the record is wrong. */
  category: ObjectionCategory;
  /** Contact phone (optional). */
  contactPhone?: string | null | undefined;
  /** The department that provided the record (only for ADMINISTRATIVE_PENALTY records the window does not know yet). */
  department?: string | null | undefined;
  /** The record's id. */
  recordId: string | number;
  /** The record's kind. */
  recordKind: RepairRecordKind;
  /** What is wrong and what it should say (1–2000 characters). */
  statement: string;
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
  agentName?: string | null | undefined;
  /** Contact phone for the department (optional). */
  contactPhone?: string | null | undefined;
  /** The record's id. */
  recordId: string | number;
  /** The record's kind. */
  recordKind: RepairRecordKind;
  /** What was done to perform the obligations and correct the wrong (1–2000 characters). */
  statement: string;
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

/** Which cases a queue shows. */
export type RepairQueueFilter = {
  /** Only these kinds. */
  kind?: RepairCaseKind | null | undefined;
  /** Only cases past their stage's last day. */
  overdueOnly?: boolean | null | undefined;
  /** Only these states (default: every open one). */
  states?: Array<RepairCaseState> | null | undefined;
};

/** The records the window handles. */
export type RepairRecordKind =
  /** 经营异常名录 (market) */
  | 'ABNORMAL_OPERATION'
  /** 行政处罚 (双公示, disclosure; decided by the reporting department) */
  | 'ADMINISTRATIVE_PENALTY'
  /** 信用承诺未践诺 (commitment): a broken commitment while published; decided by the department that checked it */
  | 'COMMITMENT_BREACH'
  /** 失信被执行人 (court; objections only) */
  | 'DISHONEST_DEBTOR'
  /** 环境信用黑名单 (environment): a red (or black) 企业环境信用评价 in force; the record id is the rating's */
  | 'ENVIRONMENTAL_BLACKLIST'
  /** 环境行政处罚 (environment; objections only) */
  | 'ENVIRONMENTAL_PENALTY'
  /** 重大税收违法失信主体 (tax) */
  | 'MAJOR_TAX_VIOLATION'
  /** 严重违法失信名单 (market) */
  | 'SERIOUS_ILLEGAL';

/** What a report is asked for: the scenarios city credit monitoring counts. */
export type ReportPurpose =
  /** 行政审批 */
  | 'ADMINISTRATIVE_APPROVAL'
  /** 评优评先 */
  | 'AWARD'
  /** 融资信贷 */
  | 'FINANCING'
  /** 一般查询 */
  | 'GENERAL'
  /** 上市融资 */
  | 'LISTING'
  /** 其他 */
  | 'OTHER'
  /** 政府采购 */
  | 'PROCUREMENT'
  /** 招标投标 */
  | 'TENDER';

/** Who may share a saved dashboard. */
export type ShareScope =
  /** The officers of one department (and every supervisor). */
  | 'DEPARTMENT'
  /** The owner only. */
  | 'PRIVATE'
  /** Every supervisor. */
  | 'SUPERVISORS';

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

/** Time buckets of a metric frame. */
export type TimeGrain =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'WEEK'
  | 'YEAR';

export type WebRegionsQueryVariables = Exact<{
  parentCode?: string | null | undefined;
}>;


export type WebRegionsQuery = { regions: Array<{ code: string, name: string, level: number | null }> };

export type WebSuggestQueryVariables = Exact<{
  prefix: string;
}>;


export type WebSuggestQuery = { suggestSubjects: Array<{ code: string, name: string, kindLabel: string }> };

export type WebSearchQueryVariables = Exact<{
  query?: string | null | undefined;
  kind?: SubjectKind | null | undefined;
  regionCode?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebSearchQuery = { searchSubjects: { totalCount: number, nodes: Array<{ code: string, name: string, kind: SubjectKind, kindLabel: string, registrationStatus: RegistrationStatus, legalRepresentative: string | null, establishedOn: string | null, isALevelTaxpayer: boolean | null, isEnvironmentalIntegrityEnterprise: boolean | null, isMajorTaxViolator: boolean | null, isDishonestDebtor: boolean | null, isSeriousIllegal: boolean | null, isOnEnvironmentalBlacklist: boolean | null, isInAbnormalOperationList: boolean | null, isMarkedAbnormal: boolean | null, isConsumptionRestricted: boolean | null, isOnEnvironmentalWatchList: boolean | null, isHighFrequencyOffender: boolean | null, region: { fullName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebSubjectQueryVariables = Exact<{
  code: string | number;
}>;


export type WebSubjectQuery = { subject: { code: string, name: string, kind: SubjectKind, kindLabel: string, legalRepresentative: string | null, registrationStatus: RegistrationStatus, establishedOn: string | null, isALevelTaxpayer: boolean | null, isEnvironmentalIntegrityEnterprise: boolean | null, isMajorTaxViolator: boolean | null, isDishonestDebtor: boolean | null, isSeriousIllegal: boolean | null, isOnEnvironmentalBlacklist: boolean | null, isInAbnormalOperationList: boolean | null, isMarkedAbnormal: boolean | null, isConsumptionRestricted: boolean | null, isOnEnvironmentalWatchList: boolean | null, isHighFrequencyOffender: boolean | null, aLevelTaxpayerYear: number | null, region: { code: string, fullName: string }, industry: { code: string, name: string } | null, registration: { entityType: string, legalRepresentative: string | null, establishedOn: string, registeredCapital: number | null, currency: string, businessScope: string, address: string | null, registrationAuthority: string, statusLabel: string, approvedOn: string | null, updatedAt: string } | null, annualReports: Array<{ year: number, filedOn: string | null, dueBy: string, statusLabel: string, updatedAt: string }> | null, administrativeLicences: Array<{ id: string, documentName: string, documentNumber: string, category: LicenceCategory, certificateName: string | null, licenceNumber: string | null, content: string, decidedOn: string, validFrom: string, validUntil: string, isLongTerm: boolean, authorityName: string, sourceName: string, updatedAt: string }> | null, administrativePenalties: Array<{ id: string, objectionPending: boolean | null, repairPending: boolean | null, documentNumber: string, violationType: string, facts: string, legalBasis: string, content: string, fineAmount: string | null, confiscatedAmount: string | null, decidedOn: string, tierLabel: string, publicityEndsOn: string | null, repairableFrom: string, authorityName: string, sourceName: string, updatedAt: string, repairEligibility: { eligible: boolean, reason: string | null, from: string | null } | null }> | null, environmentalPenalties: Array<{ id: string, decisionNumber: string, violationType: string, facts: string, fine: number, decidedOn: string, authority: string, publicityEndsOn: string, updatedAt: string }> | null, majorTaxViolations: Array<{ id: string, objectionPending: boolean | null, repairPending: boolean | null, situationLabel: string, mainFacts: string, legalBasis: string, penalty: string, inspectingAuthority: string, publishedOn: string, publicityEndsOn: string, paidInFullStopFrom: string, updatedAt: string, repairEligibility: { eligible: boolean, reason: string | null, from: string | null } | null }>, dishonestDebtorCases: Array<{ caseNumber: string, courtName: string, filedOn: string, obligation: string, performanceLabel: string, behaviourLabels: Array<string>, decidedOn: string, listedUntil: string | null, publishedOn: string, updatedAt: string }> | null, creditCommitments: Array<{ id: string, kindLabel: string, matter: string, summary: string, signatory: string | null, state: CreditCommitmentState, stateLabel: string, madeOn: string, termEndsOn: string, checkedOn: string | null, publicityEndsOn: string | null, updatedAt: string, checkingDepartment: { label: string } }> | null, consumptionRestrictions: Array<{ id: string, caseNumber: string, courtName: string, restrictedPerson: string | null, issuedOn: string, updatedAt: string }> | null, seriousIllegalListings: Array<{ id: string, objectionPending: boolean | null, repairPending: boolean | null, decisionDocument: string, groundLabel: string, basis: string, facts: string, listingAuthority: string, listedOn: string, expiresOn: string, earlyRemovalFrom: string, updatedAt: string, repairEligibility: { eligible: boolean, reason: string | null, from: string | null } | null }> | null, abnormalOperations: Array<{ id: string, objectionPending: boolean | null, repairPending: boolean | null, kindLabel: string, reasonLabel: string, listingAuthority: string, listingDocument: string | null, listedOn: string, statusLabel: string, updatedAt: string, repairEligibility: { eligible: boolean, reason: string | null, from: string | null } | null }> | null, environmentalRating: { year: number, gradeLabel: string, colourLabel: string, authority: string, evaluatedOn: string, validUntil: string, updatedAt: string } | null, creditGrade: { grade: string, gradeLabel: string, evaluatedAt: string } | null } | null };

export type WebCreditListsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebCreditListsQuery = { creditLists: Array<{ list: CreditList, label: string, type: CreditListType, typeLabel: string, departmentLabel: string }> };

export type WebDishonestDebtorListQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebDishonestDebtorListQuery = { dishonestDebtorCases: { totalCount: number, nodes: Array<{ caseNumber: string, debtorName: string, courtName: string, filedOn: string, listedUntil: string | null, subject: { code: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebMajorTaxViolationListQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebMajorTaxViolationListQuery = { majorTaxViolations: { totalCount: number, nodes: Array<{ id: string, taxpayerName: string, situationLabel: string, inspectingAuthority: string, publishedOn: string, publicityEndsOn: string, subject: { code: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebSeriousIllegalListQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebSeriousIllegalListQuery = { seriousIllegalListings: { totalCount: number, nodes: Array<{ id: string, groundLabel: string, listingAuthority: string, listedOn: string, expiresOn: string, subject: { code: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebAbnormalOperationListQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebAbnormalOperationListQuery = { abnormalOperations: { totalCount: number, nodes: Array<{ id: string, reasonLabel: string, listingAuthority: string, listedOn: string, subject: { code: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebALevelTaxpayerListQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebALevelTaxpayerListQuery = { aLevelTaxpayers: { totalCount: number, nodes: Array<{ year: number, authority: string, evaluatedOn: string, subject: { code: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebLatestPenaltiesQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebLatestPenaltiesQuery = { penalties: { totalCount: number, nodes: Array<{ id: string, subjectName: string, documentNumber: string, violationType: string, decidedOn: string, publicityEndsOn: string | null, authorityName: string, subject: { code: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebLatestLicencesQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebLatestLicencesQuery = { licences: { totalCount: number, nodes: Array<{ id: string, subjectName: string, documentName: string, documentNumber: string, decidedOn: string, validUntil: string, authorityName: string, subject: { code: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebPublicCreditReportQueryVariables = Exact<{
  subjectCode: string | number;
}>;


export type WebPublicCreditReportQuery = { publicCreditReport: { number: string, verificationCode: string, verificationUrl: string, pdfBase64: string, dataJson: string } | null };

export type WebVerifyReportQueryVariables = Exact<{
  number: string;
  code: string;
}>;


export type WebVerifyReportQuery = { verifyReport: { number: string, kindLabel: string, subjectCode: string, subjectName: string, issuedAt: string, dataCutoff: string, periodFrom: string | null, periodTo: string | null, pdfSha256: string, keyId: string, signatureValid: boolean, changedSinceIssue: boolean | null, statement: string } | null };

export type WebSpecialCreditReportQueryVariables = Exact<{
  subjectCode: string | number;
  from: string;
  to: string;
  purpose: ReportPurpose;
}>;


export type WebSpecialCreditReportQuery = { specialCreditReport: { number: string, verificationCode: string, pdfBase64: string, dataJson: string } | null };

export type WebConsoleMetricCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type WebConsoleMetricCatalogueQuery = { metrics: Array<{ id: string, label: string, description: string, unit: MetricUnit, aggregation: MetricAggregation, access: AccessLevel, grains: Array<TimeGrain>, dimensions: Array<string>, sources: Array<string>, fed: boolean, pendingOn: string | null }>, metricDimensions: Array<{ id: string, label: string, values: Array<{ value: string, label: string }> }> };

export type WebConsoleDashboardsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebConsoleDashboardsQuery = { dashboards: Array<{ id: string, title: string, owner: string, scope: ShareScope, version: number }> };

export type WebConsoleDashboardQueryVariables = Exact<{
  id: string | number;
}>;


export type WebConsoleDashboardQuery = { dashboard: { id: string, title: string, owner: string, department: string | null, scope: ShareScope, version: number, definition: string, updatedAt: string } | null };

export type WebConsoleMetricFrameQueryVariables = Exact<{
  query: MetricQuery;
}>;


export type WebConsoleMetricFrameQuery = { metricFrame: { sources: Array<string>, fields: Array<{ name: string, label: string }>, rows: Array<{ period: string | null, keys: Array<string>, labels: Array<string>, value: number | null }> } };

export type WebConsoleMetricFactsQueryVariables = Exact<{
  query: MetricQuery;
}>;


export type WebConsoleMetricFactsQuery = { metricFacts: Array<{ subjectCode: string, day: string, districtLabel: string, industry: string, department: string, list: string, matter: string, severity: string, value: number }> };

export type WebConsoleSaveDashboardMutationVariables = Exact<{
  input: DashboardInput;
  expectedVersion?: number | null | undefined;
}>;


export type WebConsoleSaveDashboardMutation = { saveDashboard: { id: string, title: string, scope: ShareScope, version: number, definition: string } };

export type WebConsoleMetricAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebConsoleMetricAlertsQuery = { metricAlerts: Array<{ id: string, metricLabel: string, comparator: AlertComparator, threshold: number, value: number, periodStart: string, periodEnd: string, firedAt: string }> };

export type WebConsoleCreateAlertRuleMutationVariables = Exact<{
  input: AlertRuleInput;
}>;


export type WebConsoleCreateAlertRuleMutation = { createAlertRule: { id: string, metric: string, comparator: AlertComparator, threshold: number } };

export type WebRepairProgressQueryVariables = Exact<{
  queryCode: string;
}>;


export type WebRepairProgressQuery = { repairProgress: { kind: RepairCaseKind, recordKind: RepairRecordKind, departmentName: string, state: RepairCaseState, dueOn: string | null, decisionReason: string | null, submittedAt: string | null, closedAt: string | null } | null };

export type WebRepairQueueQueryVariables = Exact<{
  filter?: RepairQueueFilter | null | undefined;
}>;


export type WebRepairQueueQuery = { repairQueue: Array<{ id: string, kind: RepairCaseKind, queryCode: string, subjectCode: string, recordKind: RepairRecordKind, recordId: string, department: string, departmentName: string, category: ObjectionCategory | null, statement: string, state: RepairCaseState, dueOn: string | null, daysLeft: number | null, overdue: boolean, extended: boolean, missingMaterials: Array<RepairFilePurpose>, files: Array<{ id: string, purpose: RepairFilePurpose, fileName: string, sha256: string }> }> };

export type WebRepairForwardMutationVariables = Exact<{
  id: string | number;
}>;


export type WebRepairForwardMutation = { forwardRepairCase: { id: string, state: RepairCaseState } };

export type WebRepairReturnMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WebRepairReturnMutation = { returnRepairCase: { id: string, state: RepairCaseState } };

export type WebRepairAcceptMutationVariables = Exact<{
  id: string | number;
}>;


export type WebRepairAcceptMutation = { acceptRepairCase: { id: string, state: RepairCaseState } };

export type WebRepairApproveMutationVariables = Exact<{
  id: string | number;
  basis: string;
}>;


export type WebRepairApproveMutation = { approveRepairCase: { id: string, state: RepairCaseState } };

export type WebRepairDenyMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WebRepairDenyMutation = { denyRepairCase: { id: string, state: RepairCaseState } };

export type WebObjectionUpholdMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WebObjectionUpholdMutation = { upholdObjection: { id: string, state: RepairCaseState } };

export type WebObjectionCorrectMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WebObjectionCorrectMutation = { correctObjection: { id: string, state: RepairCaseState } };

export type WebMyRepairCasesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMyRepairCasesQuery = { myRepairCases: Array<{ id: string, kind: RepairCaseKind, queryCode: string, recordKind: RepairRecordKind, recordId: string, departmentName: string, category: ObjectionCategory | null, state: RepairCaseState, dueOn: string | null, daysLeft: number | null, overdue: boolean, decisionReason: string | null, reapplyFrom: string | null, submittedAt: string | null, closedAt: string | null, missingMaterials: Array<RepairFilePurpose> }> };

export type WebApplicantCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type WebApplicantCaseQuery = { repairCase: { id: string, kind: RepairCaseKind, queryCode: string, subjectCode: string, recordKind: RepairRecordKind, recordId: string, departmentName: string, category: ObjectionCategory | null, statement: string, state: RepairCaseState, dueOn: string | null, daysLeft: number | null, decisionReason: string | null, missingMaterials: Array<RepairFilePurpose>, files: Array<{ id: string, purpose: RepairFilePurpose, fileName: string, size: number, uploadedAt: string }> } | null };

export type WebCommitmentTemplateQueryVariables = Exact<{
  kind: RepairCaseKind;
  recordKind: RepairRecordKind;
  recordId: string | number;
}>;


export type WebCommitmentTemplateQuery = { repairCommitmentTemplate: string };

export type WebCreateRepairApplicationMutationVariables = Exact<{
  input: RepairApplicationInput;
}>;


export type WebCreateRepairApplicationMutation = { createRepairApplication: { id: string, queryCode: string, state: RepairCaseState } };

export type WebCreateObjectionMutationVariables = Exact<{
  input: ObjectionInput;
}>;


export type WebCreateObjectionMutation = { createObjection: { id: string, queryCode: string, state: RepairCaseState } };

export type WebSubmitRepairCaseMutationVariables = Exact<{
  id: string | number;
}>;


export type WebSubmitRepairCaseMutation = { submitRepairCase: { id: string, queryCode: string, state: RepairCaseState, dueOn: string | null } };

export type WebResubmitRepairCaseMutationVariables = Exact<{
  id: string | number;
}>;


export type WebResubmitRepairCaseMutation = { resubmitRepairCase: { id: string, queryCode: string, state: RepairCaseState, dueOn: string | null } };

export type WebRepairFileQueryVariables = Exact<{
  id: string | number;
}>;


export type WebRepairFileQuery = { repairFile: { contentBase64: string, file: { id: string, fileName: string, mediaType: string } } | null };


export const WebRegionsDocument = {"__meta__":{"hash":"9b676ce380c9c14b2fc45c074fddf5e9a834c3b67adbf5aa0677ca585e175476"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRegions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]} as unknown as DocumentNode<WebRegionsQuery, WebRegionsQueryVariables>;
export const WebSuggestDocument = {"__meta__":{"hash":"369eeb0476961184e2acbf32a6badaaf5d530a053ff922f83bfc19044ddf30f9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSuggest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prefix"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suggestSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"prefix"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prefix"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}}]}}]}}]} as unknown as DocumentNode<WebSuggestQuery, WebSuggestQueryVariables>;
export const WebSearchDocument = {"__meta__":{"hash":"2d7127e56433314264053e6162cea3330ddce537694e4dbbc64a52bed1dae15b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SubjectKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isALevelTaxpayer"}},{"kind":"Field","name":{"kind":"Name","value":"isEnvironmentalIntegrityEnterprise"}},{"kind":"Field","name":{"kind":"Name","value":"isMajorTaxViolator"}},{"kind":"Field","name":{"kind":"Name","value":"isDishonestDebtor"}},{"kind":"Field","name":{"kind":"Name","value":"isSeriousIllegal"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalBlacklist"}},{"kind":"Field","name":{"kind":"Name","value":"isInAbnormalOperationList"}},{"kind":"Field","name":{"kind":"Name","value":"isMarkedAbnormal"}},{"kind":"Field","name":{"kind":"Name","value":"isConsumptionRestricted"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalWatchList"}},{"kind":"Field","name":{"kind":"Name","value":"isHighFrequencyOffender"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebSearchQuery, WebSearchQueryVariables>;
export const WebSubjectDocument = {"__meta__":{"hash":"d7081af498bc6c515f5560779e266f0365f9615bc9ac01aa8e6d85374b584d0c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"registrationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"industry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isALevelTaxpayer"}},{"kind":"Field","name":{"kind":"Name","value":"isEnvironmentalIntegrityEnterprise"}},{"kind":"Field","name":{"kind":"Name","value":"isMajorTaxViolator"}},{"kind":"Field","name":{"kind":"Name","value":"isDishonestDebtor"}},{"kind":"Field","name":{"kind":"Name","value":"isSeriousIllegal"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalBlacklist"}},{"kind":"Field","name":{"kind":"Name","value":"isInAbnormalOperationList"}},{"kind":"Field","name":{"kind":"Name","value":"isMarkedAbnormal"}},{"kind":"Field","name":{"kind":"Name","value":"isConsumptionRestricted"}},{"kind":"Field","name":{"kind":"Name","value":"isOnEnvironmentalWatchList"}},{"kind":"Field","name":{"kind":"Name","value":"isHighFrequencyOffender"}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentative"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"businessScope"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"approvedOn"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annualReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrativeLicences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"certificateName"}},{"kind":"Field","name":{"kind":"Name","value":"licenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"isLongTerm"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrativePenalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"facts"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"fineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"confiscatedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"tierLabel"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"repairableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentalPenalties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"facts"}},{"kind":"Field","name":{"kind":"Name","value":"fine"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"majorTaxViolations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"situationLabel"}},{"kind":"Field","name":{"kind":"Name","value":"mainFacts"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"penalty"}},{"kind":"Field","name":{"kind":"Name","value":"inspectingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"paidInFullStopFrom"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dishonestDebtorCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"obligation"}},{"kind":"Field","name":{"kind":"Name","value":"performanceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"behaviourLabels"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"listedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditCommitments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"matter"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"signatory"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"madeOn"}},{"kind":"Field","name":{"kind":"Name","value":"termEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"checkedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"checkingDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consumptionRestrictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedPerson"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seriousIllegalListings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisionDocument"}},{"kind":"Field","name":{"kind":"Name","value":"groundLabel"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"facts"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"earlyRemovalFrom"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"abnormalOperations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objectionPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairPending"}},{"kind":"Field","name":{"kind":"Name","value":"repairEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"reasonLabel"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listingDocument"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environmentalRating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLabel"}},{"kind":"Field","name":{"kind":"Name","value":"colourLabel"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aLevelTaxpayerYear"}},{"kind":"Field","name":{"kind":"Name","value":"creditGrade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLabel"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<WebSubjectQuery, WebSubjectQueryVariables>;
export const WebCreditListsDocument = {"__meta__":{"hash":"a98847a86de0142a84425bec826bb24ac1827ad413eaec832a619d68ace83a5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCreditLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeLabel"}},{"kind":"Field","name":{"kind":"Name","value":"departmentLabel"}}]}}]}}]} as unknown as DocumentNode<WebCreditListsQuery, WebCreditListsQueryVariables>;
export const WebDishonestDebtorListDocument = {"__meta__":{"hash":"44a8bf54be2ef1020ba2f25902ce2d7ce55993fa6db4baae2a9d34dafae60f50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebDishonestDebtorList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dishonestDebtorCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"filedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"filedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"debtorName"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"listedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebDishonestDebtorListQuery, WebDishonestDebtorListQueryVariables>;
export const WebMajorTaxViolationListDocument = {"__meta__":{"hash":"14bc21c5f7302301cde338edd8aa2a7e4dd7dd9dce936fc54ac6e076a5242d15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebMajorTaxViolationList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"majorTaxViolations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"publishedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"publishedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taxpayerName"}},{"kind":"Field","name":{"kind":"Name","value":"situationLabel"}},{"kind":"Field","name":{"kind":"Name","value":"inspectingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebMajorTaxViolationListQuery, WebMajorTaxViolationListQueryVariables>;
export const WebSeriousIllegalListDocument = {"__meta__":{"hash":"8cc74638fdab412d527aef3de3126f55f72ba1f66e2aaf6e5a82a8a9ce72c9c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSeriousIllegalList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seriousIllegalListings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"groundLabel"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebSeriousIllegalListQuery, WebSeriousIllegalListQueryVariables>;
export const WebAbnormalOperationListDocument = {"__meta__":{"hash":"9bd3fb273a8be0090e2d5ed32b226ea04306e3bc5b324d04698872baf2727bce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebAbnormalOperationList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abnormalOperations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"listedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reasonLabel"}},{"kind":"Field","name":{"kind":"Name","value":"listingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"listedOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebAbnormalOperationListQuery, WebAbnormalOperationListQueryVariables>;
export const WebALevelTaxpayerListDocument = {"__meta__":{"hash":"89dee1cb4b67b3f4bc7ce917446ec33cd69fef83959c158857318170e33c6965"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebALevelTaxpayerList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aLevelTaxpayers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebALevelTaxpayerListQuery, WebALevelTaxpayerListQueryVariables>;
export const WebLatestPenaltiesDocument = {"__meta__":{"hash":"27807878e73d31fed9b0aa77bc900b02e39d65d6ef6631e04e4c917fd6adbd05"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLatestPenalties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"penalties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"decidedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"decidedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"violationType"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebLatestPenaltiesQuery, WebLatestPenaltiesQueryVariables>;
export const WebLatestLicencesDocument = {"__meta__":{"hash":"6d76a916c009311208bff65022005e90bf99ebdf8cbbfba641b5236e30bbfbfd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLatestLicences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"decidedFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"decidedTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"documentName"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebLatestLicencesQuery, WebLatestLicencesQueryVariables>;
export const WebPublicCreditReportDocument = {"__meta__":{"hash":"ddad6b84a05f614d108c8539ca0460ad3d787ac17e3c414fe8623f46eee86c9d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebPublicCreditReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicCreditReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"verificationCode"}},{"kind":"Field","name":{"kind":"Name","value":"verificationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"pdfBase64"}},{"kind":"Field","name":{"kind":"Name","value":"dataJson"}}]}}]}}]} as unknown as DocumentNode<WebPublicCreditReportQuery, WebPublicCreditReportQueryVariables>;
export const WebVerifyReportDocument = {"__meta__":{"hash":"3b7059fa7d3edb2c25a3b6f9a4fd34e72f763cb0778b8424819267cab0db6d9d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebVerifyReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dataCutoff"}},{"kind":"Field","name":{"kind":"Name","value":"periodFrom"}},{"kind":"Field","name":{"kind":"Name","value":"periodTo"}},{"kind":"Field","name":{"kind":"Name","value":"pdfSha256"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"signatureValid"}},{"kind":"Field","name":{"kind":"Name","value":"changedSinceIssue"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}}]}}]}}]} as unknown as DocumentNode<WebVerifyReportQuery, WebVerifyReportQueryVariables>;
export const WebSpecialCreditReportDocument = {"__meta__":{"hash":"fdc677dd88de859c208427afdbb424c44ccfd9237373adab389f43779c0d9001"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSpecialCreditReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPurpose"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialCreditReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"verificationCode"}},{"kind":"Field","name":{"kind":"Name","value":"pdfBase64"}},{"kind":"Field","name":{"kind":"Name","value":"dataJson"}}]}}]}}]} as unknown as DocumentNode<WebSpecialCreditReportQuery, WebSpecialCreditReportQueryVariables>;
export const WebConsoleMetricCatalogueDocument = {"__meta__":{"hash":"b192c6601ed7e214f865b40a7e43becce5593684eba5339089df5e0e2dd2a9f6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebConsoleMetricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"aggregation"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"grains"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"fed"}},{"kind":"Field","name":{"kind":"Name","value":"pendingOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricDimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<WebConsoleMetricCatalogueQuery, WebConsoleMetricCatalogueQueryVariables>;
export const WebConsoleDashboardsDocument = {"__meta__":{"hash":"b9b6402d869a854be27258ef58b390f6bbdb922b4761cccd2733f7f7fc6f7606"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebConsoleDashboards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<WebConsoleDashboardsQuery, WebConsoleDashboardsQueryVariables>;
export const WebConsoleDashboardDocument = {"__meta__":{"hash":"9d2ac3ed3b51825bb2b1ce0863d23ca2108dac746ab7f0a4358c6cddff50a401"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebConsoleDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<WebConsoleDashboardQuery, WebConsoleDashboardQueryVariables>;
export const WebConsoleMetricFrameDocument = {"__meta__":{"hash":"b1311f8ce661e16f8e2640524f8111e6d06269351908302203e617671cdfb245"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebConsoleMetricFrame"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricQuery"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metricFrame"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"keys"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"}}]}}]}}]} as unknown as DocumentNode<WebConsoleMetricFrameQuery, WebConsoleMetricFrameQueryVariables>;
export const WebConsoleMetricFactsDocument = {"__meta__":{"hash":"808b48091be94c74bccba0dbf8dc2e8be2631840b14daced5836bb009509f5a2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebConsoleMetricFacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricQuery"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metricFacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"districtLabel"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"matter"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<WebConsoleMetricFactsQuery, WebConsoleMetricFactsQueryVariables>;
export const WebConsoleSaveDashboardDocument = {"__meta__":{"hash":"acc0a86c1f094ce818076305479f58aaa44582f58296525c7efb577eac7e89bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebConsoleSaveDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DashboardInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}}]}}]}}]} as unknown as DocumentNode<WebConsoleSaveDashboardMutation, WebConsoleSaveDashboardMutationVariables>;
export const WebConsoleMetricAlertsDocument = {"__meta__":{"hash":"6b99b2e6b809bb74e3a4c4906eba4b1ed0fe9cba856f2d671c4e61ced1b3a568"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebConsoleMetricAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metricAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metricLabel"}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"firedAt"}}]}}]}}]} as unknown as DocumentNode<WebConsoleMetricAlertsQuery, WebConsoleMetricAlertsQueryVariables>;
export const WebConsoleCreateAlertRuleDocument = {"__meta__":{"hash":"6f33d9b97683588c1383a3319663d3cea8fc55a07582b92ba80a93b1f176a791"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebConsoleCreateAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AlertRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAlertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"comparator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}}]}}]} as unknown as DocumentNode<WebConsoleCreateAlertRuleMutation, WebConsoleCreateAlertRuleMutationVariables>;
export const WebRepairProgressDocument = {"__meta__":{"hash":"d89f48eedab3de4f0c9cd12d18ab12c093dd57680e16269d7b90fb5b2709412d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRepairProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"queryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repairProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"queryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"queryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<WebRepairProgressQuery, WebRepairProgressQueryVariables>;
export const WebRepairQueueDocument = {"__meta__":{"hash":"0b98654ee182ac78049f826a1114d072a65eaa577fc0658952264f513e7b77d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRepairQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RepairQueueFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repairQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"extended"}},{"kind":"Field","name":{"kind":"Name","value":"missingMaterials"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}}]}}]}}]} as unknown as DocumentNode<WebRepairQueueQuery, WebRepairQueueQueryVariables>;
export const WebRepairForwardDocument = {"__meta__":{"hash":"c680420192fb8f5582e47e3e703799404ebb117040642eb2851a99122c746389"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairForward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forwardRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairForwardMutation, WebRepairForwardMutationVariables>;
export const WebRepairReturnDocument = {"__meta__":{"hash":"04f05ad144ee686331ea7613e2644e26e2898579d3e7601517a6785dde708ad7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairReturnMutation, WebRepairReturnMutationVariables>;
export const WebRepairAcceptDocument = {"__meta__":{"hash":"f099d2fb5349870b7772fb7d4c0b7486ee18aa8d624d624f63936bdb523d712d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairAcceptMutation, WebRepairAcceptMutationVariables>;
export const WebRepairApproveDocument = {"__meta__":{"hash":"b58fc7560f9dea63eee4ac894cda3adb0ea8a5fd732d7089bad62a56db6d2c0e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"basis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"basis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"basis"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairApproveMutation, WebRepairApproveMutationVariables>;
export const WebRepairDenyDocument = {"__meta__":{"hash":"dbe8986ef8ab1d5f77dc4c695c7cfec1d1d508c9d71d32c941401771ff952e81"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRepairDeny"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"denyRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebRepairDenyMutation, WebRepairDenyMutationVariables>;
export const WebObjectionUpholdDocument = {"__meta__":{"hash":"c783a8de082cec9b8b7df3be4328e507fbfa2004573bb7053927b692bbdffdc6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebObjectionUphold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upholdObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebObjectionUpholdMutation, WebObjectionUpholdMutationVariables>;
export const WebObjectionCorrectDocument = {"__meta__":{"hash":"a3c52f12ab9aed157454b04f6c95b3181ca5445a18a99432b1e61ef6c9090244"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebObjectionCorrect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebObjectionCorrectMutation, WebObjectionCorrectMutationVariables>;
export const WebMyRepairCasesDocument = {"__meta__":{"hash":"a6f540f93c70bccc21600133451f6f19f97f006d8f52e66825bc6f8d68f4677f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebMyRepairCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myRepairCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"reapplyFrom"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"missingMaterials"}}]}}]}}]} as unknown as DocumentNode<WebMyRepairCasesQuery, WebMyRepairCasesQueryVariables>;
export const WebApplicantCaseDocument = {"__meta__":{"hash":"147dba83e1fffe72cfd2e5f89eb6d8e75378e75c4740a33c22cad17c6a767a57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebApplicantCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"missingMaterials"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}}]}}]}}]}}]} as unknown as DocumentNode<WebApplicantCaseQuery, WebApplicantCaseQueryVariables>;
export const WebCommitmentTemplateDocument = {"__meta__":{"hash":"68d5384aea87d29aa850fe15aa475d0f774dc4f8562cf26b5ee6d4fd15d719c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCommitmentTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RepairCaseKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordKind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RepairRecordKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repairCommitmentTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"recordKind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordKind"}}},{"kind":"Argument","name":{"kind":"Name","value":"recordId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}}}]}]}}]} as unknown as DocumentNode<WebCommitmentTemplateQuery, WebCommitmentTemplateQueryVariables>;
export const WebCreateRepairApplicationDocument = {"__meta__":{"hash":"4bc1759ddebbc0317657162cf751326a368138127d2155270c307ca256108062"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCreateRepairApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RepairApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRepairApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebCreateRepairApplicationMutation, WebCreateRepairApplicationMutationVariables>;
export const WebCreateObjectionDocument = {"__meta__":{"hash":"30486e7739c5aa90b47ddfb730e0d19d9a8ecc70d8a8ce3ab820a610afba4be5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCreateObjection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ObjectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createObjection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WebCreateObjectionMutation, WebCreateObjectionMutationVariables>;
export const WebSubmitRepairCaseDocument = {"__meta__":{"hash":"3ee8eb6a5f98fdf6651240459793de442f9422cf59a882c2814acaf133e9f3d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSubmitRepairCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}}]}}]}}]} as unknown as DocumentNode<WebSubmitRepairCaseMutation, WebSubmitRepairCaseMutationVariables>;
export const WebResubmitRepairCaseDocument = {"__meta__":{"hash":"733083220ececedad59f35147611ae70a01a537e93aac8e39c9ae1705d5a3c17"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebResubmitRepairCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resubmitRepairCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"queryCode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}}]}}]}}]} as unknown as DocumentNode<WebResubmitRepairCaseMutation, WebResubmitRepairCaseMutationVariables>;
export const WebRepairFileDocument = {"__meta__":{"hash":"737da4e42e992c999e8c382be884ef109616ed71f73242f9fd405d126b5b2bc0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRepairFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repairFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<WebRepairFileQuery, WebRepairFileQueryVariables>;