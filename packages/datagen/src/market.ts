/**
 * 市场监管 records of a market subject: its registration (登记信息), annual reports (年度报告),
 * 经营异常名录 entries (《企业经营异常名录管理暂行办法》 / 《企业信息公示暂行条例》) and 严重违法失信名单
 * entries (《市场监督管理严重违法失信名单管理办法》, 国家市场监督管理总局令第44号).
 *
 * Everything here draws from the subject's market stream (see generate.ts), never from the generator
 * that made the subject, so the subjects and tax rows of a seed are the same with or without it.
 */
import type { SubjectKind } from '@credit-hub/kit/codes';
import { AS_OF, addYears, chineseDate, dayOf, isoDate, yearOf } from './dates.ts';
import { address, type County } from './places.ts';
import { Weighted, mix32, type Rng } from './random.ts';
import {
  COOPERATIVE_TYPE,
  INDIVIDUAL_BUSINESS_TYPE,
  businessScope,
  currencyOf,
  enterpriseType,
  registeredCapital,
} from './register.ts';
import type {
  AbnormalOperationRow,
  AbnormalReason,
  AnnualReportRow,
  MarketRegistrationStatus,
  RegistrationRow,
  RegistrationStatus,
  SeriousIllegalListingRow,
} from './types.ts';
import { addWorkingDays, onWorkingDay } from './workdays.ts';

export const FIRST_REPORT_YEAR = 2022;
export const LAST_REPORT_YEAR = 2025;
/**
 * The first day a listing decision may fall on: the demo world's decisions lie in 2023–2026, the years the
 * working-day calendar holds (the 2022 reports are listed in July 2023).
 */
export const FIRST_DECISION_DAY = dayOf(2023, 1, 3);

export interface MarketInput {
  code: string;
  name: string;
  kind: Extract<SubjectKind, 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMERS_COOPERATIVE'>;
  regionCode: string;
  industry: string | null;
  legalRepresentative: string | null;
  status: RegistrationStatus;
  county: County;
  establishedDay: number;
  /** Last full year of business (the year before revocation, cancellation or moving out; Infinity if active). */
  lastActiveYear: number;
}

export interface MarketRows {
  registration: RegistrationRow;
  annualReports: AnnualReportRow[];
  abnormalEntries: AbnormalOperationRow[];
  seriousListing: SeriousIllegalListingRow | null;
}

const STATUS: Record<RegistrationStatus, MarketRegistrationStatus> = {
  ACTIVE: 'EXISTING',
  REVOKED: 'REVOKED',
  CANCELLED: 'CANCELLED',
  MOVED_OUT: 'MOVED_OUT',
};

/** 杭州市西湖区市场监督管理局, 桐庐县市场监督管理局: the county-level bureau registers and lists. */
export function marketBureau(county: County): string {
  return `${county.full}市场监督管理局`;
}

/** 杭州市市场监督管理局: decides 严重违法失信名单 entries. */
export function cityMarketBureau(county: County): string {
  return `${county.city.name}市场监督管理局`;
}

/** 杭西 for 杭州市西湖区, 桐 for 桐庐县: the prefix of the bureau's document numbers. */
export function documentPrefix(county: County): string {
  return county.type === 'district' ? county.city.short[0]! + county.short[0]! : county.short[0]!;
}

function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + rng.int(to - from + 1);
}

// ---------------------------------------------------------------------------------------------
// Registration

function registration(rng: Rng, input: MarketInput, statusDay: number): RegistrationRow {
  const { kind, name, county } = input;
  const year = yearOf(input.establishedDay);
  const entityType =
    kind === 'ENTERPRISE'
      ? enterpriseType(rng, name, year)
      : kind === 'INDIVIDUAL_BUSINESS'
        ? INDIVIDUAL_BUSINESS_TYPE
        : COOPERATIVE_TYPE;
  // 核准日期 of the latest change: the status change, or for a third of the living ones the founding
  // itself, for the others a change of address, capital or representative since (recent ones likelier).
  let approved: number;
  if (input.status !== 'ACTIVE') approved = statusDay;
  else if (rng.chance(0.35)) approved = input.establishedDay;
  else approved = AS_OF - Math.floor(Math.pow(rng.next(), 1.7) * (AS_OF - input.establishedDay));
  return {
    subjectCode: input.code,
    name,
    entityType,
    legalRepresentative: input.legalRepresentative,
    establishedOn: isoDate(input.establishedDay),
    registeredCapital: registeredCapital(rng, kind, name, entityType),
    currency: currencyOf(rng, entityType),
    businessScope: businessScope(rng, kind, name, input.industry, county),
    address: address(rng, county),
    registrationAuthority: marketBureau(county),
    regionCode: input.regionCode,
    status: STATUS[input.status],
    approvedOn: isoDate(approved),
  };
}

// ---------------------------------------------------------------------------------------------
// Annual reports and 经营异常名录

/**
 * Each year's reports are due between 1 January and 30 June. Most subjects file every year on time;
 * a minority are careless and file late or not at all, year after year. Together: ≈ 88 % on time,
 * ≈ 7 % late (July–December), ≈ 5 % never filed.
 */
const DILIGENT = { onTime: 0.972, late: 0.022 } as const;
const CARELESS = { onTime: 0.35, late: 0.36 } as const;
const CARELESS_SHARE = 0.135;
/** Revoked subjects were mostly dormant long before the revocation. */
const CARELESS_SHARE_REVOKED = 0.6;

/**
 * The day a county bureau lists the year's non-filers: a working day early in July, the same for every
 * subject of the county (it is one batch decision).
 */
export function reportListingDay(regionCode: string, reportYear: number): number {
  return onWorkingDay(dayOf(reportYear + 1, 7, 1 + (mix32(Number(regionCode) * 131 + reportYear) % 14)));
}

/**
 * The subject applies once it has cured the cause (the same day or within a fortnight), and the bureau decides
 * within 5 working days of the application (《企业经营异常名录管理暂行办法》: "自收到申请之日起5个工作日内"): almost
 * always in time, a few late, and a few applications still waiting (the overdue cases a supervisor's dashboard is
 * for). An application the data's day has not reached is not made yet.
 */
function removal(
  rng: Rng,
  cured: number,
  endDay: number,
): { applied: number | null; deadline: number | null; removed: number | null } {
  const applied = onWorkingDay(cured + (rng.chance(0.5) ? 0 : rng.range(1, 14)));
  if (applied > endDay) return { applied: null, deadline: null, removed: null };
  const deadline = addWorkingDays(applied, 5);
  const x = rng.next();
  let removed: number | null;
  if (x < 0.94) removed = addWorkingDays(applied, rng.range(1, 5));
  else if (x < 0.97) removed = addWorkingDays(applied, 5 + rng.range(1, 15));
  else removed = null;
  if (removed !== null && removed > endDay) removed = null;
  return { applied, deadline, removed };
}

const REMOVAL_REASON: Record<AbnormalReason, readonly string[]> = {
  ANNUAL_REPORT_NOT_FILED: ['已补报年度报告并公示，申请移出', '已补报未报年份的年度报告并公示，申请移出'],
  INFORMATION_NOT_PUBLISHED: ['已履行即时信息公示义务，申请移出', '已公示责令公示的企业信息，申请移出'],
  FALSE_INFORMATION: ['已更正其公示的信息，申请移出', '已更正隐瞒真实情况、弄虚作假的公示信息，申请移出'],
  UNREACHABLE_AT_ADDRESS: ['已依法办理住所变更登记，申请移出', '通过登记的住所可以重新取得联系，申请移出'],
};

function abnormalRow(
  rng: Rng,
  input: MarketInput,
  reason: AbnormalReason,
  listed: number,
  cured: number | null,
  applied: number | null,
  deadline: number | null,
  removed: number | null,
): AbnormalOperationRow {
  const authority = marketBureau(input.county);
  const year = yearOf(listed);
  const number = String(rng.range(1, year === yearOf(AS_OF) ? 2999 : 5999)).padStart(4, '0');
  return {
    subjectCode: input.code,
    regionCode: input.regionCode,
    kind: 'LISTING',
    reason,
    listingAuthority: authority,
    listingDocument: `${documentPrefix(input.county)}市监异列〔${year}〕第${number}号`,
    listedOn: isoDate(listed),
    curedOn: cured === null ? null : isoDate(cured),
    appliedOn: applied === null ? null : isoDate(applied),
    // A removed entry owes no decision any more: the deadline of its application is kept only while pending.
    removalDeadline: deadline === null || removed !== null ? null : isoDate(deadline),
    removedOn: removed === null ? null : isoDate(removed),
    removalReason: removed === null ? null : rng.pick(REMOVAL_REASON[reason]),
    removalAuthority: removed === null ? null : authority,
    status: removed === null ? 'LISTED' : 'REMOVED',
  };
}

/**
 * An entry listed on `listed` and cured on `cured` (null: not cured). Returns the day it leaves the
 * list, Infinity while it stays on it: a subject is on the list at most once per reason at a time
 * (migration 0007 makes that a database guarantee), so a reason that is still listed is not listed again.
 */
function list(
  rng: Rng,
  input: MarketInput,
  entries: AbnormalOperationRow[],
  reason: AbnormalReason,
  listed: number,
  cured: number | null,
  endDay: number,
): number {
  let applied: number | null = null;
  let deadline: number | null = null;
  let removed: number | null = null;
  if (cured !== null) ({ applied, deadline, removed } = removal(rng, cured, endDay));
  entries.push(abnormalRow(rng, input, reason, listed, cured, applied, deadline, removed));
  return removed ?? Infinity;
}

/** Shares of enterprises and cooperatives listed for the other three reasons in 2023 – mid 2026. */
const OTHER_REASONS: readonly (readonly [AbnormalReason, number, number])[] = [
  // reason, share of subjects, share of entries cured by now
  ['UNREACHABLE_AT_ADDRESS', 0.01, 0.35],
  ['INFORMATION_NOT_PUBLISHED', 0.003, 0.6],
  ['FALSE_INFORMATION', 0.0015, 0.5],
];

function reportsAndListings(
  rng: Rng,
  input: MarketInput,
  statusDay: number,
): { reports: AnnualReportRow[]; entries: AbnormalOperationRow[] } {
  const reports: AnnualReportRow[] = [];
  const entries: AbnormalOperationRow[] = [];
  // Until when the subject's last entry for missing reports stays listed.
  let listedUntil = -Infinity;
  // The last day anything can happen to the subject: the data's day, or the day it ceased to exist.
  const endDay = Math.min(AS_OF, statusDay);
  const careless = rng.chance(input.status === 'REVOKED' ? CARELESS_SHARE_REVOKED : CARELESS_SHARE);
  const odds = careless ? CARELESS : DILIGENT;

  for (let y = Math.max(FIRST_REPORT_YEAR, yearOf(input.establishedDay)); y <= LAST_REPORT_YEAR; y++) {
    const due = dayOf(y + 1, 6, 30);
    // A subject that ceased before the due day owes no report for the year.
    if (due >= statusDay) break;
    const x = rng.next();
    let filed: number | null;
    if (x < odds.onTime) {
      // Most reports come in during the last two months.
      const first = dayOf(y + 1, 1, 1);
      filed = due - Math.floor(Math.pow(rng.next(), 2.2) * (due - first));
    } else if (x < odds.onTime + odds.late) {
      // Late reports: mostly soon after the listing reminds the subject.
      filed = due + 1 + Math.floor(Math.pow(rng.next(), 1.8) * (dayOf(y + 1, 12, 31) - due));
    } else {
      filed = null;
    }
    if (filed !== null && filed > endDay) filed = null;
    reports.push({ subjectCode: input.code, year: y, filedOn: filed === null ? null : isoDate(filed) });

    // Not filed by the due day ⇒ listed in July (unless filed before the batch decision); filing
    // afterwards (补报) cures the entry. A subject still listed for an earlier year stays on the list
    // under that entry instead.
    const listed = reportListingDay(input.regionCode, y);
    if ((filed === null || filed > listed) && listed <= endDay && listed >= listedUntil) {
      listedUntil = list(rng, input, entries, 'ANNUAL_REPORT_NOT_FILED', listed, filed, endDay);
    }
  }

  for (const [reason, share, cureShare] of OTHER_REASONS) {
    if (!rng.chance(share)) continue;
    const from = Math.max(FIRST_DECISION_DAY, input.establishedDay + 180);
    if (from >= endDay) continue;
    const listed = onWorkingDay(between(rng, from, endDay));
    if (listed > endDay) continue;
    let cured: number | null = null;
    if (rng.chance(cureShare)) {
      cured = listed + rng.range(15, 500);
      if (cured > endDay) cured = null;
    }
    list(rng, input, entries, reason, listed, cured, endDay);
  }
  return { reports, entries };
}

// ---------------------------------------------------------------------------------------------
// 严重违法失信名单

/** Share of enterprises on the list at some point in 2023–2025. */
const SERIOUS_SHARE = 0.0012;
/**
 * Share of the entries removed early after credit repair (信用修复): the subject applies once listed a full year, with
 * the penalty performed, the harm removed and no new 较重行政处罚, and the bureau decides within a few weeks.
 */
const EARLY_REMOVAL = 0.2;

const LISTING_ORDER = '《市场监督管理严重违法失信名单管理办法》';

/** Integer yuan → 358,000 (amounts in decisions and judgments are written with thousands separators). */
export function money(yuan: number): string {
  return String(Math.round(yuan)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

interface Offence {
  article: string;
  /** The 较重行政处罚 (总局令第44号 第二条) the facts describe. */
  penaltyKind: SeriousIllegalListingRow['penaltyKind'];
  /** What the offender made or sold, for the offences that name a product. */
  products?: readonly string[];
  facts(rng: Rng, period: string, product: string): { facts: string; penalty: number };
}

function roundYuan(rng: Rng, lo: number, median: number, hi: number, step: number): number {
  return Math.max(step, Math.round(rng.amount(lo, median, hi) / step) * step);
}

const FOODS = ['食用油', '熟食制品', '豆制品', '糕点', '调味品', '腌制蔬菜', '火锅底料'];
const GOODS: Record<string, readonly string[]> = {
  C: ['电线电缆', '电动自行车', '塑料制品', '儿童服装', '不锈钢餐具', '电热水壶', '安全帽', '阀门', '插座'],
  F: ['电线电缆', '化肥', '儿童玩具', '电动自行车', '插座', '儿童服装'],
};

const OFFENCES = new Weighted<Offence>([
  [
    {
      // 食品安全领域
      article: '第五条',
      penaltyKind: 'HEAVY_FINE',
      products: FOODS,
      facts: (rng, period, product) => {
        const value = roundYuan(rng, 20_000, 150_000, 3_000_000, 100);
        const penalty = value * rng.range(10, 20);
        return {
          facts: `当事人于${period}期间，使用非食品原料生产${product}并对外销售，货值金额${money(value)}元，违反了《中华人民共和国食品安全法》第三十四条第（一）项的规定，被处以没收违法所得、罚款${money(penalty)}元的行政处罚`,
          penalty,
        };
      },
    },
    25,
  ],
  [
    {
      // 质量安全领域
      article: '第七条',
      penaltyKind: 'HEAVY_FINE',
      facts: (rng, period, product) => {
        const value = roundYuan(rng, 50_000, 400_000, 8_000_000, 100);
        const penalty = Math.round((value * (0.5 + rng.next() * 2)) / 100) * 100;
        return {
          facts: `当事人于${period}期间，生产、销售不符合保障人体健康和人身、财产安全的国家标准的${product}，货值金额${money(value)}元，违反了《中华人民共和国产品质量法》第十三条的规定，被处以没收违法生产、销售的产品，罚款${money(penalty)}元的行政处罚`,
          penalty,
        };
      },
    },
    30,
  ],
  [
    {
      // 侵害消费者权益
      article: '第八条',
      penaltyKind: 'HEAVY_FINE',
      facts: (rng, period) => {
        const victims = rng.range(30, 1200);
        const penalty = roundYuan(rng, 100_000, 300_000, 5_000_000, 1000);
        return {
          facts: `当事人于${period}期间，以虚构原价、虚假优惠折价等方式欺诈消费者，涉及消费者${victims}人，违反了《中华人民共和国消费者权益保护法》第二十条的规定，被处以罚款${money(penalty)}元的行政处罚`,
          penalty,
        };
      },
    },
    20,
  ],
  [
    {
      // 破坏公平竞争秩序和扰乱市场秩序
      article: '第九条',
      penaltyKind: 'HEAVY_FINE',
      facts: (rng, period) => {
        const fee = roundYuan(rng, 20_000, 120_000, 2_000_000, 100);
        const penalty = fee * rng.range(3, 5);
        return {
          facts: `当事人于${period}期间，通过互联网发布含有虚假内容的广告，广告费用${money(fee)}元，违反了《中华人民共和国广告法》第二十八条的规定，被处以停止发布广告、罚款${money(penalty)}元的行政处罚`,
          penalty,
        };
      },
    },
    15,
  ],
  [
    {
      // 提交虚假材料取得登记
      article: '第十条',
      penaltyKind: 'OTHER_HEAVY_PENALTY',
      facts: (rng, period) => {
        const penalty = rng.range(5, 20) * 10_000;
        return {
          facts: `当事人于${period}期间，提交虚假材料、隐瞒重要事实办理市场主体变更登记，违反了《中华人民共和国市场主体登记管理条例》第四十四条的规定，被撤销相关登记并处以罚款${money(penalty)}元的行政处罚`,
          penalty,
        };
      },
    },
    10,
  ],
]);

function seriousListing(rng: Rng, input: MarketInput, endDay: number): SeriousIllegalListingRow | null {
  const from = Math.max(FIRST_DECISION_DAY, input.establishedDay + 365);
  const to = Math.min(endDay, dayOf(LAST_REPORT_YEAR, 12, 31));
  if (from >= to) return null;
  const listed = onWorkingDay(between(rng, from, to));
  if (listed > endDay) return null;
  const county = input.county;
  const offence = OFFENCES.pick(rng);
  const periodEnd = listed - rng.range(90, 300);
  const periodStart = Math.max(input.establishedDay, periodEnd - rng.range(30, 400));
  const product = rng.pick(offence.products ?? GOODS[input.industry ?? ''] ?? GOODS.C!);
  const { facts } = offence.facts(rng, `${chineseDate(periodStart)}至${chineseDate(periodEnd)}`, product);
  const year = yearOf(listed);
  const prefix = county.city.short[0]!;
  const decision = `${prefix}市监严列〔${year}〕${rng.range(1, 60)}号`;
  // The penalty the listing rests on was decided one to four months before the listing.
  const penalised = listed - rng.range(30, 120);
  const penaltyDecision = `${documentPrefix(county)}市监罚〔${yearOf(penalised)}〕${rng.range(1, 400)}号`;
  // Three years from the listing (民法典 counting); a listing of 29 February ends on 28 February.
  const expires = addYears(listed, 3);

  // Early removal: applied for from the day after the first year, decided within about three weeks, before the
  // term ends by itself and not after the data's day.
  let applied: number | null = null;
  let removed: number | null = null;
  const firstDay = addYears(listed, 1) + 1;
  if (firstDay <= AS_OF && rng.chance(EARLY_REMOVAL)) {
    applied = onWorkingDay(between(rng, firstDay, Math.min(AS_OF, expires - 30)));
    removed = addWorkingDays(applied, rng.range(3, 15));
    if (applied > AS_OF || removed > AS_OF || removed > expires) applied = removed = null;
  }
  return {
    subjectCode: input.code,
    regionCode: input.regionCode,
    ground: 'HEAVY_PENALTY',
    penaltyKind: offence.penaltyKind,
    penaltyDecision,
    basis: `${LISTING_ORDER}第二条、${offence.article}、第十二条`,
    facts: `${facts}，属于性质恶劣、情节严重、社会危害较大的违法行为。`,
    decisionDocument: decision,
    listingAuthority: cityMarketBureau(county),
    listedOn: isoDate(listed),
    expiresOn: isoDate(expires),
    removedOn: removed === null ? null : isoDate(removed),
    removalGround: removed === null ? null : 'EARLY_REMOVAL',
    removalBasis:
      removed === null
        ? null
        : `${LISTING_ORDER}：当事人被列入严重违法失信名单满一年，已经自觉履行行政处罚决定中规定的义务、主动消除危害后果和不良影响，未再受到市场监督管理部门较重行政处罚，经申请准予提前移出`,
    repairAppliedOn: applied === null ? null : isoDate(applied),
    penaltyPerformed: removed === null ? null : true,
    harmRemoved: removed === null ? null : true,
    noNewHeavyPenalty: removed === null ? null : true,
    status: removed === null ? 'LISTED' : 'REMOVED',
  };
}

// ---------------------------------------------------------------------------------------------

export function marketRows(rng: Rng, input: MarketInput): MarketRows {
  // The day the subject was revoked, cancelled or moved away: in the year after its last active one.
  let statusDay = Infinity;
  if (input.status !== 'ACTIVE') {
    const year = input.lastActiveYear + 1;
    const last = Math.min(dayOf(year, 12, 31), AS_OF);
    statusDay = between(rng, Math.min(Math.max(dayOf(year, 1, 1), input.establishedDay + 30), last), last);
  }
  const reg = registration(rng, input, statusDay);
  let annualReports: AnnualReportRow[] = [];
  let abnormalEntries: AbnormalOperationRow[] = [];
  let serious: SeriousIllegalListingRow | null = null;
  // Individual businesses file reports too, but have a 经营异常状态 of their own instead of the list.
  if (input.kind !== 'INDIVIDUAL_BUSINESS') {
    const r = reportsAndListings(rng, input, statusDay);
    annualReports = r.reports;
    abnormalEntries = r.entries;
  }
  if (input.kind === 'ENTERPRISE' && rng.chance(SERIOUS_SHARE)) {
    serious = seriousListing(rng, input, Math.min(AS_OF, statusDay));
  }
  return { registration: reg, annualReports, abnormalEntries, seriousListing: serious };
}
