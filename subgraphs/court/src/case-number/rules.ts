import { badInput, chinaToday } from '@credit-hub/kit';

/**
 * 执行案号 — execution case numbers. From 2016-01-01 (最高人民法院《关于人民法院案件案号的若干规定》, 法〔2015〕137号):
 * "(" + 收案年度 + ")" + 法院代字 + 类型代字 + 案件编号 + "号", e.g. (2019)皖1122执1194号. The 法院代字 is the
 * province's abbreviation alone for a high court (浙; 内 for 内蒙古, 兵 for the 兵团 courts, 军 for the military
 * court), with two digits for an intermediate or special court (浙01, 沪72) and four for a basic court (浙0106);
 * the Supreme People's Court is 最高法. Before 2016 each court numbered in its own "…字第…号" form, e.g.
 * (2015)厦执字第281号 or (2009)绍诸民执字第03265号; those numbers are still carried by listings of that time.
 * Rules and sources: docs/rules/court.md.
 */

/**
 * 法院代字 of the high courts (法〔2015〕137号 第四条): the one-character abbreviations of the province-level
 * divisions, 内 for 内蒙古 (not 蒙), 兵 for the 新疆生产建设兵团 branch and 军 for the military court.
 */
export const PROVINCE_ABBREVIATIONS = '京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵军';

/** The Supreme People's Court's 法院代字. */
export const SUPREME_COURT = '最高法';

/** Type characters (类型代字) of execution cases (执行类案件). */
export const EXECUTION_CASE_TYPES: Readonly<Record<string, string>> = {
  执: '首次执行',
  执恢: '恢复执行',
  执保: '财产保全执行',
  执异: '执行异议',
  执复: '执行复议',
  执监: '执行监督',
  执协: '执行协调',
  执请: '执行请示',
  执他: '其他执行',
};

/**
 * 执行实施 types: the cases in which a debtor is listed. 执保 (preservation) and the review and coordination types
 * (执异, 执复, 执监, 执协, 执请, 执他) decide no 失信 listing.
 */
export const IMPLEMENTATION_CASE_TYPES: readonly string[] = ['执', '执恢'];

/** The first year accepted: the national 案号 scheme and the execution records go back no further. */
export const FIRST_CASE_YEAR = 1990;

/**
 * The last 收案年度 written in the pre-2016 "…字第…号" form. The unified scheme applies to cases received from
 * 2016-01-01, yet published lists still show 2016 numbers in the old form (（2016）安执字第00175号), so 2016 is
 * accepted in both forms (open question in docs/rules/court.md).
 */
export const LAST_LEGACY_YEAR = 2016;

export interface CaseNumber {
  /** Normalised: half-width parentheses and digits, no spaces, e.g. (2019)皖1122执1194号. */
  caseNumber: string;
  year: number;
  /** The high court's 法院代字 (浙, 最高法 …); for a pre-2016 number, its first character when that is one. */
  province: string;
  courtCode: string;
  /** 执, 执恢, 执保 …; for a pre-2016 number, the type read from its court-and-type part. */
  caseType: string;
  sequence: number;
  /** A pre-2016 "…字第…号" number. */
  legacy: boolean;
}

const FULL_WIDTH: Record<string, string> = { '（': '(', '）': ')' };

/** Half-width parentheses and digits, without spaces: the form stored and compared. */
export function normaliseCaseNumber(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[（）]/g, (c) => FULL_WIDTH[c] ?? c)
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Loose on purpose: the parts are checked one by one below so that the error names the part that is wrong.
const SHAPE = /^\((\d+)\)(最高法|\D+?)(\d*)(\D+?)(\d+)号$/u;
// Pre-2016: court and type in Chinese characters (a court's own abbreviation, sometimes with digits or a hyphen),
// then 字第, the number (leading zeros were common) and 号.
const LEGACY_SHAPE = /^\((\d{4})\)([\p{Script=Han}\d-]{1,16}?)字第(\d{1,8})号$/u;

/** The execution type of a pre-2016 court-and-type part, e.g. 绍诸民执 → 执, 浙执复 → 执复. */
function legacyType(body: string): string | null {
  for (const type of ['执恢', '执保', '执异', '执复', '执监', '执协', '执请', '执他'])
    if (body.includes(type)) return type;
  return body.includes('执') ? '执' : null;
}

function parseLegacy(caseNumber: string, match: RegExpExecArray, field: string, shown: string): CaseNumber {
  // Every group of the legacy shape is mandatory: a match holds them all.
  const [, yearText = '', body = '', sequenceText = ''] = match;
  const year = Number(yearText);
  if (year < FIRST_CASE_YEAR || year > LAST_LEGACY_YEAR) {
    throw badInput(
      field,
      'YEAR',
      `\`${field}\`: the "…字第…号" form was used for cases received up to ${LAST_LEGACY_YEAR} (from 2016 法〔2015〕137号 ` +
        `applies, e.g. (2019)皖1122执1194号); ${shown} has the year ${yearText}`,
    );
  }
  const caseType = legacyType(body);
  if (caseType === null) {
    throw badInput(
      field,
      'CASE_TYPE',
      `\`${field}\`: ${shown} is not an execution case (its court-and-type part ${JSON.stringify(body)} has no 执)`,
    );
  }
  const first = Array.from(body)[0]!;
  return {
    caseNumber,
    year,
    province: PROVINCE_ABBREVIATIONS.includes(first) ? first : '',
    courtCode: body,
    caseType,
    sequence: Number(sequenceText),
    legacy: true,
  };
}

/**
 * Parses and validates a 执行案号. Throws BAD_USER_INPUT naming `field` and the rule broken: FORMAT (the
 * overall shape, the court code or the sequence number), YEAR, PROVINCE or CASE_TYPE.
 */
export function parseCaseNumber(raw: string, field = 'caseNumber', today: Date = chinaToday()): CaseNumber {
  const caseNumber = normaliseCaseNumber(raw);
  const shown = JSON.stringify(raw);
  const legacy = LEGACY_SHAPE.exec(caseNumber);
  if (legacy) return parseLegacy(caseNumber, legacy, field, shown);
  const match = SHAPE.exec(caseNumber);
  if (!match) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\` must be an execution case number (执行案号) such as (2019)皖1122执1194号 (or before 2016 ` +
        `(2015)厦执字第281号), got ${shown}`,
    );
  }
  // Every group of SHAPE takes part in a match (the court code as '' for a high court): the defaults never apply.
  const [, yearText = '', province = '', courtCode = '', caseType = '', sequenceText = ''] = match;
  const year = Number(yearText);
  const thisYear = today.getUTCFullYear();
  if (yearText.length !== 4 || year < FIRST_CASE_YEAR || year > thisYear) {
    throw badInput(
      field,
      'YEAR',
      `\`${field}\`: the year (收案年度) ${yearText} must be between ${FIRST_CASE_YEAR} and ${thisYear}`,
    );
  }
  const supremeCourt = province === SUPREME_COURT;
  if (!supremeCourt && (Array.from(province).length !== 1 || !PROVINCE_ABBREVIATIONS.includes(province))) {
    throw badInput(
      field,
      'PROVINCE',
      `\`${field}\`: ${JSON.stringify(province)} is not a high court's 法院代字 (the province abbreviation, e.g. 浙, 皖, ` +
        `内 for 内蒙古, 兵, 军)`,
    );
  }
  // A high court (高级人民法院) is the abbreviation alone, e.g. (2021)浙执复45号; the Supreme People's Court writes
  // 最高法. Intermediate and special courts add 2 digits, basic courts 4 (法〔2015〕137号 第五条); 3 never occurs.
  const highCourt = courtCode.length === 0;
  if ((supremeCourt && !highCourt) || (!highCourt && courtCode.length !== 2 && courtCode.length !== 4)) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\`: the court code (法院代字) after ${province} must be absent (高级法院), 2 digits (中级、专门法院) ` +
        `or 4 digits (基层法院), got ${courtCode}`,
    );
  }
  if (!Object.hasOwn(EXECUTION_CASE_TYPES, caseType)) {
    throw badInput(
      field,
      'CASE_TYPE',
      `\`${field}\`: ${JSON.stringify(caseType)} is not an execution case type (执行类型代字: ${Object.keys(EXECUTION_CASE_TYPES).join('、')})`,
    );
  }
  if (sequenceText.length > 6 || sequenceText.startsWith('0')) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\`: the case sequence number (案件编号) must be 1 to 6 digits without leading zeros, got ${sequenceText}`,
    );
  }
  return { caseNumber, year, province, courtCode, caseType, sequence: Number(sequenceText), legacy: false };
}

/**
 * A case number in which a debtor may be listed: an 执行实施 case (执, 执恢). Throws BAD_USER_INPUT, rule
 * CASE_TYPE, for the other execution types.
 */
export function assertImplementationCase(parsed: CaseNumber, field: string): void {
  if (!IMPLEMENTATION_CASE_TYPES.includes(parsed.caseType)) {
    throw badInput(
      field,
      'CASE_TYPE',
      `\`${field}\`: a 失信被执行人 is listed in an 执行实施 case (执, 执恢); ${parsed.caseNumber} is a ` +
        `${EXECUTION_CASE_TYPES[parsed.caseType]} case (${parsed.caseType})`,
    );
  }
}
