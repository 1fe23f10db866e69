/**
 * The vocabulary of 联合奖惩: the credit lists a subject can be on (derived from the departments' current
 * flags, read through federation), the business matters a check is made in, and the kinds of measure with
 * their severity. Values match the GraphQL enums of schema.graphql.
 */

export const CREDIT_LISTS = [
  'DISHONEST_DEBTOR',
  'CONSUMPTION_RESTRICTED',
  'MAJOR_TAX_VIOLATOR',
  'SERIOUS_ILLEGAL',
  'ENVIRONMENTAL_BLACKLIST',
  'ENVIRONMENTAL_WATCH',
  'ABNORMAL_OPERATION',
  'HIGH_FREQUENCY_OFFENDER',
  'A_LEVEL_TAXPAYER',
  'ENVIRONMENTAL_INTEGRITY',
] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];

export type CreditListType = 'RED' | 'BLACK' | 'WATCH';

/** The @external flags of CreditSubject a check needs (the @requires selection of creditCheck). */
export const LIST_FLAGS = [
  'isDishonestDebtor',
  'isConsumptionRestricted',
  'isMajorTaxViolator',
  'isSeriousIllegal',
  'isOnEnvironmentalBlacklist',
  'isOnEnvironmentalWatchList',
  'isInAbnormalOperationList',
  'isHighFrequencyOffender',
  'isALevelTaxpayer',
  'isEnvironmentalIntegrityEnterprise',
] as const;
export type ListFlag = (typeof LIST_FLAGS)[number];

export interface CreditListMeta {
  list: CreditList;
  label: string;
  type: CreditListType;
  /** Department code (DEPARTMENTS of the kit) that keeps the list. */
  department: string;
  /** The flag of CreditSubject, owned by that department, that says the subject is on the list now. */
  flag: ListFlag;
}

// Each department's flag already reflects only current listings (withdrawn, removed, repaired and expired
// records are excluded where they are kept), so a list here is never stale by more than one request.
export const LIST_INFO: Record<CreditList, CreditListMeta> = {
  DISHONEST_DEBTOR: {
    list: 'DISHONEST_DEBTOR',
    label: '失信被执行人',
    type: 'BLACK',
    department: 'court',
    flag: 'isDishonestDebtor',
  },
  // A 限制消费令 binds a judgment debtor who has not performed; it is not itself a 失信 listing.
  CONSUMPTION_RESTRICTED: {
    list: 'CONSUMPTION_RESTRICTED',
    label: '限制消费人员',
    type: 'WATCH',
    department: 'court',
    flag: 'isConsumptionRestricted',
  },
  MAJOR_TAX_VIOLATOR: {
    list: 'MAJOR_TAX_VIOLATOR',
    label: '重大税收违法失信主体',
    type: 'BLACK',
    department: 'tax',
    flag: 'isMajorTaxViolator',
  },
  SERIOUS_ILLEGAL: {
    list: 'SERIOUS_ILLEGAL',
    label: '严重违法失信名单',
    type: 'BLACK',
    department: 'market',
    flag: 'isSeriousIllegal',
  },
  ENVIRONMENTAL_BLACKLIST: {
    list: 'ENVIRONMENTAL_BLACKLIST',
    label: '环境信用黑名单',
    type: 'BLACK',
    department: 'environment',
    flag: 'isOnEnvironmentalBlacklist',
  },
  // 环发〔2013〕150号: the yellow card (环保警示) is kept under 严格管理 with 约束性措施, in both grade scales.
  ENVIRONMENTAL_WATCH: {
    list: 'ENVIRONMENTAL_WATCH',
    label: '环保警示企业',
    type: 'WATCH',
    department: 'environment',
    flag: 'isOnEnvironmentalWatchList',
  },
  ABNORMAL_OPERATION: {
    list: 'ABNORMAL_OPERATION',
    label: '经营异常名录',
    type: 'WATCH',
    department: 'market',
    flag: 'isInAbnormalOperationList',
  },
  HIGH_FREQUENCY_OFFENDER: {
    list: 'HIGH_FREQUENCY_OFFENDER',
    label: '高频失信主体',
    type: 'WATCH',
    department: 'platform',
    flag: 'isHighFrequencyOffender',
  },
  A_LEVEL_TAXPAYER: {
    list: 'A_LEVEL_TAXPAYER',
    label: 'A级纳税人',
    type: 'RED',
    department: 'tax',
    flag: 'isALevelTaxpayer',
  },
  ENVIRONMENTAL_INTEGRITY: {
    list: 'ENVIRONMENTAL_INTEGRITY',
    label: '环保诚信企业',
    type: 'RED',
    department: 'environment',
    flag: 'isEnvironmentalIntegrityEnterprise',
  },
};

export const LIST_TYPE_LABELS: Record<CreditListType, string> = {
  RED: '红名单',
  BLACK: '黑名单',
  WATCH: '重点关注名单',
};

export const BUSINESS_MATTERS = [
  'LICENSING',
  'PUBLIC_PROCUREMENT',
  'BIDDING',
  'SUBSIDY',
  'CIVIL_SERVANT_HIRING',
  'HONOURS',
  'STATE_LAND',
  'TAX_SERVICE',
  'MARKET_SUPERVISION',
] as const;
export type BusinessMatter = (typeof BUSINESS_MATTERS)[number];

export const MATTER_LABELS: Record<BusinessMatter, string> = {
  LICENSING: '行政许可审批',
  PUBLIC_PROCUREMENT: '政府采购',
  BIDDING: '招标投标',
  SUBSIDY: '财政资金补贴',
  CIVIL_SERVANT_HIRING: '公务员录用',
  HONOURS: '评优评先',
  STATE_LAND: '国有土地出让',
  TAX_SERVICE: '涉税事项办理',
  MARKET_SUPERVISION: '日常监管与双随机抽查',
};

export const MEASURE_KINDS = ['INTERCEPT', 'RESTRICT', 'REMIND', 'INCENTIVE'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  INTERCEPT: '拦截',
  RESTRICT: '限制',
  REMIND: '提示',
  INCENTIVE: '激励',
};

export type CheckAction = MeasureKind | 'CLEAR';

export const ACTION_LABELS: Record<CheckAction, string> = {
  ...MEASURE_KIND_LABELS,
  CLEAR: '通过',
};

/** Severity order of a check's action: the most severe applicable measure decides it. */
export const ACTION_SEVERITY: Record<CheckAction, number> = {
  INTERCEPT: 4,
  RESTRICT: 3,
  REMIND: 2,
  INCENTIVE: 1,
  CLEAR: 0,
};

/** 惩戒 (disciplinary) measures: the ones 应惩未惩 supervises. */
export const isPunitive = (kind: MeasureKind) => kind !== 'INCENTIVE';
