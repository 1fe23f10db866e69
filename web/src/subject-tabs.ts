import type { WebSubjectQuery } from './gql/graphql.ts';
import { formatDate, formatDateTime, formatMoney } from './labels.ts';

type Subject = NonNullable<WebSubjectQuery['subject']>;

export const TAB_KEYS = [
  'basic',
  'licences',
  'penalties',
  'red',
  'black',
  'watch',
  'commitment',
  'evaluation',
] as const;
export type TabKey = (typeof TAB_KEYS)[number];

/** The record types a 信用修复 or 异议 entrance names (the guide page explains each one's procedure). */
export type RecordType =
  | 'penalty'
  | 'environmental-penalty'
  | 'tax-violation'
  | 'dishonest-debtor'
  | 'consumption-restriction'
  | 'serious-illegal'
  | 'abnormal-operation';

/** The 信用修复 / 异议 window's marks on a record (subgraphs/repair), for the records it handles. */
export interface WindowMarks {
  /** The window's name of the record kind (RepairRecordKind). */
  kind: 'ADMINISTRATIVE_PENALTY' | 'MAJOR_TAX_VIOLATION' | 'SERIOUS_ILLEGAL' | 'ABNORMAL_OPERATION';
  objectionPending: boolean;
  repairPending: boolean;
  eligible: boolean;
  /** Why 申请信用修复 is not open, and from when it will be. */
  reason: string | null;
  from: string | null;
}

interface Marked {
  objectionPending?: boolean | null;
  repairPending?: boolean | null;
  repairEligibility?: { eligible: boolean; reason?: string | null; from?: string | null } | null;
}

/** The marks of one record; null when the window did not answer (the entrances then stay as plain links). */
function marks(kind: WindowMarks['kind'], r: Marked): WindowMarks | null {
  if (!r.repairEligibility) return null;
  return {
    kind,
    objectionPending: r.objectionPending === true,
    repairPending: r.repairPending === true,
    eligible: r.repairEligibility.eligible,
    reason: r.repairEligibility.reason ?? null,
    from: r.repairEligibility.from ?? null,
  };
}

export interface RecordView {
  key: string;
  title: string;
  fields: [string, string][];
  /** Negative records: their publicity end and the entrances for 信用修复 and 异议. */
  negative?: {
    type: RecordType;
    id: string;
    publicityEnd: string | null;
    publicityNote: string;
    /** The window's marks (异议处理中, whether 申请信用修复 is open), for the records it handles. */
    window?: WindowMarks | null;
  };
  date?: string | null;
  /** 数据更新时间: when the hub last stored a change to the record (its `updatedAt`). */
  updatedAt?: string | null;
}

export interface SectionView {
  title: string;
  source: string;
  records: RecordView[];
  empty?: string;
  /** The newest 数据更新时间 of the section's records (set by tab()). */
  updatedAt?: string | null;
}

export interface TabView {
  key: TabKey;
  label: string;
  /** Who provides the tab's data (数据来源). */
  source: string;
  sections: SectionView[];
  count: number;
  negative: boolean;
  note?: string;
  /** 数据更新时间: the newest `updatedAt` of the tab's records, null when none carries one. */
  updatedAt: string | null;
}

const v = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : String(value);

/** The newest of some instants (ISO 8601, compared as times: the graph may write them with different offsets). */
function newest(values: (string | null | undefined)[]): string | null {
  const times = values.filter((v): v is string => !!v);
  return times.length ? times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : null;
}

function tab(key: TabKey, label: string, source: string, sections: SectionView[], negative = false, note?: string) {
  const dated = sections.map((section) => ({ ...section, updatedAt: newest(section.records.map((r) => r.updatedAt)) }));
  return {
    key,
    label,
    source,
    sections: dated,
    count: sections.reduce((n, section) => n + section.records.length, 0),
    negative,
    note,
    updatedAt: newest(dated.map((section) => section.updatedAt)),
  } satisfies TabView;
}

/** The subject page's tabs (as 信用中国 and its provincial copies arrange them), from one WebSubject answer. */
export function tabsOf(s: Subject): TabView[] {
  const reg = s.registration;
  const basic = tab('basic', '基础信息', '市场监督管理部门', [
    {
      title: '登记信息',
      source: '市场监督管理部门',
      empty: '该主体不在市场主体登记库中（仅企业、个体工商户和农民专业合作社在市场监管部门登记）。',
      records: reg
        ? [
            {
              key: 'registration',
              title: '登记信息',
              date: reg.approvedOn ?? reg.establishedOn,
              updatedAt: reg.updatedAt,
              fields: [
                ['主体类型', v(reg.entityType)],
                [s.kind === 'INDIVIDUAL_BUSINESS' ? '经营者' : '法定代表人', v(reg.legalRepresentative)],
                ['成立日期', formatDate(reg.establishedOn)],
                ['注册资本', reg.registeredCapital == null ? '—' : `${reg.registeredCapital} 万${reg.currency}`],
                ['登记状态', v(reg.statusLabel)],
                ['住所', v(reg.address)],
                ['登记机关', v(reg.registrationAuthority)],
                ['核准日期', formatDate(reg.approvedOn)],
                ['经营范围', v(reg.businessScope)],
              ],
            },
          ]
        : [],
    },
    {
      title: '年度报告',
      source: '市场监督管理部门',
      records: (s.annualReports ?? []).map((r) => ({
        key: `report-${r.year}`,
        title: `${r.year} 年度报告`,
        date: r.filedOn,
        updatedAt: r.updatedAt,
        fields: [
          ['报送状态', v(r.statusLabel)],
          ['报送日期', formatDate(r.filedOn)],
          ['报送截止', formatDate(r.dueBy)],
        ],
      })),
    },
  ]);

  const licences = tab('licences', '行政许可', '各行政许可机关（双公示）', [
    {
      title: '行政许可',
      source: '双公示，由作出许可决定的机关报送',
      records: (s.administrativeLicences ?? []).map((l) => ({
        key: `licence-${l.id}`,
        title: l.documentName,
        date: l.decidedOn,
        updatedAt: l.updatedAt,
        fields: [
          ['许可文书号', l.documentNumber],
          ['许可证书', v(l.certificateName)],
          ['许可编号', v(l.licenceNumber)],
          ['许可内容', l.content],
          ['许可决定日期', formatDate(l.decidedOn)],
          ['有效期', `${formatDate(l.validFrom)} 至 ${l.isLongTerm ? '长期' : formatDate(l.validUntil)}`],
          ['许可机关', l.authorityName],
          ['数据来源单位', l.sourceName],
        ],
      })),
    },
  ]);

  const penalties = tab(
    'penalties',
    '行政处罚',
    '各行政处罚机关（双公示）、生态环境部门',
    [
      {
        title: '行政处罚',
        source: '双公示，由作出处罚决定的机关报送',
        records: (s.administrativePenalties ?? []).map((p) => ({
          key: `penalty-${p.id}`,
          title: `${p.violationType}（${p.documentNumber}）`,
          date: p.decidedOn,
          updatedAt: p.updatedAt,
          fields: [
            ['处罚决定书文号', p.documentNumber],
            ['违法行为类型', p.violationType],
            ['违法事实', p.facts],
            ['处罚依据', p.legalBasis],
            ['处罚内容', p.content],
            ['罚款金额', formatMoney(p.fineAmount, '万元')],
            ['没收违法所得、没收非法财物的金额', formatMoney(p.confiscatedAmount, '万元')],
            ['处罚决定日期', formatDate(p.decidedOn)],
            ['失信信息分级', p.tierLabel],
            ['可申请信用修复日期', formatDate(p.repairableFrom)],
            ['处罚机关', p.authorityName],
            ['数据来源单位', p.sourceName],
          ],
          negative: {
            type: 'penalty' as const,
            id: p.id,
            window: marks('ADMINISTRATIVE_PENALTY', p),
            publicityEnd: p.publicityEndsOn ?? null,
            publicityNote: '不予公示',
          },
        })),
      },
      {
        title: '环境行政处罚',
        source: '生态环境部门',
        records: (s.environmentalPenalties ?? []).map((p) => ({
          key: `env-penalty-${p.id}`,
          title: `${p.violationType}（${p.decisionNumber}）`,
          date: p.decidedOn,
          updatedAt: p.updatedAt,
          fields: [
            ['处罚决定书文号', p.decisionNumber],
            ['违法行为类型', p.violationType],
            ['违法事实', p.facts],
            ['罚款金额', formatMoney(p.fine)],
            ['处罚决定日期', formatDate(p.decidedOn)],
            ['处罚机关', p.authority],
          ],
          negative: {
            type: 'environmental-penalty' as const,
            id: p.id,
            publicityEnd: p.publicityEndsOn,
            publicityNote: '',
          },
        })),
      },
    ],
    true,
  );

  const rating = s.environmentalRating;
  const red = tab('red', '守信激励', '税务部门、生态环境部门', [
    {
      title: 'A级纳税人',
      source: '税务部门',
      empty: '当前不是A级纳税人（或评价结果未公开）。',
      records: s.aLevelTaxpayerYear
        ? [
            {
              key: 'a-level',
              title: `A级纳税人（${s.aLevelTaxpayerYear} 年度）`,
              fields: [
                ['纳税信用级别', 'A级（现行有效的评价结果）'],
                ['评价年度', `${s.aLevelTaxpayerYear} 年度`],
              ],
            },
          ]
        : [],
    },
    {
      title: '环保诚信企业',
      source: '生态环境部门',
      records:
        s.isEnvironmentalIntegrityEnterprise && rating
          ? [
              {
                key: 'env-green',
                title: `环保诚信企业（${rating.year} 年度）`,
                date: rating.evaluatedOn,
                updatedAt: rating.updatedAt,
                fields: [
                  ['评价等级', `${rating.gradeLabel}（${rating.colourLabel}）`],
                  ['评价日期', formatDate(rating.evaluatedOn)],
                  ['有效期至', formatDate(rating.validUntil)],
                  ['评价机关', rating.authority],
                ],
              },
            ]
          : [],
    },
  ]);

  const black = tab(
    'black',
    '失信惩戒',
    '人民法院、税务部门、市场监督管理部门、生态环境部门',
    [
      {
        title: '失信被执行人',
        source: '人民法院',
        records: (s.dishonestDebtorCases ?? []).map((c) => ({
          key: `debtor-${c.caseNumber}`,
          title: `失信被执行人（${c.caseNumber}）`,
          date: c.publishedOn,
          updatedAt: c.updatedAt,
          fields: [
            ['执行案号', c.caseNumber],
            ['执行法院', c.courtName],
            ['立案日期', formatDate(c.filedOn)],
            ['生效法律文书确定的义务', c.obligation],
            ['履行情况', c.performanceLabel],
            ['失信行为具体情形', c.behaviourLabels.join('；')],
            ['纳入日期', formatDate(c.decidedOn)],
            ['发布日期', formatDate(c.publishedOn)],
          ],
          negative: {
            type: 'dishonest-debtor' as const,
            id: c.caseNumber,
            publicityEnd: c.listedUntil ?? null,
            publicityNote: '履行完毕或法院决定删除前持续公示',
          },
        })),
      },
      {
        title: '重大税收违法失信主体',
        source: '税务部门',
        records: s.majorTaxViolations.map((t) => ({
          key: `tax-${t.id}`,
          title: `重大税收违法失信主体（${t.situationLabel}）`,
          date: t.publishedOn,
          updatedAt: t.updatedAt,
          fields: [
            ['案件性质', t.situationLabel],
            ['主要违法事实', t.mainFacts],
            ['相关法律依据', t.legalBasis],
            ['处理处罚情况', t.penalty],
            ['检查机关', t.inspectingAuthority],
            ['公布日期', formatDate(t.publishedOn)],
            ['缴清后可申请停止公布日期', formatDate(t.paidInFullStopFrom)],
          ],
          negative: {
            type: 'tax-violation' as const,
            id: t.id,
            window: marks('MAJOR_TAX_VIOLATION', t),
            publicityEnd: t.publicityEndsOn,
            publicityNote: '',
          },
        })),
      },
      {
        title: '严重违法失信名单',
        source: '市场监督管理部门',
        records: (s.seriousIllegalListings ?? []).map((l) => ({
          key: `serious-${l.id}`,
          title: `严重违法失信名单（${l.decisionDocument}）`,
          date: l.listedOn,
          updatedAt: l.updatedAt,
          fields: [
            ['列入决定书文号', l.decisionDocument],
            ['列入情形', l.groundLabel],
            ['列入依据', l.basis],
            ['违法事实', l.facts],
            ['列入机关', l.listingAuthority],
            ['列入日期', formatDate(l.listedOn)],
            ['可申请提前移出日期', formatDate(l.earlyRemovalFrom)],
          ],
          negative: {
            type: 'serious-illegal' as const,
            id: l.id,
            window: marks('SERIOUS_ILLEGAL', l),
            publicityEnd: l.expiresOn,
            publicityNote: '',
          },
        })),
      },
      {
        title: '环境信用黑名单',
        source: '生态环境部门',
        records:
          s.isOnEnvironmentalBlacklist && rating
            ? [
                {
                  key: 'env-black',
                  title: `企业环境信用评价：${rating.gradeLabel}（${rating.year} 年度）`,
                  date: rating.evaluatedOn,
                  updatedAt: rating.updatedAt,
                  fields: [
                    ['评价等级', `${rating.gradeLabel}（${rating.colourLabel}）`],
                    ['评价日期', formatDate(rating.evaluatedOn)],
                    ['评价机关', rating.authority],
                  ],
                  negative: {
                    type: 'environmental-penalty' as const,
                    id: `rating-${rating.year}`,
                    publicityEnd: rating.validUntil,
                    publicityNote: '',
                  },
                },
              ]
            : [],
      },
    ],
    true,
  );

  const watch = tab(
    'watch',
    '重点关注/经营异常',
    '市场监督管理部门、人民法院、生态环境部门、双公示',
    [
      {
        title: '经营异常名录',
        source: '市场监督管理部门',
        records: (s.abnormalOperations ?? []).map((a) => ({
          key: `abnormal-${a.id}`,
          title: `${a.kindLabel}：${a.reasonLabel}`,
          date: a.listedOn,
          updatedAt: a.updatedAt,
          fields: [
            ['列入原因', a.reasonLabel],
            ['列入决定书文号', v(a.listingDocument)],
            ['列入日期', formatDate(a.listedOn)],
            ['作出决定机关', a.listingAuthority],
            ['状态', a.statusLabel],
          ],
          negative: {
            type: 'abnormal-operation' as const,
            id: a.id,
            window: marks('ABNORMAL_OPERATION', a),
            publicityEnd: null,
            publicityNote: '移出经营异常名录前持续公示（纠正后可申请移出）',
          },
        })),
      },
      {
        title: '限制消费',
        source: '人民法院',
        records: (s.consumptionRestrictions ?? []).map((r) => ({
          key: `restriction-${r.id}`,
          title: `限制消费令（${r.caseNumber}）`,
          date: r.issuedOn,
          updatedAt: r.updatedAt,
          fields: [
            ['执行案号', r.caseNumber],
            ['执行法院', r.courtName],
            ['被限制人员', v(r.restrictedPerson)],
            ['发布日期', formatDate(r.issuedOn)],
          ],
          negative: {
            type: 'consumption-restriction' as const,
            id: r.id,
            publicityEnd: null,
            publicityNote: '法院解除限制消费前持续公示',
          },
        })),
      },
      {
        title: '其他重点关注',
        source: '生态环境部门、双公示',
        records: [
          ...(s.isOnEnvironmentalWatchList && rating
            ? [
                {
                  key: 'env-watch',
                  title: `环保警示企业（${rating.year} 年度）`,
                  date: rating.evaluatedOn,
                  updatedAt: rating.updatedAt,
                  fields: [
                    ['评价等级', `${rating.gradeLabel}（${rating.colourLabel}）`],
                    ['评价机关', rating.authority],
                  ] as [string, string][],
                },
              ]
            : []),
          ...(s.isHighFrequencyOffender
            ? [
                {
                  key: 'high-frequency',
                  title: '高频失信主体',
                  fields: [['认定规则', '近 3 年内作出且仍在公示期的行政处罚达 5 次及以上']] as [string, string][],
                },
              ]
            : []),
        ],
      },
    ],
    true,
  );

  // 信用承诺 (commitment subgraph): what 信用中国 shows — kind, matter, summary, department, dates, state. A broken
  // commitment is listed only while published (the subgraph filters by its publicity window).
  const commitments = s.creditCommitments ?? [];
  const checkers = [...new Set(commitments.map((c) => c.checkingDepartment.label))].join('、') || '各承诺核查部门';
  const commitment = tab(
    'commitment',
    '信用承诺',
    checkers,
    [
      {
        title: '信用承诺及履约情况',
        source: checkers,
        empty: '暂无公开的信用承诺信息。',
        records: commitments.map((c) => ({
          key: `commitment-${c.id}`,
          title: `${c.kindLabel}：${c.matter}（${c.stateLabel}）`,
          date: c.madeOn,
          updatedAt: c.updatedAt,
          fields: [
            ['承诺类型', c.kindLabel],
            ['承诺事项', c.matter],
            ['承诺内容摘要', c.summary],
            ['承诺人', v(c.signatory)],
            ['承诺日期', formatDate(c.madeOn)],
            ['履约期限', formatDate(c.termEndsOn)],
            ['履约状态', c.stateLabel],
            ['核查日期', formatDate(c.checkedOn)],
            ...(c.state === 'BROKEN' ? ([['公示截止日期', formatDate(c.publicityEndsOn)]] as [string, string][]) : []),
            ['核查部门', c.checkingDepartment.label],
          ] as [string, string][],
        })),
      },
    ],
    commitments.some((c) => c.state === 'BROKEN'),
  );

  const evaluation = tab(
    'evaluation',
    '信用评价',
    '税务部门、生态环境部门、信用信息共享平台',
    [
      {
        title: '企业环境信用评价',
        source: '生态环境部门',
        empty: '暂无现行有效的企业环境信用评价结果。',
        records: rating
          ? [
              {
                key: 'env-rating',
                title: `${rating.year} 年度企业环境信用评价`,
                date: rating.evaluatedOn,
                updatedAt: rating.updatedAt,
                fields: [
                  ['评价等级', `${rating.gradeLabel}（${rating.colourLabel}）`],
                  ['评价日期', formatDate(rating.evaluatedOn)],
                  ['有效期至', formatDate(rating.validUntil)],
                  ['评价机关', rating.authority],
                ],
              },
            ]
          : [],
      },
      {
        title: '纳税信用评价',
        source: '税务部门',
        empty: '仅公开A级纳税人名单，其他级别不对社会公开。',
        records: s.aLevelTaxpayerYear
          ? [
              {
                key: 'tax-a',
                title: `${s.aLevelTaxpayerYear} 年度纳税信用级别 A`,
                fields: [['评价结果', `A级（${s.aLevelTaxpayerYear} 年度，现行有效）`]],
              },
            ]
          : [],
      },
      {
        title: '公共信用综合评价',
        source: '信用信息共享平台',
        empty: '暂无公共信用综合评价结果。',
        records: s.creditGrade
          ? [
              {
                key: 'credit-grade',
                title: `公共信用综合评价：${s.creditGrade.gradeLabel}`,
                updatedAt: s.creditGrade.evaluatedAt,
                fields: [
                  ['评价等级', s.creditGrade.gradeLabel],
                  ['评价时间', formatDateTime(s.creditGrade.evaluatedAt)],
                ],
              },
            ]
          : [],
      },
    ],
    false,
    '公共信用综合评价仅公开评价等级；得分、监管等级和各项指标用于分级分类监管，仅向政府部门提供。',
  );

  return [basic, licences, penalties, red, black, watch, commitment, evaluation];
}
