/**
 * The 严重违法失信名单 (《市场监督管理严重违法失信名单管理办法》, 总局令第44号): its term, its status as of a day,
 * the grounds of a listing and of a removal, and the conditions of an early removal (信用修复). Pure; sources
 * and open questions in docs/rules/market.md.
 */
import { dayAfter, periodEnd } from '@credit-hub/kit';
import type {
  HeavyPenaltyKind,
  MarketListingStatus,
  SeriousListingGround,
  SeriousRemovalGround,
} from '../__generated__/types.ts';
import type { SeriousIllegalListingMapper } from './mappers.ts';

type SeriousRow = SeriousIllegalListingMapper;

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

/** An entry's status as of a day: the schema's MarketListingStatus. */
export type SeriousStatus = MarketListingStatus;

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
export function seriousStatus(entry: Pick<SeriousRow, 'status' | 'expiresOn'>, today: Date): SeriousStatus {
  if (entry.status !== 'LISTED') return entry.status;
  return entry.expiresOn.getTime() >= today.getTime() ? 'LISTED' : 'EXPIRED';
}

export const isSeriousInForce = (entry: Pick<SeriousRow, 'status' | 'expiresOn'>, today: Date) =>
  seriousStatus(entry, today) === 'LISTED';

export const SERIOUS_GROUND_LABELS: Record<SeriousListingGround, string> = {
  HEAVY_PENALTY: '受到较重行政处罚',
  ABNORMAL_TRANSFER: '被列入经营异常名录届满三年仍未履行相关义务',
};

/** The 较重行政处罚 of 总局令第44号 第二条. */
export const HEAVY_PENALTY_LABELS: Record<HeavyPenaltyKind, string> = {
  HEAVY_FINE: '依照行政处罚裁量基准按照从重处罚原则处以罚款',
  QUALIFICATION_DOWNGRADED: '降低资质等级',
  LICENCE_REVOKED: '吊销许可证件、营业执照',
  BUSINESS_RESTRICTED: '限制开展生产经营活动、责令停产停业、责令关闭、限制从业',
  OTHER_HEAVY_PENALTY: '法律、行政法规和部门规章规定的其他较重行政处罚',
};

export const SERIOUS_REMOVAL_LABELS: Record<SeriousRemovalGround, string> = {
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
  ground: SeriousListingGround,
  facts: EarlyRemovalFacts,
): (keyof typeof EARLY_REMOVAL_CONDITION_LABELS)[] {
  const needed: (keyof typeof EARLY_REMOVAL_CONDITION_LABELS)[] =
    ground === 'HEAVY_PENALTY'
      ? ['penaltyPerformed', 'harmRemoved', 'noNewHeavyPenalty']
      : ['harmRemoved', 'noNewHeavyPenalty', 'abnormalEntryRemoved'];
  return needed.filter((condition) => facts[condition] !== true);
}
