/**
 * The metrics layer's rules (docs/metrics.md): the fact streams fed by the departments' events, the catalogue of
 * metrics defined over them, the dimensions, and the mapping of one bus event to its facts. Pure: no database.
 *
 * A fact stream is what one kind of event contributes (one row per event, sometimes two); a catalogue metric is an
 * aggregation over one stream with fixed filters (e.g. 拦截数 = credit-check facts whose action is INTERCEPT). So the
 * fact store stays small (about one row per event) and a new metric over existing events needs no backfill.
 */
import { chineseCalendar, type WorkingCalendar } from '@credit-hub/kit/calendar';
import { badInput, DEPARTMENTS } from '@credit-hub/kit';
import { isUscc, kindFromUscc, SUBJECT_KIND_LABELS } from '@credit-hub/kit/codes';
import type { DeliveredEvent, EventType } from '@credit-hub/kit/events';
import { findRegion, industryName, regionName } from '@credit-hub/kit/reference';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------------
// Dimensions

export const DIMENSIONS = {
  province: { label: '省份', column: 'province', hierarchy: ['province', 'city', 'district'] },
  city: { label: '地市', column: 'city', hierarchy: ['province', 'city', 'district'] },
  district: { label: '区县', column: 'district', hierarchy: ['province', 'city', 'district'] },
  industry: { label: '行业', column: 'industry', hierarchy: null },
  department: { label: '部门', column: 'department', hierarchy: null },
  subjectKind: { label: '主体类型', column: 'subject_kind', hierarchy: null },
  list: { label: '名单', column: 'list', hierarchy: null },
  matter: { label: '事项/类别', column: 'matter', hierarchy: null },
  severity: { label: '结果/等级', column: 'severity', hierarchy: null },
} as const;
export type DimensionId = keyof typeof DIMENSIONS;
export const DIMENSION_IDS = Object.keys(DIMENSIONS) as DimensionId[];
export const isDimension = (id: string): id is DimensionId => Object.hasOwn(DIMENSIONS, id);

const REGION_DIMS: DimensionId[] = ['province', 'city', 'district'];
const SUBJECT_DIMS: DimensionId[] = [...REGION_DIMS, 'industry', 'subjectKind'];

// ---------------------------------------------------------------------------------------------------------------
// Streams: what the consumer writes

export const STREAMS = {
  'disclosure.accepted': { events: ['disclosure.record.accepted'] },
  'disclosure.revised': { events: ['disclosure.record.revised'] },
  'disclosure.repaired': { events: ['disclosure.record.repaired'] },
  'list.entry': { events: ['list.entry.added', 'list.entry.removed'] },
  'record.published': { events: ['record.published', 'record.publication.ended'] },
  'credit.check': { events: ['credit.check.recorded'] },
  'evaluation.grade': { events: ['evaluation.grade.changed'] },
  rating: { events: ['rating.changed'] },
  // Sources of ADR 0110 (src/sources/rules.ts `sourceFactsOf`).
  'disclosure.reporting': { events: ['disclosure.decision.received', 'disclosure.decision.declared'] },
  'disclosure.compliance': { events: ['disclosure.decision.received'] },
  'disclosure.firstReceipt': { events: ['disclosure.decision.received'] },
  'disclosure.quarantine': { events: ['disclosure.record.quarantined', 'disclosure.quarantine.resolved'] },
  'business.decision': { events: ['business.decision.reported'] },
  'measure.overdue': { events: ['credit.measure.overdue'] },
  'inspection.draw': { events: ['inspection.sample.drawn'] },
  'inspection.sampled': { events: ['inspection.sample.drawn'] },
  'report.issued': { events: ['report.issued'] },
  'push.delivery': { events: ['push.delivery.finished'] },
  // The repair window's closed cases and the departments' repair acts (src/sources.ts).
  'repair.closed': { events: ['repair.case.closed'] },
  'repair.case': { events: ['repair.case.closed'] },
  'repair.act': { events: ['list.entry.removed', 'record.publication.ended', 'rating.changed'] },
} as const satisfies Record<string, { events: readonly EventType[] }>;
export type StreamId = keyof typeof STREAMS;

/** Streams read as stocks (levels at a day): the consumer keeps their current level in metrics.stock. */
export const STOCK_STREAMS: StreamId[] = [
  'list.entry',
  'record.published',
  'evaluation.grade',
  'rating',
  'disclosure.quarantine',
];

/** Every event type the metrics consumer takes. */
export const CONSUMED_TYPES: EventType[] = [...new Set(Object.values(STREAMS).flatMap((s) => [...s.events]))];

// ---------------------------------------------------------------------------------------------------------------
// Catalogue

export type Aggregation =
  /** Number of facts in the period (sum of weight). */
  | 'COUNT'
  /** Level at the period's end: running sum of signed values from the start of time. */
  | 'STOCK'
  /** sum(value) / sum(weight) over the period. */
  | 'RATIO'
  /** Subjects with at least `min` facts in the `years` before the period's end. */
  | 'SUBJECTS_AT_LEAST'
  /** Share of a stock (at the period's end) that matches `share` (e.g. government bodies among debtors). */
  | 'STOCK_SHARE';

export type MetricUnit = 'COUNT' | 'RATIO' | 'SUBJECTS';
export type MetricAccess = 'SHARED' | 'DEPARTMENT' | 'SUPERVISOR';
export type TimeGrain = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
export const TIME_GRAINS: TimeGrain[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];

export interface MetricDefinition {
  id: string;
  label: string;
  description: string;
  unit: MetricUnit;
  /** Department whose data it is (DEPARTMENT-level metrics are readable by its officers and supervisors). */
  department: string;
  access: MetricAccess;
  /** Officers see only their own department's rows (双公示 quality: "a department sees its own"). */
  ownRowsOnly?: boolean;
  grains: TimeGrain[];
  dimensions: DimensionId[];
  /** Where the definition comes from (docs/). */
  sources: string[];
  /** null: catalogued, but its source events do not exist yet (docs/metrics.md, "Pending sources"). */
  stream: StreamId | null;
  aggregation: Aggregation;
  /** Filters every query of the metric carries (by fact column). */
  fixed?: Partial<Record<DimensionId, string[]>>;
  atLeast?: { min: number; years: number };
  /** STOCK_SHARE: the part of the stock counted in the numerator. */
  share?: Partial<Record<DimensionId, string[]>>;
  /** For pending metrics: the event that will feed it. */
  pendingOn?: string;
}

const ALL_GRAINS = TIME_GRAINS;
const m = (d: MetricDefinition) => d;

export const METRICS: MetricDefinition[] = [
  // 双公示 (docs/disclosure.md, "Quality metrics")
  m({
    id: 'disclosure.reported',
    label: '双公示上报量',
    description: '平台受理的行政许可、行政处罚双公示记录数（按受理日期）；类别为许可或处罚。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/disclosure.md#quality-metrics'],
    stream: 'disclosure.accepted',
    aggregation: 'COUNT',
  }),
  m({
    id: 'disclosure.timeliness',
    label: '双公示及时率',
    description:
      '首次受理在决定日期后第7个工作日（含）之前的记录占比；截止日落在日历未收录年份的记录为“及时性待定”，不计入分母。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/disclosure.md#quality-metrics', 'docs/rules/calendar.md'],
    stream: 'disclosure.accepted',
    aggregation: 'RATIO',
  }),
  m({
    id: 'disclosure.late',
    label: '双公示迟报数',
    description: '首次受理晚于决定日期后第7个工作日的记录数。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/disclosure.md#quality-metrics'],
    stream: 'disclosure.accepted',
    aggregation: 'COUNT',
    fixed: { severity: ['LATE'] },
  }),
  m({
    id: 'disclosure.revisions',
    label: '双公示更正数',
    description: '部门对已受理记录的更正（再次报送同一决定）次数。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/disclosure.md'],
    stream: 'disclosure.revised',
    aggregation: 'COUNT',
  }),
  m({
    id: 'disclosure.reportingRate',
    label: '双公示上报率',
    description:
      '已报决定 / 应报决定（按决定日期）。应报 = 部门申报的决定目录中的决定 ∪ 已收到的决定（含首次报送未通过校验、可识别决定的）；已报 = 至少收到一次的决定。地区为作出决定的机关所在地。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...REGION_DIMS, 'department', 'matter'],
    sources: ['docs/disclosure.md#quality-metrics'],
    stream: 'disclosure.reporting',
    aggregation: 'RATIO',
  }),
  m({
    id: 'disclosure.complianceRate',
    label: '双公示合规率',
    description: '首次报送即通过校验的决定 / 已报决定（按决定日期）；结果维度为首次报送未通过的第一条校验规则。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...REGION_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/disclosure.md#quality-metrics', 'docs/disclosure.md#validation-rules-stable-rule-codes'],
    stream: 'disclosure.compliance',
    aggregation: 'RATIO',
  }),
  m({
    id: 'disclosure.decisionTimeliness',
    label: '双公示及时率（按决定日期）',
    description:
      '首次报送（无论是否通过校验）在决定日期后第7个工作日（含）之前的决定 / 已报决定，按决定日期统计，与双公示质量统计口径一致；及时性待定的不计入分母。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...REGION_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/disclosure.md#quality-metrics', 'docs/rules/calendar.md'],
    stream: 'disclosure.firstReceipt',
    aggregation: 'RATIO',
  }),
  // 红黑名单
  m({
    id: 'lists.entries',
    label: '名单在册数',
    description: '期末仍在名单上的条目数（列入 +1、移出 −1 的累计）。名单维度区分红名单、黑名单与重点关注名单。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'list'],
    sources: ['docs/domain.md', 'docs/metrics.md#fact-streams'],
    stream: 'list.entry',
    aggregation: 'STOCK',
  }),
  m({
    id: 'lists.additions',
    label: '新增列入数',
    description: '期间内列入名单的条目数（按列入日期）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'list'],
    sources: ['docs/domain.md'],
    stream: 'list.entry',
    aggregation: 'COUNT',
    fixed: { matter: ['ADDED'] },
  }),
  m({
    id: 'lists.removals',
    label: '移出名单数',
    description: '期间内移出名单的条目数（按移出日期）；结果维度为移出原因（期满、修复、撤销等）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'list', 'severity'],
    sources: ['docs/domain.md'],
    stream: 'list.entry',
    aggregation: 'COUNT',
    fixed: { matter: ['REMOVED'] },
  }),
  m({
    id: 'lists.highFrequencyOffenders',
    label: '高频失信主体数',
    description: '期末前3年内被公示行政处罚不少于5次的主体数。',
    unit: 'SUBJECTS',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ['MONTH', 'QUARTER', 'YEAR'],
    dimensions: SUBJECT_DIMS,
    sources: ['docs/disclosure.md (high-frequency offenders)'],
    stream: 'record.published',
    aggregation: 'SUBJECTS_AT_LEAST',
    fixed: { matter: ['ADMINISTRATIVE_PENALTY', 'ENVIRONMENTAL_PENALTY'], severity: ['PUBLISHED'] },
    atLeast: { min: 5, years: 3 },
  }),
  m({
    id: 'records.published',
    label: '公示记录数',
    description: '期间内开始公示的记录数（行政处罚、行政许可、环境处罚、政府拖欠账款）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/metrics.md#fact-streams'],
    stream: 'record.published',
    aggregation: 'COUNT',
    fixed: { severity: ['PUBLISHED'] },
  }),
  // 政务诚信
  m({
    id: 'government.dishonestDebtors',
    label: '政府机构失信被执行人数',
    description:
      '期末在失信被执行人名单上的机关（统一社会信用代码登记管理部门码为机构编制、机构类别为机关）数，目标动态清零。',
    unit: 'COUNT',
    department: 'government',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: REGION_DIMS,
    sources: ['docs/domain.md (政务诚信)', 'docs/rules/'],
    stream: 'list.entry',
    aggregation: 'STOCK',
    fixed: { list: ['DISHONEST_DEBTOR'], subjectKind: ['GOVERNMENT_BODY'] },
  }),
  m({
    id: 'government.dishonestDebtorRatio',
    label: '政府失信被执行人占比',
    description: '失信被执行人中机关所占比例（期末在册）。',
    unit: 'RATIO',
    department: 'government',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: REGION_DIMS,
    sources: ['docs/domain.md (政务诚信)', '城市信用状况监测预警指标（2020年版）政务诚信'],
    stream: 'list.entry',
    aggregation: 'STOCK_SHARE',
    fixed: { list: ['DISHONEST_DEBTOR'] },
    share: { subjectKind: ['GOVERNMENT_BODY'] },
  }),
  m({
    id: 'government.arrearsOutstanding',
    label: '拖欠中小企业账款（未清偿笔数）',
    description: '期末仍在公示中的政府机构拖欠中小企业账款记录笔数（清欠）；金额待事件携带金额后提供。',
    unit: 'COUNT',
    department: 'government',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: REGION_DIMS,
    sources: ['docs/domain.md (清欠)'],
    stream: 'record.published',
    aggregation: 'STOCK',
    fixed: { matter: ['GOVERNMENT_ARREARS'] },
  }),
  // 联合奖惩
  m({
    id: 'checks.total',
    label: '信用核查次数',
    description: '各部门办理事项时的信用核查次数；结果维度为建议措施（拦截、限制、提醒、激励、无）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/credit-checks.md'],
    stream: 'credit.check',
    aggregation: 'COUNT',
  }),
  m({
    id: 'checks.interceptions',
    label: '失信拦截数',
    description: '核查结果为拦截（不予办理）的次数。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/credit-checks.md'],
    stream: 'credit.check',
    aggregation: 'COUNT',
    fixed: { severity: ['INTERCEPT'] },
  }),
  m({
    id: 'checks.restrictions',
    label: '失信限制数',
    description: '核查结果为限制（从严审核、限制参与等）的次数。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/credit-checks.md'],
    stream: 'credit.check',
    aggregation: 'COUNT',
    fixed: { severity: ['RESTRICT'] },
  }),
  m({
    id: 'checks.incentives',
    label: '守信激励数',
    description: '核查结果为激励（容缺受理、绿色通道等）的次数。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SHARED',
    ownRowsOnly: true,
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/credit-checks.md'],
    stream: 'credit.check',
    aggregation: 'COUNT',
    fixed: { severity: ['FAVOUR'] },
  }),
  m({
    id: 'checks.unchecked',
    label: '应查未查数',
    description:
      '部门报送的业务决定中，决定日期前30日内（含当日）该部门未就该事项核查该主体的件数（按决定日期，报送时判定）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/credit-checks.md#supervision-supervisor-only'],
    stream: 'business.decision',
    aggregation: 'COUNT',
    fixed: { severity: ['UNCHECKED'] },
  }),
  m({
    id: 'checks.uncheckedRate',
    label: '应查未查率',
    description: '应查未查的业务决定 / 部门报送的业务决定（按决定日期）。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/credit-checks.md#supervision-supervisor-only'],
    stream: 'business.decision',
    aggregation: 'RATIO',
  }),
  m({
    id: 'checks.unpunished',
    label: '应惩未惩数',
    description:
      '核查返回的拦截、限制、提醒措施中，核查日后第5个工作日截止仍未反馈的措施数（按逾期日，即截止后第一个工作日）；结果维度为措施类别。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/credit-checks.md#supervision-supervisor-only', 'docs/rules/calendar.md'],
    stream: 'measure.overdue',
    aggregation: 'COUNT',
  }),
  // 分级分类监管
  m({
    id: 'evaluation.grades',
    label: '公共信用评价等级分布',
    description: '期末各评价等级（结果维度）的主体数；事项维度为评价模型。',
    unit: 'SUBJECTS',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'matter', 'severity'],
    sources: ['docs/evaluation.md'],
    stream: 'evaluation.grade',
    aggregation: 'STOCK',
  }),
  m({
    id: 'ratings.levels',
    label: '行业信用评价等级分布',
    description: '期末纳税信用级别、企业环境信用评价等级（事项维度为评价体系，结果维度为等级）的主体数。',
    unit: 'SUBJECTS',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/domain.md'],
    stream: 'rating',
    aggregation: 'STOCK',
  }),
  m({
    id: 'inspections.draws',
    label: '双随机抽查次数',
    description: '监管人员发起的双随机、一公开抽取次数（按抽取日期）；地区为抽取范围。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...REGION_DIMS, 'industry', 'department', 'matter'],
    sources: ['docs/evaluation.md#双随机-draws'],
    stream: 'inspection.draw',
    aggregation: 'COUNT',
  }),
  m({
    id: 'inspections.sampleRate',
    label: '双随机抽查比例',
    description: '抽中主体数 / 抽取范围内已评价主体数；结果维度为监管等级（分级分类监管的差异化抽查比例）。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...REGION_DIMS, 'industry', 'department', 'matter', 'severity'],
    sources: ['docs/evaluation.md#双随机-draws'],
    stream: 'inspection.sampled',
    aggregation: 'RATIO',
  }),
  // 信用修复、异议、报告、推送、归集
  m({
    id: 'repairs.completed',
    label: '信用修复完成数',
    description:
      '认定部门完成的信用修复行为数（按修复日期）：行政处罚、信用承诺未践诺终止公示，重大税收违法失信主体、经营异常名录、严重违法失信名单等移出名单，以及环境信用黑名单评价结果修复（原因均为信用修复）；事项维度为记录类别。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/rules/repair.md', 'docs/metrics.md#fact-streams'],
    stream: 'repair.act',
    aggregation: 'COUNT',
  }),
  m({
    id: 'repairs.handlingDays',
    label: '信用修复平均办理时长',
    description:
      '信用修复申请从提交到认定部门作出决定（准予、不予修复或不予受理）的平均工作日数（按办结日期；补正期间不计；日历未收录年份的不计入）；事项维度为记录类别，结果维度为办理结果。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/rules/repair.md', 'docs/rules/calendar.md', 'docs/metrics.md#fact-streams'],
    stream: 'repair.closed',
    aggregation: 'RATIO',
    fixed: { list: ['REPAIR'] },
  }),
  m({
    id: 'objections.handlingDays',
    label: '异议处理平均时长',
    description:
      '异议申请从提交到提供部门办结（更正、维持或不予受理）的平均工作日数（按办结日期；补正期间不计；日历未收录年份的不计入）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/rules/repair.md', 'docs/rules/calendar.md', 'docs/metrics.md#fact-streams'],
    stream: 'repair.closed',
    aggregation: 'RATIO',
    fixed: { list: ['OBJECTION'] },
  }),
  m({
    id: 'repairs.overdue',
    label: '修复与异议超期办结数',
    description: '在所处办理环节的截止日之后才作出决定的信用修复申请与异议件数（按办结日期）；名单维度区分修复与异议。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'list', 'matter'],
    sources: ['docs/rules/repair.md', 'docs/metrics.md#fact-streams'],
    stream: 'repair.case',
    aggregation: 'COUNT',
    fixed: { severity: ['OVERDUE'] },
  }),
  m({
    id: 'objections.share',
    label: '异议占比',
    description: '办结的异议件数 / 办结的信用修复申请与异议件数（按办结日期）。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'department', 'matter'],
    sources: ['docs/rules/repair.md', 'docs/metrics.md#fact-streams'],
    stream: 'repair.case',
    aggregation: 'RATIO',
  }),
  m({
    id: 'reports.issued',
    label: '信用报告出具数',
    description: '出具的信用报告数（按出具日期）；事项维度为用途（招投标、评优、上市、融资等），结果维度为报告类型。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...SUBJECT_DIMS, 'matter', 'severity'],
    sources: ['docs/reports.md'],
    stream: 'report.issued',
    aggregation: 'COUNT',
  }),
  m({
    id: 'push.deliveries',
    label: '推送投递数',
    description:
      '向订阅方推送并已结束的投递数（按结束日期）；部门为订阅方部门，事项为事件类型，结果为送达、放弃或订阅失效。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: ['department', 'matter', 'severity'],
    sources: ['docs/push.md'],
    stream: 'push.delivery',
    aggregation: 'COUNT',
  }),
  m({
    id: 'push.syncTimeliness',
    label: '同步及时率',
    description: '在事件发生后同步时限内送达的投递 / 已结束的投递（放弃和失效的计为不及时）。',
    unit: 'RATIO',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: ['department', 'matter'],
    sources: ['docs/push.md'],
    stream: 'push.delivery',
    aggregation: 'RATIO',
  }),
  m({
    id: 'collection.recordsReceived',
    label: '数据归集量',
    description: '各部门报送并被平台受理的双公示记录数（归集量，按受理日期）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: ['department', 'matter'],
    sources: ['docs/disclosure.md'],
    stream: 'disclosure.accepted',
    aggregation: 'COUNT',
  }),
  m({
    id: 'collection.quarantineBacklog',
    label: '隔离区积压数',
    description: '期末仍在隔离区、等待部门更正的报送记录数（进入隔离区 +1，更正或被后续报送替代 −1）。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...REGION_DIMS, 'department', 'matter'],
    sources: ['docs/disclosure.md#ingest'],
    stream: 'disclosure.quarantine',
    aggregation: 'STOCK',
  }),
  m({
    id: 'collection.quarantined',
    label: '进入隔离区记录数',
    description: '期间内未通过校验进入隔离区的报送记录数（按接收日期）；结果维度为第一条未通过的校验规则。',
    unit: 'COUNT',
    department: 'platform',
    access: 'SUPERVISOR',
    grains: ALL_GRAINS,
    dimensions: [...REGION_DIMS, 'department', 'matter', 'severity'],
    sources: ['docs/disclosure.md#validation-rules-stable-rule-codes'],
    stream: 'disclosure.quarantine',
    aggregation: 'COUNT',
    fixed: { list: ['QUARANTINED'] },
  }),
];

export const metricById = (id: string) => METRICS.find((d) => d.id === id);

// ---------------------------------------------------------------------------------------------------------------
// Events → facts

export interface SubjectDims {
  district: string;
  industry: string;
  kind: string;
}

export interface FactRow {
  stream: StreamId;
  seq: number;
  day: string;
  subjectCode: string | null;
  district: string;
  city: string;
  province: string;
  industry: string;
  department: string;
  subjectKind: string;
  list: string;
  matter: string;
  severity: string;
  value: number;
  weight: number;
}

export const UNKNOWN_REGION = '000000';

/** Province, city and district of a six-digit division code (unknown divisions stay unknown at every level). */
export function regionLevels(code: string | null): { district: string; city: string; province: string } {
  if (!code || !/^\d{6}$/.test(code) || code === UNKNOWN_REGION)
    return { district: UNKNOWN_REGION, city: UNKNOWN_REGION, province: UNKNOWN_REGION };
  const province = `${code.slice(0, 2)}0000`;
  const city = code.slice(2, 4) === '00' ? UNKNOWN_REGION : `${code.slice(0, 4)}00`;
  const district = code.slice(4) === '00' ? UNKNOWN_REGION : code;
  return { district, city, province };
}

/**
 * What the fact store knows of a subject without asking anyone: a USCC carries the registering authority's division
 * (positions 3–8) and the kind (positions 1–2, GB 32100-2015); the subject directory (backfill) adds the industry and
 * the registered division. A person key carries neither.
 */
export function dimsOfCode(code: string | null, known: SubjectDims | undefined): SubjectDims {
  if (known) return known;
  if (!code || !isUscc(code)) return { district: UNKNOWN_REGION, industry: '-', kind: code ? 'NATURAL_PERSON' : '-' };
  const division = code.slice(2, 8);
  return { district: findRegion(division) ? division : UNKNOWN_REGION, industry: '-', kind: kindFromUscc(code) };
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
export const chinaDay = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** 双公示 timeliness of a first receipt: the 7th working day after the decision (docs/disclosure.md). */
export function timelinessOf(
  decidedOn: string,
  receivedOn: string,
  calendar: WorkingCalendar = chineseCalendar,
): 'TIMELY' | 'LATE' | 'UNDETERMINED' {
  let deadline: string;
  try {
    deadline = iso(calendar.addWorkingDays(new Date(`${decidedOn}T00:00:00Z`), DISCLOSURE_DEADLINE_WORKING_DAYS));
  } catch {
    // The deadline lies in a year whose holiday notice the calendar lacks: never guessed.
    return receivedOn <= `${calendar.lastYear}-12-31` ? 'TIMELY' : 'UNDETERMINED';
  }
  return receivedOn <= deadline ? 'TIMELY' : 'LATE';
}
export const DISCLOSURE_DEADLINE_WORKING_DAYS = 7;

type Payload = Record<string, unknown>;
const str = (p: Payload, key: string): string => {
  const v = p[key];
  return typeof v === 'string' ? v : v === null || v === undefined ? '-' : String(v);
};

/**
 * The facts of the sources of ADR 0110 and of the departments' repair acts (sources/rules.ts `SOURCE_FACTS`): handed
 * in by the caller rather than imported, since that module takes its row types from this one.
 */
export interface SourceFacts {
  sourceFactsOf(
    event: DeliveredEvent,
    base: Omit<FactRow, 'stream' | 'day'>,
    received: string,
    helpers: {
      regionLevels(code: string | null): { district: string; city: string; province: string };
      timelinessOf(decidedOn: string, receivedOn: string): 'TIMELY' | 'LATE' | 'UNDETERMINED';
    },
  ): FactRow[];
  repairActFacts(event: DeliveredEvent, base: Omit<FactRow, 'stream' | 'day'>, received: string): FactRow[];
}

/** The facts one event contributes (empty for a type the store does not take). */
export function factsOf(event: DeliveredEvent, known: SubjectDims | undefined, sources: SourceFacts): FactRow[] {
  const p = (event.payload ?? {}) as Payload;
  const subject = event.subjectCode ?? event.personKey;
  const dims = dimsOfCode(subject, known);
  const base = {
    seq: 0,
    subjectCode: subject,
    ...regionLevels(dims.district),
    industry: dims.industry,
    department: event.department,
    subjectKind: dims.kind,
    list: '-',
    matter: '-',
    severity: '-',
    value: 1,
    weight: 1,
  };
  const received = chinaDay(event.occurredAt);
  switch (event.type) {
    case 'disclosure.record.accepted': {
      const t = timelinessOf(str(p, 'decidedOn'), received);
      return [
        {
          ...base,
          stream: 'disclosure.accepted',
          day: received,
          matter: str(p, 'kind'),
          severity: t,
          value: t === 'TIMELY' ? 1 : 0,
          // Undetermined receipts are neither timely nor late: out of the rate's denominator, still counted.
          weight: t === 'UNDETERMINED' ? 0 : 1,
        },
      ];
    }
    case 'disclosure.record.revised':
      return [{ ...base, stream: 'disclosure.revised', day: received, matter: str(p, 'kind') }];
    case 'disclosure.record.repaired':
      return [{ ...base, stream: 'disclosure.repaired', day: str(p, 'repairedOn'), matter: str(p, 'kind') }];
    case 'list.entry.added':
      return [{ ...base, stream: 'list.entry', day: str(p, 'listedOn'), list: str(p, 'list'), matter: 'ADDED' }];
    case 'list.entry.removed':
      return [
        {
          ...base,
          stream: 'list.entry',
          day: str(p, 'removedOn'),
          list: str(p, 'list'),
          matter: 'REMOVED',
          severity: str(p, 'cause'),
          value: -1,
        },
        ...sources.repairActFacts(event, base, received),
      ];
    case 'record.published':
      return [
        {
          ...base,
          stream: 'record.published',
          day: str(p, 'publishedOn'),
          matter: str(p, 'record'),
          severity: 'PUBLISHED',
        },
      ];
    case 'record.publication.ended':
      return [
        {
          ...base,
          stream: 'record.published',
          day: str(p, 'endedOn'),
          matter: str(p, 'record'),
          severity: 'ENDED',
          value: -1,
        },
        ...sources.repairActFacts(event, base, received),
      ];
    case 'credit.check.recorded': {
      const lists = Array.isArray(p.lists) ? p.lists.map(String) : [];
      return [
        {
          ...base,
          stream: 'credit.check',
          day: received,
          department: str(p, 'checkingDepartment'),
          matter: str(p, 'matter').slice(0, 64),
          severity: str(p, 'action'),
          list: lists[0] ?? '-',
        },
      ];
    }
    case 'evaluation.grade.changed':
    case 'rating.changed': {
      const stream: StreamId = event.type === 'rating.changed' ? 'rating' : 'evaluation.grade';
      const matter = event.type === 'rating.changed' ? str(p, 'scheme') : str(p, 'modelCode');
      const now = event.type === 'rating.changed' ? str(p, 'level') : str(p, 'grade');
      const before = p[event.type === 'rating.changed' ? 'previousLevel' : 'previousGrade'];
      const facts: FactRow[] = [{ ...base, stream, day: received, matter, severity: now }];
      if (typeof before === 'string')
        facts.push({ ...base, stream, seq: 1, day: received, matter, severity: before, value: -1 });
      return [...facts, ...sources.repairActFacts(event, base, received)];
    }
    default:
      return sources.sourceFactsOf(event, base, received, { regionLevels, timelinessOf: (d, r) => timelinessOf(d, r) });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Query validation

export interface MetricQueryInput {
  metric: string;
  from: string;
  to: string;
  grain?: TimeGrain | null;
  groupBy?: string[] | null;
  filters?: { dimension: string; values: string[] }[] | null;
  orderBy?: { field: string; descending?: boolean | null } | null;
  limit?: number | null;
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

/** Start of the grain's bucket a day falls in (weeks start on Monday). */
export function bucketStart(day: string, grain: TimeGrain): string {
  const d = new Date(`${day}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  switch (grain) {
    case 'DAY':
      return day;
    case 'WEEK': {
      const dow = (d.getUTCDay() + 6) % 7;
      return iso(new Date(d.getTime() - dow * 86_400_000));
    }
    case 'MONTH':
      return iso(new Date(Date.UTC(y, mo, 1)));
    case 'QUARTER':
      return iso(new Date(Date.UTC(y, mo - (mo % 3), 1)));
    case 'YEAR':
      return iso(new Date(Date.UTC(y, 0, 1)));
  }
}

export const SQL_TRUNC: Record<TimeGrain, string> = {
  DAY: 'day',
  WEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
  YEAR: 'year',
};

/** The label of a dimension value for the console (regions and kinds in Chinese; codes otherwise). */
export const VALUE_LABELS: Record<string, string> = {
  ADDED: '列入',
  REPORTED: '已报',
  DECLARED: '申报未报',
  COMPLIANT: '合规',
  CHECKED: '已核查',
  UNCHECKED: '未核查',
  REMIND: '提醒',
  QUARANTINED: '进入隔离区',
  RESOLVED: '移出隔离区',
  RESUBMITTED: '已更正',
  DELIVERED: '送达',
  DEAD: '放弃',
  GONE: '订阅失效',
  PUBLIC_INFORMATION: '公共信用信息报告',
  SPECIAL_NO_VIOLATION: '专项信用报告（无违法违规记录）',
  REMOVED: '移出',
  PUBLISHED: '公示',
  ENDED: '公示结束',
  TIMELY: '及时',
  LATE: '迟报',
  UNDETERMINED: '及时性待定',
  PENALTY: '行政处罚',
  LICENCE: '行政许可',
  ADMINISTRATIVE_PENALTY: '行政处罚',
  ADMINISTRATIVE_LICENCE: '行政许可',
  ENVIRONMENTAL_PENALTY: '环境行政处罚',
  GOVERNMENT_ARREARS: '拖欠中小企业账款',
  INTERCEPT: '拦截',
  RESTRICT: '限制',
  WARN: '提醒',
  FAVOUR: '激励',
  NONE: '无',
  DISHONEST_DEBTOR: '失信被执行人',
  CONSUMPTION_RESTRICTED: '限制消费',
  MAJOR_TAX_VIOLATOR: '重大税收违法失信主体',
  SERIOUS_ILLEGAL: '严重违法失信名单',
  ENVIRONMENTAL_BLACKLIST: '环境失信黑名单',
  ENVIRONMENTAL_WATCH: '环境重点关注名单',
  ABNORMAL_OPERATION: '经营异常名录',
  HIGH_FREQUENCY_OFFENDER: '高频失信主体',
  A_LEVEL_TAXPAYER: 'A级纳税人',
  ENVIRONMENTAL_INTEGRITY: '环保诚信企业',
  TERM_ENDED: '期满',
  REPAIRED: '信用修复',
  REPAIR: '信用修复',
  OBJECTION: '异议',
  APPROVED: '准予修复',
  DENIED: '不予修复',
  NOT_ACCEPTED: '不予受理',
  CORRECTED: '已更正',
  UPHELD: '维持',
  OVERDUE: '超期',
  ON_TIME: '按期',
  MAJOR_TAX_VIOLATION: '重大税收违法失信主体',
  COMMITMENT_BREACH: '信用承诺未践诺',
  WITHDRAWN: '撤销',
  PERFORMED: '履行完毕',
  SUPERSEDED: '被替代',
  TAX_CREDIT: '纳税信用',
  ENVIRONMENTAL: '环境信用',
  '000000': '未知地区',
  '-': '未知',
};

// ---------------------------------------------------------------------------------------------------------------
// Labels

/** The Chinese label of one value of a dimension. */
export function valueLabel(dim: DimensionId, value: string): string {
  if (dim === 'province' || dim === 'city' || dim === 'district')
    return value === UNKNOWN_REGION ? '未知地区' : (regionName(value) ?? value);
  if (dim === 'industry') return industryName(value) ?? VALUE_LABELS[value] ?? value;
  if (dim === 'department') return (DEPARTMENTS as Record<string, string>)[value] ?? value;
  if (dim === 'subjectKind')
    return (SUBJECT_KIND_LABELS as Record<string, string>)[value] ?? VALUE_LABELS[value] ?? value;
  return VALUE_LABELS[value] ?? value;
}

// ---------------------------------------------------------------------------------------------------------------
// Dashboards

const gridPos = z.strictObject({
  x: z.number().int().min(0).max(23),
  y: z.number().int().min(0).max(1000),
  w: z.number().int().min(1).max(24),
  h: z.number().int().min(1).max(40),
});
export const VIZ = ['LINE', 'BAR', 'STACKED_BAR', 'PIE', 'TABLE', 'STAT', 'RANKING'] as const;
const panel = z.strictObject({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(100),
  viz: z.enum(VIZ),
  /** A MetricQuery whose from/to/filters may be "$period" / "$region" / "$department" (the dashboard's variables). */
  query: z.strictObject({
    metric: z.string().max(64),
    grain: z.enum(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']).nullable().optional(),
    /** Dimension ids, or `$regionChild`: the level below the region variable (drill-down). */
    groupBy: z.array(z.string().max(32)).max(3).optional(),
    filters: z
      .array(z.strictObject({ dimension: z.string().max(32), values: z.array(z.string().max(64)).max(200) }))
      .max(10)
      .optional(),
    orderBy: z.strictObject({ field: z.string().max(32), descending: z.boolean().optional() }).optional(),
    limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  }),
  grid: gridPos,
  /** Show the facts behind the number (metricFacts: the list, each row linking to its subject) instead of the frame. */
  facts: z.boolean().optional(),
});
export const dashboardDefinition = z.strictObject({
  variables: z
    .strictObject({
      from: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      to: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      region: z
        .string()
        .regex(/^\d{6}$/)
        .nullable()
        .optional(),
      department: z.string().max(32).nullable().optional(),
    })
    .default({}),
  panels: z.array(panel).max(40),
});
export type DashboardDefinition = z.infer<typeof dashboardDefinition>;
export const MAX_DEFINITION_BYTES = 200_000;

// ---------------------------------------------------------------------------------------------------------------
// The query shape

export interface ValidQuery {
  metric: MetricDefinition;
  from: string;
  to: string;
  grain: TimeGrain | null;
  groupBy: DimensionId[];
  filters: Partial<Record<DimensionId, string[]>>;
  order: { field: string; descending: boolean };
  limit: number;
}

const MAX_YEARS = 10;

/**
 * Checks a panel's query against the catalogue; every refusal names the input field and the rule. `scopeTo` is an
 * officer's department for metrics whose rows are their own department's only (it replaces any department filter).
 */
export function validateQuery(input: MetricQueryInput, scopeTo: string | null): ValidQuery {
  const metric = metricById(input.metric);
  if (!metric)
    throw badInput(
      'query.metric',
      'UNKNOWN_METRIC',
      `query.metric: no metric ${JSON.stringify(input.metric)} in the catalogue`,
    );
  if (!metric.stream)
    throw badInput(
      'query.metric',
      'PENDING_SOURCE',
      `query.metric: ${metric.id} (${metric.label}) is catalogued but not fed yet: it waits for ${metric.pendingOn ?? 'its source events'}`,
    );
  const from = input.from;
  const to = input.to;
  if (from > to) throw badInput('query.from', 'RANGE', 'query.from must be on or before query.to');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_YEARS)
    throw badInput('query.to', 'RANGE', `query.to may be at most ${MAX_YEARS} years after query.from`);
  const grain = input.grain ?? null;
  if (grain && !metric.grains.includes(grain))
    throw badInput(
      'query.grain',
      'GRAIN_NOT_SUPPORTED',
      `query.grain: ${metric.id} supports ${metric.grains.join(', ') || 'no grain'}, not ${grain}`,
    );
  if (grain && metric.aggregation === 'SUBJECTS_AT_LEAST')
    throw badInput(
      'query.grain',
      'GRAIN_NOT_SUPPORTED',
      `query.grain: ${metric.id} is a count at the period's end; omit the grain`,
    );
  const groupBy = input.groupBy ?? [];
  if (groupBy.length > 3) throw badInput('query.groupBy', 'TOO_MANY', 'query.groupBy takes at most 3 dimensions');
  for (const d of groupBy)
    if (!isDimension(d) || !metric.dimensions.includes(d))
      throw badInput(
        'query.groupBy',
        'DIMENSION_NOT_SUPPORTED',
        `query.groupBy: ${metric.id} cannot be grouped by ${JSON.stringify(d)} (it has ${metric.dimensions.join(', ')})`,
      );
  if (new Set(groupBy).size !== groupBy.length)
    throw badInput('query.groupBy', 'DUPLICATE', 'query.groupBy names a dimension twice');
  const filters: Partial<Record<DimensionId, string[]>> = {};
  for (const f of input.filters ?? []) {
    if (!isDimension(f.dimension) || !metric.dimensions.includes(f.dimension))
      throw badInput(
        'query.filters.dimension',
        'DIMENSION_NOT_SUPPORTED',
        `query.filters: ${metric.id} cannot be filtered by ${JSON.stringify(f.dimension)}`,
      );
    if (f.values.length < 1 || f.values.length > 200)
      throw badInput('query.filters.values', 'RANGE', 'query.filters.values takes 1–200 values');
    filters[f.dimension] = f.values;
  }
  if (scopeTo && metric.ownRowsOnly) {
    // An officer sees their own department's rows, whatever department the query names.
    filters.department = [scopeTo];
  }
  const field = input.orderBy?.field ?? (grain ? 'period' : 'value');
  if (field !== 'value' && field !== 'period' && !groupBy.includes(field))
    throw badInput(
      'query.orderBy.field',
      'UNKNOWN_FIELD',
      `query.orderBy.field must be value, period or a group-by dimension, got ${JSON.stringify(field)}`,
    );
  if (field === 'period' && !grain)
    throw badInput('query.orderBy.field', 'UNKNOWN_FIELD', 'query.orderBy.field period needs a grain');
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw badInput('query.limit', 'RANGE', `query.limit must be 1–${MAX_LIMIT}`);
  const descending = input.orderBy ? Boolean(input.orderBy.descending) : field === 'value';
  return {
    metric,
    from,
    to,
    grain,
    groupBy: groupBy.filter(isDimension),
    filters,
    order: { field, descending },
    limit,
  };
}
