/**
 * Credit-subject kind derived from a USCC's 登记管理部门码 (position 1) and 机构类别码 (position 2).
 */

export const SUBJECT_KINDS = [
  'NATURAL_PERSON',
  'ENTERPRISE',
  'INDIVIDUAL_BUSINESS',
  'FARMERS_COOPERATIVE',
  'GOVERNMENT_BODY',
  'PUBLIC_INSTITUTION',
  'SOCIAL_ORGANISATION',
  'OTHER',
] as const;

export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  NATURAL_PERSON: '自然人',
  ENTERPRISE: '企业',
  INDIVIDUAL_BUSINESS: '个体工商户',
  FARMERS_COOPERATIVE: '农民专业合作社',
  GOVERNMENT_BODY: '机关',
  PUBLIC_INSTITUTION: '事业单位',
  SOCIAL_ORGANISATION: '社会组织',
  OTHER: '其他',
};

interface CategoryEntry {
  readonly label: string;
  readonly kind: SubjectKind;
}

interface DepartmentEntry {
  readonly label: string;
  /**
   * Kind for a category the standard does not list (validation accepts a few of those, see
   * USCC_ORGANISATION_TYPES). Religious bodies stay social organisations whatever the category,
   * everything else falls back to OTHER rather than guessing.
   */
  readonly defaultKind: SubjectKind;
  readonly categories: Readonly<Record<string, CategoryEntry>>;
}

/**
 * GB 32100-2015 appendix table. Labels are the standard's wording; kinds are how the credit
 * platform groups subjects (e.g. law firms, 31, are not social organisations for credit purposes).
 */
export const REGISTRATION_CATEGORIES: Readonly<Record<string, DepartmentEntry>> = {
  '1': {
    label: '机构编制',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '机关', kind: 'GOVERNMENT_BODY' },
      '2': { label: '事业单位', kind: 'PUBLIC_INSTITUTION' },
      '3': { label: '群众团体', kind: 'SOCIAL_ORGANISATION' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  '2': {
    label: '外交',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '外国常驻新闻机构', kind: 'OTHER' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  '3': {
    label: '司法行政',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '律师执业机构', kind: 'OTHER' },
      '2': { label: '公证处', kind: 'OTHER' },
      '3': { label: '基层法律服务所', kind: 'OTHER' },
      '4': { label: '司法鉴定机构', kind: 'OTHER' },
      '5': { label: '仲裁委员会', kind: 'OTHER' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  '4': {
    label: '文化',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '外国在华文化中心', kind: 'OTHER' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  '5': {
    label: '民政',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '社会团体', kind: 'SOCIAL_ORGANISATION' },
      '2': { label: '民办非企业单位', kind: 'SOCIAL_ORGANISATION' },
      '3': { label: '基金会', kind: 'SOCIAL_ORGANISATION' },
      '9': { label: '其他', kind: 'SOCIAL_ORGANISATION' },
    },
  },
  '6': {
    label: '旅游',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '外国旅游部门常驻代表机构', kind: 'OTHER' },
      '2': { label: '港澳台地区旅游部门常驻内地（大陆）代表机构', kind: 'OTHER' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  '7': {
    label: '宗教',
    defaultKind: 'SOCIAL_ORGANISATION',
    categories: {
      '1': { label: '宗教活动场所', kind: 'SOCIAL_ORGANISATION' },
      '2': { label: '宗教院校', kind: 'SOCIAL_ORGANISATION' },
      '9': { label: '其他', kind: 'SOCIAL_ORGANISATION' },
    },
  },
  '8': {
    label: '工会',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '基层工会', kind: 'SOCIAL_ORGANISATION' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  '9': {
    label: '工商',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '企业', kind: 'ENTERPRISE' },
      '2': { label: '个体工商户', kind: 'INDIVIDUAL_BUSINESS' },
      '3': { label: '农民专业合作社', kind: 'FARMERS_COOPERATIVE' },
    },
  },
  A: {
    label: '中央军委改革和编制办公室',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '军队事业单位', kind: 'OTHER' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  N: {
    label: '农业',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '组级集体经济组织', kind: 'OTHER' },
      '2': { label: '村级集体经济组织', kind: 'OTHER' },
      '3': { label: '乡镇级集体经济组织', kind: 'OTHER' },
      '9': { label: '其他', kind: 'OTHER' },
    },
  },
  Y: {
    label: '其他',
    defaultKind: 'OTHER',
    categories: {
      '1': { label: '其他', kind: 'OTHER' },
    },
  },
};

const UNKNOWN = '未知';

function head(code: string): [string, string] {
  const chars = Array.from(code.trim().toUpperCase());
  return [chars[0] ?? '', chars[1] ?? ''];
}

/**
 * Subject kind from the first two characters only: it does not validate the code, so callers that
 * care must run validateUscc first. Unknown prefixes map to OTHER rather than throwing because kind
 * is display metadata and quarantined records still need one.
 */
export function kindFromUscc(code: string): SubjectKind {
  const [dept, cat] = head(code);
  const department = REGISTRATION_CATEGORIES[dept];
  if (department === undefined) return 'OTHER';
  return department.categories[cat]?.kind ?? department.defaultKind;
}

/** Chinese labels for positions 1 and 2, e.g. 91… → { department: '工商', category: '企业' }; '未知' when not in the table. */
export function describeRegistrationCategory(code: string): { department: string; category: string } {
  const [dept, cat] = head(code);
  const department = REGISTRATION_CATEGORIES[dept];
  if (department === undefined) return { department: UNKNOWN, category: UNKNOWN };
  return { department: department.label, category: department.categories[cat]?.label ?? UNKNOWN };
}
