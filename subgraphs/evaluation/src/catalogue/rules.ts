import { badInput } from '@credit-hub/kit';

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

/** What defines a measure's content: everything a revision may change. */
export interface MeasureDefinition {
  code: string;
  name: string;
  kind: MeasureKind;
  lists: CreditList[];
  matters: BusinessMatter[];
  content: string;
  basisTitle: string;
  basisNumber: string | null;
  basisArticle: string | null;
  basisVerification: CitationStatus;
  basisSources: string[];
  basisNote: string | null;
}

/** Whether a citation (title, number, article) was checked against the text of the document. */
export type CitationStatus = 'VERIFIED' | 'TO_VERIFY';
export const CITATION_STATUSES: readonly CitationStatus[] = ['VERIFIED', 'TO_VERIFY'];
export const CITATION_STATUS_LABELS: Readonly<Record<CitationStatus, string>> = {
  VERIFIED: '已核实',
  TO_VERIFY: '待核实',
};

/** The citation of a basis as officers write it: 《title》（number）article. */
export function citation(basis: { basisTitle: string; basisNumber: string | null; basisArticle: string | null }) {
  return `《${basis.basisTitle}》${basis.basisNumber ? `（${basis.basisNumber}）` : ''}${basis.basisArticle ?? ''}`;
}

const CODE_PATTERN = /^[A-Z][A-Z0-9-]{2,63}$/;

function text(value: unknown, field: string, max: number): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (!t) throw badInput(field, 'REQUIRED', `\`${field}\` must not be empty`);
  if (t.length > max) throw badInput(field, 'LENGTH', `\`${field}\` may hold at most ${max} characters`);
  return t;
}

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return text(value, field, max);
}

function members<T extends string>(value: unknown, field: string, allowed: readonly T[]): T[] {
  if (!Array.isArray(value) || value.length === 0)
    throw badInput(field, 'REQUIRED', `\`${field}\` must name at least one value`);
  const seen = new Set<string>();
  return value.map((v, i) => {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
      throw badInput(`${field}[${i}]`, 'ENUM', `\`${field}[${i}]\` must be one of ${allowed.join(', ')}`);
    if (seen.has(v)) throw badInput(`${field}[${i}]`, 'REPEATED', `\`${field}[${i}]\` repeats ${v}`);
    seen.add(v);
    return v as T;
  });
}

/**
 * Validates a measure definition (an admin's input, or an entry of data/measures.json). Errors name the
 * field under `path` and the rule. Besides the shape: an incentive (激励) may apply to red lists only and a
 * disciplinary measure (惩戒) to no red list — a measure is never aimed at the wrong side of the lists.
 */
export function validateMeasure(raw: Record<string, unknown>, path = 'input'): MeasureDefinition {
  const code = text(raw.code, `${path}.code`, 64).toUpperCase();
  if (!CODE_PATTERN.test(code))
    throw badInput(
      `${path}.code`,
      'FORMAT',
      `\`${path}.code\` must be 3–64 capital letters, digits or hyphens, starting with a letter`,
    );
  const kind = raw.kind as MeasureKind;
  if (!MEASURE_KINDS.includes(kind))
    throw badInput(`${path}.kind`, 'ENUM', `\`${path}.kind\` must be one of ${MEASURE_KINDS.join(', ')}`);
  const lists = members(raw.lists, `${path}.lists`, CREDIT_LISTS);
  lists.forEach((list, i) => {
    const red = LIST_INFO[list].type === 'RED';
    if (kind === 'INCENTIVE' && !red)
      throw badInput(
        `${path}.lists[${i}]`,
        'LIST_TYPE',
        `\`${path}.lists[${i}]\`: an incentive applies to red lists only, ${list} is a ${LIST_INFO[list].type} list`,
      );
    if (kind !== 'INCENTIVE' && red)
      throw badInput(
        `${path}.lists[${i}]`,
        'LIST_TYPE',
        `\`${path}.lists[${i}]\`: a disciplinary measure may not apply to the red list ${list}`,
      );
  });
  const basisVerification = (raw.basisVerification ?? 'TO_VERIFY') as CitationStatus;
  if (!CITATION_STATUSES.includes(basisVerification))
    throw badInput(
      `${path}.basisVerification`,
      'ENUM',
      `\`${path}.basisVerification\` must be one of ${CITATION_STATUSES.join(', ')}`,
    );
  const sources = raw.basisSources ?? [];
  if (!Array.isArray(sources) || sources.length > 10)
    throw badInput(`${path}.basisSources`, 'RANGE', `\`${path}.basisSources\` must be a list of at most 10 sources`);
  const basisSources = sources.map((s, i) => text(s, `${path}.basisSources[${i}]`, 300));
  // A citation is verified against a text someone read: say which.
  if (basisVerification === 'VERIFIED' && basisSources.length === 0)
    throw badInput(
      `${path}.basisSources`,
      'SOURCE_REQUIRED',
      `\`${path}.basisSources\` must name where a VERIFIED citation was read`,
    );
  return {
    code,
    name: text(raw.name, `${path}.name`, 200),
    kind,
    lists,
    matters: members(raw.matters, `${path}.matters`, BUSINESS_MATTERS),
    content: text(raw.content, `${path}.content`, 2000),
    // Stored without 《》: the citation adds them back, so they never appear twice.
    basisTitle: text(raw.basisTitle, `${path}.basisTitle`, 200).replace(/^《(.*)》$/u, '$1'),
    basisNumber: optionalText(raw.basisNumber, `${path}.basisNumber`, 100),
    basisArticle: optionalText(raw.basisArticle, `${path}.basisArticle`, 100),
    basisVerification,
    basisSources,
    basisNote: optionalText(raw.basisNote, `${path}.basisNote`, 2000),
  };
}

/** Whether a revision changes anything (a version that repeats its predecessor is refused). */
export function sameDefinition(a: MeasureDefinition, b: MeasureDefinition): boolean {
  const key = (d: MeasureDefinition) =>
    JSON.stringify([
      d.name,
      d.kind,
      d.lists,
      d.matters,
      d.content,
      d.basisTitle,
      d.basisNumber,
      d.basisArticle,
      d.basisVerification,
      d.basisSources,
      d.basisNote,
    ]);
  return key(a) === key(b);
}

/** A measure's legal basis as the API shows it (a Measure, or a measure as a check applied it). */
export function legalBasis(m: {
  basisTitle: string;
  basisNumber: string | null;
  basisArticle: string | null;
  basisVerification?: CitationStatus;
  basisSources?: string[];
  basisNote?: string | null;
}) {
  // A check recorded before verification statuses were kept reads as not verified.
  const status = m.basisVerification ?? 'TO_VERIFY';
  return {
    title: m.basisTitle,
    documentNumber: m.basisNumber,
    article: m.basisArticle,
    citation: citation(m),
    verification: {
      status,
      statusLabel: CITATION_STATUS_LABELS[status],
      sources: m.basisSources ?? [],
      note: m.basisNote ?? null,
    },
  };
}
