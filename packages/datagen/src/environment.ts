/**
 * 生态环境 records: 企业环境信用评价 (环发〔2013〕150号: the national four grades, green to red card, as 宁波 (2019)
 * and 广东 (2017) publish them), environmental administrative penalties and 排污许可证.
 *
 * Decision numbers are unique by construction, like court case numbers: a subject that may ever be
 * penalised gets a penalty slot from a keyed bijection of its global index (4 % of the index space),
 * and the serial of its one penalty is a per-year bijection of that slot. Permit numbers are the
 * subject's USCC plus a serial, so they are unique because codes are.
 */
import { MAX_SUBJECT_INDEX } from './codes.ts';
import { AS_OF, addYears, dayOf, isoDate, yearOf } from './dates.ts';
import { documentPrefix, money } from './market.ts';
import type { County } from './places.ts';
import { Permutation, Weighted, type Rng } from './random.ts';
import type {
  DischargePermitRow,
  EnvironmentalGrade,
  EnvironmentalPenaltyRow,
  EnvironmentalRatingRow,
  RegistrationStatus,
} from './types.ts';
import { onWorkingDay } from './workdays.ts';

/** Rating years 2023–2025 (published 2024–2026); penalties in 2023–2025: the demo world's decisions lie in 2023–2026. */
export const FIRST_ENV_YEAR = 2023;
export const LAST_ENV_YEAR = 2025;

/** Industries with heavy pollution the rating programmes target: 采矿, 制造, 电力热力燃气水, 建筑, 水利环境公共设施. */
export const KEY_INDUSTRIES = new Set(['B', 'C', 'D', 'E', 'N']);
/** Chance that an enterprise is rated: ≈ 32 % of enterprises are in a key industry, so ≈ 6 % overall. */
const RATED_KEY = 0.17;
const RATED_OTHER = 0.02;

/**
 * Shares of grades (14 % green, 73 % blue, 10 % yellow, 3 % red); a firm keeps last year's grade with KEEP, else draws
 * afresh, so the shares stay put. Penalised firms are forced to a bad grade in the penalty year, so the others draw a
 * little fewer.
 */
const BASE_GRADE = new Weighted<EnvironmentalGrade>([
  ['GREEN', 14.4],
  ['BLUE', 75.1],
  ['YELLOW', 8.3],
  ['RED', 2.4],
]);
const BAD_GRADE = new Weighted<EnvironmentalGrade>([
  ['YELLOW', 10],
  ['RED', 3],
]);
const KEEP = 0.85;

/**
 * The band of the mean of the four area scores each generated grade gets, so that the recorded area scores look
 * like the grade (lower bound inclusive). Only the generator uses it: 150号 grades by indicator criteria and
 * 一票否决, and the hub computes no total. BLACK is a five-grade province's; the demo world has four grades.
 */
export const GRADE_BANDS: Record<EnvironmentalGrade, readonly [number, number]> = {
  GREEN: [90, 100],
  BLUE: [75, 90],
  YELLOW: [60, 75],
  RED: [30, 60],
  BLACK: [0, 30],
};

export function gradeOfScore(mean: number): EnvironmentalGrade {
  return mean >= 90 ? 'GREEN' : mean >= 75 ? 'BLUE' : mean >= 60 ? 'YELLOW' : mean >= 30 ? 'RED' : 'BLACK';
}

/** Penalty slots: P(penalised | rated) ≈ 3.5 % and P(penalised | manufacturer) ≈ 1 % must stay below the share. */
const SLOT_SHARE = 0.04;
export const PENALTY_SLOTS = Math.floor(MAX_SUBJECT_INDEX * SLOT_SHARE);
const SLOT_OF = new Permutation(MAX_SUBJECT_INDEX, 0x454e_0003);
const SERIALS: readonly Permutation[] = Array.from(
  { length: LAST_ENV_YEAR - FIRST_ENV_YEAR + 1 },
  (_, i) => new Permutation(PENALTY_SLOTS, 0x454e_1000 + i),
);

export function penaltySlot(index: number): number | null {
  const slot = SLOT_OF.apply(index);
  return slot < PENALTY_SLOTS ? slot : null;
}

/** ≈ 20 % of the rated firms ever graded YELLOW/RED (about 18 % of them), ≈ 1 % of other manufacturers. */
const PENALISED_RATED = 0.03;
const PENALISED_MANUFACTURER = 0.01;

/** 杭州市生态环境局西湖分局, 杭州市生态环境局桐庐分局: county bureaus are branches of the city's since 2019. */
export function environmentBureau(county: County): string {
  return `${county.city.name}生态环境局${county.short}分局`;
}

export function cityEnvironmentBureau(county: County): string {
  return `${county.city.name}生态环境局`;
}

interface Violation {
  type: string;
  basis: string;
  fine: readonly [number, number];
  facts(rng: Rng, date: string): string;
}

const POLLUTANTS = ['化学需氧量', '氨氮', '总磷', '总氮', '悬浮物', '石油类'];
const AIR_WAYS = [
  '未经收集直接无组织排放废气',
  '私设旁路直排废气',
  '在废气处理设施未运行的情况下生产',
  '篡改自动监测数据',
];
const WASTES = ['废矿物油', '废活性炭', '含油抹布', '废包装桶', '电镀污泥', '废有机溶剂'];

const VIOLATIONS: readonly Violation[] = [
  {
    type: '超标排放水污染物',
    basis: '《中华人民共和国水污染防治法》第十条、第八十三条第二项',
    fine: [100_000, 1_000_000],
    facts: (rng, date) => {
      const p = rng.pick(POLLUTANTS);
      const x = (1 + rng.range(2, 60) / 10).toFixed(1);
      return `${date}，执法人员对你单位废水总排口进行采样监测，${p}浓度超过《污水综合排放标准》（GB 8978-1996）规定限值${x}倍`;
    },
  },
  {
    type: '未批先建',
    basis: '《中华人民共和国环境影响评价法》第二十五条、第三十一条第一款',
    fine: [20_000, 800_000],
    facts: (rng, date) =>
      `${date}，执法人员现场检查发现，你单位${rng.pick(['新增生产线', '扩建车间', '技改项目', '新建喷涂车间'])}未依法报批建设项目环境影响评价文件，擅自开工建设并已投入生产`,
  },
  {
    type: '未按规定安装自动监测设备',
    basis: '《中华人民共和国水污染防治法》第二十三条第一款、第八十二条第二项',
    fine: [20_000, 200_000],
    facts: (rng, date) =>
      `${date}，执法人员现场检查发现，你单位作为重点排污单位，未按照规定对${rng.pick(['废水总排口', '雨水排放口', '废气排放口'])}安装水污染物排放自动监测设备并与生态环境主管部门的监控设备联网`,
  },
  {
    type: '逃避监管排放大气污染物',
    basis: '《中华人民共和国大气污染防治法》第二十条第二款、第九十九条第三项',
    fine: [100_000, 1_000_000],
    facts: (rng, date) => `${date}，执法人员现场检查发现，你单位${rng.pick(AIR_WAYS)}，以逃避监管的方式排放大气污染物`,
  },
  {
    type: '危险废物贮存不规范',
    basis: '《中华人民共和国固体废物污染环境防治法》第八十一条第一款、第一百一十二条第一款第六项',
    fine: [100_000, 1_000_000],
    facts: (rng, date) =>
      `${date}，执法人员现场检查发现，你单位将${rng.pick(WASTES)}等危险废物露天堆放于厂区${rng.pick(['东侧', '西侧', '南侧', '北侧'])}，未按照国家有关规定和环境保护标准贮存，未设置危险废物识别标志`,
  },
];
const VIOLATION_MIX = new Weighted<Violation>(VIOLATIONS.map((v, i) => [v, [30, 15, 15, 20, 20][i]!] as const));

const PERMIT_INDUSTRIES: Record<string, readonly string[]> = {
  B: ['非金属矿采选业', '土砂石开采', '建筑装饰用石开采'],
  C: [
    '纺织业',
    '印染',
    '化学原料和化学制品制造业',
    '金属制品业',
    '电镀',
    '橡胶和塑料制品业',
    '通用设备制造业',
    '农副食品加工业',
    '造纸和纸制品业',
    '家具制造业',
    '汽车零部件及配件制造',
  ],
  D: ['火力发电', '热力生产和供应', '污水处理及其再生利用', '自来水生产和供应'],
  E: ['水泥制品制造', '商品混凝土制造', '沥青搅拌'],
  N: ['环境卫生管理', '污水处理及其再生利用', '危险废物治理', '一般固体废物处理及处置'],
};
const OTHER_PERMIT_INDUSTRIES = ['锅炉', '工业炉窑', '表面处理', '通用工序'];

export interface EnvironmentInput {
  code: string;
  regionCode: string;
  industry: string | null;
  status: RegistrationStatus;
  county: County;
  establishedDay: number;
  lastActiveYear: number;
}

export interface EnvironmentRows {
  ratings: EnvironmentalRatingRow[];
  penalties: EnvironmentalPenaltyRow[];
  permits: DischargePermitRow[];
}

function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + rng.int(to - from + 1);
}

/** Two-decimal string of a score. */
const score = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/** Four area scores whose mean falls in the grade's band. */
function scores(rng: Rng, grade: EnvironmentalGrade): [string, string, string, string] {
  const [lo, hi] = GRADE_BANDS[grade];
  const mean = lo + 0.5 + rng.next() * (hi - lo - 1);
  const d = [0, 1, 2, 3].map(() => rng.normal() * 4);
  const shift = (d[0]! + d[1]! + d[2]! + d[3]!) / 4;
  let areas = d.map((x) => Math.min(100, Math.max(0, mean + x - shift)));
  const m = areas.reduce((s, x) => s + Math.round(x * 100) / 100, 0) / 4;
  if (gradeOfScore(m) !== grade) areas = [mean, mean, mean, mean];
  return areas.map(score) as [string, string, string, string];
}

/** Years a firm is rated: founded before July of the year, still active through it. */
function ratedYears(input: EnvironmentInput): number[] {
  const years: number[] = [];
  for (let y = FIRST_ENV_YEAR; y <= Math.min(LAST_ENV_YEAR, input.lastActiveYear); y++)
    if (input.establishedDay < dayOf(y, 7, 1)) years.push(y);
  return years;
}

/** The environmental records of an enterprise, from its own stream. */
export function environmentRows(rng: Rng, input: EnvironmentInput, slot: number | null): EnvironmentRows {
  const out: EnvironmentRows = { ratings: [], penalties: [], permits: [] };
  const key = input.industry !== null && KEY_INDUSTRIES.has(input.industry);
  const rated = rng.chance(key ? RATED_KEY : RATED_OTHER);
  const years = rated ? ratedYears(input) : [];
  const county = input.county;
  const bureau = environmentBureau(county);

  let penaltyYear: number | null = null;
  if (slot !== null) {
    const p = years.length > 0 ? PENALISED_RATED : input.industry === 'C' ? PENALISED_MANUFACTURER : 0;
    if (p > 0 && rng.chance(p / SLOT_SHARE)) {
      const candidates: number[] = [];
      for (let y = FIRST_ENV_YEAR; y <= Math.min(LAST_ENV_YEAR, input.lastActiveYear + 1); y++)
        if (dayOf(y, 12, 31) - input.establishedDay > 120) candidates.push(y);
      if (years.length > 0) penaltyYear = rng.pick(years);
      else if (candidates.length > 0) penaltyYear = rng.pick(candidates);
    }
  }

  let grade: EnvironmentalGrade | null = null;
  for (const year of years) {
    grade = grade === null || !rng.chance(KEEP) ? BASE_GRADE.pick(rng) : grade;
    // A penalty in the rated year costs the firm its green or blue card.
    if (year === penaltyYear && (grade === 'GREEN' || grade === 'BLUE')) grade = BAD_GRADE.pick(rng);
    const [pollutionPrevention, ecologicalProtection, environmentalManagement, socialSupervision] = scores(rng, grade);
    out.ratings.push({
      subjectCode: input.code,
      regionCode: input.regionCode,
      industryCode: input.industry,
      year,
      grade,
      pollutionPrevention,
      ecologicalProtection,
      environmentalManagement,
      socialSupervision,
      authority: bureau,
      evaluatedOn: isoDate(onWorkingDay(dayOf(year + 1, 5, between(rng, 6, 26)))),
    });
  }

  if (penaltyYear !== null && slot !== null) {
    const from = Math.max(dayOf(penaltyYear, 1, 1), input.establishedDay + 90);
    const to = Math.min(dayOf(penaltyYear, 12, 31), AS_OF);
    const decided = onWorkingDay(between(rng, from, to));
    const v = VIOLATION_MIX.pick(rng);
    const inspected = isoDate(decided - between(rng, 30, 90)).replace(
      /^(\d+)-(\d+)-(\d+)$/,
      (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
    );
    const fine = Math.round(v.fine[0] + rng.next() ** 2 * (v.fine[1] - v.fine[0]));
    const rounded = fine >= 100_000 ? Math.round(fine / 10_000) * 10_000 : Math.round(fine / 1000) * 1000;
    const serial = 1 + SERIALS[yearOf(decided) - FIRST_ENV_YEAR]!.apply(slot);
    out.penalties.push({
      subjectCode: input.code,
      regionCode: input.regionCode,
      decisionNumber: `${documentPrefix(county)}环罚〔${yearOf(decided)}〕${serial}号`,
      violationType: v.type,
      facts: `${v.facts(rng, inspected)}。责令改正，并处罚款人民币${money(rounded)}元`,
      legalBasis: v.basis,
      fine: `${rounded}.00`,
      decidedOn: isoDate(decided),
      authority: bureau,
    });
  }

  // Most rated firms hold a 排污许可证 (or registered one since the 2017–2020 roll-out); a few others too.
  if ((rated && years.length > 0 && rng.chance(0.85)) || (!rated && key && rng.chance(0.02))) {
    const industries = (input.industry !== null && PERMIT_INDUSTRIES[input.industry]) || OTHER_PERMIT_INDUSTRIES;
    const industry = rng.pick(industries);
    let from = between(rng, Math.max(dayOf(2017, 7, 1), input.establishedDay + 30), dayOf(2024, 12, 31));
    const end = input.status === 'ACTIVE' ? AS_OF : dayOf(input.lastActiveYear + 1, 6, 30);
    for (let serial = 1; serial <= 3 && from <= end; serial++) {
      const until = addYears(from, 5) - 1;
      const renewed = until < end && rng.chance(0.85);
      let status: DischargePermitRow['status'] = until < AS_OF ? 'EXPIRED' : 'VALID';
      if (!renewed && until >= AS_OF && input.status !== 'ACTIVE') status = 'CANCELLED';
      else if (!renewed && status === 'VALID' && rng.chance(0.015)) status = 'REVOKED';
      out.permits.push({
        subjectCode: input.code,
        regionCode: input.regionCode,
        permitNumber: `${input.code}${String(serial).padStart(3, '0')}P`,
        industry,
        validFrom: isoDate(from),
        validUntil: isoDate(until),
        status,
        authority: cityEnvironmentBureau(county),
      });
      if (!renewed) break;
      from = until + 1;
    }
  }
  return out;
}
