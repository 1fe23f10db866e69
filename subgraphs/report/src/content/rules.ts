import { createHash } from 'node:crypto';
import type { GraphSubject } from '../graph/reads.ts';
import { ISSUER, KIND_LABELS, PURPOSE_LABELS, type ReportKindName, type ReportPurposeName } from '../rules.ts';

/**
 * The report's contents as data (the JSON download, and what the PDF prints), built from one public answer of the
 * graph. Pure: no I/O, no clock (the instants are passed in). docs/reports.md lists the sections and their sources.
 */
export interface ReportTable {
  /** Stable key of the section or domain (`penalties`, `special.tax`…). */
  key: string;
  title: string;
  /** 数据来源. */
  source: string;
  columns: string[];
  rows: string[][];
  /** Printed when there are no rows. */
  empty: string;
  note?: string;
}

export interface DomainLine {
  key: string;
  /** 领域 / department. */
  domain: string;
  /** Records of violations in the period. */
  count: number;
  /** 报告期内无违法违规记录 / 有 N 条（见附表）. */
  statement: string;
}

export interface ReportSubjectFacts {
  code: string;
  name: string;
  kindLabel: string;
  isPerson: boolean;
  region: string;
  regionCode: string;
}

export interface ReportContent {
  subject: ReportSubjectFacts;
  /** The sections (公共信用信息报告) or the domains' tables (专项, as 附表). */
  tables: ReportTable[];
  /** 专项 only: one line per domain. */
  domains: DomainLine[];
  /** Domains the report covers and does not cover (stated on the report). */
  covered: string[];
  notCovered: string[];
}

export interface ReportData extends ReportContent {
  version: 1;
  number: string;
  kind: ReportKindName;
  kindLabel: string;
  issuer: string;
  issuedAt: string;
  dataCutoff: string;
  period: { from: string; to: string } | null;
  purpose: ReportPurposeName;
  purposeLabel: string;
  verificationCode: string;
  verificationUrl: string;
  explanation: string[];
}

const v = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : String(value);
const rowsOf = <T>(items: readonly T[] | null | undefined, row: (item: T) => (string | number | null | undefined)[]) =>
  (items ?? []).map((item) => row(item).map(v));

/** Domains the graph holds no data for: said on every report (565号 asks for 刑事裁判 and 行政强制 at least). */
export const NOT_COVERED = [
  '刑事裁判（犯罪记录）：本平台未归集犯罪记录，需向公安机关申请开具',
  '行政强制：本平台暂未归集行政强制信息',
];

/**
 * What a 专项 report does not state besides: commitments kept or in force (a 专项 line counts only 未践诺, a violation
 * of the subject's own commitment; the full 履约 record is in 公共信用信息报告 七).
 */
export const SPECIAL_NOT_COVERED = [
  ...NOT_COVERED,
  '信用承诺履约情况：专项信用报告仅列未践诺记录，全部承诺及履约情况请见公共信用信息报告“七、信用承诺”',
];

/** What the report explains (报告说明): scope, publicity rules, the objection channel, the disclaimer. */
export function explanation(kind: ReportKindName): string[] {
  return [
    '本报告依据本平台截至数据截止时间归集的公共信用信息生成，内容与本平台信用信息公示网站向社会公开的信息一致，自然人信息已按规定脱敏。',
    '仅展示处于公示期内的信息；公示期届满或已完成信用修复的信息不予展示。',
    kind === 'SPECIAL_NO_VIOLATION'
      ? '本报告按领域说明报告期内有无违法违规记录，可替代各部门分别出具的无违法违规证明（发改财金〔2025〕565号）。'
      : '本报告为公共信用信息报告，内容包括基础信息、行政管理信息、守信激励、失信信息、经营异常及信用评价等。',
    '如对报告内容有异议，可通过信用信息公示网站“提出异议”入口或向认定部门提出，本平台将按规定核查处理。',
    '本报告可通过报告编号和查验码在本平台“报告查验”页面核验真伪。本报告仅供参考，以认定部门出具的文书为准。',
  ];
}

function subjectFacts(s: GraphSubject): ReportSubjectFacts {
  return {
    code: s.code,
    name: s.name,
    kindLabel: s.kindLabel,
    isPerson: s.kind === 'NATURAL_PERSON',
    region: s.region.fullName,
    regionCode: s.region.code,
  };
}

/** 2.000000 → 2 (the 双公示 standard's decimals as people write them). */
const amount = (value: string) => (Number.isFinite(Number(value)) ? String(Number(value)) : value);

const yes = (flag: boolean | null | undefined) => flag === true;

/** 公共信用信息报告: the sections of the 2022 standard as the public site shows them (docs/reports.md). */
export function publicContent(s: GraphSubject): ReportContent {
  const person = s.kind === 'NATURAL_PERSON';
  const reg = s.registration;
  const basicRows: string[][] = [
    ['名称', s.name],
    [person ? '主体标识码' : '统一社会信用代码', s.code],
    ['主体类型', s.kindLabel],
    ['所在地区', s.region.fullName],
  ];
  if (!person)
    basicRows.push(
      [s.kind === 'INDIVIDUAL_BUSINESS' ? '经营者' : '法定代表人/负责人', v(s.legalRepresentative)],
      ['成立日期', v(s.establishedOn)],
      ['所属行业', v(s.industry?.name)],
    );
  if (reg)
    basicRows.push(
      ['登记状态', v(reg.statusLabel)],
      ['注册资本', reg.registeredCapital == null ? '—' : `${reg.registeredCapital} 万${reg.currency ?? '元'}`],
      ['住所', v(reg.address)],
      ['登记机关', v(reg.registrationAuthority)],
      ['经营范围', v(reg.businessScope)],
    );
  const red: string[][] = [];
  if (yes(s.isALevelTaxpayer)) red.push(['纳税信用A级纳税人', '税务部门']);
  if (yes(s.isEnvironmentalIntegrityEnterprise)) red.push(['环保诚信企业', '生态环境部门']);
  const watch: string[][] = [
    ...rowsOf(s.abnormalOperations, (a) => [
      '经营异常名录',
      `${v(a.kindLabel)}：${v(a.reasonLabel)}`,
      a.listingAuthority,
      a.listedOn,
    ]),
    ...rowsOf(s.consumptionRestrictions, (c) => [
      '限制消费',
      `${v(c.caseNumber)}（${v(c.restrictedPerson)}）`,
      c.courtName,
      c.issuedOn,
    ]),
  ];
  if (yes(s.isOnEnvironmentalWatchList)) watch.push(['环境信用重点关注', '环境信用评价结果', '生态环境部门', '—']);
  if (yes(s.isHighFrequencyOffender)) watch.push(['高频失信', '近期行政处罚次数较多', '信用平台', '—']);
  const black: string[][] = [
    ...rowsOf(s.dishonestDebtorCases, (d) => [
      '失信被执行人',
      `${v(d.caseNumber)}（${v(d.performanceLabel)}）`,
      d.courtName,
      d.publishedOn ?? d.decidedOn,
    ]),
    ...rowsOf(s.majorTaxViolations, (t) => [
      '重大税收违法失信主体',
      `${v(t.situationLabel)}：${v(t.mainFacts)}`,
      t.inspectingAuthority,
      t.publishedOn,
    ]),
    ...rowsOf(s.seriousIllegalListings, (l) => [
      '严重违法失信名单',
      `${v(l.groundLabel)}（${v(l.decisionDocument)}）`,
      l.listingAuthority,
      l.listedOn,
    ]),
  ];
  if (yes(s.isOnEnvironmentalBlacklist)) black.push(['环境信用黑名单', '环境信用评价结果', '生态环境部门', '—']);
  const evaluation: string[][] = [];
  if (s.environmentalRating)
    evaluation.push([
      `${s.environmentalRating.year} 年度企业环境信用评价`,
      v(s.environmentalRating.gradeLabel),
      v(s.environmentalRating.authority),
      v(s.environmentalRating.validUntil),
    ]);
  if (yes(s.isALevelTaxpayer)) evaluation.push(['纳税信用等级', 'A级', '税务部门', '—']);
  // 信用承诺 as the public site's tab shows it (web/src/subject-tabs.ts): the commitment subgraph's public view, the
  // signatory masked by the gateway, a broken commitment only while published (the subgraph applies the window).
  const commitments = s.creditCommitments ?? [];
  const commitmentSource =
    [...new Set(commitments.map((c) => c.checkingDepartment?.label).filter(Boolean))].join('、') || '各承诺核查部门';
  const tables: ReportTable[] = [
    {
      key: 'basic',
      title: '一、基础信息',
      source: '市场监督管理部门、信用平台主体库',
      columns: ['项目', '内容'],
      rows: basicRows,
      empty: '暂无记录',
    },
    {
      key: 'annualReports',
      title: '年度报告',
      source: '市场监督管理部门',
      columns: ['年度', '报送日期', '状态'],
      rows: rowsOf(s.annualReports, (r) => [r.year, r.filedOn, r.statusLabel]),
      empty: person ? '自然人无年度报告' : '暂无年度报告信息',
    },
    {
      key: 'licences',
      title: '二、行政许可',
      source: '各行政许可机关（双公示）',
      columns: ['决定文书号', '许可内容', '许可决定日期', '有效期至', '许可机关'],
      rows: rowsOf(s.administrativeLicences, (l) => [
        l.documentNumber,
        l.content ?? l.documentName,
        l.decidedOn,
        l.isLongTerm ? '长期' : l.validUntil,
        l.authorityName,
      ]),
      empty: '暂无行政许可信息',
    },
    {
      key: 'penalties',
      title: '三、行政处罚',
      source: '各行政处罚机关（双公示）、生态环境部门',
      columns: ['决定文书号', '违法行为类型', '处罚内容', '罚没金额', '处罚决定日期', '公示截止', '处罚机关'],
      rows: [
        ...rowsOf(s.administrativePenalties, (p) => [
          p.documentNumber,
          p.violationType,
          p.content,
          p.fineAmount == null ? '—' : `${amount(p.fineAmount)} 万元`,
          p.decidedOn,
          p.publicityEndsOn,
          p.authorityName,
        ]),
        ...rowsOf(s.environmentalPenalties, (p) => [
          p.decisionNumber,
          p.violationType,
          '罚款',
          p.fine == null ? '—' : `${p.fine} 元`,
          p.decidedOn,
          '—',
          p.authority,
        ]),
      ],
      empty: '暂无处于公示期内的行政处罚信息',
    },
    {
      key: 'red',
      title: '四、守信激励',
      source: '税务部门、生态环境部门',
      columns: ['名单/荣誉', '认定部门'],
      rows: red,
      empty: '暂无守信激励信息',
    },
    {
      key: 'black',
      title: '五、严重失信主体名单',
      source: '人民法院、税务部门、市场监督管理部门、生态环境部门',
      columns: ['名单', '事由', '认定机关', '列入日期'],
      rows: black,
      empty: '未被列入严重失信主体名单',
    },
    {
      key: 'watch',
      title: '六、经营异常名录及重点关注',
      source: '市场监督管理部门、人民法院、生态环境部门',
      columns: ['类别', '事由', '认定机关', '列入日期'],
      rows: watch,
      empty: '暂无经营异常及重点关注信息',
    },
    {
      key: 'commitment',
      title: '七、信用承诺',
      source: commitmentSource,
      columns: [
        '承诺类型',
        '承诺事项',
        '承诺内容摘要',
        '承诺人',
        '承诺日期',
        '履约期限',
        '履约状态',
        '核查日期',
        '公示截止日期',
        '核查部门',
      ],
      rows: rowsOf(commitments, (c) => [
        c.kindLabel,
        c.matter,
        c.summary,
        c.signatory,
        c.madeOn,
        c.termEndsOn,
        c.stateLabel,
        c.checkedOn,
        // The site shows 公示截止日期 for a broken commitment only; the others have none to show.
        c.state === 'BROKEN' ? c.publicityEndsOn : null,
        c.checkingDepartment?.label,
      ]),
      empty: '暂无公开的信用承诺信息',
    },
    {
      key: 'evaluation',
      title: '八、信用评价',
      source: '生态环境部门、税务部门',
      columns: ['评价', '结果', '评价机关', '有效期至'],
      rows: evaluation,
      empty: '暂无可公开的信用评价结果',
      note: '公共信用综合评价结果仅供政府部门共享使用，不在本报告中公开。',
    },
  ];
  return {
    subject: subjectFacts(s),
    tables,
    domains: [],
    covered: [
      '基础信息（登记）',
      '行政许可',
      '行政处罚',
      '守信激励',
      '严重失信主体名单',
      '经营异常名录及重点关注',
      '信用承诺',
      '信用评价',
    ],
    notCovered: NOT_COVERED,
  };
}

const within = (day: string | null | undefined, from: string, to: string) => !!day && day >= from && day <= to;

/**
 * 专项信用报告: per domain, the subject's records of violations decided (or listed) inside [from, to]. 双公示 penalties
 * are counted per submitting department (数据来源), each department of the graph has its line, and the domains the
 * hub lacks are stated (SPECIAL_NOT_COVERED).
 */
export function specialContent(s: GraphSubject, from: string, to: string): ReportContent {
  const domains: DomainLine[] = [];
  const tables: ReportTable[] = [];
  const add = (key: string, domain: string, source: string, columns: string[], rows: string[][]) => {
    domains.push({
      key,
      domain,
      count: rows.length,
      statement: rows.length === 0 ? '报告期内无违法违规记录' : `有 ${rows.length} 条（见附表）`,
    });
    if (rows.length > 0)
      tables.push({ key, title: `附表：${domain}`, source, columns, rows, empty: '报告期内无违法违规记录' });
  };
  const penalties = (s.administrativePenalties ?? []).filter((p) => within(p.decidedOn, from, to));
  const bySource = new Map<string, typeof penalties>();
  for (const p of penalties) {
    const source = p.sourceName ?? p.authorityName ?? '其他部门';
    bySource.set(source, [...(bySource.get(source) ?? []), p]);
  }
  for (const [source, list] of [...bySource.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')))
    add(
      `special.penalty.${source}`,
      `行政处罚（${source}）`,
      `${source}（双公示）`,
      ['决定文书号', '违法行为类型', '处罚内容', '处罚决定日期', '处罚机关'],
      rowsOf(list, (p) => [p.documentNumber, p.violationType, p.content, p.decidedOn, p.authorityName]),
    );
  if (bySource.size === 0) add('special.penalty', '行政处罚（双公示，各部门）', '各行政处罚机关（双公示）', [], []);
  add(
    'special.environment',
    '生态环境（环境行政处罚）',
    '生态环境部门',
    ['决定文书号', '违法行为类型', '处罚决定日期', '处罚机关'],
    rowsOf(
      (s.environmentalPenalties ?? []).filter((p) => within(p.decidedOn, from, to)),
      (p) => [p.decisionNumber, p.violationType, p.decidedOn, p.authority],
    ),
  );
  add(
    'special.tax',
    '税务（重大税收违法失信）',
    '税务部门',
    ['案件情形', '主要事实', '检查机关', '公布日期'],
    rowsOf(
      (s.majorTaxViolations ?? []).filter((t) => within(t.publishedOn, from, to)),
      (t) => [t.situationLabel, t.mainFacts, t.inspectingAuthority, t.publishedOn],
    ),
  );
  add(
    'special.court',
    '法院（失信被执行人）',
    '人民法院',
    ['案号', '执行法院', '履行情况', '发布日期'],
    rowsOf(
      (s.dishonestDebtorCases ?? []).filter((d) => within(d.publishedOn ?? d.decidedOn, from, to)),
      (d) => [d.caseNumber, d.courtName, d.performanceLabel, d.publishedOn ?? d.decidedOn],
    ),
  );
  add(
    'special.market',
    '市场监管（严重违法失信名单）',
    '市场监督管理部门',
    ['列入决定书', '列入事由', '列入机关', '列入日期'],
    rowsOf(
      (s.seriousIllegalListings ?? []).filter((l) => within(l.listedOn, from, to)),
      (l) => [l.decisionDocument, l.groundLabel, l.listingAuthority, l.listedOn],
    ),
  );
  // 信用承诺: a broken commitment (未践诺) checked in the period and still published is the checking department's
  // negative record (docs/rules/commitment.md C7); the public answer holds only those still published (or repaired:
  // gone), so a repaired breach is not on the report.
  add(
    'special.commitment',
    '信用承诺（未践诺）',
    '各核查部门（信用承诺）',
    ['承诺类型', '承诺事项', '核查部门', '核查日期', '公示截止'],
    rowsOf(
      (s.creditCommitments ?? []).filter((c) => c.state === 'BROKEN' && within(c.checkedOn, from, to)),
      (c) => [c.kindLabel, c.matter, c.checkingDepartment?.label, c.checkedOn, c.publicityEndsOn],
    ),
  );
  return {
    subject: subjectFacts(s),
    tables,
    domains,
    covered: domains.map((d) => d.domain),
    notCovered: SPECIAL_NOT_COVERED,
  };
}

/**
 * The digest of what a report states about the subject (subject, tables, domain lines), without its number, times
 * or code: the same records give the same digest, so comparing it with one computed now says whether the subject's
 * record changed since the report was issued.
 */
export function contentDigest(content: ReportContent): string {
  return createHash('sha256')
    .update(JSON.stringify({ subject: content.subject, tables: content.tables, domains: content.domains }))
    .digest('hex');
}

export function reportData(
  content: ReportContent,
  meta: {
    number: string;
    kind: ReportKindName;
    issuedAt: Date;
    dataCutoff: Date;
    period: { from: string; to: string } | null;
    purpose: ReportPurposeName;
    verificationCode: string;
    verificationUrl: string;
  },
): ReportData {
  return {
    version: 1,
    number: meta.number,
    kind: meta.kind,
    kindLabel: KIND_LABELS[meta.kind],
    issuer: ISSUER,
    issuedAt: meta.issuedAt.toISOString(),
    dataCutoff: meta.dataCutoff.toISOString(),
    period: meta.period,
    purpose: meta.purpose,
    purposeLabel: PURPOSE_LABELS[meta.purpose],
    verificationCode: meta.verificationCode,
    verificationUrl: meta.verificationUrl,
    explanation: explanation(meta.kind),
    ...content,
  };
}
