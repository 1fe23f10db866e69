import { dayAfter, periodEnd } from '@credit-hub/kit';

/**
 * The commitment subgraph's pure rules (信用承诺: 承诺—践诺—核查—公示), no I/O, no GraphQL (unit-tested in
 * rules.test.ts). Every rule's source: docs/rules/commitment.md.
 */

export type CommitmentKind = 'APPROVAL_NOTIFICATION' | 'DEFICIENCY_TOLERANCE' | 'VOLUNTARY' | 'REPAIR';
export type CommitmentState = 'IN_FORCE' | 'KEPT' | 'BROKEN';
export type BreachTier = 'MINOR' | 'GENERAL' | 'SEVERE';

export const KIND_LABELS: Record<CommitmentKind, string> = {
  APPROVAL_NOTIFICATION: '告知承诺',
  DEFICIENCY_TOLERANCE: '容缺受理承诺',
  VOLUNTARY: '主动型承诺',
  REPAIR: '信用修复承诺',
};

/**
 * The longest publicity of a broken commitment by its tier (令第36号: 轻微 not published in principle, 一般 at most
 * 1 year, 严重 at most 3 years, counted from the decision — here the check). Null: not published.
 */
export const PUBLICITY_BY_TIER: Record<BreachTier, { years?: number; months?: number } | null> = {
  MINOR: null,
  GENERAL: { years: 1 },
  SEVERE: { years: 3 },
};

/** The last day a breach checked on `checkedOn` is published, null when its tier is not published. */
export function publicityEnd(tier: BreachTier, checkedOn: Date): Date | null {
  const length = PUBLICITY_BY_TIER[tier];
  return length ? periodEnd(checkedOn, length) : null;
}

/**
 * The shortest publicity before a breach may be repaired, by tier (令第36号: 一般 3 months, 严重 1 year, counted from
 * the decision — here the check). Null: 轻微 is not published, so there is nothing to repair.
 */
export const MINIMUM_BY_TIER: Record<BreachTier, { years?: number; months?: number } | null> = {
  MINOR: null,
  GENERAL: { months: 3 },
  SEVERE: { years: 1 },
};

/** The first day a breach checked on `checkedOn` may be repaired (the day after its minimum publicity), or null. */
export function repairableFrom(tier: BreachTier, checkedOn: Date): Date | null {
  const length = MINIMUM_BY_TIER[tier];
  return length ? dayAfter(periodEnd(checkedOn, length)) : null;
}

/**
 * Whether a broken commitment is published on `today`: check day through its last day of publicity, and not from
 * the day its repair was approved (信用修复 ends the publicity early).
 */
export function isBreachPublished(
  c: { checkedOn: Date | null; publicityEndsOn: Date | null; repairedOn?: Date | null },
  today: Date,
): boolean {
  return (
    c.checkedOn !== null &&
    c.publicityEndsOn !== null &&
    c.checkedOn.getTime() <= today.getTime() &&
    today.getTime() <= c.publicityEndsOn.getTime() &&
    !(c.repairedOn && c.repairedOn.getTime() <= today.getTime())
  );
}

/**
 * What the public sees (信用中国's 信用承诺 tab): commitments in force and kept, and a broken one only while its
 * publicity lasts — after that it is no longer shown at all, like any 失信信息 whose publicity ended.
 */
export function isPublic(
  c: { state: CommitmentState; checkedOn: Date | null; publicityEndsOn: Date | null; repairedOn?: Date | null },
  today: Date,
): boolean {
  return c.state !== 'BROKEN' || isBreachPublished(c, today);
}

/** The state as the site labels it: an unchecked commitment past its term is 待核查, not 履约中. */
export function stateLabel(c: { state: CommitmentState; termEndsOn: Date }, today: Date): string {
  if (c.state === 'KEPT') return '已践诺';
  if (c.state === 'BROKEN') return '未践诺';
  return today.getTime() > c.termEndsOn.getTime() ? '待核查' : '履约中';
}

/** 内容摘要: the content's first 60 characters (by code point), with an ellipsis when cut. */
export function summaryOf(content: string, length = 60): string {
  const chars = [...content.replace(/\s+/g, ' ').trim()];
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`;
}

/** Newest commitment first; the later-made id breaks a tie deterministically. */
export const byNewest = (a: { madeOn: Date; id: string }, b: { madeOn: Date; id: string }): number =>
  b.madeOn.getTime() - a.madeOn.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
