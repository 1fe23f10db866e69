import { badInput, chinaToday } from '@credit-hub/kit';

/**
 * 执行案号 — execution case numbers (最高人民法院《关于人民法院案件案号的若干规定》, 法〔2015〕137号, and
 * 《人民法院案件类型及其代字标准》): （收案年度）+ 法院代字 + 类型代字 + 案件编号 + 号, e.g. （2019）皖1122执1194号.
 * The court's code is the province's one-character abbreviation (兵 for the 新疆生产建设兵团 courts), alone
 * for a high court (浙), with two to four digits for the others (浙01 an intermediate court, 浙0106 a basic
 * court); the Supreme People's Court is 最高法.
 */

/** One-character abbreviations (简称) of the 31 province-level divisions, and 兵 (兵团). */
export const PROVINCE_ABBREVIATIONS = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵';

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

/** The first year accepted: the national 案号 scheme and the execution records go back no further. */
export const FIRST_CASE_YEAR = 1990;

export interface CaseNumber {
  /** Normalised: half-width parentheses and digits, no spaces, e.g. (2019)皖1122执1194号. */
  caseNumber: string;
  year: number;
  province: string;
  courtCode: string;
  caseType: string;
  sequence: number;
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

/**
 * Parses and validates a 执行案号. Throws BAD_USER_INPUT naming `field` and the rule broken: FORMAT (the
 * overall shape, the court code or the sequence number), YEAR, PROVINCE or CASE_TYPE.
 */
export function parseCaseNumber(raw: string, field = 'caseNumber', today: Date = chinaToday()): CaseNumber {
  const caseNumber = normaliseCaseNumber(raw);
  const shown = JSON.stringify(raw);
  const match = SHAPE.exec(caseNumber);
  if (!match) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\` must be an execution case number (执行案号) such as (2019)皖1122执1194号, got ${shown}`,
    );
  }
  const [, yearText, province, courtCode, caseType, sequenceText] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
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
      `\`${field}\`: ${JSON.stringify(province)} is not a province abbreviation (省级简称, e.g. 浙, 皖, 兵)`,
    );
  }
  // A high court (高级人民法院) is the province abbreviation alone, e.g. (2021)浙执复45号; the Supreme
  // People's Court writes 最高法. Intermediate and basic courts add 2 or 4 digits.
  const highCourt = courtCode.length === 0;
  if ((supremeCourt && !highCourt) || (!highCourt && (courtCode.length < 2 || courtCode.length > 4))) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\`: the court code (法院代字) after ${province} must be absent (高级法院) or have 2 to 4 digits, got ${courtCode}`,
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
  return { caseNumber, year, province, courtCode, caseType, sequence: Number(sequenceText) };
}
