/**
 * 政务诚信 records: arrears owed to SMEs (《保障中小企业款项支付条例》), policy commitments (政府承诺)
 * and 政府违约 complaints, for government bodies and public institutions.
 *
 * Creditors and complainants are real subjects of the same load: enterprises or individual businesses
 * in the body's city with a smaller global index, found by regenerating the subjects before the body
 * (each is a pure function of (seed, index)). A load that starts at index 0, and every append after it,
 * therefore holds every counterparty; one started elsewhere with `startIndex` may miss a few.
 */
import type { SubjectKind } from '@credit-hub/kit/codes';
import { AS_OF, addYears, dayOf, isoDate } from './dates.ts';
import { cityOf, countyOf } from './places.ts';
import { Rng, Weighted } from './random.ts';
import { buildSubject } from './subjects.ts';
import type { ArrearsRow, CommitmentRow, ComplaintOutcome, ComplaintRow, SubjectRow } from './types.ts';
import { onWorkingDay } from './workdays.ts';

/** Shares of bodies with records, by kind. */
const ARREARS_SHARE: Partial<Record<SubjectKind, number>> = { GOVERNMENT_BODY: 0.15, PUBLIC_INSTITUTION: 0.05 };
const COMMITMENT_SHARE = 0.1;
const COMPLAINT_SHARE = 0.05;
/** How far back (in global indexes) a body looks for a counterparty in its city. */
const SEARCH = 600;

export interface GovernmentInput {
  seed: number;
  index: number;
  personKeySecret: string;
  subject: SubjectRow;
}

export interface GovernmentRows {
  arrears: ArrearsRow[];
  commitments: CommitmentRow[];
  complaints: ComplaintRow[];
}

function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + rng.int(to - from + 1);
}

function dayOfIso(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Fen → "123456.78". */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function cityCodeOf(regionCode: string): string | null {
  return countyOf(regionCode)?.city.code ?? cityOf(regionCode)?.code ?? null;
}

/**
 * An earlier subject of one of `kinds` in the city, founded by `foundedBy`, not among `taken`; null if
 * none is found within SEARCH indexes.
 */
function counterparty(
  rng: Rng,
  input: GovernmentInput,
  city: string,
  kinds: readonly SubjectKind[],
  foundedBy: number,
  taken: ReadonlySet<string>,
): SubjectRow | null {
  const start = input.index - 1 - rng.int(SEARCH);
  for (let i = Math.max(start, 0), tries = 0; i >= 0 && tries < SEARCH; i--, tries++) {
    const { row } = buildSubject(new Rng(input.seed, i), i, input.personKeySecret);
    if (
      kinds.includes(row.kind) &&
      row.registrationStatus === 'ACTIVE' &&
      row.establishedOn !== null &&
      dayOfIso(row.establishedOn) <= foundedBy &&
      cityCodeOf(row.regionCode) === city &&
      !taken.has(row.code)
    )
      return row;
  }
  return null;
}

const ARREARS_COUNT = new Weighted<number>([
  [1, 60],
  [2, 28],
  [3, 12],
]);
const CLAIMS = [
  ['工程款', ['道路维修工程', '办公楼改造工程', '绿化养护工程', '排水管网改造工程', '校舍维修工程', '村道硬化工程']],
  ['货款', ['办公设备采购', '办公家具采购', '防疫物资采购', '信息化设备采购', '印刷品采购']],
  ['服务费', ['物业管理服务', '信息系统运维服务', '保洁服务', '安保服务', '规划设计咨询服务', '审计咨询服务']],
] as const;
const ARREARS_STATUS = new Weighted<'OUTSTANDING' | 'PARTLY_PAID' | 'CLEARED'>([
  ['CLEARED', 40],
  ['PARTLY_PAID', 25],
  ['OUTSTANDING', 35],
]);

/** Splits `total` fen into `n` positive parts, in whole yuan except perhaps the last. */
function split(rng: Rng, total: number, n: number): number[] {
  const parts: number[] = [];
  let left = total;
  for (let k = n; k > 1; k--) {
    const part = Math.max(100, Math.round((left * (0.3 + rng.next() * 0.4)) / 10000) * 10000);
    if (part >= left - 100) break;
    parts.push(part);
    left -= part;
  }
  parts.push(left);
  return parts;
}

function arrearsOf(rng: Rng, input: GovernmentInput, city: string): ArrearsRow[] {
  const body = input.subject;
  const out: ArrearsRow[] = [];
  const taken = new Set<string>();
  const n = ARREARS_COUNT.pick(rng);
  for (let k = 0; k < n; k++) {
    const due = between(rng, dayOf(2022, 1, 1), dayOf(2025, 12, 31));
    const contractYear = Math.max(2019, Number(isoDate(due).slice(0, 4)) - rng.int(3));
    const [claim, works] = rng.pick(CLAIMS);
    const creditor = counterparty(
      rng,
      input,
      city,
      ['ENTERPRISE', 'INDIVIDUAL_BUSINESS'],
      dayOf(contractYear, 1, 1),
      taken,
    );
    if (creditor === null) continue;
    taken.add(creditor.code);
    const whole = Math.round(rng.amount(50_000, 380_000, 3_000_000, 1));
    const amountFen = rng.chance(0.6)
      ? Math.max(50_000, Math.round(whole / 1000) * 1000) * 100
      : Math.min(whole, 2_999_999) * 100 + rng.int(100);
    const recorded = onWorkingDay(Math.min(AS_OF, due + between(rng, 30, 300)));
    let status = ARREARS_STATUS.pick(rng);
    if (AS_OF - recorded < 20) status = 'OUTSTANDING';
    const payments: { amount: string; paidOn: string }[] = [];
    let paid = 0;
    let clearedOn: string | null = null;
    if (status !== 'OUTSTANDING') {
      const target = status === 'CLEARED' ? amountFen : Math.round(amountFen * (0.2 + rng.next() * 0.6));
      const parts = split(rng, target, status === 'CLEARED' ? rng.range(1, 3) : rng.range(1, 2));
      const days = parts.map(() => between(rng, recorded + 1, AS_OF)).sort((a, b) => a - b);
      parts.forEach((part, i) => {
        payments.push({ amount: yuan(part), paidOn: isoDate(days[i]!) });
        paid += part;
      });
      if (status === 'CLEARED') clearedOn = isoDate(days[days.length - 1]!);
    }
    out.push({
      debtorCode: body.code,
      creditorCode: creditor.code,
      regionCode: body.regionCode,
      description: `${contractYear}年${rng.pick(works)}${claim}（${creditor.name}）`,
      amount: yuan(amountFen),
      paidAmount: yuan(paid),
      dueOn: isoDate(due),
      recordedOn: isoDate(recorded),
      status,
      clearedOn,
      payments,
    });
  }
  return out;
}

const COMMITMENTS: readonly (readonly [string, string])[] = [
  ['招商引资承诺：给予入驻企业三年租金减免', '已按协议减免租金并完成财政拨付'],
  ['招商引资承诺：对新引进的制造业项目按固定资产投资额给予5%的补助', '补助资金已拨付至企业账户'],
  ['营商环境承诺：企业开办全流程一日办结', '经第三方评估，企业开办平均用时0.8个工作日'],
  ['人才政策承诺：为引进的高层次人才提供人才公寓', '人才公寓已交付使用'],
  ['政府采购承诺：中小企业合同款项在验收后30日内支付', '经核查，年度内合同款项均按期支付'],
  ['基础设施承诺：完成园区配套道路及污水管网建设', '工程已竣工验收并投入使用'],
  ['惠企政策承诺：兑现企业上市奖励资金', '奖励资金已全部兑现'],
  ['项目审批承诺：工业项目施工许可“拿地即开工”', '已实现承诺时限办结'],
];

function commitmentsOf(rng: Rng, body: SubjectRow): CommitmentRow[] {
  const out: CommitmentRow[] = [];
  const n = rng.chance(0.75) ? 1 : 2;
  for (let k = 0; k < n; k++) {
    const made = onWorkingDay(between(rng, dayOf(2021, 1, 1), dayOf(2024, 12, 31)));
    const due = addYears(made, rng.range(1, 3));
    const [content, evidence] = rng.pick(COMMITMENTS);
    let status: CommitmentRow['status'];
    const x = rng.next();
    status = x < 0.7 ? 'FULFILLED' : x < 0.8 ? 'BROKEN' : 'PENDING';
    // Nobody can tell a commitment is broken before its due day; early on it is merely pending.
    if (status === 'BROKEN' && due > AS_OF) status = 'PENDING';
    const fulfilled = status === 'FULFILLED' ? between(rng, made + 60, Math.min(due + 60, AS_OF)) : null;
    out.push({
      bodyCode: body.code,
      regionCode: body.regionCode,
      content,
      madeOn: isoDate(made),
      dueOn: isoDate(due),
      status,
      fulfilledOn: fulfilled === null ? null : isoDate(fulfilled),
      evidence: status === 'FULFILLED' ? evidence : status === 'BROKEN' ? '逾期未兑现，已纳入政务失信记录' : null,
    });
  }
  return out;
}

const COMPLAINTS = [
  '未按合同约定支付工程款',
  '未按合同约定支付货款',
  '拖欠服务费逾期未支付',
  '未兑现招商引资协议约定的奖励资金',
  '未按约定给予租金减免',
  '单方面变更政府采购合同约定',
  '以审计结果为由拖延支付工程尾款',
  '未退还履约保证金',
];
const OUTCOMES = new Weighted<ComplaintOutcome>([
  ['UPHELD', 35],
  ['RESOLVED', 30],
  ['REJECTED', 20],
  ['PENDING', 15],
]);
const NOTES: Record<Exclude<ComplaintOutcome, 'PENDING'>, readonly string[]> = {
  UPHELD: ['经核查，投诉属实，已责令被投诉单位限期整改', '投诉属实，已督促被投诉单位于30日内履行约定'],
  RESOLVED: ['经协调，被投诉单位已支付相关款项，投诉人表示满意', '双方已达成和解协议并履行完毕'],
  REJECTED: [
    '经核查，相关款项尚未达到合同约定的支付条件，投诉不予支持',
    '投诉事项不属于政府违约情形，已告知投诉人通过司法途径解决',
  ],
};

function complaintsOf(rng: Rng, input: GovernmentInput, city: string): ComplaintRow[] {
  const body = input.subject;
  const received = onWorkingDay(between(rng, dayOf(2023, 1, 1), dayOf(2025, 12, 31)));
  const complainant = counterparty(rng, input, city, ['ENTERPRISE'], received - 365, new Set());
  if (complainant === null) return [];
  let outcome = OUTCOMES.pick(rng);
  const handled = onWorkingDay(received + between(rng, 15, 90));
  if (handled > AS_OF) outcome = 'PENDING';
  return [
    {
      bodyCode: body.code,
      complainantCode: complainant.code,
      regionCode: body.regionCode,
      content: `${complainant.name}反映${body.name}${rng.pick(COMPLAINTS)}`,
      receivedOn: isoDate(received),
      outcome,
      handledOn: outcome === 'PENDING' ? null : isoDate(handled),
      handlingNote: outcome === 'PENDING' ? null : rng.pick(NOTES[outcome]),
    },
  ];
}

/** The 政务诚信 records of a government body or public institution, from its own stream. */
export function governmentRows(rng: Rng, input: GovernmentInput): GovernmentRows {
  const body = input.subject;
  const out: GovernmentRows = { arrears: [], commitments: [], complaints: [] };
  const city = cityCodeOf(body.regionCode);
  if (city === null) return out;
  if (rng.chance(ARREARS_SHARE[body.kind] ?? 0)) out.arrears = arrearsOf(rng, input, city);
  if (body.kind !== 'GOVERNMENT_BODY') return out;
  if (rng.chance(COMMITMENT_SHARE)) out.commitments = commitmentsOf(rng, body);
  if (rng.chance(COMPLAINT_SHARE)) out.complaints = complaintsOf(rng, input, city);
  return out;
}
