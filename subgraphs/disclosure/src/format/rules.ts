/**
 * The national 双公示 exchange format as data: every column of a penalty (CF_) and a licence (XK_) file with its
 * Chinese label, whether it is required, its type, whether the public may see it, and the GraphQL field (and
 * table column, in camelCase) it becomes. Validation, the GraphQL input mapping, the docs and the bulk import's
 * header check all read these tables, so a column is described once.
 */
import type { DisclosureKind } from '../__generated__/types.ts';

export type ColumnType =
  | 'text'
  | 'uscc'
  | 'subjectCategory'
  | 'idType'
  | 'idNumber'
  | 'date'
  | 'amount'
  | 'penaltyTypes'
  | 'licenceCategory'
  | 'licenceStatus'
  | 'penaltyTier';

export interface ColumnDef {
  /** Column code in the exchange format, e.g. CF_XDR_MC. */
  code: string;
  /** Chinese label, e.g. 行政相对人名称. */
  label: string;
  required: boolean;
  type: ColumnType;
  /** Shown to the public (inside the publicity window); otherwise SHARED. */
  public: boolean;
  /** Personal data of natural persons: masked for the public (@personal). */
  personal?: 'NAME' | 'ID_NUMBER';
  /** GraphQL field, input field and normalised-record key. */
  field: string;
  /** Longest accepted text (characters). */
  maxLength?: number;
  /**
   * A platform extension, not a column of the national format: optional in every file, and left out of the content
   * hash while empty (so records stored before the column existed keep their hash).
   */
  extension?: true;
}

/** A value of an enumerated column: the GraphQL/database name, the value in files, its label. */
export interface EnumValue {
  name: string;
  /** The value written in national-format files. */
  file: string;
  label: string;
}

export const SUBJECT_CATEGORIES: readonly EnumValue[] = [
  { name: 'LEGAL_ENTITY', file: '法人及非法人组织', label: '法人及非法人组织' },
  { name: 'NATURAL_PERSON', file: '自然人', label: '自然人' },
  { name: 'INDIVIDUAL_BUSINESS', file: '个体工商户', label: '个体工商户' },
];

export const ID_TYPES: readonly EnumValue[] = [
  { name: 'ID_CARD', file: '01', label: '身份证' },
  { name: 'PASSPORT', file: '02', label: '护照' },
  { name: 'HK_MACAO_PASS', file: '03', label: '港澳居民来往内地通行证' },
  { name: 'TAIWAN_PASS', file: '04', label: '台湾居民来往大陆通行证' },
  { name: 'FOREIGN_PERMANENT_RESIDENT', file: '05', label: '外国人永久居留身份证' },
];

export const LICENCE_CATEGORIES: readonly EnumValue[] = [
  { name: 'GENERAL', file: '01', label: '普通' },
  { name: 'FRANCHISE', file: '02', label: '特许' },
  { name: 'RECOGNITION', file: '03', label: '认可' },
  { name: 'APPROVAL', file: '04', label: '核准' },
  { name: 'REGISTRATION', file: '05', label: '登记' },
  { name: 'OTHER', file: '06', label: '其他' },
];

export const LICENCE_STATUSES: readonly EnumValue[] = [
  { name: 'VALID', file: '1', label: '有效' },
  { name: 'INVALID', file: '2', label: '无效' },
];

/** 处罚类别: in files, the labels separated by ';' (a full-width '；' is accepted too). */
export const PENALTY_TYPES: readonly EnumValue[] = [
  { name: 'WARNING', file: '警告', label: '警告' },
  { name: 'CIRCULATED_CRITICISM', file: '通报批评', label: '通报批评' },
  { name: 'FINE', file: '罚款', label: '罚款' },
  { name: 'CONFISCATION_OF_ILLEGAL_GAINS', file: '没收违法所得', label: '没收违法所得' },
  { name: 'CONFISCATION_OF_ILLEGAL_PROPERTY', file: '没收非法财物', label: '没收非法财物' },
  { name: 'LICENCE_SUSPENSION', file: '暂扣许可证件', label: '暂扣许可证件' },
  { name: 'QUALIFICATION_DOWNGRADE', file: '降低资质等级', label: '降低资质等级' },
  { name: 'LICENCE_REVOCATION', file: '吊销许可证件', label: '吊销许可证件' },
  { name: 'BUSINESS_RESTRICTION', file: '限制开展生产经营活动', label: '限制开展生产经营活动' },
  { name: 'SUSPENSION_OF_BUSINESS', file: '责令停产停业', label: '责令停产停业' },
  { name: 'CLOSURE', file: '责令关闭', label: '责令关闭' },
  { name: 'EMPLOYMENT_RESTRICTION', file: '限制从业', label: '限制从业' },
  { name: 'ADMINISTRATIVE_DETENTION', file: '行政拘留', label: '行政拘留' },
  { name: 'OTHER', file: '其他', label: '其他' },
];

/** CF_SXDJ 失信信息分级 (《信用修复管理办法》 轻微/一般/严重), written as the label or 1/2/3 in files. */
export const PENALTY_TIERS: readonly EnumValue[] = [
  { name: 'MINOR', file: '轻微', label: '轻微' },
  { name: 'GENERAL', file: '一般', label: '一般' },
  { name: 'SEVERE', file: '严重', label: '严重' },
];
const TIER_CODES: Readonly<Record<string, string>> = { '1': 'MINOR', '2': 'GENERAL', '3': 'SEVERE' };

/** The enum value a file cell names: its file spelling, GraphQL name or label (and 1/2/3 for a tier). */
export function findEnumValue(type: ColumnType, text: string): EnumValue | undefined {
  const allowed = ENUM_VALUES[type] ?? [];
  const name = type === 'penaltyTier' ? (TIER_CODES[text] ?? text) : text;
  return allowed.find((e) => e.file === name || e.name === name || e.label === name);
}

export const ENUM_VALUES: Partial<Record<ColumnType, readonly EnumValue[]>> = {
  subjectCategory: SUBJECT_CATEGORIES,
  idType: ID_TYPES,
  licenceCategory: LICENCE_CATEGORIES,
  licenceStatus: LICENCE_STATUSES,
  penaltyTypes: PENALTY_TYPES,
  penaltyTier: PENALTY_TIERS,
};

/** 有效期至 2099-12-31 means 长期 (no end); the word itself is accepted in files too. */
export const LONG_TERM = '2099-12-31';

const NAME = 200;
const NUMBER = 128;
const LONG = 4000;

/** The subject columns both kinds share (行政相对人 …), under the kind's prefix. */
function subjectColumns(p: DisclosureKind): ColumnDef[] {
  return [
    {
      code: `${p}_XDR_MC`,
      label: '行政相对人名称',
      required: true,
      type: 'text',
      public: true,
      personal: 'NAME',
      field: 'subjectName',
      maxLength: NAME,
    },
    {
      code: `${p}_XDR_LB`,
      label: '行政相对人类别',
      required: true,
      type: 'subjectCategory',
      public: true,
      field: 'subjectCategory',
    },
    { code: `${p}_XDR_SHXYM`, label: '统一社会信用代码', required: false, type: 'uscc', public: true, field: 'uscc' },
    {
      code: `${p}_XDR_GSZC`,
      label: '工商注册号',
      required: false,
      type: 'text',
      public: true,
      field: 'businessRegistrationNumber',
      maxLength: 50,
    },
    {
      code: `${p}_XDR_ZZJG`,
      label: '组织机构代码',
      required: false,
      type: 'text',
      public: true,
      field: 'organisationCode',
      maxLength: 50,
    },
    {
      code: `${p}_XDR_SWDJ`,
      label: '税务登记号',
      required: false,
      type: 'text',
      public: true,
      field: 'taxRegistrationNumber',
      maxLength: 50,
    },
    {
      code: `${p}_XDR_SYDW`,
      label: '事业单位证书号',
      required: false,
      type: 'text',
      public: true,
      field: 'publicInstitutionNumber',
      maxLength: 50,
    },
    {
      code: `${p}_XDR_SHZZ`,
      label: '社会组织登记证号',
      required: false,
      type: 'text',
      public: true,
      field: 'socialOrganisationNumber',
      maxLength: 50,
    },
    {
      code: `${p}_FRDB`,
      label: '法定代表人',
      required: false,
      type: 'text',
      public: true,
      field: 'legalRepresentative',
      maxLength: 50,
    },
    {
      code: `${p}_FR_ZJLX`,
      label: '法定代表人证件类型',
      required: false,
      type: 'idType',
      public: true,
      field: 'legalRepresentativeIdType',
    },
    {
      code: `${p}_FR_ZJHM`,
      label: '法定代表人证件号码',
      required: false,
      type: 'idNumber',
      public: true,
      personal: 'ID_NUMBER',
      field: 'legalRepresentativeIdNumber',
      maxLength: 64,
    },
    {
      code: `${p}_XDR_ZJLX`,
      label: '证件类型',
      required: false,
      type: 'idType',
      public: true,
      field: 'subjectIdType',
    },
    {
      code: `${p}_XDR_ZJHM`,
      label: '证件号码',
      required: false,
      type: 'idNumber',
      public: true,
      personal: 'ID_NUMBER',
      field: 'subjectIdNumber',
      maxLength: 64,
    },
  ];
}

export const PENALTY_COLUMNS: readonly ColumnDef[] = [
  ...subjectColumns('CF'),
  {
    code: 'CF_WSH',
    label: '行政处罚决定书文号',
    required: true,
    type: 'text',
    public: true,
    field: 'documentNumber',
    maxLength: NUMBER,
  },
  {
    code: 'CF_WFXW',
    label: '违法行为类型',
    required: true,
    type: 'text',
    public: true,
    field: 'violationType',
    maxLength: 2000,
  },
  { code: 'CF_SY', label: '违法事实', required: true, type: 'text', public: true, field: 'facts', maxLength: LONG },
  {
    code: 'CF_YJ',
    label: '处罚依据',
    required: true,
    type: 'text',
    public: true,
    field: 'legalBasis',
    maxLength: 2000,
  },
  { code: 'CF_CFLB', label: '处罚类别', required: true, type: 'penaltyTypes', public: true, field: 'penaltyTypes' },
  { code: 'CF_NR', label: '处罚内容', required: true, type: 'text', public: true, field: 'content', maxLength: LONG },
  { code: 'CF_NR_FK', label: '罚款金额（万元）', required: false, type: 'amount', public: true, field: 'fineAmount' },
  {
    code: 'CF_NR_WFFF',
    label: '没收违法所得、没收非法财物的金额（万元）',
    required: false,
    type: 'amount',
    public: true,
    field: 'confiscatedAmount',
  },
  {
    code: 'CF_NR_ZKDX',
    label: '暂扣或吊销证照名称及编号',
    required: false,
    type: 'text',
    public: true,
    field: 'suspendedLicences',
    maxLength: 200,
  },
  { code: 'CF_JDRQ', label: '处罚决定日期', required: true, type: 'date', public: true, field: 'decidedOn' },
  { code: 'CF_YXQ', label: '处罚有效期', required: true, type: 'date', public: true, field: 'validUntil' },
  { code: 'CF_GSJZQ', label: '公示截止期', required: false, type: 'date', public: true, field: 'publicityDeadline' },
  {
    code: 'CF_SXDJ',
    label: '失信信息分级',
    required: false,
    type: 'penaltyTier',
    public: true,
    field: 'reportedTier',
    extension: true,
  },
  {
    code: 'CF_CFJG',
    label: '处罚机关',
    required: true,
    type: 'text',
    public: true,
    field: 'authorityName',
    maxLength: NAME,
  },
  {
    code: 'CF_CFJGDM',
    label: '处罚机关统一社会信用代码',
    required: true,
    type: 'uscc',
    public: true,
    field: 'authorityCode',
  },
  {
    code: 'CF_SJLY',
    label: '数据来源单位',
    required: true,
    type: 'text',
    public: true,
    field: 'sourceName',
    maxLength: NAME,
  },
  {
    code: 'CF_SJLYDM',
    label: '数据来源单位统一社会信用代码',
    required: true,
    type: 'uscc',
    public: true,
    field: 'sourceCode',
  },
  { code: 'BZ', label: '备注', required: false, type: 'text', public: false, field: 'remarks', maxLength: 1000 },
];

export const LICENCE_COLUMNS: readonly ColumnDef[] = [
  ...subjectColumns('XK'),
  {
    code: 'XK_XKWS',
    label: '行政许可决定文书名称',
    required: true,
    type: 'text',
    public: true,
    field: 'documentName',
    maxLength: NAME,
  },
  {
    code: 'XK_WSH',
    label: '行政许可决定文书号',
    required: true,
    type: 'text',
    public: true,
    field: 'documentNumber',
    maxLength: NUMBER,
  },
  { code: 'XK_XKLB', label: '许可类别', required: true, type: 'licenceCategory', public: true, field: 'category' },
  {
    code: 'XK_XKZS',
    label: '许可证书名称',
    required: false,
    type: 'text',
    public: true,
    field: 'certificateName',
    maxLength: NAME,
  },
  {
    code: 'XK_XKBH',
    label: '许可编号',
    required: false,
    type: 'text',
    public: true,
    field: 'licenceNumber',
    maxLength: NUMBER,
  },
  { code: 'XK_NR', label: '许可内容', required: true, type: 'text', public: true, field: 'content', maxLength: LONG },
  { code: 'XK_JDRQ', label: '许可决定日期', required: true, type: 'date', public: true, field: 'decidedOn' },
  { code: 'XK_YXQZ', label: '有效期自', required: true, type: 'date', public: true, field: 'validFrom' },
  { code: 'XK_YXQZI', label: '有效期至', required: true, type: 'date', public: true, field: 'validUntil' },
  {
    code: 'XK_XKJG',
    label: '许可机关',
    required: true,
    type: 'text',
    public: true,
    field: 'authorityName',
    maxLength: NAME,
  },
  {
    code: 'XK_XKJGDM',
    label: '许可机关统一社会信用代码',
    required: true,
    type: 'uscc',
    public: true,
    field: 'authorityCode',
  },
  { code: 'XK_ZT', label: '当前状态', required: true, type: 'licenceStatus', public: true, field: 'status' },
  {
    code: 'XK_LYDW',
    label: '数据来源单位',
    required: true,
    type: 'text',
    public: true,
    field: 'sourceName',
    maxLength: NAME,
  },
  {
    code: 'XK_LYDWDM',
    label: '数据来源单位统一社会信用代码',
    required: true,
    type: 'uscc',
    public: true,
    field: 'sourceCode',
  },
  { code: 'BZ', label: '备注', required: false, type: 'text', public: false, field: 'remarks', maxLength: 1000 },
];

export const COLUMNS: Record<DisclosureKind, readonly ColumnDef[]> = { CF: PENALTY_COLUMNS, XK: LICENCE_COLUMNS };

/** Column code → definition, per kind. */
export const COLUMN_BY_CODE: Record<DisclosureKind, ReadonlyMap<string, ColumnDef>> = {
  CF: new Map(PENALTY_COLUMNS.map((c) => [c.code, c])),
  XK: new Map(LICENCE_COLUMNS.map((c) => [c.code, c])),
};

/**
 * A GraphQL input (English field names, GraphQL enum names, arrays) as a raw national-format row, so that the
 * mutations and the files go through exactly the same validation.
 */
export function inputToRaw(kind: DisclosureKind, input: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const column of COLUMNS[kind]) {
    const value = input[column.field];
    if (value === undefined || value === null) continue;
    const values = ENUM_VALUES[column.type];
    if (column.type === 'penaltyTypes' && Array.isArray(value)) {
      raw[column.code] = value.map((v) => values?.find((e) => e.name === v)?.file ?? String(v)).join(';');
    } else if (values && typeof value === 'string') {
      raw[column.code] = values.find((e) => e.name === value)?.file ?? value;
    } else if (value instanceof Date) {
      raw[column.code] = value.toISOString().slice(0, 10);
    } else {
      raw[column.code] = value;
    }
  }
  return raw;
}
