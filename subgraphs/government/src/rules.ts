import { chinaToday, clock } from '@credit-hub/kit';
import { kindFromUscc, type SubjectKind } from '@credit-hub/kit/codes';
import type { ArrearsRow, CommitmentRow, ComplaintRow } from './mappers.ts';

/** 拖欠账款状态 labels. */
export const ARREARS_STATUS_LABELS: Record<ArrearsRow['status'], string> = {
  OUTSTANDING: '未支付',
  PARTLY_PAID: '部分支付',
  CLEARED: '已清偿',
};

/** 政府承诺 status labels. */
export const COMMITMENT_STATUS_LABELS: Record<CommitmentRow['status'], string> = {
  PENDING: '待履行',
  FULFILLED: '已履行',
  BROKEN: '未履行（违约）',
};

/** 政府违约投诉 outcome labels. */
export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintRow['outcome'], string> = {
  PENDING: '待处理',
  UPHELD: '投诉成立',
  REJECTED: '投诉不成立',
  RESOLVED: '已解决',
};

/** The subjects of 政务诚信: government bodies (机关, USCC 11…) and public institutions (事业单位, 12…). */
export const GOVERNMENT_KINDS: readonly SubjectKind[] = ['GOVERNMENT_BODY', 'PUBLIC_INSTITUTION'];

/**
 * Creditors protected by 《保障中小企业款项支付条例》: market subjects — enterprises (91…), 个体工商户 (92…) and
 * 农民专业合作社 (93…). The regulation protects 中小企业; the hub cannot tell size from the code, so it accepts
 * every market subject and leaves the size test to the office recording the arrear.
 */
export const CREDITOR_KINDS: readonly SubjectKind[] = ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE'];

/** Whether a code names a government body or public institution (by its first two characters). */
export const isGovernmentSubject = (code: string) => GOVERNMENT_KINDS.includes(kindFromUscc(code));

/** Today's date in China: due dates and clearing dates are Chinese calendar dates. */
export const startOfToday = (now: Date = clock.now()) => chinaToday(now);

const DAY_MS = 86_400_000;
const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);

export const isCleared = (a: Pick<ArrearsRow, 'status'>) => a.status === 'CLEARED';

/** Not cleared and the due date has passed: an arrear is overdue from the day after its due date. */
export function isArrearsOverdue(a: Pick<ArrearsRow, 'status' | 'dueOn'>, today: Date = startOfToday()): boolean {
  return !isCleared(a) && a.dueOn.getTime() < today.getTime();
}

/** Days past the due date: until today while not cleared, until the clearing date once cleared; never negative. */
export function daysOverdue(
  a: Pick<ArrearsRow, 'status' | 'dueOn' | 'clearedOn'>,
  today: Date = startOfToday(),
): number {
  const end = isCleared(a) && a.clearedOn ? a.clearedOn : today;
  return Math.max(0, daysBetween(a.dueOn, end));
}

/** Still PENDING after its due date (the due date itself is not overdue). */
export function isCommitmentOverdue(c: Pick<CommitmentRow, 'status' | 'dueOn'>, today: Date = startOfToday()): boolean {
  return c.status === 'PENDING' && c.dueOn.getTime() < today.getTime();
}
