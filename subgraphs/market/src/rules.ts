import { chinaToday, chineseCalendar, clock, dayAfter, periodEnd, type WorkingCalendar } from '@credit-hub/kit';
import { kindFromUscc, type SubjectKind } from '@credit-hub/kit/codes';
import type { AbnormalRow, AnnualReportRow, RegistrationRow, SeriousRow } from './mappers.ts';

/** 登记状态 labels as 国家企业信用信息公示系统 shows them. */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationRow['status'], string> = {
  EXISTING: '存续（在业）',
  REVOKED: '吊销',
  CANCELLED: '注销',
  MOVED_OUT: '迁出',
};

/** The four reasons of 《企业经营异常名录管理暂行办法》 第四条 (the mark of a 个体工商户 uses three of them). */
export const ABNORMAL_REASON_LABELS: Record<AbnormalRow['reason'], string> = {
  ANNUAL_REPORT_NOT_FILED: '未按规定期限公示年度报告',
  INFORMATION_NOT_PUBLISHED: '未在责令的期限内公示有关企业信息',
  FALSE_INFORMATION: '公示企业信息隐瞒真实情况、弄虚作假',
  UNREACHABLE_AT_ADDRESS: '通过登记的住所或者经营场所无法联系',
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

/**
 * Removal (移出, or 恢复正常记载状态 for a 个体工商户) is decided within 5 working days of the subject's
 * application (《企业经营异常名录管理暂行办法》 第十一条–第十四条: "自收到申请之日起5个工作日内"; 《个体工商户年度报告
 * 暂行办法》 第十六条). The clock runs from the application, not from the cure: a report filed in March and an
 * application made in May start the clock in May.
 */
export const REMOVAL_WORKING_DAYS = 5;

/** The removal deadline: 5 working days (法定节假日 and 调休 counted) after the application day, that day not counted. */
export const removalDeadline = (appliedOn: Date, calendar: WorkingCalendar = chineseCalendar) =>
  calendar.addWorkingDays(appliedOn, REMOVAL_WORKING_DAYS);

// ---------------------------------------------------------------------------------------------------------
// 经营异常名录 and the 个体工商户's 经营异常状态

export type AbnormalKind = AbnormalRow['kind'];

export const ABNORMAL_KIND_LABELS: Record<AbnormalKind, string> = {
  LISTING: '列入经营异常名录',
  MARK: '标记为经营异常状态',
};

/** Labels of an entry's status by kind: a 个体工商户 is marked and restored, not listed and removed. */
export const ABNORMAL_STATUS_LABELS: Record<AbnormalKind, Record<AbnormalRow['status'], string>> = {
  LISTING: { LISTED: '列入', REMOVED: '移出', REVOKED: '撤销列入' },
  MARK: { LISTED: '标记', REMOVED: '恢复正常记载状态', REVOKED: '撤销标记' },
};

/**
 * The kind of entry a market subject gets: enterprises and 农民专业合作社 are listed in the 经营异常名录; a
 * 个体工商户 is marked 经营异常状态 (《个体工商户年度报告暂行办法》 第十三条–第十五条; 《市场监督管理信用修复管理办法》
 * 第二条 distinguishes 移出经营异常名录 from 恢复个体工商户正常记载状态).
 */
export const abnormalKindFor = (code: string): AbnormalKind =>
  kindFromUscc(code) === 'INDIVIDUAL_BUSINESS' ? 'MARK' : 'LISTING';

/**
 * A 个体工商户 is marked for an unfiled annual report, a concealed or false report, or being unreachable at its
 * registered place (第十三条–第十五条); the 即时信息 duty of enterprises does not apply to it.
 */
export const MARK_REASONS: readonly AbnormalRow['reason'][] = [
  'ANNUAL_REPORT_NOT_FILED',
  'FALSE_INFORMATION',
  'UNREACHABLE_AT_ADDRESS',
];

/** An entry is on the list (or the mark is set) until removed or revoked; it has no term of its own. */
export const isAbnormalInForce = (entry: Pick<AbnormalRow, 'status'>) => entry.status === 'LISTED';

/** An application is pending: listed, applied for, not refused (refusing clears the deadline). */
export const hasPendingApplication = (entry: Pick<AbnormalRow, 'status' | 'removalDeadline'>) =>
  entry.status === 'LISTED' && entry.removalDeadline !== null;

/** An application is pending and its deadline day has passed (the deadline day itself is not overdue). */
export function isRemovalOverdue(
  entry: Pick<AbnormalRow, 'status' | 'removalDeadline'>,
  today: Date = startOfToday(),
): boolean {
  return hasPendingApplication(entry) && entry.removalDeadline!.getTime() < today.getTime();
}

/**
 * A listing still in force three years on, obligations unmet, goes to the 严重违法失信名单 (总局令第44号; the
 * 2016 严重违法失信企业名单管理暂行办法 第五条第一款第（一）项 said the same). It is due from the day after the three
 * years end.
 */
export const TRANSFER_AFTER = { years: 3 } as const;

export const transferDueFrom = (listedOn: Date) => dayAfter(periodEnd(listedOn, TRANSFER_AFTER));

/**
 * The latest listing date whose three years have ended before `today`: entries listed on or before it are due
 * for transfer (periodEnd is monotonic in its start, so this is one comparison in SQL).
 */
export function transferCutoff(today: Date): Date {
  // Three years back, or the day before when that day's own three years end only today (a 29 February today
  // maps back to a 28 February whose period ended yesterday).
  const back = periodEnd(today, { years: -TRANSFER_AFTER.years });
  return periodEnd(back, TRANSFER_AFTER).getTime() < today.getTime() ? back : new Date(back.getTime() - 86_400_000);
}

export function isTransferDue(entry: Pick<AbnormalRow, 'kind' | 'status' | 'listedOn'>, today: Date = startOfToday()) {
  return (
    entry.kind === 'LISTING' && isAbnormalInForce(entry) && transferDueFrom(entry.listedOn).getTime() <= today.getTime()
  );
}

// ---------------------------------------------------------------------------------------------------------
// 严重违法失信名单 (《市场监督管理严重违法失信名单管理办法》, 总局令第44号)

/** A listing lasts three years, then ends by itself ("满三年"), unless removed early or revoked. */
export const SERIOUS_TERM = { years: 3 } as const;
/** Early removal (提前移出, 信用修复) may be applied for once the entry has been listed a full year. */
export const EARLY_REMOVAL_AFTER = { years: 1 } as const;

/**
 * The last day an entry is in force: three years from the listing (民法典 第二百零一、二百零二条 counting), or the end
 * of a 限制开展生产经营活动/限制从业 measure when that runs longer ("按照实际限制期限执行").
 */
export function seriousExpiry(listedOn: Date, measuresEndOn: Date | null): Date {
  const term = periodEnd(listedOn, SERIOUS_TERM);
  return measuresEndOn && measuresEndOn.getTime() > term.getTime() ? measuresEndOn : term;
}

/** The first day an early removal may be applied for: the day after the entry's first year ends. */
export const earliestEarlyRemoval = (listedOn: Date) => dayAfter(periodEnd(listedOn, EARLY_REMOVAL_AFTER));

export type SeriousStatus = 'LISTED' | 'EXPIRED' | 'REMOVED' | 'REVOKED';

export const SERIOUS_STATUS_LABELS: Record<SeriousStatus, string> = {
  LISTED: '列入',
  EXPIRED: '期满移出',
  REMOVED: '提前移出',
  REVOKED: '撤销列入',
};

/**
 * The status as of `today`: a stored LISTED entry past its last day is EXPIRED — removed automatically on the
 * day after its term, without anyone writing anything.
 */
export function seriousStatus(
  entry: Pick<SeriousRow, 'status' | 'expiresOn'>,
  today: Date = startOfToday(),
): SeriousStatus {
  if (entry.status !== 'LISTED') return entry.status;
  return entry.expiresOn.getTime() >= today.getTime() ? 'LISTED' : 'EXPIRED';
}

export const isSeriousInForce = (entry: Pick<SeriousRow, 'status' | 'expiresOn'>, today?: Date) =>
  seriousStatus(entry, today) === 'LISTED';

export const SERIOUS_GROUND_LABELS: Record<SeriousRow['ground'], string> = {
  HEAVY_PENALTY: '受到较重行政处罚',
  ABNORMAL_TRANSFER: '被列入经营异常名录届满三年仍未履行相关义务',
};

/** The 较重行政处罚 of 总局令第44号 第二条. */
export const HEAVY_PENALTY_LABELS: Record<NonNullable<SeriousRow['penaltyKind']>, string> = {
  HEAVY_FINE: '依照行政处罚裁量基准按照从重处罚原则处以罚款',
  QUALIFICATION_DOWNGRADED: '降低资质等级',
  LICENCE_REVOKED: '吊销许可证件、营业执照',
  BUSINESS_RESTRICTED: '限制开展生产经营活动、责令停产停业、责令关闭、限制从业',
  OTHER_HEAVY_PENALTY: '法律、行政法规和部门规章规定的其他较重行政处罚',
};

export const SERIOUS_REMOVAL_LABELS: Record<NonNullable<SeriousRow['removalGround']>, string> = {
  EARLY_REMOVAL: '信用修复，提前移出',
  REVOKED: '撤销列入决定',
};

/** What an early-removal decision states about the subject (the conditions of 信用修复). */
export interface EarlyRemovalFacts {
  penaltyPerformed: boolean;
  harmRemoved: boolean;
  noNewHeavyPenalty: boolean;
  /** For a transferred entry: whether its 经营异常名录 entry has been removed (the obligation performed). */
  abnormalEntryRemoved?: boolean;
}

export const EARLY_REMOVAL_CONDITION_LABELS = {
  penaltyPerformed: '已经自觉履行行政处罚决定中规定的义务',
  harmRemoved: '已经主动消除危害后果和不良影响',
  noNewHeavyPenalty: '未再受到市场监督管理部门较重行政处罚',
  abnormalEntryRemoved: '已履行经营异常名录所涉义务并移出经营异常名录',
} as const;

/**
 * The conditions an early removal needs and that the facts do not meet (none: it may be granted). A listing
 * resting on a penalty needs all three of 信用修复管理办法 第七条 / 总局令第44号; a transferred listing has no
 * penalty to perform, and needs its 经营异常名录 entry removed instead (see docs/rules/market.md).
 */
export function unmetEarlyRemovalConditions(
  ground: SeriousRow['ground'],
  facts: EarlyRemovalFacts,
): (keyof typeof EARLY_REMOVAL_CONDITION_LABELS)[] {
  const needed: (keyof typeof EARLY_REMOVAL_CONDITION_LABELS)[] =
    ground === 'HEAVY_PENALTY'
      ? ['penaltyPerformed', 'harmRemoved', 'noNewHeavyPenalty']
      : ['harmRemoved', 'noNewHeavyPenalty', 'abnormalEntryRemoved'];
  return needed.filter((condition) => facts[condition] !== true);
}
