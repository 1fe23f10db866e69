/**
 * Publicity rules for 双公示 records (DOMAIN.md §4, 《信用修复管理办法》): the tier of a penalty, how long it stays
 * published, and what the public may see today. Plain functions over ISO dates (YYYY-MM-DD, China time).
 */

export type PenaltyTier = 'MINOR' | 'GENERAL' | 'SEVERE';

/**
 * 处罚类别 that make a penalty 严重 (severe): they take away or restrict the subject's right to operate or
 * the person's liberty. Configuration, not law: adjust here (and in docs/disclosure.md) when the province's
 * catalogue says otherwise.
 */
export const SEVERE_PENALTY_TYPES: ReadonlySet<string> = new Set([
  'LICENCE_REVOCATION',
  'CLOSURE',
  'SUSPENSION_OF_BUSINESS',
  'EMPLOYMENT_RESTRICTION',
  'BUSINESS_RESTRICTION',
  'ADMINISTRATIVE_DETENTION',
]);

/** 处罚类别 that alone make a penalty 轻微 (minor). */
export const MINOR_PENALTY_TYPES: ReadonlySet<string> = new Set(['WARNING', 'CIRCULATED_CRITICISM']);

/**
 * A fine (CF_NR_FK) of at least this many 万元 makes a penalty severe whatever its categories (a local
 * threshold, configurable: 100 万元 = 1,000,000 yuan).
 */
export const SEVERE_FINE_WAN = 100;

/** Maximum publicity per tier, in months from the decision date (轻微 3 months, 一般 1 year, 严重 3 years). */
export const MAX_PUBLICITY_MONTHS: Readonly<Record<PenaltyTier, number>> = { MINOR: 3, GENERAL: 12, SEVERE: 36 };

export const TIER_LABELS: Readonly<Record<PenaltyTier, string>> = { MINOR: '轻微', GENERAL: '一般', SEVERE: '严重' };

/** High-frequency offender (高频失信): at least this many published penalties decided within the window. */
export const HIGH_FREQUENCY_THRESHOLD = 5;
export const HIGH_FREQUENCY_WINDOW_MONTHS = 36;

export function penaltyTier(types: readonly string[], fineWan: string | number | null | undefined): PenaltyTier {
  if (types.some((t) => SEVERE_PENALTY_TYPES.has(t))) return 'SEVERE';
  if (fineWan !== null && fineWan !== undefined && fineWan !== '' && Number(fineWan) >= SEVERE_FINE_WAN)
    return 'SEVERE';
  if (types.length > 0 && types.every((t) => MINOR_PENALTY_TYPES.has(t))) return 'MINOR';
  return 'GENERAL';
}

/**
 * `months` calendar months after an ISO date; a day missing from the target month falls back to its last day
 * (2025-11-30 + 3 months = 2026-02-28).
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * Last day of publicity (inclusive): the 公示截止期 when the department gave one, else the decision date plus the
 * tier's maximum (counted like a legal period: the decision day itself is not counted, the period ends on the
 * corresponding day).
 */
export function publicityEndsOn(decidedOn: string, tier: PenaltyTier, deadline: string | null | undefined): string {
  return deadline ?? addMonths(decidedOn, MAX_PUBLICITY_MONTHS[tier]);
}

/** Whether a penalty is published on `today`: decided, not past its publicity end, and not repaired. */
export function isPenaltyPublished(
  row: { decidedOn: string; publicityEndsOn: string; repairedOn: string | null },
  today: string,
): boolean {
  if (row.decidedOn > today || row.publicityEndsOn < today) return false;
  return row.repairedOn === null || row.repairedOn > today;
}

/** Whether the public sees a licence on `today`: 有效 (XK_ZT = 1) and not past 有效期至. */
export function isLicencePublic(row: { status: string; validUntil: string }, today: string): boolean {
  return row.status === 'VALID' && row.validUntil >= today;
}
