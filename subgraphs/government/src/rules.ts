/**
 * The government subgraph's rules, pure: no I/O, no GraphQL, no clock (a rule that depends on the day is given
 * `today`, the one China date of the request). Sources: docs/rules/government.md. The evaluation model is in
 * integrity-evaluation/rules.ts.
 */
import { kindFromUscc, type SubjectKind } from '@credit-hub/kit/codes';
import type { ArrearsMapper, CommitmentMapper, ComplaintMapper } from './mappers.ts';

/** 拖欠账款状态 labels. */
export const ARREARS_STATUS_LABELS: Record<ArrearsMapper['status'], string> = {
  OUTSTANDING: '未支付',
  PARTLY_PAID: '部分支付',
  CLEARED: '已清偿',
};

/** 政府承诺 status labels. */
export const COMMITMENT_STATUS_LABELS: Record<CommitmentMapper['status'], string> = {
  PENDING: '待履行',
  FULFILLED: '已履行',
  BROKEN: '未履行（违约）',
};

/** 政府违约投诉 outcome labels. */
export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintMapper['outcome'], string> = {
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

const DAY_MS = 86_400_000;
const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);

export const isCleared = (a: Pick<ArrearsMapper, 'status'>) => a.status === 'CLEARED';

/** Not cleared and the due date has passed on `today`: an arrear is overdue from the day after its due date. */
export function isArrearsOverdue(a: Pick<ArrearsMapper, 'status' | 'dueOn'>, today: Date): boolean {
  return !isCleared(a) && a.dueOn.getTime() < today.getTime();
}

/** Days past the due date: until `today` while not cleared, until the clearing date once cleared; never negative. */
export function daysOverdue(a: Pick<ArrearsMapper, 'status' | 'dueOn' | 'clearedOn'>, today: Date): number {
  const end = isCleared(a) && a.clearedOn ? a.clearedOn : today;
  return Math.max(0, daysBetween(a.dueOn, end));
}

/** Still PENDING after its due date on `today` (the due date itself is not overdue). */
export function isCommitmentOverdue(c: Pick<CommitmentMapper, 'status' | 'dueOn'>, today: Date): boolean {
  return c.status === 'PENDING' && c.dueOn.getTime() < today.getTime();
}
