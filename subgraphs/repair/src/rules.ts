/**
 * The repair window's pure rules (docs/rules/repair.md): which records may be repaired and from when, the states of a
 * case and who moves them, the working-day clock, and what an uploaded file is. No I/O, no GraphQL (rules.test.ts).
 */
import { createHash } from 'node:crypto';
import { chineseCalendar, isCalendarRangeError, type Identity, type WorkingCalendar } from '@credit-hub/kit';

export type CaseKind = 'REPAIR' | 'OBJECTION';
export type RecordKind =
  | 'ADMINISTRATIVE_PENALTY'
  | 'ABNORMAL_OPERATION'
  | 'SERIOUS_ILLEGAL'
  | 'MAJOR_TAX_VIOLATION'
  | 'ENVIRONMENTAL_PENALTY'
  | 'DISHONEST_DEBTOR'
  | 'ENVIRONMENTAL_BLACKLIST'
  | 'COMMITMENT_BREACH';

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  ADMINISTRATIVE_PENALTY: '行政处罚',
  ABNORMAL_OPERATION: '经营异常名录',
  SERIOUS_ILLEGAL: '严重违法失信名单',
  MAJOR_TAX_VIOLATION: '重大税收违法失信主体',
  ENVIRONMENTAL_PENALTY: '环境行政处罚',
  DISHONEST_DEBTOR: '失信被执行人',
  ENVIRONMENTAL_BLACKLIST: '环境信用黑名单（环保不良企业）',
  COMMITMENT_BREACH: '信用承诺未践诺',
};

/** The department that decides on a record kind; null: the record's own (双公示 penalties: the reporting one). */
export const OWNER_OF: Record<RecordKind, string | null> = {
  ADMINISTRATIVE_PENALTY: null,
  ABNORMAL_OPERATION: 'market',
  SERIOUS_ILLEGAL: 'market',
  MAJOR_TAX_VIOLATION: 'tax',
  ENVIRONMENTAL_PENALTY: 'environment',
  DISHONEST_DEBTOR: 'court',
  ENVIRONMENTAL_BLACKLIST: 'environment',
  // The department that checked the commitment (the `department` of its record.published).
  COMMITMENT_BREACH: null,
};

/** The kinds the window repairs (an owning department consumes `repair.approved` for each); others take objections. */
export const REPAIRABLE = [
  'ADMINISTRATIVE_PENALTY',
  'ABNORMAL_OPERATION',
  'SERIOUS_ILLEGAL',
  'MAJOR_TAX_VIOLATION',
  'ENVIRONMENTAL_BLACKLIST',
  'COMMITMENT_BREACH',
] as const satisfies readonly RecordKind[];
export type RepairableKind = (typeof REPAIRABLE)[number];
export const isRepairable = (kind: RecordKind): kind is RepairableKind =>
  (REPAIRABLE as readonly string[]).includes(kind);

// ---------------------------------------------------------------------------------------------------------------
// Eligibility (可修复性)

/** What the window knows about a record (from the owning department's events) and about the subject's history. */
export interface RecordFacts {
  kind: RecordKind;
  /** Decision, listing or publication day. */
  since: Date;
  endsOn: Date | null;
  /** The department's own first day of repair, when its event carried it (双公示 penalties). */
  repairableFrom: Date | null;
  endedOn: Date | null;
  endedCause: string | null;
}

export interface Eligibility {
  eligible: boolean;
  /** Why not, in Chinese for the site; null when eligible. */
  reason: string | null;
  /** The first day an application is possible, when time is what stands in the way. */
  from: Date | null;
  /** The rule applied, with its source (docs/rules/repair.md). */
  rule: string;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
/** The same day `months` later (the last day of the month when it has no such day), then the day after. */
export function dayAfterMonths(from: Date, months: number): Date {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, m, Math.min(from.getUTCDate(), last)));
  return new Date(end.getTime() + DAY);
}

export const RULES: Record<RepairableKind, string> = {
  ADMINISTRATIVE_PENALTY:
    '行政处罚信息：最短公示期届满后可申请（轻微：履行义务后即可；一般：3个月；严重：1年），以认定部门按其公示规则给出的修复起始日为准' +
    '（国家发展改革委令第36号《信用修复管理办法》；国办发〔2025〕22号）',
  ABNORMAL_OPERATION:
    '经营异常名录：列入事由已消除（如补报年报、更正信息）即可申请移出（《市场监督管理信用修复管理办法》国市监信规〔2021〕3号）',
  SERIOUS_ILLEGAL:
    '严重违法失信名单：列入满1年且已履行处罚义务、消除危害后果、未再受较重行政处罚的，可申请提前移出；移出后3年内再次列入的不得提前移出' +
    '（《市场监督管理严重违法失信名单管理办法》总局令第44号）',
  MAJOR_TAX_VIOLATION:
    '重大税收违法失信主体：缴清税款、滞纳金和罚款且公布满6个月的可申请提前停止公布；5年内被确定为失信主体2次以上的不适用' +
    '（国家税务总局令第54号）',
  ENVIRONMENTAL_BLACKLIST:
    '环境信用黑名单（环保不良企业）：完成整改、主动改善环境行为的，可在评价结果公布后6个月内申请环境信用修复，由生态环境部门核实整改情况后决定' +
    '（《企业环境信用评价办法（试行）》环发〔2013〕150号；粤环函〔2015〕947号，见穗环〔2019〕131号）',
  COMMITMENT_BREACH:
    '信用承诺未践诺：最短公示期届满后可申请（一般：3个月；严重：1年，自核查认定之日起），以核查部门给出的修复起始日为准；轻微不予公示' +
    '（国家发展改革委令第36号《信用修复管理办法》）',
};

/** How long after its publication an environmental black-list rating may be repaired (粤环函〔2015〕947号). */
export const ENVIRONMENT_REPAIR_MONTHS = 6;

/**
 * Whether a subject may apply to repair a record today. `previous` are the days the same subject's earlier entries of
 * the same kind were listed (SERIOUS_ILLEGAL: repaired ones, with the repair day; MAJOR_TAX_VIOLATION: every
 * determination) — the bars of 总局令第44号 and 税务总局令第54号. `pending`: an application for it is open.
 */
export function eligibility(
  facts: RecordFacts | null,
  kind: RecordKind,
  today: Date,
  history: { repairedSameKind: Date[]; determinationsSameKind: Date[]; pending: boolean; deniedUntil: Date | null },
): Eligibility {
  if (!isRepairable(kind))
    return {
      eligible: false,
      reason: `${RECORD_KIND_LABELS[kind]}不在本窗口的信用修复范围内，请向认定部门申请（可对其提出异议）`,
      from: null,
      rule: '国家发展改革委令第36号：谁认定、谁修复',
    };
  const rule = RULES[kind];
  const no = (reason: string, from: Date | null = null): Eligibility => ({ eligible: false, reason, from, rule });
  if (!facts) return no('本窗口尚未收到认定部门关于该记录的信息，暂不能在线申请，请咨询认定部门');
  if (facts.endedOn)
    return no(
      facts.endedCause === 'REPAIRED'
        ? `该记录已于${iso(facts.endedOn)}完成信用修复`
        : `该记录已于${iso(facts.endedOn)}停止公示，无需修复`,
    );
  if (history.pending) return no('该记录已有办理中的信用修复申请');
  if (history.deniedUntil && today < history.deniedUntil)
    return no(`认定部门不予修复，${iso(history.deniedUntil)}起可再次申请`, history.deniedUntil);
  const t = utc(today);
  switch (kind) {
    case 'ADMINISTRATIVE_PENALTY': {
      const from = facts.repairableFrom ?? dayAfterMonths(facts.since, 3);
      if (t < from) return no(`最短公示期未满，${iso(from)}起可申请信用修复`, from);
      break;
    }
    case 'SERIOUS_ILLEGAL': {
      const from = dayAfterMonths(facts.since, 12);
      if (t < from) return no(`列入严重违法失信名单未满1年，${iso(from)}起可申请提前移出`, from);
      const barred = history.repairedSameKind.find((d) => facts.since < dayAfterMonths(d, 36));
      if (barred) return no(`曾于${iso(barred)}提前移出，3年内再次被列入的不得申请提前移出`);
      break;
    }
    case 'MAJOR_TAX_VIOLATION': {
      const from = dayAfterMonths(facts.since, 6);
      if (t < from) return no(`公布未满6个月，${iso(from)}起可申请提前停止公布`, from);
      const fiveYears = history.determinationsSameKind.filter(
        (d) => d <= facts.since && facts.since < dayAfterMonths(d, 60),
      );
      if (fiveYears.length >= 2) return no('5年内被确定为重大税收违法失信主体2次以上，不适用提前停止公布');
      break;
    }
    case 'COMMITMENT_BREACH': {
      const from = facts.repairableFrom ?? dayAfterMonths(facts.since, 3);
      if (t < from) return no(`最短公示期未满，${iso(from)}起可申请信用修复`, from);
      break;
    }
    case 'ENVIRONMENTAL_BLACKLIST': {
      if (facts.endsOn && utc(facts.endsOn) < t) return no(`该评价结果已于${iso(facts.endsOn)}期满，无需修复`);
      const last = new Date(dayAfterMonths(facts.since, ENVIRONMENT_REPAIR_MONTHS).getTime() - DAY);
      if (t > last)
        return no(
          `评价结果公布已满${ENVIRONMENT_REPAIR_MONTHS}个月（申请期至${iso(last)}），不能再申请环境信用修复，请待下一年度评价`,
        );
      break;
    }
    case 'ABNORMAL_OPERATION':
      break;
  }
  return { eligible: true, reason: null, from: null, rule };
}

// ---------------------------------------------------------------------------------------------------------------
// States and transitions

export type CaseState =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'RETURNED'
  | 'FORWARDED'
  | 'ACCEPTED'
  | 'REJECTED_NOT_ACCEPTED'
  | 'APPROVED'
  | 'DENIED'
  | 'SYNCED'
  | 'CORRECTED'
  | 'UPHELD'
  | 'WITHDRAWN';

export type CaseAction =
  | 'SUBMIT'
  | 'RESUBMIT'
  | 'WITHDRAW'
  | 'FORWARD'
  | 'RETURN'
  | 'REFUSE'
  | 'ACCEPT'
  | 'EXTEND'
  | 'APPROVE'
  | 'DENY'
  | 'SYNC'
  | 'CORRECT'
  | 'UPHOLD';

/** Who may take an action: the applicant, the platform (信用办 officers), the deciding department, the system. */
export type Actor = 'APPLICANT' | 'PLATFORM' | 'DEPARTMENT' | 'SYSTEM';

interface Move {
  from: readonly CaseState[];
  to: CaseState | 'BACK';
  by: Actor;
  kinds: readonly CaseKind[];
}

const BOTH = ['REPAIR', 'OBJECTION'] as const;
/** The state table (docs/rules/repair.md, "States"). `BACK`: to the state the case was returned from. */
export const MOVES: Record<CaseAction, Move> = {
  SUBMIT: { from: ['DRAFT'], to: 'SUBMITTED', by: 'APPLICANT', kinds: BOTH },
  RESUBMIT: { from: ['RETURNED'], to: 'BACK', by: 'APPLICANT', kinds: BOTH },
  WITHDRAW: {
    from: ['DRAFT', 'SUBMITTED', 'RETURNED', 'FORWARDED', 'ACCEPTED'],
    to: 'WITHDRAWN',
    by: 'APPLICANT',
    kinds: BOTH,
  },
  FORWARD: { from: ['SUBMITTED'], to: 'FORWARDED', by: 'PLATFORM', kinds: BOTH },
  RETURN: { from: ['SUBMITTED', 'FORWARDED', 'ACCEPTED'], to: 'RETURNED', by: 'DEPARTMENT', kinds: BOTH },
  REFUSE: { from: ['SUBMITTED', 'FORWARDED'], to: 'REJECTED_NOT_ACCEPTED', by: 'DEPARTMENT', kinds: BOTH },
  ACCEPT: { from: ['FORWARDED'], to: 'ACCEPTED', by: 'DEPARTMENT', kinds: ['REPAIR'] },
  EXTEND: { from: ['ACCEPTED', 'FORWARDED'], to: 'BACK', by: 'DEPARTMENT', kinds: BOTH },
  APPROVE: { from: ['ACCEPTED'], to: 'APPROVED', by: 'DEPARTMENT', kinds: ['REPAIR'] },
  DENY: { from: ['ACCEPTED'], to: 'DENIED', by: 'DEPARTMENT', kinds: ['REPAIR'] },
  SYNC: { from: ['APPROVED'], to: 'SYNCED', by: 'SYSTEM', kinds: ['REPAIR'] },
  CORRECT: { from: ['FORWARDED'], to: 'CORRECTED', by: 'DEPARTMENT', kinds: ['OBJECTION'] },
  UPHOLD: { from: ['FORWARDED'], to: 'UPHELD', by: 'DEPARTMENT', kinds: ['OBJECTION'] },
};

/** SUBMITTED is the platform's stage (形式审查): RETURN and REFUSE there are the platform's, later the department's. */
export function actorFor(action: CaseAction, state: CaseState): Actor {
  if ((action === 'RETURN' || action === 'REFUSE') && state === 'SUBMITTED') return 'PLATFORM';
  return MOVES[action].by;
}

/** The state an action leads to, or null when the table has no such move. */
export function nextState(
  kind: CaseKind,
  state: CaseState,
  action: CaseAction,
  returnedFrom: CaseState | null,
): CaseState | null {
  const move = MOVES[action];
  if (!move.kinds.includes(kind) || !move.from.includes(state)) return null;
  if (move.to !== 'BACK') return move.to;
  return action === 'EXTEND' ? state : (returnedFrom ?? 'SUBMITTED');
}

/** States whose clock runs (and which count as overdue past their day). */
export const CLOCKED: readonly CaseState[] = ['SUBMITTED', 'FORWARDED', 'ACCEPTED', 'APPROVED'];
export const OPEN: readonly CaseState[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'FORWARDED', 'ACCEPTED', 'APPROVED'];
export const isOverdue = (state: CaseState, dueOn: Date | null, today: Date) =>
  CLOCKED.includes(state) && dueOn !== null && utc(dueOn) < utc(today);

/** The decisions that close a case, with the outcome `repair.case.closed` carries (docs/events.md). */
export const CLOSING_OUTCOME: Partial<
  Record<CaseAction, 'APPROVED' | 'DENIED' | 'NOT_ACCEPTED' | 'CORRECTED' | 'UPHELD'>
> = {
  REFUSE: 'NOT_ACCEPTED',
  APPROVE: 'APPROVED',
  DENY: 'DENIED',
  CORRECT: 'CORRECTED',
  UPHOLD: 'UPHELD',
};

/**
 * A case's handling time in working days: the sum of its ended stages' days, the draft and the 补正 (RETURNED: the
 * applicant's time, the clock stops) excluded; null when a counted stage ran outside the calendar.
 */
export function handlingDays(stages: readonly { stage: CaseState | null; days: number | null }[]): number | null {
  let total = 0;
  for (const { stage, days } of stages) {
    if (stage === null || stage === 'DRAFT' || stage === 'RETURNED') continue;
    if (days === null) return null;
    total += days;
  }
  return total;
}

/** The working-day limits of each stage (configuration: REPAIR_DAYS_*, docs/reference/configuration.md). */
export interface StageLimits {
  review: number;
  accept: number;
  decide: number;
  sync: number;
  objectionReview: number;
  objectionProvider: number;
  extendMax: number;
}

export const DEFAULT_LIMITS: StageLimits = {
  review: 2,
  accept: 3,
  decide: 7,
  sync: 3,
  objectionReview: 2,
  objectionProvider: 10,
  extendMax: 10,
};

export function stageLimit(kind: CaseKind, state: CaseState, limits: StageLimits): number | null {
  if (state === 'SUBMITTED') return kind === 'REPAIR' ? limits.review : limits.objectionReview;
  if (state === 'FORWARDED') return kind === 'REPAIR' ? limits.accept : limits.objectionProvider;
  if (state === 'ACCEPTED') return limits.decide;
  if (state === 'APPROVED') return limits.sync;
  return null;
}

/**
 * The last day of `n` working days from `from` (the day itself not counted); null when the calendar holds no
 * holiday notice for a year it runs into (a guessed deadline would be wrong by days: docs/rules/calendar.md).
 */
export function dueAfter(from: Date, n: number, calendar: WorkingCalendar = chineseCalendar): Date | null {
  try {
    return calendar.addWorkingDays(utc(from), n);
  } catch (error) {
    if (isCalendarRangeError(error)) return null;
    throw error;
  }
}

/** Working days after `from` up to `to`; null outside the calendar. */
export function workingDays(from: Date, to: Date, calendar: WorkingCalendar = chineseCalendar): number | null {
  try {
    return calendar.workingDaysBetween(utc(from), utc(to));
  } catch (error) {
    if (isCalendarRangeError(error)) return null;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Files

export type FilePurpose = 'COMMITMENT' | 'PROOF' | 'AUTHORISATION' | 'EVIDENCE';

/** The types a file may have, told by its first bytes (never by its name or declared type). */
export function sniff(content: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

export const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** What must be on file before the platform forwards a case (形式审查), as the purposes still missing. */
export function missingMaterials(kind: CaseKind, agent: boolean, purposes: readonly FilePurpose[]): FilePurpose[] {
  const needed: FilePurpose[] = kind === 'REPAIR' ? ['COMMITMENT', 'PROOF'] : ['COMMITMENT', 'EVIDENCE'];
  if (agent) needed.push('AUTHORISATION');
  return needed.filter((p) => !purposes.includes(p));
}

export const PURPOSE_LABELS: Record<FilePurpose, string> = {
  COMMITMENT: '信用承诺书',
  PROOF: '履行法定义务的证明（缴款凭证、整改报告等）',
  AUTHORISATION: '授权委托书',
  EVIDENCE: '异议证明材料',
};

/** 查询码: 12 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export function queryCodeFrom(random: Uint8Array): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  return Array.from(random.slice(0, 12), (b) => alphabet[b % alphabet.length]).join('');
}

/** Nearest-rank p90 of working-day durations (null for none). */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Who may do what (docs/rules/repair.md, "Who does what"): the applicant is an enterprise user bound to the case's
// USCC (ENTERPRISE role: the province's 法人 identity vouches for the binding); the platform is the 信用办's
// officers (department `platform`); the department is the officers and write-scoped systems of the case's deciding
// department; supervisors read everything.

export const isPlatform = (who: Identity) => who.role === 'OFFICER' && who.department === 'platform';
export const isDepartmentOf = (who: Identity, department: string) =>
  (who.role === 'OFFICER' && who.department === department) ||
  (who.role === 'SYSTEM' && who.department === department && who.scopes.includes('write'));

/** May `who` see a case (its applicant, the platform, the deciding department, supervisors)? */
export function maySee(who: Identity, row: { subjectCode: string; department: string }): boolean {
  if (who.role === 'ENTERPRISE') return who.subjectCode === row.subjectCode;
  if (who.role === 'SUPERVISOR' || isPlatform(who)) return true;
  return (who.role === 'OFFICER' || who.role === 'SYSTEM') && who.department === row.department;
}

/** Is `who` the actor a move needs? */
export function isActor(who: Identity, actor: Actor, row: { subjectCode: string; department: string }): boolean {
  return actor === 'APPLICANT'
    ? who.role === 'ENTERPRISE' && who.subjectCode === row.subjectCode
    : actor === 'PLATFORM'
      ? isPlatform(who)
      : actor === 'DEPARTMENT'
        ? isDepartmentOf(who, row.department)
        : false;
}
