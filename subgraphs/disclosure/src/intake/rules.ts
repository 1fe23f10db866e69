/**
 * Validation of one row of the national 双公示 format, pure: no database, no clock (today comes in the context).
 * Every failed rule of a row is reported, not just the first, so a department fixes a row in one pass.
 */
import { createHash } from 'node:crypto';
import { describeUnstorable, findUnstorableText } from '@credit-hub/kit';
import { documentPersonKey as kitDocumentPersonKey, validateIdNumber, validateUscc } from '@credit-hub/kit/codes';
import {
  deadlineBounds,
  decideTier,
  derivePublicity,
  PUBLICITY_RULES,
  sectorLabel,
  sectorOf,
  TIER_LABELS,
  type DerivedPublicity,
  type PenaltyTier,
  type PublicityConfig,
} from '../rules.ts';
import { COLUMN_BY_CODE, COLUMNS, ENUM_VALUES, findEnumValue, LONG_TERM, type ColumnDef } from '../format/rules.ts';
import type { DisclosureKind } from '../__generated__/types.ts';

/** One failed rule of a row: the column code, a stable rule code, and a message naming both. */
export interface Reason {
  field: string;
  rule: string;
  message: string;
}

export interface ValidationContext {
  department: string;
  authorities: ReadonlyMap<string, { department: string }>;
  /** Today in China, YYYY-MM-DD. */
  today: string;
  /**
   * The graph key of a natural person. Called with a 居民身份证号码 (type 01) already validated, or with
   * `<type>:<number>` for other ID documents.
   */
  personKey: (idNumber: string) => string;
  /** The publicity rules (tiers, windows); the shipped data/publicity.json unless a test gives others. */
  publicity?: PublicityConfig;
}

/** Normalised field values: text trimmed, dates YYYY-MM-DD, amounts as decimal strings, enums by name. */
export type NormalizedValue = string | string[] | null;

export interface NormalizedRecord {
  kind: DisclosureKind;
  /** GraphQL field / column name → value, for every column of the kind (null when absent). */
  values: Record<string, NormalizedValue>;
  /** The subject's graph key: the USCC, or a person key for natural persons. */
  subjectCode: string;
  authorityCode: string;
  documentNumber: string;
  decidedOn: string;
  /** Penalties only: tier, sector, rule, publicity end and first repair day, derived by the publicity rules. */
  publicity: DerivedPublicity | null;
}

export type ValidationResult = { ok: true; record: NormalizedRecord } | { ok: false; reasons: Reason[] };

const DATE_PATTERNS = [/^(\d{4})-(\d{2})-(\d{2})$/, /^(\d{4})\/(\d{2})\/(\d{2})$/, /^(\d{4})(\d{2})(\d{2})$/];
const AMOUNT = /^\d+(\.\d+)?$/;
const MAX_AMOUNT_DECIMALS = 6;
const MAX_AMOUNT_INTEGER_DIGITS = 12;

const name = (c: ColumnDef) => `${c.code} ${c.label}`;

/** Accepted date spellings: 2025-03-01, 2025/03/01, 20250301; a real calendar day. */
export function parseDate(text: string): string | null {
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    const d = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
  }
  return null;
}

/** A raw cell as text: strings trimmed, numbers and booleans spelled out, empty → null; other shapes refused. */
function cellText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** Splits a 处罚类别 cell: "罚款;没收违法所得" (or '；', or a JSON array). */
function penaltyTypeItems(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value.map((v) => v.trim()) : undefined;
  const text = cellText(value);
  if (text === undefined) return undefined;
  if (text === null) return [];
  return text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function validateRow(
  kind: DisclosureKind,
  raw: Record<string, unknown>,
  ctx: ValidationContext,
): ValidationResult {
  const reasons: Reason[] = [];
  const fail = (column: ColumnDef | string, rule: string, message: string) => {
    const code = typeof column === 'string' ? column : column.code;
    const label = typeof column === 'string' ? code : name(column);
    reasons.push({ field: code, rule, message: `${label}: ${message} (${rule})` });
  };
  const byCode = COLUMN_BY_CODE[kind];
  for (const key of Object.keys(raw)) {
    if (!byCode.has(key))
      fail(key, 'UNKNOWN_COLUMN', `not a column of the ${kind === 'CF' ? '行政处罚 (CF_)' : '行政许可 (XK_)'} format`);
    // A NUL or half a surrogate pair cannot be stored: the row is quarantined naming the column, instead
    // of the database refusing the whole chunk.
    const bad = findUnstorableText({ [key]: raw[key] }, '');
    if (bad) fail(byCode.get(key) ?? key, bad.found.rule, describeUnstorable(bad.found));
  }

  const values: Record<string, NormalizedValue> = {};
  for (const column of COLUMNS[kind]) {
    const value = raw[column.code];
    values[column.field] = null;
    if (column.type === 'penaltyTypes') {
      const items = penaltyTypeItems(value);
      if (items === undefined) {
        fail(column, 'TYPE', 'must be text (labels separated by ";") or a list of labels');
        continue;
      }
      if (items.length === 0) {
        if (column.required) fail(column, 'REQUIRED', 'is required');
        continue;
      }
      const allowed = ENUM_VALUES.penaltyTypes!;
      const names: string[] = [];
      for (const item of items) {
        const found = allowed.find((e) => e.file === item || e.name === item);
        if (!found)
          fail(column, 'ENUM', `${JSON.stringify(item)} is not one of ${allowed.map((e) => e.file).join('/')}`);
        else if (!names.includes(found.name)) names.push(found.name);
      }
      values[column.field] = names;
      continue;
    }
    const text = cellText(value);
    if (text === undefined) {
      fail(column, 'TYPE', 'must be a text value');
      continue;
    }
    if (text === null) {
      if (column.required) fail(column, 'REQUIRED', 'is required');
      continue;
    }
    if (column.maxLength !== undefined && Array.from(text).length > column.maxLength) {
      fail(column, 'LENGTH', `may hold at most ${column.maxLength} characters`);
      continue;
    }
    switch (column.type) {
      case 'text':
      case 'idNumber':
        values[column.field] = text;
        break;
      case 'uscc': {
        const result = validateUscc(text);
        if (result.valid) values[column.field] = result.code;
        else fail(column, `USCC_${result.reason}`, result.message);
        break;
      }
      case 'date': {
        const iso = text === '长期' ? LONG_TERM : parseDate(text);
        if (iso === null) fail(column, 'DATE_FORMAT', `${JSON.stringify(text)} is not a date (YYYY-MM-DD)`);
        values[column.field] = iso;
        break;
      }
      case 'amount': {
        if (text.startsWith('-') && AMOUNT.test(text.slice(1))) {
          fail(column, 'NEGATIVE', 'must not be negative');
          break;
        }
        if (!AMOUNT.test(text)) {
          fail(column, 'AMOUNT_FORMAT', `${JSON.stringify(text)} is not a decimal amount in 万元`);
          break;
        }
        const [whole, fraction = ''] = text.split('.') as [string, string?];
        if (fraction.length > MAX_AMOUNT_DECIMALS) {
          fail(column, 'PRECISION', `may have at most ${MAX_AMOUNT_DECIMALS} decimals (万元 to the cent is 6)`);
          break;
        }
        if (whole.replace(/^0+(?=\d)/, '').length > MAX_AMOUNT_INTEGER_DIGITS) {
          fail(column, 'RANGE', `must be below 10^${MAX_AMOUNT_INTEGER_DIGITS} 万元`);
          break;
        }
        values[column.field] = text;
        break;
      }
      default: {
        const allowed = ENUM_VALUES[column.type]!;
        const found = findEnumValue(column.type, text);
        if (found) values[column.field] = found.name;
        else fail(column, 'ENUM', `${JSON.stringify(text)} is not one of ${allowed.map((e) => e.file).join('/')}`);
      }
    }
  }

  const col = (suffix: string) => byCode.get(`${kind}_${suffix}`)!;
  const v = (field: string) => values[field] as string | null;
  const failed = (column: ColumnDef) => reasons.some((r) => r.field === column.code);

  // The subject: organisations and individual businesses by USCC, natural persons by an ID document.
  const category = v('subjectCategory');
  if (category === 'LEGAL_ENTITY' || category === 'INDIVIDUAL_BUSINESS') {
    if (cellText(raw[col('XDR_SHXYM').code]) === null)
      fail(
        col('XDR_SHXYM'),
        'REQUIRED_FOR_CATEGORY',
        `is required when the subject is ${category === 'LEGAL_ENTITY' ? '法人及非法人组织' : '个体工商户'}`,
      );
  }
  if (category === 'NATURAL_PERSON') {
    for (const suffix of ['XDR_ZJLX', 'XDR_ZJHM'])
      if (cellText(raw[col(suffix).code]) === null)
        fail(col(suffix), 'REQUIRED_FOR_CATEGORY', 'is required when the subject is 自然人');
  }
  checkIdDocument(
    col('XDR_ZJLX'),
    col('XDR_ZJHM'),
    v('subjectIdType'),
    v('subjectIdNumber'),
    ctx.today,
    fail,
    failed(col('XDR_ZJLX')),
  );
  checkIdDocument(
    col('FR_ZJLX'),
    col('FR_ZJHM'),
    v('legalRepresentativeIdType'),
    v('legalRepresentativeIdNumber'),
    ctx.today,
    fail,
    failed(col('FR_ZJLX')),
  );

  // Dates.
  const decided = v('decidedOn');
  const decisionColumn = col('JDRQ');
  if (decided && decided > ctx.today)
    fail(decisionColumn, 'NOT_IN_FUTURE', `must not be after today (${ctx.today}, China time)`);
  if (kind === 'CF') {
    const deadline = v('publicityDeadline');
    if (decided && deadline && deadline <= decided)
      fail(col('GSJZQ'), 'AFTER_DECISION', `must be after the decision date ${decided}`);
    const validUntil = v('validUntil');
    if (decided && validUntil && validUntil < decided)
      fail(col('YXQ'), 'NOT_BEFORE_DECISION', `must not be before the decision date ${decided}`);
    const types = (values.penaltyTypes as string[] | null) ?? [];
    if (types.includes('FINE') && v('fineAmount') === null && !reasons.some((r) => r.field === 'CF_NR_FK'))
      fail(col('NR_FK'), 'REQUIRED_FOR_FINE', 'is required when 处罚类别 includes 罚款');
    // A 公示截止期 must lie within the bounds of the penalty's tier under the rule of its decision date: a
    // department can neither end publicity before the minimum (that is a repair, with its own conditions) nor
    // publish beyond the maximum. The row is refused with the bounds named, never silently capped.
    if (decided && deadline && deadline > decided && types.length > 0 && !failed(col('CFLB')) && !failed(col('SXDJ'))) {
      const config = ctx.publicity ?? PUBLICITY_RULES;
      const { tier } = decideTier(tierFacts(values, ctx.department), config);
      const sector = sectorOf(v('legalBasis') ?? '', config);
      const b = deadlineBounds({ decidedOn: decided, tier, sector }, config);
      const span = `${TIER_LABELS[tier]}失信信息${sector && b.regime.sectorMinMonths !== null ? `（${sectorLabel(sector, config)}领域）` : ''}`;
      const rule = `《${b.regime.title}》（${b.regime.number}）`;
      if (deadline < b.earliest)
        fail(
          col('GSJZQ'),
          'BELOW_MINIMUM_PUBLICITY',
          `${deadline} ends publicity before the minimum of ${b.minMonths} month(s) for ${span} decided on ${decided} under ${rule}: the earliest 公示截止期 is ${b.earliest} (an earlier end is a 信用修复, see repairPenalty)`,
        );
      else if (deadline > b.latest)
        fail(
          col('GSJZQ'),
          'ABOVE_MAXIMUM_PUBLICITY',
          `${deadline} is after the maximum of ${b.maxMonths} month(s) for ${span} decided on ${decided} under ${rule}: the latest 公示截止期 is ${b.latest}`,
        );
    }
  } else {
    const from = v('validFrom');
    const until = v('validUntil');
    if (from && until && until < from)
      fail(col('YXQZI'), 'NOT_BEFORE_VALID_FROM', `must not be before 有效期自 ${from}`);
  }

  // The authority: in the register, and belonging to the submitting department.
  const authorityColumn = kind === 'CF' ? col('CFJGDM') : col('XKJGDM');
  const authorityCode = v('authorityCode');
  if (authorityCode) {
    const authority = ctx.authorities.get(authorityCode);
    if (!authority) fail(authorityColumn, 'AUTHORITY_UNKNOWN', `${authorityCode} is not in the authority register`);
    else if (authority.department !== ctx.department)
      fail(
        authorityColumn,
        'AUTHORITY_DEPARTMENT',
        `${authorityCode} belongs to department ${authority.department}, not to the submitting department ${ctx.department}`,
      );
  }

  if (reasons.length > 0) return { ok: false, reasons };

  const subjectCode =
    category === 'NATURAL_PERSON'
      ? v('subjectIdType') === 'ID_CARD'
        ? ctx.personKey(v('subjectIdNumber')!)
        : ctx.personKey(`${v('subjectIdType')}:${v('subjectIdNumber')}`)
      : v('uscc')!;
  const publicity =
    kind === 'CF'
      ? derivePublicity(
          { ...tierFacts(values, ctx.department), decidedOn: decided!, deadline: v('publicityDeadline') },
          ctx.publicity ?? PUBLICITY_RULES,
        )
      : null;
  return {
    ok: true,
    record: {
      kind,
      values,
      subjectCode,
      authorityCode: authorityCode!,
      documentNumber: v('documentNumber')!,
      decidedOn: decided!,
      publicity,
    },
  };
}

/** The facts of a penalty row the tier is decided from. */
function tierFacts(values: Record<string, NormalizedValue>, department: string) {
  return {
    reportedTier: (values.reportedTier as PenaltyTier | null) ?? null,
    department,
    authorityCode: (values.authorityCode as string | null) ?? '',
    violationType: (values.violationType as string | null) ?? '',
    legalBasis: (values.legalBasis as string | null) ?? '',
    penaltyTypes: (values.penaltyTypes as string[] | null) ?? [],
  };
}

/** An ID document: a number needs its type; a 身份证 (01) number must pass GB 11643. */
function checkIdDocument(
  typeColumn: ColumnDef,
  numberColumn: ColumnDef,
  type: string | null,
  number: string | null,
  today: string,
  fail: (column: ColumnDef, rule: string, message: string) => void,
  typeFailed: boolean,
) {
  if (number === null) return;
  if (type === null) {
    // An unreadable type was reported already (ENUM); only a missing one is this rule.
    if (typeFailed) return;
    fail(typeColumn, 'REQUIRED_WITH', `is required when ${numberColumn.code} is given`);
    return;
  }
  if (type === 'ID_CARD') {
    const result = validateIdNumber(number, new Date(`${today}T00:00:00Z`));
    if (!result.valid) fail(numberColumn, `ID_${result.reason}`, result.message);
  }
}

/** A column's field name as its table column (subjectIdNumber → subject_id_number). */
export const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The person key of an ID document (`<type>:<number>` for documents other than a 居民身份证), with a secret. */
export const documentPersonKey =
  (secret: string) =>
  (document: string): string =>
    kitDocumentPersonKey(document, secret);

/**
 * SHA-256 over the columns' normalised values, in column order. An empty extension column is left out, so that a
 * record stored before the column existed keeps its hash (and an identical resubmission adds no revision).
 */
export function contentHash(record: NormalizedRecord): string {
  const values = COLUMNS[record.kind]
    .filter((c) => !c.extension || (record.values[c.field] !== null && record.values[c.field] !== undefined))
    .map((c) => record.values[c.field] ?? null);
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

/**
 * The record key of a row that failed validation, when it names one (a well-formed authority code and a
 * document number), and its decision date when parseable: the metrics count such a row as reported.
 */
export function quarantineKey(
  kind: DisclosureKind,
  raw: Record<string, unknown>,
): { authorityCode: string | null; documentNumber: string | null; decidedOn: string | null } {
  const text = (code: string) => {
    const v = raw[code];
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() || null : null;
  };
  const authority = text(kind === 'CF' ? 'CF_CFJGDM' : 'XK_XKJGDM');
  const check = authority ? validateUscc(authority) : null;
  const documentNumber = text(kind === 'CF' ? 'CF_WSH' : 'XK_WSH');
  const date = text(kind === 'CF' ? 'CF_JDRQ' : 'XK_JDRQ');
  const identifiable = check?.valid === true && documentNumber !== null;
  return {
    authorityCode: identifiable && check.valid ? check.code : null,
    documentNumber: identifiable ? documentNumber : null,
    decidedOn: identifiable && date ? parseDate(date) : null,
  };
}
