/**
 * 纳税信用 ratings and 重大税收违法失信主体 entries (国家税务总局公告2014年第40号 and 2018年第8号, from 2025-07-01
 * 《纳税缴费信用管理办法》 国家税务总局公告2025年第12号; 国家税务总局令第54号).
 */
import { authorityUscc, randomIdNumber } from './codes.ts';
import { AS_OF, addMonths, addYears, chineseDate, civilOf, dayOf, isoDate, yearOf } from './dates.ts';
import type { Representative } from './people.ts';
import { address, inspectionBureau, taxBureauName, type County } from './places.ts';
import { Weighted, mix32, type Rng } from './random.ts';
import type { RatingRow, TaxCreditLevel, TaxViolationSituation, ViolationRow } from './types.ts';

export const FIRST_RATING_YEAR = 2022;
export const LAST_RATING_YEAR = 2025;
/** The first year of a demo 重大税收违法失信主体 decision: decisions lie in 2023–2026, the calendar's years. */
export const FIRST_VIOLATION_YEAR = 2023;

/**
 * Long-run shares of a taxpayer's "underlying" standing. M is not a standing but a circumstance (new,
 * or no income that year), and young or recently-D taxpayers cannot be A, so these are set above the
 * published shares (A ≈ 15 %, B ≈ 62 %, M ≈ 10 %, C ≈ 9 %, D ≈ 4 % a year) to land on them after
 * those rules; generate.test.ts checks the outcome.
 */
const STANDING = new Weighted<'A' | 'B' | 'C' | 'D'>([
  ['A', 20],
  ['B', 66],
  ['C', 9.5],
  ['D', 4],
]);

/** Taxpayers rarely move between levels: most keep last year's standing. */
const KEEP_STANDING = 0.8;

/** Share of taxpayers that are dormant shells in some years (no operating income ⇒ M when ≥ 70). */
const DORMANT_SUBJECT = 0.04;

export interface RatingInput {
  code: string;
  regionCode: string;
  county: County;
  establishedDay: number;
  /** Last year the subject existed for a whole rating (before revocation, cancellation or moving out). */
  lastYear: number;
  /** Year of a 重大税收违法失信主体 decision, which makes that year's rating D directly. */
  blackListYear: number | null;
}

export function ratedYears(establishedDay: number, lastYear: number): number[] {
  const years: number[] = [];
  for (let y = Math.max(FIRST_RATING_YEAR, yearOf(establishedDay)); y <= Math.min(LAST_RATING_YEAR, lastYear); y++)
    years.push(y);
  return years;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Every bureau publishes the year's results on one day in April; the same day for all its taxpayers. */
function evaluationDay(regionCode: string, year: number): number {
  return dayOf(year + 1, 4, 1 + (mix32(Number(regionCode) * 31 + year) % 25));
}

export function ratings(rng: Rng, input: RatingInput): RatingRow[] {
  const years = ratedYears(input.establishedDay, input.lastYear);
  if (years.length === 0) return [];
  const establishedYear = yearOf(input.establishedDay);
  const dormant = rng.chance(DORMANT_SUBJECT);
  const authority = taxBureauName(input.county);
  const rows: RatingRow[] = [];
  let standing = STANDING.pick(rng);
  let previous: TaxCreditLevel | null = null;

  for (const year of years) {
    if (previous !== null && !rng.chance(KEEP_STANDING)) standing = STANDING.pick(rng);
    let level: TaxCreditLevel;
    let score: number | null;

    if (year === input.blackListYear) {
      // 列入重大税收违法失信主体 ⇒ D directly, without a score; the standing stays poor afterwards.
      level = 'D';
      score = null;
      standing = rng.chance(0.6) ? 'D' : 'C';
    } else if (standing === 'D') {
      level = 'D';
      // Half of D levels are assigned directly (非正常户, 虚开, …) and carry no score.
      score = rng.chance(0.5) ? null : round1(10 + rng.next() * 29.9);
    } else if (standing === 'C') {
      level = 'C';
      score = round1(40 + Math.sqrt(rng.next()) * 29.9);
    } else {
      // New taxpayers (set up this year, or late last year) are M without a score: they are not rated in their
      // first evaluation year (2025年第12号 第十五条). Dormant ones with a passing score are M with it.
      const isNew = year === establishedYear || (year === establishedYear + 1 && rng.chance(0.15));
      const idle = dormant && rng.chance(0.6);
      if (isNew || idle) {
        level = 'M';
        score = isNew ? null : round1(70 + rng.next() * 25);
      } else if (standing === 'A' && year - establishedYear >= 3 && previous !== 'D') {
        // 2014年第40号: under three years of operation, or D last year, excludes A.
        level = 'A';
        score = round1(Math.min(100, 90 + Math.pow(rng.next(), 1.6) * 10));
      } else {
        level = 'B';
        score = round1(Math.min(89.9, Math.max(70, 81 + rng.normal() * 5)));
      }
    }

    rows.push({
      subjectCode: input.code,
      regionCode: input.regionCode,
      year,
      level,
      score,
      evaluatedOn: isoDate(evaluationDay(input.regionCode, year)),
      authority,
    });
    previous = level;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 重大税收违法失信主体

const SITUATIONS = new Weighted<TaxViolationSituation>([
  ['TAX_EVASION', 30],
  ['FALSE_SPECIAL_INVOICES', 28],
  ['ABSCONDED', 18],
  ['FALSE_ORDINARY_INVOICES', 8],
  ['EVADING_ARREARS_RECOVERY', 5],
  ['EXPORT_REBATE_FRAUD', 4],
  ['ILLEGAL_INVOICE_PRINTING', 2],
  ['FACILITATING_EVASION', 2],
  ['VIOLENT_REFUSAL', 1],
  ['TAX_AGENT_VIOLATION', 1],
  ['OTHER_SERIOUS', 1],
]);

const LAW = '《中华人民共和国税收征收管理法》';
const GENERIC_BASIS = `依照${LAW}等相关法律法规的有关规定`;
const INVOICE_BASIS = `依照${LAW}《中华人民共和国发票管理办法》等相关法律法规的有关规定`;

/** Integer fen → "1234567.89". */
function yuan(fen: number): string {
  const f = Math.round(fen);
  const cents = f % 100;
  return `${Math.floor(f / 100)}.${cents < 10 ? '0' : ''}${cents}`;
}

function fen(rng: Rng, lo: number, median: number, hi: number): number {
  return Math.round(rng.amount(lo, median, hi) * 100);
}

const EVASION_MEANS = [
  '在账簿上多列支出、不列或者少列收入',
  '进行虚假的纳税申报',
  '隐匿销售收入',
  '利用个人账户收取货款、隐匿收入',
  '取得虚开的增值税专用发票抵扣进项税额',
];

const MULTIPLES = [0.5, 0.5, 1, 1, 1, 1.5, 2];

interface Facts {
  facts: string;
  basis: string;
  penalty: string;
  amount: number | null;
}

function invoiceFraud(rng: Rng): { text: string; amount: number; tax: number } {
  const count = rng.range(8, 900);
  const amount = fen(rng, 800_000, 6_000_000, 400_000_000);
  const tax = Math.round(amount * rng.pick([0.13, 0.13, 0.13, 0.09, 0.06]));
  const verb = rng.chance(0.7) ? '对外虚开' : '让他人为自己虚开';
  return { text: `${verb}增值税专用发票${count}份，金额${yuan(amount)}元，税额${yuan(tax)}元`, amount, tax };
}

function factsFor(rng: Rng, situation: TaxViolationSituation): Facts {
  const multiple = rng.pick(MULTIPLES);
  switch (situation) {
    case 'TAX_EVASION': {
      // 第六条(一): at least 1 million yuan and at least 10 % of the tax due.
      const total = fen(rng, 1_000_000, 2_800_000, 90_000_000);
      const vat = Math.round(total * (0.45 + rng.next() * 0.35));
      const cit = total - vat;
      const share = rng.range(10, 72);
      return {
        facts: `采取${rng.pick(EVASION_MEANS)}的手段，少缴增值税${yuan(vat)}元、企业所得税${yuan(cit)}元，合计少缴税款${yuan(total)}元，占各税种应纳税总额的${share}%`,
        basis: `依照${LAW}第六十三条的规定`,
        penalty: `对其处以追缴税款${yuan(total)}元的行政处理、处以少缴税款${multiple}倍罚款${yuan(total * multiple)}元的行政处罚`,
        amount: total,
      };
    }
    case 'FALSE_SPECIAL_INVOICES': {
      const inv = invoiceFraud(rng);
      const fine = rng.range(5, 50) * 1_000_000;
      return {
        facts: inv.text,
        basis: INVOICE_BASIS,
        penalty: `对其处以罚款${yuan(fine)}元的行政处罚，并依法移送公安机关`,
        amount: inv.amount,
      };
    }
    case 'ABSCONDED': {
      const inv = invoiceFraud(rng);
      return {
        facts: `${inv.text}。经税务机关通过实地检查、电话查询、涉税信息查询等方式，查无下落，确认为走逃（失联）`,
        basis: INVOICE_BASIS,
        penalty: `对其处以追缴税款${yuan(inv.tax)}元的行政处理，相关税务文书已公告送达`,
        amount: inv.amount,
      };
    }
    case 'FALSE_ORDINARY_INVOICES': {
      // 第六条(六): 100 invoices or 4 million yuan.
      const count = rng.range(100, 1500);
      const amount = fen(rng, 4_000_000, 9_000_000, 200_000_000);
      const fine = rng.range(5, 50) * 1_000_000;
      return {
        facts: `对外虚开增值税普通发票${count}份，金额${yuan(amount)}元`,
        basis: INVOICE_BASIS,
        penalty: `对其处以没收违法所得、罚款${yuan(fine)}元的行政处罚`,
        amount,
      };
    }
    case 'EVADING_ARREARS_RECOVERY': {
      const owed = fen(rng, 1_000_000, 2_500_000, 40_000_000);
      return {
        facts: `欠缴应纳税款${yuan(owed)}元，采取转移、隐匿财产的手段，妨碍税务机关追缴欠缴的税款`,
        basis: `依照${LAW}第六十五条的规定`,
        penalty: `对其处以追缴欠缴税款${yuan(owed)}元的行政处理、处以欠缴税款${multiple}倍罚款${yuan(owed * multiple)}元的行政处罚`,
        amount: owed,
      };
    }
    case 'EXPORT_REBATE_FRAUD': {
      const refund = fen(rng, 200_000, 2_000_000, 60_000_000);
      const m = rng.range(1, 3);
      return {
        facts: `采取假报出口、虚构出口业务等欺骗手段，骗取国家出口退税款${yuan(refund)}元`,
        basis: `依照${LAW}第六十六条的规定`,
        penalty: `对其处以追缴骗取的出口退税款${yuan(refund)}元的行政处理、处以骗取税款${m}倍罚款${yuan(refund * m)}元的行政处罚，并在规定期间内停止为其办理出口退税`,
        amount: refund,
      };
    }
    case 'VIOLENT_REFUSAL': {
      const refused = fen(rng, 30_000, 300_000, 3_000_000);
      const m = rng.range(1, 3);
      return {
        facts: `以暴力、威胁方法拒不缴纳税款${yuan(refused)}元`,
        basis: `依照${LAW}第六十七条的规定`,
        penalty: `对其处以追缴拒缴税款${yuan(refused)}元的行政处理、处以拒缴税款${m}倍罚款${yuan(refused * m)}元的行政处罚，并依法移送公安机关`,
        amount: refused,
      };
    }
    case 'ILLEGAL_INVOICE_PRINTING': {
      const fine = rng.range(1, 50) * 1_000_000;
      return {
        facts: `私自印制、伪造、变造发票${rng.range(50, 3000)}份`,
        basis: INVOICE_BASIS,
        penalty: `对其处以没收违法所得、罚款${yuan(fine)}元的行政处罚，并依法移送公安机关`,
        amount: null,
      };
    }
    case 'FACILITATING_EVASION': {
      const caused = fen(rng, 1_000_000, 2_000_000, 30_000_000);
      // 实施细则第九十三条: up to once the tax lost.
      const fine = (caused * rng.range(2, 10)) / 10;
      return {
        facts: `为他人非法提供银行账户、发票、证明等便利，导致他人少缴税款${yuan(caused)}元`,
        basis: `依照《中华人民共和国税收征收管理法实施细则》第九十三条的规定`,
        penalty: `对其处以没收违法所得、罚款${yuan(fine)}元的行政处罚`,
        amount: caused,
      };
    }
    case 'TAX_AGENT_VIOLATION': {
      const caused = fen(rng, 1_000_000, 1_800_000, 20_000_000);
      const m = rng.pick([0.5, 1, 2, 3]);
      return {
        facts: `作为税务代理人，违反税收法律、行政法规，造成委托人少缴税款${yuan(caused)}元`,
        basis: `依照《中华人民共和国税收征收管理法实施细则》第九十八条的规定`,
        penalty: `对其处以委托人少缴税款${m}倍罚款${yuan(caused * m)}元的行政处罚`,
        amount: caused,
      };
    }
    case 'OTHER_SERIOUS': {
      const tax = fen(rng, 500_000, 1_500_000, 20_000_000);
      return {
        facts: `存在其他性质恶劣、情节严重、社会危害性较大的税收违法行为，涉及税款${yuan(tax)}元`,
        basis: GENERIC_BASIS,
        penalty: `对其处以追缴税款${yuan(tax)}元的行政处理、处以罚款${yuan(tax * multiple)}元的行政处罚`,
        amount: tax,
      };
    }
  }
}

export interface ViolationInput {
  code: string;
  name: string;
  regionCode: string;
  county: County;
  establishedDay: number;
  representative: Representative;
  year: number;
}

/** Earliest service date: 第54号令 took effect on 2022-02-01; the demo world's decisions start in 2023. */
const FIRST_SERVICE = Math.max(dayOf(2022, 2, 1), dayOf(FIRST_VIOLATION_YEAR, 1, 3));

export function violation(rng: Rng, input: ViolationInput): ViolationRow {
  const { year, county } = input;
  const from = Math.max(dayOf(year, 1, 4), FIRST_SERVICE, input.establishedDay + 120);
  const to = Math.min(dayOf(year, 12, 28), AS_OF);
  const served = from >= to ? to : from + rng.int(to - from + 1);

  // 第十条: published by the 15th of the month after the decision was served.
  const s = civilOf(served);
  const deadline = s.month === 12 ? dayOf(s.year + 1, 1, 15) : dayOf(s.year, s.month + 1, 15);
  const earliest = Math.min(served + 3, deadline);
  const published = earliest + rng.int(deadline - earliest + 1);
  const publicityEnds = addYears(published, 3);

  // 提前停止公布 (54号令 第四章): most after paying everything, applied for once published six months; a few after a
  // court approved a bankruptcy reorganisation. The authority decides within 15 days of the application.
  let status: 'PUBLISHED' | 'REMOVED' = 'PUBLISHED';
  let removedOn: string | null = null;
  let removalReason: string | null = null;
  let removalGround: ViolationRow['removalGround'] = null;
  let stopAppliedOn: string | null = null;
  let paidOn: string | null = null;
  if (rng.chance(0.11)) {
    const paid = rng.chance(0.75);
    const earliest = paid ? addMonths(published, 6) + 1 : published + 30;
    const applied = earliest + rng.range(0, 400);
    const removed = applied + rng.range(2, 15);
    if (removed <= AS_OF && removed < publicityEnds) {
      status = 'REMOVED';
      removedOn = isoDate(removed);
      stopAppliedOn = isoDate(applied);
      if (paid) {
        removalGround = 'PAID_IN_FULL';
        paidOn = isoDate(Math.max(served + 1, applied - rng.range(0, 60)));
        removalReason =
          '已缴清税款、滞纳金和罚款，且失信信息公布满六个月：按照《税务处理决定书》《税务行政处罚决定书》缴清税款、滞纳金和罚款';
      } else {
        removalGround = 'BANKRUPTCY_REORGANISATION';
        removalReason = '破产重整或和解，人民法院裁定批准，税务机关依法受偿：人民法院批准重整计划的裁定书';
      }
    }
  }

  // The offence period: one to three years before the decision, never before the subject existed.
  const periodStart = Math.max(input.establishedDay, dayOf(year - rng.range(1, 3), 1, 1));
  const periodEnd = Math.max(periodStart + 30, Math.min(dayOf(year - 1, 12, 31), served - 60));

  const bureau = inspectionBureau(rng, county);
  const situation = SITUATIONS.pick(rng);
  const f = factsFor(rng, situation);
  const rep = input.representative;

  return {
    subjectCode: input.code,
    regionCode: input.regionCode,
    taxpayerName: input.name,
    registeredAddress: address(rng, county),
    responsiblePersonName: rep.name,
    responsiblePersonSex: rep.sex === 'MALE' ? '男' : '女',
    responsiblePersonIdNumber: randomIdNumber(rng, county.code, rep.sex, rep.birthYear, rep.birthYear),
    situation,
    mainFacts: `经${bureau.name}检查，发现其在${chineseDate(periodStart)}至${chineseDate(periodEnd)}期间，主要存在以下问题：${f.facts}。`,
    legalBasis: f.basis,
    penalty: f.penalty + '。',
    amountInvolved: f.amount === null ? null : yuan(f.amount),
    inspectingAuthority: bureau.name,
    authorityCode: authorityUscc(county.city.code, bureau.variant),
    decisionServedOn: isoDate(served),
    publishedOn: isoDate(published),
    publicityEndsOn: isoDate(publicityEnds),
    status,
    removedOn,
    removalReason,
    removalGround,
    stopAppliedOn,
    paidOn,
  };
}
