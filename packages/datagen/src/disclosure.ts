/**
 * 双公示 rows in the national exchange format (column codes as headers): administrative penalties (CF_) and
 * licences (XK_) about generated subjects, decided by registered authorities. Used three ways: the demo
 * data set, files of any size for the import benchmark and tests (optionally with a known share of invalid
 * rows), and nothing else — the format is the one a department's system would send.
 *
 * Randomness comes from a stream of its own (`domainSeed(seed, DISCLOSURE_DOMAIN)`), so adding these rows
 * shifts no draw of the subjects or of any other department's records (the pinned-hash test stays green).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { chineseCalendar } from '@credit-hub/kit/calendar';
import { randomIdNumber } from './codes.ts';
import { AS_OF, addYears, dayOf, daysInMonth, isoDate } from './dates.ts';
import { generateSubject } from './generate.ts';
import { domainSeed, Rng, Weighted } from './random.ts';
import type { GeneratedSubject } from './types.ts';

export const DISCLOSURE_DOMAIN = 5;

/**
 * The column codes of a penalty file in exchange order: the national 双公示 format (国办发〔2015〕51号 and the exchange
 * standard of the 全国信用信息共享平台), plus the platform's extension CF_SXDJ 失信信息分级.
 */
export const PENALTY_CODES = [
  'CF_XDR_MC',
  'CF_XDR_LB',
  'CF_XDR_SHXYM',
  'CF_XDR_GSZC',
  'CF_XDR_ZZJG',
  'CF_XDR_SWDJ',
  'CF_XDR_SYDW',
  'CF_XDR_SHZZ',
  'CF_FRDB',
  'CF_FR_ZJLX',
  'CF_FR_ZJHM',
  'CF_XDR_ZJLX',
  'CF_XDR_ZJHM',
  'CF_WSH',
  'CF_WFXW',
  'CF_SY',
  'CF_YJ',
  'CF_CFLB',
  'CF_NR',
  'CF_NR_FK',
  'CF_NR_WFFF',
  'CF_NR_ZKDX',
  'CF_JDRQ',
  'CF_YXQ',
  'CF_GSJZQ',
  'CF_SXDJ',
  'CF_CFJG',
  'CF_CFJGDM',
  'CF_SJLY',
  'CF_SJLYDM',
  'BZ',
] as const;

export const LICENCE_CODES = [
  'XK_XDR_MC',
  'XK_XDR_LB',
  'XK_XDR_SHXYM',
  'XK_XDR_GSZC',
  'XK_XDR_ZZJG',
  'XK_XDR_SWDJ',
  'XK_XDR_SYDW',
  'XK_XDR_SHZZ',
  'XK_FRDB',
  'XK_FR_ZJLX',
  'XK_FR_ZJHM',
  'XK_XDR_ZJLX',
  'XK_XDR_ZJHM',
  'XK_XKWS',
  'XK_WSH',
  'XK_XKLB',
  'XK_XKZS',
  'XK_XKBH',
  'XK_NR',
  'XK_JDRQ',
  'XK_YXQZ',
  'XK_YXQZI',
  'XK_XKJG',
  'XK_XKJGDM',
  'XK_ZT',
  'XK_LYDW',
  'XK_LYDWDM',
  'BZ',
] as const;

export type DisclosureKind = 'CF' | 'XK';
export type NationalRow = Record<string, string>;

/** An authority of the register (the disclosure subgraph's AUTHORITIES), passed in by the caller. */
export interface AuthorityRef {
  code: string;
  name: string;
  department: string;
  regionCode: string;
}

interface Offence {
  type: string;
  facts: string;
  basis: string;
  /** Typical 处罚类别 combinations with weights. */
  penalties: readonly (readonly [string, number])[];
  /** Fine range in 万元 (low, median, high). */
  fine: readonly [number, number, number];
}

/** Offences per department, with their usual 处罚类别 (行政处罚法 第九条) and fine ranges. */
const OFFENCES: Record<string, readonly Offence[]> = {
  market: [
    {
      type: '销售不符合食品安全标准的食品',
      facts: '当事人经营的食品经抽样检验不合格，货值金额较小。',
      basis: '《中华人民共和国食品安全法》第一百二十四条第一款',
      penalties: [
        ['罚款;没收违法所得', 6],
        ['罚款;没收违法所得;吊销许可证件', 1],
      ],
      fine: [0.5, 5, 80],
    },
    {
      type: '发布虚假广告',
      facts: '当事人在网络平台发布含有虚假内容的广告，误导消费者。',
      basis: '《中华人民共和国广告法》第五十五条第一款',
      penalties: [
        ['罚款', 6],
        ['警告;罚款', 2],
      ],
      fine: [1, 8, 120],
    },
    {
      type: '未按规定公示年度报告',
      facts: '当事人未在规定期限内通过国家企业信用信息公示系统报送年度报告。',
      basis: '《企业信息公示暂行条例》第十八条',
      penalties: [['警告', 5]],
      fine: [0, 0, 0],
    },
    {
      type: '无照经营',
      facts: '当事人未依法取得营业执照从事经营活动。',
      basis: '《无证无照经营查处办法》第十三条',
      penalties: [
        ['罚款;没收违法所得', 4],
        ['罚款;没收非法财物', 1],
      ],
      fine: [0.2, 1, 10],
    },
  ],
  tax: [
    {
      type: '未按期办理纳税申报',
      facts: '当事人未按照规定的期限办理纳税申报和报送纳税资料。',
      basis: '《中华人民共和国税收征收管理法》第六十二条',
      penalties: [['罚款', 1]],
      fine: [0.02, 0.1, 1],
    },
    {
      type: '虚开发票',
      facts: '当事人为他人开具与实际经营业务情况不符的发票。',
      basis: '《中华人民共和国发票管理办法》第三十五条',
      penalties: [
        ['罚款;没收违法所得', 3],
        ['罚款;没收违法所得;限制开展生产经营活动', 1],
      ],
      fine: [5, 30, 400],
    },
  ],
  environment: [
    {
      type: '超标排放大气污染物',
      facts: '当事人排放的大气污染物浓度超过国家规定的排放标准。',
      basis: '《中华人民共和国大气污染防治法》第九十九条',
      penalties: [
        ['罚款', 5],
        ['罚款;责令停产停业', 1],
      ],
      fine: [10, 30, 100],
    },
    {
      type: '未批先建',
      facts: '当事人建设项目环境影响报告表未经批准擅自开工建设。',
      basis: '《中华人民共和国环境影响评价法》第三十一条',
      penalties: [['罚款', 1]],
      fine: [5, 20, 200],
    },
  ],
  transport: [
    {
      type: '未取得道路运输经营许可擅自从事道路运输经营',
      facts: '当事人未取得道路运输经营许可，擅自从事道路客货运输经营。',
      basis: '《中华人民共和国道路运输条例》第六十三条',
      penalties: [['罚款;没收违法所得', 1]],
      fine: [1, 3, 10],
    },
    {
      type: '车辆超限运输',
      facts: '当事人车辆超过公路限载标准行驶公路。',
      basis: '《公路安全保护条例》第六十四条',
      penalties: [['罚款', 1]],
      fine: [0.05, 0.3, 3],
    },
  ],
  housing: [
    {
      type: '未取得施工许可证擅自施工',
      facts: '当事人未取得施工许可证擅自开工建设。',
      basis: '《建设工程质量管理条例》第五十七条',
      penalties: [
        ['罚款', 4],
        ['罚款;降低资质等级', 1],
      ],
      fine: [2, 10, 60],
    },
  ],
  health: [
    {
      type: '公共场所卫生不合格',
      facts: '当事人经营的公共场所卫生检测不合格且未按要求整改。',
      basis: '《公共场所卫生管理条例实施细则》第三十六条',
      penalties: [
        ['警告', 3],
        ['警告;罚款', 3],
      ],
      fine: [0.05, 0.3, 2],
    },
    {
      type: '未取得医疗机构执业许可证擅自执业',
      facts: '当事人未取得医疗机构执业许可证开展诊疗活动。',
      basis: '《医疗机构管理条例》第四十三条',
      penalties: [
        ['罚款;没收违法所得;没收非法财物', 3],
        ['罚款;没收违法所得;限制从业', 1],
      ],
      fine: [1, 5, 50],
    },
  ],
  emergency: [
    {
      type: '未按规定开展安全生产教育培训',
      facts: '当事人未按照规定对从业人员进行安全生产教育和培训。',
      basis: '《中华人民共和国安全生产法》第九十七条',
      penalties: [['罚款', 1]],
      fine: [1, 3, 10],
    },
    {
      type: '重大事故隐患未排除',
      facts: '当事人存在重大事故隐患，经责令限期整改后逾期未排除。',
      basis: '《中华人民共和国安全生产法》第一百零二条',
      penalties: [
        ['罚款', 3],
        ['罚款;责令停产停业', 1],
        ['罚款;责令关闭', 0.2],
      ],
      fine: [5, 20, 100],
    },
  ],
};

const LICENCES: Record<string, readonly { certificate: string; content: string; years: number; category: string }[]> = {
  market: [
    { certificate: '食品经营许可证', content: '预包装食品销售（含冷藏冷冻食品）', years: 5, category: '01' },
    { certificate: '营业执照', content: '设立登记', years: 0, category: '05' },
  ],
  tax: [{ certificate: '增值税专用发票最高开票限额审批', content: '最高开票限额十万元', years: 0, category: '04' }],
  environment: [{ certificate: '排污许可证', content: '废气、废水排放', years: 5, category: '01' }],
  transport: [{ certificate: '道路运输经营许可证', content: '道路普通货物运输', years: 4, category: '01' }],
  housing: [{ certificate: '建筑工程施工许可证', content: '房屋建筑工程施工', years: 0, category: '01' }],
  health: [{ certificate: '公共场所卫生许可证', content: '住宿场所卫生许可', years: 4, category: '01' }],
  emergency: [
    { certificate: '危险化学品经营许可证', content: '危险化学品经营（不带储存设施）', years: 3, category: '01' },
  ],
};

const SHORT: Record<string, string> = {
  market: '市监',
  tax: '税',
  environment: '环',
  transport: '交',
  housing: '建',
  health: '卫',
  emergency: '应急',
};

/** How an invalid row is broken (each breaks exactly one rule, so tests know the expected reason). */
export const INVALID_FLAVOURS = [
  'bad-subject-code',
  'future-decision',
  'missing-document-number',
  'foreign-authority',
  'bad-penalty-type',
  'negative-fine',
] as const;
export type InvalidFlavour = (typeof INVALID_FLAVOURS)[number];

const money = (x: number) => (Math.round(x * 10000) / 10000).toFixed(4).replace(/\.?0+$/, '');

function subjectColumns(p: 'CF' | 'XK', g: GeneratedSubject, rng: Rng, personId: string | null): NationalRow {
  const s = g.subject;
  const person = s.kind === 'NATURAL_PERSON';
  const row: NationalRow = {
    [`${p}_XDR_MC`]: s.name,
    [`${p}_XDR_LB`]: person ? '自然人' : s.kind === 'INDIVIDUAL_BUSINESS' ? '个体工商户' : '法人及非法人组织',
    [`${p}_XDR_SHXYM`]: person ? '' : s.code,
    [`${p}_FRDB`]: person ? '' : (s.legalRepresentative ?? ''),
    [`${p}_FR_ZJLX`]: '',
    [`${p}_FR_ZJHM`]: '',
    [`${p}_XDR_ZJLX`]: person ? '01' : '',
    [`${p}_XDR_ZJHM`]: person ? (personId ?? '') : '',
  };
  // Some departments report the legal representative's ID number too (not public: masked or SHARED).
  if (!person && s.legalRepresentative && rng.chance(0.3)) {
    row[`${p}_FR_ZJLX`] = '01';
    row[`${p}_FR_ZJHM`] = randomIdNumber(rng, s.regionCode, rng.chance(0.7) ? 'MALE' : 'FEMALE', 1960, 1995);
  }
  return row;
}

export interface RecordDraft {
  kind: DisclosureKind;
  raw: NationalRow;
  /** Day number of the decision (dates.ts). */
  decidedOn: number;
  authority: AuthorityRef;
  subjectCode: string;
}

/**
 * Decisions fall in years the working-day calendar covers, so that every reporting deadline (7 个工作日) is computed
 * from published holiday notices, never from a guess.
 */
export const FIRST_DECISION_YEAR = chineseCalendar.firstYear;

/** The day 国家发展改革委令第36号 《信用修复管理办法》 came into force. */
const NDRC_36_FROM = '2026-04-01';

/** `n` calendar months after an ISO date, the day falling back to the month's last (a period counted in months). */
function addMonthsIso(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return isoDate(dayOf(year, month, Math.min(d, daysInMonth(year, month))));
}

/** One penalty of a subject by an authority on a day; `seq` makes the document number unique per authority. */
export function penaltyRow(rng: Rng, g: GeneratedSubject, authority: AuthorityRef, day: number, seq: number) {
  const offences = OFFENCES[authority.department] ?? OFFENCES.market!;
  const offence = rng.pick(offences);
  const types = new Weighted(offence.penalties).pick(rng);
  const fined = types.includes('罚款');
  const fine = fined
    ? rng.amount(Math.max(offence.fine[0], 0.01), Math.max(offence.fine[1], 0.05), offence.fine[2])
    : 0;
  const confiscated = types.includes('没收') ? rng.amount(0.1, 2, 50) : 0;
  const year = isoDate(day).slice(0, 4);
  const city = authority.name.slice(0, 2);
  // The deciding authority's classification (失信信息分级, 《信用修复管理办法》): revocation, restriction, closure and
  // suspension are 严重; warnings and criticism alone 轻微; the rest 一般.
  const severe = /吊销|责令关闭|责令停产停业|限制从业|限制开展生产经营活动/.test(types);
  const minor = types.split(';').every((t) => t === '警告' || t === '通报批评');
  const tier = severe ? '严重' : minor ? '轻微' : '一般';
  // Most authorities report the tier; files without it are classified by the platform's fallback (the same rule).
  const reportsTier = rng.chance(0.7);
  // Some authorities state a 公示截止期: the tier's maximum. From 2026-04-01 (国家发展改革委令第36号) a 轻微 penalty is
  // published only when the authority asks for it, for at most 3 months; before, every penalty was published for 3
  // months to 3 years (国家发展改革委令第58号), and a year is within that for every tier and sector.
  const statesDeadline = rng.chance(0.25);
  const deadline =
    tier === '严重'
      ? isoDate(addYears(day, 3))
      : tier === '轻微' && isoDate(day) >= NDRC_36_FROM
        ? addMonthsIso(isoDate(day), 3)
        : isoDate(addYears(day, 1));
  const raw: NationalRow = {
    ...subjectColumns('CF', g, rng, null),
    CF_WSH: `${city}${SHORT[authority.department] ?? ''}罚决字〔${year}〕${seq}号`,
    CF_WFXW: offence.type,
    CF_SY: offence.facts,
    CF_YJ: offence.basis,
    CF_CFLB: types,
    CF_NR: [
      fined ? `罚款人民币${money(fine)}万元` : '',
      confiscated ? `没收违法所得${money(confiscated)}万元` : '',
      types.includes('警告') ? '予以警告' : '',
      types.includes('吊销') ? '吊销相关许可证件' : '',
      types.includes('责令停产停业') ? '责令停产停业整顿' : '',
      types.includes('责令关闭') ? '责令关闭' : '',
      types.includes('限制') ? '依法限制相关活动' : '',
      types.includes('降低资质等级') ? '降低资质等级' : '',
    ]
      .filter(Boolean)
      .join('；'),
    CF_NR_FK: fined ? money(fine) : '',
    CF_NR_WFFF: confiscated ? money(confiscated) : '',
    CF_NR_ZKDX: types.includes('吊销') ? '食品经营许可证' : '',
    CF_JDRQ: isoDate(day),
    CF_YXQ: isoDate(addYears(day, severe ? 3 : 1)),
    // Most files leave 公示截止期 empty (the tier's maximum applies); some state it.
    CF_GSJZQ: statesDeadline ? deadline : '',
    CF_SXDJ: reportsTier ? tier : '',
    CF_CFJG: authority.name,
    CF_CFJGDM: authority.code,
    CF_SJLY: authority.name,
    CF_SJLYDM: authority.code,
    BZ: '',
  };
  return raw;
}

export function licenceRow(rng: Rng, g: GeneratedSubject, authority: AuthorityRef, day: number, seq: number) {
  const kinds = LICENCES[authority.department] ?? LICENCES.market!;
  const licence = rng.pick(kinds);
  const year = isoDate(day).slice(0, 4);
  const city = authority.name.slice(0, 2);
  const until = licence.years ? isoDate(addYears(day, licence.years) - 1) : '2099-12-31';
  const raw: NationalRow = {
    ...subjectColumns('XK', g, rng, null),
    XK_XKWS: `准予行政许可决定书`,
    XK_WSH: `${city}${SHORT[authority.department] ?? ''}许字〔${year}〕${seq}号`,
    XK_XKLB: licence.category,
    XK_XKZS: licence.certificate,
    XK_XKBH: `${authority.regionCode}${year}${String(seq).padStart(6, '0')}`,
    XK_NR: licence.content,
    XK_JDRQ: isoDate(day),
    XK_YXQZ: isoDate(day),
    XK_YXQZI: until,
    XK_XKJG: authority.name,
    XK_XKJGDM: authority.code,
    XK_ZT: rng.chance(0.95) ? '1' : '2',
    XK_LYDW: authority.name,
    XK_LYDWDM: authority.code,
    BZ: '',
  };
  return raw;
}

/** Breaks one rule of a row; returns the column the validator must name. */
export function breakRow(kind: DisclosureKind, raw: NationalRow, flavour: InvalidFlavour, foreign: AuthorityRef) {
  const p = kind;
  switch (flavour) {
    case 'bad-subject-code': {
      const code = raw[`${p}_XDR_SHXYM`];
      if (code) {
        // Change the check character only: the code keeps its shape but fails GB 32100.
        const last = code.at(-1) === '0' ? '1' : '0';
        raw[`${p}_XDR_SHXYM`] = code.slice(0, 17) + last;
        return `${p}_XDR_SHXYM`;
      }
      raw[`${p}_XDR_ZJHM`] = (raw[`${p}_XDR_ZJHM`] ?? '110101199001011234').slice(0, 17) + 'Z';
      return `${p}_XDR_ZJHM`;
    }
    case 'future-decision': {
      const field = p === 'CF' ? 'CF_JDRQ' : 'XK_JDRQ';
      raw[field] = '2099-01-01';
      return field;
    }
    case 'missing-document-number': {
      const field = p === 'CF' ? 'CF_WSH' : 'XK_WSH';
      raw[field] = '';
      return field;
    }
    case 'foreign-authority': {
      const field = p === 'CF' ? 'CF_CFJGDM' : 'XK_XKJGDM';
      raw[field] = foreign.code;
      return field;
    }
    case 'bad-penalty-type':
      if (p === 'CF') {
        raw.CF_CFLB = '罚酒三杯';
        return 'CF_CFLB';
      }
      raw.XK_XKLB = '09';
      return 'XK_XKLB';
    case 'negative-fine':
      if (p === 'CF') {
        raw.CF_NR_FK = '-1';
        return 'CF_NR_FK';
      }
      raw.XK_ZT = '3';
      return 'XK_ZT';
  }
}

export interface FileOptions {
  kind: DisclosureKind;
  rows: number;
  /** The submitting department's authorities (rows are decided by them). */
  authorities: readonly AuthorityRef[];
  /** An authority of another department, for the foreign-authority flavour of invalid rows. */
  foreignAuthority: AuthorityRef;
  /** Share of rows broken on purpose (0 by default), spread evenly and deterministically. */
  invalidShare?: number;
  seed?: number;
  /** Distinct subjects the rows are about (default: rows / 5, at least 1). */
  subjects?: number;
  personKeySecret?: string;
  /** Decision dates are drawn in [from, to] (ISO dates; default: the working-day calendar's first year … AS_OF). */
  from?: string;
  to?: string;
}

export interface GeneratedRow {
  rowNumber: number;
  raw: NationalRow;
  /** The column an invalid row breaks, or null. */
  broken: string | null;
}

const parseDay = (iso: string) => dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/**
 * N national-format rows, deterministic for the same options. Document numbers are unique per file
 * (sequence = row number), so every valid row is a new record the first time the file is imported.
 */
export function* nationalRows(options: FileOptions): Generator<GeneratedRow> {
  const seed = options.seed ?? 42;
  const secret = options.personKeySecret ?? 'datagen-file-person-key';
  const rng = new Rng(domainSeed(seed, DISCLOSURE_DOMAIN), 0x5eed);
  const subjects = Math.max(1, options.subjects ?? Math.ceil(options.rows / 5));
  const from = parseDay(options.from ?? `${FIRST_DECISION_YEAR}-01-01`);
  const to = parseDay(options.to ?? isoDate(AS_OF));
  const share = options.invalidShare ?? 0;
  const cache = new Map<number, GeneratedSubject>();
  let broken = 0;
  for (let n = 1; n <= options.rows; n++) {
    const index = rng.int(subjects);
    let g = cache.get(index);
    if (!g) {
      g = generateSubject(seed, index, secret);
      if (cache.size > 50_000) cache.clear();
      cache.set(index, g);
    }
    const authority = rng.pick(options.authorities);
    const day = from + rng.int(to - from + 1);
    const raw = options.kind === 'CF' ? penaltyRow(rng, g, authority, day, n) : licenceRow(rng, g, authority, day, n);
    if (g.person) raw[`${options.kind}_XDR_ZJHM`] = g.person.idNumber;
    let column: string | null = null;
    // Evenly spread: row n is broken when the running share falls behind the target.
    if (share > 0 && broken < Math.round(n * share)) {
      column = breakRow(
        options.kind,
        raw,
        INVALID_FLAVOURS[broken % INVALID_FLAVOURS.length]!,
        options.foreignAuthority,
      );
      broken += 1;
    }
    yield { rowNumber: n, raw, broken: column };
  }
}

export interface WrittenFile {
  path: string;
  rows: number;
  invalid: number;
  /** Row numbers of the broken rows and the column each breaks. */
  brokenRows: Map<number, string>;
}

/** Writes a CSV (header = column codes, UTF-8) or a JSON array file of national-format rows. */
export async function writeNationalFile(
  path: string,
  format: 'CSV' | 'JSON',
  options: FileOptions,
): Promise<WrittenFile> {
  const columns = options.kind === 'CF' ? PENALTY_CODES : LICENCE_CODES;
  const out = createWriteStream(path);
  const brokenRows = new Map<number, string>();
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  if (format === 'CSV') {
    const csv = stringify({ header: true, columns: [...columns] });
    csv.pipe(out);
    for (const row of nationalRows(options)) {
      if (row.broken) brokenRows.set(row.rowNumber, row.broken);
      if (!csv.write(row.raw)) await once(csv, 'drain');
    }
    csv.end();
    await finished(out);
  } else {
    await write('[');
    for (const row of nationalRows(options)) {
      if (row.broken) brokenRows.set(row.rowNumber, row.broken);
      // JSON files leave empty columns out, as exports from most systems do.
      const compact = Object.fromEntries(Object.entries(row.raw).filter(([, v]) => v !== ''));
      await write((row.rowNumber > 1 ? ',\n' : '\n') + JSON.stringify(compact));
    }
    await write('\n]\n');
    out.end();
    await finished(out);
  }
  return { path, rows: options.rows, invalid: brokenRows.size, brokenRows };
}

// ---------------------------------------------------------------------------------------------
// The demo data set: penalties and licences about the generated subjects.

/** Reporting departments and their share of 双公示 decisions. */
const DEPARTMENT_WEIGHTS = new Weighted<string>([
  ['market', 35],
  ['transport', 15],
  ['environment', 10],
  ['tax', 10],
  ['housing', 10],
  ['health', 10],
  ['emergency', 10],
]);

export interface DemoRecord {
  kind: DisclosureKind;
  department: string;
  raw: NationalRow;
  /** Decision date (ISO). */
  decidedOn: string;
  /**
   * Calendar days after the decision when the department reported it: most within the 7 working days,
   * some late. Null: declared in the decision register but never reported (lowers the 上报率).
   */
  reportedAfterDays: number | null;
}

export interface DemoOptions {
  subjects: number;
  seed?: number;
  personKeySecret: string;
  /** The authority register (the disclosure subgraph's AUTHORITIES). */
  authorities: readonly AuthorityRef[];
}

/** Share of subjects with a high penalty frequency: 5–8 penalties within three years (高频失信). */
const HIGH_FREQUENCY_SHARE = 0.004;
const HIGH_FREQUENCY_WINDOW_DAYS = 150;

/**
 * Penalties and licences of the demo subjects, decided by authorities of the subject's city, spread over the
 * calendar's first year … 2026-06-30 (AS_OF). Per subject a generator of its own (its index on the disclosure stream), so the
 * rows do not depend on how many subjects are generated.
 */
export function* demoRecords(options: DemoOptions): Generator<DemoRecord> {
  const seed = options.seed ?? 42;
  const byCity = new Map<string, Map<string, AuthorityRef>>();
  for (const a of options.authorities) {
    const city = byCity.get(a.regionCode) ?? new Map<string, AuthorityRef>();
    city.set(a.department, a);
    byCity.set(a.regionCode, city);
  }
  const cities = [...byCity.keys()];
  const from = dayOf(FIRST_DECISION_YEAR, 1, 1);
  const span = AS_OF - from + 1;
  for (let index = 0; index < options.subjects; index++) {
    const rng = new Rng(domainSeed(seed, DISCLOSURE_DOMAIN), index);
    const g = generateSubject(seed, index, options.personKeySecret);
    const kind = g.subject.kind;
    const market = kind === 'ENTERPRISE' || kind === 'INDIVIDUAL_BUSINESS' || kind === 'FARMERS_COOPERATIVE';
    const person = kind === 'NATURAL_PERSON';
    if (!market && !person) continue;
    const cityCode = `${g.subject.regionCode.slice(0, 4)}00`;
    const city = byCity.get(cityCode) ?? byCity.get(rng.pick(cities))!;
    const highFrequency = kind === 'ENTERPRISE' && rng.chance(HIGH_FREQUENCY_SHARE);
    const penalties = highFrequency
      ? rng.range(6, 9)
      : rng.chance(person ? 0.03 : kind === 'ENTERPRISE' ? 0.08 : 0.04)
        ? rng.range(1, 2)
        : 0;
    const licences = person ? 0 : rng.chance(kind === 'ENTERPRISE' ? 0.3 : 0.15) ? rng.range(1, 2) : 0;
    // A high-frequency offender's penalties fall within the last months before AS_OF, so that most of them
    // (those of the 一般 and 严重 tiers; a 轻微 one is published for 3 months only) are still published and the
    // supervisors' list of 高频失信主体 is not empty in the demo.
    const firstDay = highFrequency ? AS_OF - HIGH_FREQUENCY_WINDOW_DAYS : 0;
    const draws: [DisclosureKind, number][] = [
      ...Array.from({ length: penalties }, () => ['CF', 0] as [DisclosureKind, number]),
      ...Array.from({ length: licences }, () => ['XK', 0] as [DisclosureKind, number]),
    ];
    for (const [n, draw] of draws.entries()) {
      const department =
        draw[0] === 'CF' && highFrequency
          ? rng.pick(['market', 'environment', 'emergency'])
          : DEPARTMENT_WEIGHTS.pick(rng);
      const authority = city.get(department) ?? city.get('market')!;
      const day =
        highFrequency && draw[0] === 'CF' ? firstDay + rng.int(HIGH_FREQUENCY_WINDOW_DAYS) : from + rng.int(span);
      const seq = index * 10 + n + 1;
      const raw = draw[0] === 'CF' ? penaltyRow(rng, g, authority, day, seq) : licenceRow(rng, g, authority, day, seq);
      if (g.person) raw[`${draw[0]}_XDR_ZJHM`] = g.person.idNumber;
      const roll = rng.next();
      // 85 % on time (1–8 calendar days, within 7 working days), 12 % late, 3 % never reported.
      const reportedAfterDays = roll < 0.85 ? rng.range(1, 8) : roll < 0.97 ? rng.range(12, 60) : null;
      yield { kind: draw[0], department: authority.department, raw, decidedOn: isoDate(day), reportedAfterDays };
    }
  }
}
