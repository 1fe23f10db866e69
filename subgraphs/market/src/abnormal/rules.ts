/**
 * The 经营异常名录 (enterprises, 农民专业合作社) and the 个体工商户's 经营异常状态: the reasons, listing or marking by
 * the subject's kind, the removal deadline counted from the application, and the transfer to the 严重违法失信名单
 * after three years. Pure; sources and open questions in docs/rules/market.md.
 */
import { badInput, chineseCalendar, dayAfter, periodEnd, type WorkingCalendar } from '@credit-hub/kit';
import { kindFromUscc } from '@credit-hub/kit/codes';
import type { AbnormalOperationKind, AbnormalOperationReason, MarketListingStatus } from '../__generated__/types.ts';
import type { AbnormalOperationMapper } from './mappers.ts';

type AbnormalRow = AbnormalOperationMapper;

/** The four reasons of 《企业经营异常名录管理暂行办法》 第四条 (the mark of a 个体工商户 uses three of them). */
export const ABNORMAL_REASON_LABELS: Record<AbnormalOperationReason, string> = {
  ANNUAL_REPORT_NOT_FILED: '未按规定期限公示年度报告',
  INFORMATION_NOT_PUBLISHED: '未在责令的期限内公示有关企业信息',
  FALSE_INFORMATION: '公示企业信息隐瞒真实情况、弄虚作假',
  UNREACHABLE_AT_ADDRESS: '通过登记的住所或者经营场所无法联系',
};

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

export type AbnormalKind = AbnormalOperationKind;

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
export const MARK_REASONS: readonly AbnormalOperationReason[] = [
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
export function isRemovalOverdue(entry: Pick<AbnormalRow, 'status' | 'removalDeadline'>, today: Date): boolean {
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

export function isTransferDue(entry: Pick<AbnormalRow, 'kind' | 'status' | 'listedOn'>, today: Date) {
  return (
    entry.kind === 'LISTING' && isAbnormalInForce(entry) && transferDueFrom(entry.listedOn).getTime() <= today.getTime()
  );
}

/**
 * The stored status a list of entries asks for (LISTED by default). A 经营异常名录 entry has no term of its own: none
 * is ever EXPIRED, and asking for it is a mistake.
 */
export function checkAbnormalStatus(status: MarketListingStatus | null | undefined): AbnormalRow['status'] {
  if (status === 'EXPIRED')
    throw badInput(
      'status',
      'STATUS',
      '`status` EXPIRED applies to the 严重违法失信名单 only: 经营异常名录 entries do not expire',
    );
  return status ?? 'LISTED';
}
