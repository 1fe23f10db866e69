/**
 * 法院 records: 失信被执行人 cases (最高人民法院关于公布失信被执行人名单信息的若干规定, 法释〔2017〕7号)
 * and 限制消费令 (法释〔2015〕17号).
 *
 * Case numbers are unique by construction, like subject codes: a subject that may ever have a case
 * gets a case slot from a keyed bijection of its global index (about 4 % of all indexes have one, so
 * slots stay below 10⁶ for the whole index space), and a case's serial number is a per-year, per-type
 * bijection of that slot. A subject's cases are in different years, so no two cases anywhere, in
 * this load or an appended one, whatever the seed, can share (year, type, serial); the court code in
 * front only adds to the difference.
 */
import type { SubjectKind } from '@credit-hub/kit/codes';
import { MAX_SUBJECT_INDEX } from './codes.ts';
import { AS_OF, addYears, civilOf, dayOf, isoDate, yearOf } from './dates.ts';
import { money } from './market.ts';
import { cityOf, countyOf, type City, type County } from './places.ts';
import { Permutation, Weighted, type Rng } from './random.ts';
import type {
  ConsumptionRestrictionRow,
  DishonestBehaviour,
  DishonestDebtorCaseRow,
  WithdrawalReason,
} from './types.ts';
import { addWorkingDays, onWorkingDay } from './workdays.ts';

export const FIRST_CASE_YEAR = 2019;
export const LAST_CASE_YEAR = 2025;

/** Share of the index space with a case slot; 4 % of ~20.4 million keeps every serial within 6 digits. */
const SLOT_SHARE = 0.04;
export const CASE_SLOTS = Math.floor(MAX_SUBJECT_INDEX * SLOT_SHARE);
const SLOT_OF = new Permutation(MAX_SUBJECT_INDEX, 0x4353_0007);
const CASE_TYPES = ['执', '执恢'] as const;
type CaseType = (typeof CASE_TYPES)[number];
const SERIALS: readonly Permutation[] = Array.from(
  { length: (LAST_CASE_YEAR - FIRST_CASE_YEAR + 1) * CASE_TYPES.length },
  (_, i) => new Permutation(CASE_SLOTS, 0x4353_1000 + i),
);

/** The subject's case slot, or null if it can have no court case (seed-independent, see above). */
export function caseSlot(index: number): number | null {
  const slot = SLOT_OF.apply(index);
  return slot < CASE_SLOTS ? slot : null;
}

function serialNumber(slot: number, year: number, type: CaseType): number {
  return 1 + SERIALS[(year - FIRST_CASE_YEAR) * CASE_TYPES.length + (type === '执' ? 0 : 1)]!.apply(slot);
}

/**
 * Chance that a subject with a slot is a 失信被执行人, or only restricted (限制消费 without listing).
 * Slot share × chance ≈ 0.8 % of enterprises and individual businesses, 1.5 % of persons, 3 % of
 * government bodies and public institutions (the 政府失信被执行人 the 政务诚信 indicators count).
 */
const LISTED: Record<SubjectKind, number> = {
  ENTERPRISE: 0.225,
  INDIVIDUAL_BUSINESS: 0.22,
  FARMERS_COOPERATIVE: 0.1,
  GOVERNMENT_BODY: 0.76,
  PUBLIC_INSTITUTION: 0.76,
  SOCIAL_ORGANISATION: 0.05,
  NATURAL_PERSON: 0.38,
  OTHER: 0,
};
const RESTRICTED_ONLY: Record<SubjectKind, number> = {
  ENTERPRISE: 0.1,
  INDIVIDUAL_BUSINESS: 0.1,
  FARMERS_COOPERATIVE: 0.05,
  GOVERNMENT_BODY: 0,
  PUBLIC_INSTITUTION: 0.03,
  SOCIAL_ORGANISATION: 0.02,
  NATURAL_PERSON: 0.125,
  OTHER: 0,
};

const CASE_COUNT = new Weighted<number>([
  [1, 62],
  [2, 26],
  [3, 12],
]);

const BEHAVIOURS = new Weighted<DishonestBehaviour>([
  ['REFUSING_DESPITE_ABILITY', 60],
  ['VIOLATING_PROPERTY_REPORTING', 23],
  ['VIOLATING_CONSUMPTION_RESTRICTION', 8],
  ['EVADING_EXECUTION', 5],
  ['REFUSING_SETTLEMENT', 3],
  ['OBSTRUCTING_EXECUTION', 1],
]);

/**
 * The items of 第一条 in order, to store a case's behaviours the way the court subgraph does. A copy of its rules.ts
 * BEHAVIOURS (records.test.ts checks the rows against that module), not an import: it loads the server stack.
 */
const ITEM_ORDER: readonly DishonestBehaviour[] = [
  'REFUSING_DESPITE_ABILITY',
  'OBSTRUCTING_EXECUTION',
  'EVADING_EXECUTION',
  'VIOLATING_PROPERTY_REPORTING',
  'VIOLATING_CONSUMPTION_RESTRICTION',
  'REFUSING_SETTLEMENT',
];

/** How a listing without a term (item (一) alone) ends: the grounds of 第十条第一款 and a revocation. */
const OPEN_ENDINGS = new Weighted<WithdrawalReason>([
  ['PERFORMED', 70],
  ['SETTLEMENT_PERFORMED', 10],
  ['NO_ASSETS_FOUND', 8],
  ['APPLICANT_REQUEST', 5],
  ['EXECUTION_TERMINATED', 4],
  ['LISTED_IN_ERROR', 3],
]);

const WITHDRAWAL_NOTES: Record<WithdrawalReason, readonly string[]> = {
  PERFORMED: ['被执行人已履行生效法律文书确定的全部义务', '被执行人已全部履行完毕，依法删除失信信息'],
  SETTLEMENT_PERFORMED: ['双方达成执行和解协议并已履行完毕'],
  APPLICANT_REQUEST: ['申请执行人书面申请删除失信信息，经审查同意'],
  NO_ASSETS_FOUND: ['终结本次执行程序后经网络执行查控系统两次查询，未发现可供执行财产'],
  EXECUTION_TERMINATED: ['本院依法裁定终结执行'],
  PERIOD_ENDED: ['失信被执行人名单纳入期限届满'],
  EARLY_DELETION: ['被执行人已积极履行生效法律文书确定的义务，决定提前删除失信信息'],
  LISTED_IN_ERROR: ['经审查，被执行人不符合纳入失信被执行人名单的情形，撤销纳入决定'],
};

/** Grounds after which the court also lifts the case's 限制消费令 (the debt is settled). */
const SETTLED: readonly WithdrawalReason[] = ['PERFORMED', 'SETTLEMENT_PERFORMED', 'EARLY_DELETION'];

const LIFT_REASONS = [
  '被执行人已履行生效法律文书确定的全部义务，解除限制消费措施',
  '申请执行人与被执行人达成执行和解协议，申请执行人申请解除限制消费措施',
  '被执行人提供了确实有效的担保，经申请执行人同意解除限制消费措施',
];

export interface CourtInput {
  code: string;
  name: string;
  kind: SubjectKind;
  regionCode: string;
  legalRepresentative: string | null;
  /** Organisations only. */
  establishedDay: number | null;
  /** Natural persons only. */
  idNumber: string | null;
  /** Last year the debtor can be sued: a cancelled (注销) subject no longer exists. Infinity otherwise. */
  lastYear: number;
}

export interface CourtRows {
  cases: DishonestDebtorCaseRow[];
  restrictions: ConsumptionRestrictionRow[];
}

interface Court {
  name: string;
  /** 4 digits after 浙: positions 3–6 of the division code (330106 → 0106, 杭州市 330100 → 0100). */
  code: string;
}

function courtsOf(regionCode: string): { basic: Court | null; intermediate: Court; county: County | null; city: City } {
  const county = countyOf(regionCode) ?? null;
  const city = county?.city ?? cityOf(regionCode)!;
  return {
    basic: county && { name: `${county.full}人民法院`, code: county.code.slice(2) },
    intermediate: { name: `${city.name}中级人民法院`, code: city.code.slice(2) },
    county,
    city,
  };
}

function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + rng.int(to - from + 1);
}

/** Birth day from positions 7–14 of an ID number. */
function birthDayOf(idNumber: string): number {
  return dayOf(Number(idNumber.slice(6, 10)), Number(idNumber.slice(10, 12)), Number(idNumber.slice(12, 14)));
}

/** Whole years from `birth` to `on`. */
export function ageOn(birth: number, on: number): number {
  const b = civilOf(birth);
  const d = civilOf(on);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

/** Amounts owed, in whole yuan: skewed, often round. */
function amountOwed(rng: Rng, kind: SubjectKind): number {
  let yuan: number;
  switch (kind) {
    case 'ENTERPRISE':
      yuan = rng.amount(8_000, 300_000, 30_000_000, 1.3);
      break;
    case 'GOVERNMENT_BODY':
    case 'PUBLIC_INSTITUTION':
      yuan = rng.amount(50_000, 1_200_000, 50_000_000, 1.2);
      break;
    case 'NATURAL_PERSON':
      yuan = rng.amount(3_000, 80_000, 5_000_000, 1.2);
      break;
    default:
      yuan = rng.amount(3_000, 60_000, 2_000_000, 1.1);
  }
  return rng.chance(0.5) ? Math.round(yuan / 1000) * 1000 || 1000 : Math.round(yuan);
}

const ORG_CLAIMS = ['货款', '货款', '工程款', '借款本金', '租金', '服务费', '加工费', '运输费'];
const PERSON_CLAIMS = ['借款本金', '借款本金', '借款本金', '货款', '租金', '各项损失', '工程款'];
const PUBLIC_CLAIMS = ['工程款', '工程款', '服务费', '货款'];
const EXTRAS = ['及逾期付款利息', '及利息', '', '，并负担案件受理费', '及违约金'];

type BasisKind = 'civil' | 'appeal' | 'arbitration' | 'labour' | 'notary' | 'criminal' | 'administrative';

const ORG_BASES = new Weighted<BasisKind>([
  ['civil', 64],
  ['appeal', 10],
  ['arbitration', 10],
  ['labour', 10],
  ['notary', 6],
]);
const PERSON_BASES = new Weighted<BasisKind>([
  ['civil', 70],
  ['appeal', 8],
  ['arbitration', 4],
  ['notary', 8],
  ['criminal', 10],
]);
const PUBLIC_BASES = new Weighted<BasisKind>([
  ['civil', 65],
  ['appeal', 10],
  ['administrative', 25],
]);

interface Basis {
  number: string;
  issuer: string;
  obligation: string;
  amount: number;
}

function basis(rng: Rng, kind: SubjectKind, courts: ReturnType<typeof courtsOf>, court: Court, year: number): Basis {
  const { county, city } = courts;
  const table =
    kind === 'NATURAL_PERSON'
      ? PERSON_BASES
      : kind === 'GOVERNMENT_BODY' || kind === 'PUBLIC_INSTITUTION'
        ? PUBLIC_BASES
        : ORG_BASES;
  let what = table.pick(rng);
  if (county === null && (what === 'labour' || what === 'notary')) what = 'civil';
  const amount = amountOwed(rng, kind);
  const claims = kind === 'NATURAL_PERSON' ? PERSON_CLAIMS : table === PUBLIC_BASES ? PUBLIC_CLAIMS : ORG_CLAIMS;
  const claim = rng.pick(claims);
  const extra = rng.pick(EXTRAS);
  const fee = extra.endsWith('受理费') ? `人民币${money(Math.max(50, Math.round(amount * 0.012)))}元` : '';
  const owed = `${claim}人民币${money(amount)}元${extra}${fee}`;
  // The court that decided first instance is the one that now enforces, unless the judgment was appealed.
  const first = courts.basic && court === courts.basic ? courts.basic : courts.intermediate;
  switch (what) {
    case 'civil':
      return {
        number: `(${year})浙${first.code}民初${rng.range(1, 16000)}号`,
        issuer: first.name,
        obligation: `被执行人于本判决生效之日起十日内支付原告${owed}`,
        amount,
      };
    case 'appeal':
      return {
        number: `(${year})浙${courts.intermediate.code}民终${rng.range(1, 12000)}号`,
        issuer: courts.intermediate.name,
        obligation: `驳回上诉，维持原判。被执行人于判决生效之日起十日内支付被上诉人${owed}`,
        amount,
      };
    case 'arbitration':
      return {
        number: `(${year})${city.short[0]}仲裁字第${rng.range(1, 3000)}号`,
        issuer: `${city.name}仲裁委员会`,
        obligation: `被申请人于本裁决书送达之日起十日内向申请人支付${owed}`,
        amount,
      };
    case 'labour': {
      const wages = Math.round(rng.amount(5_000, 30_000, 300_000) / 100) * 100;
      const compensation = Math.round(rng.amount(3_000, 20_000, 200_000) / 100) * 100;
      const prefix = county!.type === 'district' ? county!.city.short[0]! + county!.short[0]! : county!.short[0]!;
      return {
        number: `${prefix}劳人仲案字〔${year}〕第${rng.range(1, 2500)}号`,
        issuer: `${county!.full}劳动人事争议仲裁委员会`,
        obligation: `被申请人于本裁决生效之日起十日内支付申请人工资人民币${money(wages)}元、经济补偿金人民币${money(compensation)}元`,
        amount: wages + compensation,
      };
    }
    case 'notary': {
      const c = county!;
      const office = c.type === 'district' ? `浙江省${c.city.name}${c.short}公证处` : `浙江省${c.full}公证处`;
      const prefix = c.type === 'district' ? c.city.short[0]! + c.short[0]! : c.short[0]!;
      return {
        number: `(${year})浙${prefix}证字第${rng.range(1, 9000)}号`,
        issuer: office,
        obligation: `被执行人偿还借款本金人民币${money(amount)}元及相应利息（依据赋予强制执行效力的债权文书公证书）`,
        amount,
      };
    }
    case 'criminal': {
      const fine = Math.round(rng.amount(2_000, 20_000, 500_000) / 1000) * 1000 || 1000;
      const restitution = rng.chance(0.4);
      return {
        number: `(${year})浙${first.code}刑初${rng.range(1, 2500)}号`,
        issuer: first.name,
        obligation: restitution
          ? `责令被执行人退赔被害人经济损失人民币${money(amount)}元`
          : `被执行人应缴纳罚金人民币${money(fine)}元`,
        amount: restitution ? amount : fine,
      };
    }
    case 'administrative':
      return {
        number: `(${year})浙${first.code}行初${rng.range(1, 1500)}号`,
        issuer: first.name,
        obligation: rng.chance(0.6)
          ? `被执行人于本判决生效之日起三十日内支付原告征收补偿款人民币${money(amount)}元`
          : `被执行人于本判决生效之日起六十日内向原告支付行政赔偿款人民币${money(amount)}元`,
        amount,
      };
  }
}

/**
 * The years the subject could be sued and enforced against: from a year after founding or the 18th
 * birthday, until it was cancelled (a revoked company still exists, and still owes).
 */
function caseYears(first: number, last: number): number[] {
  const years: number[] = [];
  for (let y = Math.max(FIRST_CASE_YEAR, yearOf(first)); y <= Math.min(LAST_CASE_YEAR, last); y++)
    if (dayOf(y, 12, 20) >= first) years.push(y);
  return years;
}

/** `k` distinct years, in order. */
function pickYears(rng: Rng, years: number[], k: number): number[] {
  const pool = years.slice();
  const out: number[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out.sort((a, b) => a - b);
}

interface CaseFrame {
  caseNumber: string;
  court: Court;
  filed: number;
}

function frame(rng: Rng, slot: number, courts: ReturnType<typeof courtsOf>, year: number, first: number): CaseFrame {
  const type: CaseType = rng.chance(0.1) ? '执恢' : '执';
  // Most enforcement is by the basic court; the intermediate court enforces its own big cases.
  const court = courts.basic === null || rng.chance(0.1) ? courts.intermediate : courts.basic;
  const filed = onWorkingDay(between(rng, Math.max(dayOf(year, 1, 4), first), dayOf(year, 12, 20)));
  return { caseNumber: `(${year})浙${court.code}${type}${serialNumber(slot, year, type)}号`, court, filed };
}

function restriction(
  input: CourtInput,
  f: CaseFrame,
  issued: number,
  lifted: number | null,
  liftReason: string | null,
): ConsumptionRestrictionRow {
  return {
    subjectCode: input.code,
    caseNumber: f.caseNumber,
    courtName: f.court.name,
    restrictedPerson: input.kind === 'NATURAL_PERSON' ? null : input.legalRepresentative,
    regionCode: input.regionCode,
    issuedOn: isoDate(issued),
    status: lifted === null ? 'ACTIVE' : 'WITHDRAWN',
    liftedOn: lifted === null ? null : isoDate(lifted),
    liftReason,
  };
}

type ListingFields = Pick<
  DishonestDebtorCaseRow,
  | 'behaviours'
  | 'decidedOn'
  | 'termYears'
  | 'termExtensionYears'
  | 'termExtensionGround'
  | 'termExtensionReason'
  | 'listedUntil'
  | 'publishedOn'
  | 'status'
  | 'withdrawnOn'
  | 'withdrawalReason'
  | 'withdrawalNote'
  | 'groundArisenOn'
  | 'deletionDeadline'
>;

/**
 * A listing decision and how it ended, by the rules of 法释〔2017〕7号 (see the court subgraph's rules.ts): a term of
 * two years (plus an extension) for items (二)–(六), none for item (一) alone; a term listing is deleted on its
 * term's end (mostly within the 3 working days, some late, some still pending on AS_OF) or early; a listing without
 * a term ends only on a ground of 第十条第一款. Working days are only looked up up to AS_OF, inside the calendar.
 */
function listingOf(
  rng: Rng,
  f: CaseFrame,
  isPublic: boolean,
): { row: ListingFields; published: number; withdrawn: number | null } {
  const behaviours = [BEHAVIOURS.pick(rng)];
  if (rng.chance(0.12)) {
    const second = BEHAVIOURS.pick(rng);
    if (!behaviours.includes(second)) behaviours.push(second);
  }
  behaviours.sort((a, b) => ITEM_ORDER.indexOf(a) - ITEM_ORDER.indexOf(b));
  const decided = onWorkingDay(f.filed + rng.range(30, 100));
  const published = onWorkingDay(decided + rng.range(0, 7));
  const termYears = behaviours.some((x) => x !== 'REFUSING_DESPITE_ABILITY') ? 2 : null;
  let extension = 0;
  let ground: ListingFields['termExtensionGround'] = null;
  let groundReason: string | null = null;
  if (termYears !== null && behaviours.includes('OBSTRUCTING_EXECUTION') && rng.chance(0.4)) {
    extension = rng.range(1, 3);
    ground = 'SERIOUS_VIOLENT_OBSTRUCTION';
    groundReason = '被执行人以暴力、威胁方法阻碍执行人员执行公务，情节严重';
  } else if (termYears !== null && behaviours.length >= 2 && rng.chance(0.3)) {
    extension = rng.range(1, 2);
    ground = 'MULTIPLE_BEHAVIOURS';
    groundReason = '被执行人同时具有多项失信行为';
  }
  const until = termYears === null ? null : addYears(decided, termYears + extension);

  let reason: WithdrawalReason | null = null;
  let arisen: number | null = null;
  let withdrawn: number | null = null;
  const late = () => rng.chance(0.06);
  // Deleted within the three working days after the ground arose, or (a few) later.
  const deleteAfter = (day: number) => addWorkingDays(day, late() ? 3 + rng.range(1, 10) : rng.range(1, 3));
  if (rng.chance(0.02)) {
    // A listing made in error, revoked (第九条) a few weeks after publication.
    arisen = published + rng.range(7, 90);
    if (arisen <= AS_OF) reason = 'LISTED_IN_ERROR';
  } else if (until !== null) {
    if (rng.chance(isPublic ? 0.6 : 0.25)) {
      // 第二条第二款: performed during the term, deleted early.
      const day = published + 20 + Math.floor(Math.pow(rng.next(), 1.5) * (until - published - 20));
      if (day <= AS_OF && day < until) {
        reason = 'EARLY_DELETION';
        arisen = onWorkingDay(day);
        withdrawn = arisen;
      }
    }
    if (reason === null && until < AS_OF) {
      // 第十条第二款: the term ended; 8 % still await their deletion on AS_OF.
      if (!rng.chance(0.08)) {
        reason = 'PERIOD_ENDED';
        arisen = until;
      }
    }
  } else if (rng.chance(isPublic ? 0.7 : 0.4)) {
    const day = published + 20 + Math.floor(Math.pow(rng.next(), 1.5) * 800);
    if (day <= AS_OF) {
      reason = OPEN_ENDINGS.pick(rng);
      arisen = onWorkingDay(day);
    }
  }
  if (reason !== null && withdrawn === null) withdrawn = deleteAfter(arisen!);
  if (withdrawn !== null && withdrawn > AS_OF) {
    reason = null;
    arisen = null;
    withdrawn = null;
  }
  return {
    published,
    withdrawn,
    row: {
      behaviours,
      decidedOn: isoDate(decided),
      termYears,
      termExtensionYears: extension,
      termExtensionGround: ground,
      termExtensionReason: groundReason,
      listedUntil: until === null ? null : isoDate(until),
      publishedOn: isoDate(published),
      status: withdrawn === null ? 'ACTIVE' : 'WITHDRAWN',
      withdrawnOn: withdrawn === null ? null : isoDate(withdrawn),
      withdrawalReason: reason,
      withdrawalNote: reason === null ? null : rng.pick(WITHDRAWAL_NOTES[reason]),
      groundArisenOn: arisen === null ? null : isoDate(arisen),
      deletionDeadline: arisen === null || reason === 'EARLY_DELETION' ? null : isoDate(addWorkingDays(arisen, 3)),
    },
  };
}

/** The court records of a subject that has a case slot. */
export function courtRows(rng: Rng, input: CourtInput, slot: number): CourtRows {
  const cases: DishonestDebtorCaseRow[] = [];
  const restrictions: ConsumptionRestrictionRow[] = [];
  const x = rng.next();
  const listed = x < LISTED[input.kind];
  if (!listed && x >= LISTED[input.kind] + RESTRICTED_ONLY[input.kind]) return { cases, restrictions };

  const person = input.kind === 'NATURAL_PERSON';
  const birth = person ? birthDayOf(input.idNumber!) : 0;
  // Debts take time: a year of business, or adulthood and a little more.
  const first = person ? addYears(birth, 18) + 180 : input.establishedDay! + 365;
  const years = caseYears(first, input.lastYear);
  if (years.length === 0) return { cases, restrictions };
  const courts = courtsOf(input.regionCode);
  const isPublic = input.kind === 'GOVERNMENT_BODY' || input.kind === 'PUBLIC_INSTITUTION';

  if (!listed) {
    // Restricted, not (or not yet) listed: one case.
    const f = frame(rng, slot, courts, rng.pick(years), first);
    const issued = onWorkingDay(f.filed + rng.range(5, 60));
    let lifted: number | null = null;
    let reason: string | null = null;
    if (rng.chance(0.4)) {
      const due = issued + rng.range(30, 700);
      // Only days up to AS_OF are looked up: the working-day calendar refuses years it has no notice for.
      const day = due <= AS_OF ? onWorkingDay(due) : Infinity;
      if (day <= AS_OF) {
        lifted = day;
        reason = LIFT_REASONS[rng.chance(0.7) ? 0 : rng.chance(0.65) ? 1 : 2]!;
      }
    }
    restrictions.push(restriction(input, f, issued, lifted, reason));
    return { cases, restrictions };
  }

  const count = isPublic ? (rng.chance(0.8) ? 1 : 2) : CASE_COUNT.pick(rng);
  for (const year of pickYears(rng, years, count)) {
    const f = frame(rng, slot, courts, year, first);
    const basisYear = Math.max(year - rng.pick([0, 1, 1, 1, 2, 3]), yearOf(first) - 1);
    const b = basis(rng, input.kind, courts, f.court, Math.min(basisYear, year));
    const partly = rng.chance(0.25);
    const performed = partly ? Math.max(100, Math.round((b.amount * (0.05 + rng.next() * 0.65)) / 100) * 100) : 0;
    const listing = listingOf(rng, f, isPublic);

    cases.push({
      caseNumber: f.caseNumber,
      subjectCode: input.code,
      debtorKind: person ? 'NATURAL_PERSON' : 'ORGANISATION',
      debtorName: input.name,
      legalRepresentative: person ? null : input.legalRepresentative,
      sex: person ? (Number(input.idNumber![16]) % 2 === 1 ? '男' : '女') : null,
      age: person ? ageOn(birth, listing.published) : null,
      idNumber: person ? input.idNumber : null,
      regionCode: input.regionCode,
      courtName: f.court.name,
      filedOn: isoDate(f.filed),
      basisDocumentNumber: b.number,
      basisIssuer: b.issuer,
      obligation: b.obligation,
      performance: partly ? 'PARTLY_PERFORMED' : 'NONE_PERFORMED',
      performedPart: partly ? `已履行人民币${money(performed)}元` : null,
      unperformedPart: partly ? `未履行人民币${money(b.amount - performed)}元及相应利息` : null,
      ...listing.row,
    });

    // 法释〔2015〕17号 第一条第二款: a listed debtor is restricted; a few orders are missing, as in real data.
    if (listing.row.behaviours.includes('VIOLATING_CONSUMPTION_RESTRICTION') || rng.chance(0.97)) {
      const issued = onWorkingDay(f.filed + rng.range(3, 40));
      const reason = listing.row.withdrawalReason;
      const lifted =
        reason !== null && SETTLED.includes(reason) ? Math.min(AS_OF, listing.withdrawn! + rng.range(0, 3)) : null;
      restrictions.push(restriction(input, f, issued, lifted, lifted === null ? null : LIFT_REASONS[0]!));
    }
  }
  return { cases, restrictions };
}
