import { chinaToday, chineseCalendar, type WorkingCalendar, clock } from '@credit-hub/kit';
import { kindFromUscc, type SubjectKind } from '@credit-hub/kit/codes';
import type { AbnormalRow, AnnualReportRow, RegistrationRow, SeriousRow } from './model.ts';

/** 登记状态 labels as 国家企业信用信息公示系统 shows them. */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationRow['status'], string> = {
  EXISTING: '存续（在业）',
  REVOKED: '吊销',
  CANCELLED: '注销',
  MOVED_OUT: '迁出',
};

/** The four reasons of 《企业经营异常名录管理暂行办法》 第四条. */
export const ABNORMAL_REASON_LABELS: Record<AbnormalRow['reason'], string> = {
  ANNUAL_REPORT_NOT_FILED: '未按规定期限公示年度报告',
  INFORMATION_NOT_PUBLISHED: '未在责令的期限内公示有关企业信息',
  FALSE_INFORMATION: '公示企业信息隐瞒真实情况、弄虚作假',
  UNREACHABLE_AT_ADDRESS: '通过登记的住所或者经营场所无法联系',
};

export const LISTING_STATUS_LABELS: Record<AbnormalRow['status'], string> = {
  LISTED: '列入',
  REMOVED: '移出',
};

export type AnnualReportStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'DUE';

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

/** Today's date in China: annual-report and removal deadlines are Chinese calendar dates. */
export const startOfToday = (now: Date = clock.now()) => chinaToday(now);

/**
 * The last day to file a year's annual report on time: 30 June of the following year (reports are filed
 * 1 January – 30 June, 《企业信息公示暂行条例》 第八条).
 */
export const annualReportDeadline = (year: number) => new Date(Date.UTC(year + 1, 5, 30));

/**
 * ON_TIME when filed by the deadline (the deadline day included), LATE when filed after it; unfiled
 * reports are DUE until the deadline has passed and MISSING from the day after.
 */
export function annualReportStatus(
  report: Pick<AnnualReportRow, 'year' | 'filedOn'>,
  today: Date = startOfToday(),
): AnnualReportStatus {
  const deadline = annualReportDeadline(report.year).getTime();
  if (report.filedOn) return report.filedOn.getTime() <= deadline ? 'ON_TIME' : 'LATE';
  return today.getTime() > deadline ? 'MISSING' : 'DUE';
}

/** Removal must be decided within 5 working days after the cause is cured. */
export const REMOVAL_WORKING_DAYS = 5;

/** The removal deadline: 5 working days (法定节假日 and 调休 counted) after the cure, the cure day not counted. */
export const removalDeadline = (curedOn: Date, calendar: WorkingCalendar = chineseCalendar) =>
  calendar.addWorkingDays(curedOn, REMOVAL_WORKING_DAYS);

export const isListed = (entry: Pick<AbnormalRow | SeriousRow, 'status'>) => entry.status === 'LISTED';

/** Cured, still listed, and the removal deadline (the day itself allowed) has passed. */
export function isRemovalOverdue(
  entry: Pick<AbnormalRow, 'status' | 'curedOn' | 'removalDeadline'>,
  today: Date = startOfToday(),
): boolean {
  return (
    entry.status === 'LISTED' &&
    entry.curedOn !== null &&
    entry.removalDeadline !== null &&
    entry.removalDeadline.getTime() < today.getTime()
  );
}
