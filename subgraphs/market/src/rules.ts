/**
 * The market department's rules about its register: which subjects are market subjects, and the annual report's
 * deadline and status. Pure: every rule that depends on the day takes `today` (the request's one date,
 * loaders.ts). The 经营异常名录's rules are in abnormal/rules.ts, the 严重违法失信名单's in serious/rules.ts;
 * sources and open questions in docs/rules/market.md.
 */
import { badInput } from '@credit-hub/kit';
import { kindFromUscc, validateUscc, type SubjectKind } from '@credit-hub/kit/codes';
import type { AnnualReportStatus, MarketRegistrationStatus } from './__generated__/types.ts';

/** 登记状态 labels as 国家企业信用信息公示系统 shows them. */
export const REGISTRATION_STATUS_LABELS: Record<MarketRegistrationStatus, string> = {
  EXISTING: '存续（在业）',
  REVOKED: '吊销',
  CANCELLED: '注销',
  MOVED_OUT: '迁出',
};

export const ANNUAL_REPORT_STATUS_LABELS: Record<AnnualReportStatus, string> = {
  ON_TIME: '按时报送',
  LATE: '逾期报送',
  MISSING: '未报送',
  DUE: '待报送',
};

/** Market subjects are the 工商 registrations: enterprises (91), 个体工商户 (92), 农民专业合作社 (93). */
export const MARKET_SUBJECT_KINDS: readonly SubjectKind[] = [
  'ENTERPRISE',
  'INDIVIDUAL_BUSINESS',
  'FARMERS_COOPERATIVE',
];

/** Whether a (validated) USCC names a market subject. */
export const isMarketSubject = (code: string) => MARKET_SUBJECT_KINDS.includes(kindFromUscc(code));

/**
 * The last day to file a year's annual report on time: 30 June of the following year (reports are filed
 * 1 January – 30 June, 《企业信息公示暂行条例》 第八条).
 */
export const annualReportDeadline = (year: number) => new Date(Date.UTC(year + 1, 5, 30));

/**
 * ON_TIME when filed by the deadline (the deadline day included), LATE when filed after it; unfiled
 * reports are DUE until the deadline has passed and MISSING from the day after.
 */
export function annualReportStatus(report: { year: number; filedOn: Date | null }, today: Date): AnnualReportStatus {
  const deadline = annualReportDeadline(report.year).getTime();
  if (report.filedOn) return report.filedOn.getTime() <= deadline ? 'ON_TIME' : 'LATE';
  return today.getTime() > deadline ? 'MISSING' : 'DUE';
}

/** A market subject's USCC as a department submits it: valid, and of an enterprise, 个体工商户 or 农民专业合作社. */
export function checkMarketSubjectCode(raw: string, field = 'input.subjectCode'): string {
  const result = validateUscc(raw);
  if (!result.valid) throw badInput(field, result.reason, `\`${field}\`: ${result.message}`);
  if (!isMarketSubject(result.code)) {
    throw badInput(
      field,
      'MARKET_SUBJECT',
      `\`${field}\` ${result.code} is not a market subject: market supervision registers enterprises (91…), ` +
        '个体工商户 (92…) and 农民专业合作社 (93…)',
    );
  }
  return result.code;
}
