import { chinaToday, clock } from '@credit-hub/kit';
import type { RatingRow, ViolationRow } from './model.ts';

/** Chinese labels of the eleven situations of 国家税务总局令第54号 第六条. */
export const SITUATION_LABELS: Record<ViolationRow['situation'], string> = {
  TAX_EVASION: '偷税',
  EVADING_ARREARS_RECOVERY: '逃避追缴欠税',
  EXPORT_REBATE_FRAUD: '骗取出口退税',
  VIOLENT_REFUSAL: '抗税',
  FALSE_SPECIAL_INVOICES: '虚开增值税专用发票',
  FALSE_ORDINARY_INVOICES: '虚开普通发票',
  ILLEGAL_INVOICE_PRINTING: '非法印制发票',
  ABSCONDED: '走逃（失联）',
  FACILITATING_EVASION: '为他人偷逃税款提供便利',
  TAX_AGENT_VIOLATION: '税务代理人违法',
  OTHER_SERIOUS: '其他严重税收违法行为',
};

/** The rating of `year`, or the newest one; `ratings` are newest first (see the loader). */
export function ratingFor(ratings: RatingRow[], year?: number | null): RatingRow | null {
  if (year === undefined || year === null) return ratings[0] ?? null;
  return ratings.find((r) => r.year === year) ?? null;
}

/** Today's date in China (publicity periods are counted in Chinese calendar days). */
export const startOfToday = (now: Date = clock.now()) => chinaToday(now);

export type EntryStatus = 'PUBLISHED' | 'EXPIRED' | 'REMOVED';

/**
 * An entry's status as the public sees it: published while inside its three-year publicity period,
 * expired after it (publicity stops by itself), removed when stopped early.
 */
export function entryStatus(v: ViolationRow, today: Date = startOfToday()): EntryStatus {
  if (v.status === 'REMOVED') return 'REMOVED';
  return v.publicityEndsOn.getTime() >= today.getTime() ? 'PUBLISHED' : 'EXPIRED';
}

export const isInForce = (v: ViolationRow, today?: Date) => entryStatus(v, today) === 'PUBLISHED';
