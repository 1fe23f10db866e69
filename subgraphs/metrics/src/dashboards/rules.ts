/**
 * The built-in dashboards of the supervisors' console (docs/metrics.md, "Built-in dashboards") and how a dashboard's
 * variables (period, region, department) become each panel's query. The console (web/src/console/variables.ts) applies
 * the same rules; the bench (bench/metrics.ts) measures these panels.
 *
 * A panel's query names no period: `from`/`to` come from the dashboard's period. The region variable becomes a filter
 * on the level its code names (330000 → province, 330100 → city, 330106 → district), and a group-by `$regionChild`
 * becomes the level below it: clicking a region's bar sets the variable to it and the panel shows its children.
 */
import { metricById, type DashboardDefinition } from '../rules.ts';

type Panel = DashboardDefinition['panels'][number];
export interface BuiltInDashboard {
  id: string;
  title: string;
  definition: DashboardDefinition;
}

const grid = (x: number, y: number, w = 12, h = 8) => ({ x, y, w, h });

const p = (
  id: string,
  title: string,
  viz: Panel['viz'],
  query: Panel['query'],
  g: Panel['grid'],
  facts = false,
): Panel => ({
  id,
  title,
  viz,
  query,
  grid: g,
  ...(facts ? { facts } : {}),
});

export const BUILT_IN_DASHBOARDS: BuiltInDashboard[] = [
  {
    id: 'builtin-disclosure',
    title: '双公示质量监测',
    definition: {
      variables: {},
      panels: [
        p(
          'timeliness-rank',
          '各部门及时率排名',
          'RANKING',
          { metric: 'disclosure.timeliness', groupBy: ['department'] },
          grid(0, 0),
        ),
        p(
          'reported-trend',
          '各部门上报量（按月）',
          'STACKED_BAR',
          { metric: 'disclosure.reported', grain: 'MONTH', groupBy: ['department'] },
          grid(12, 0),
        ),
        p('timeliness-trend', '及时率趋势', 'LINE', { metric: 'disclosure.timeliness', grain: 'MONTH' }, grid(0, 8)),
        p(
          'late-by-dept',
          '迟报数（按部门）',
          'BAR',
          { metric: 'disclosure.late', groupBy: ['department'] },
          grid(12, 8),
        ),
        p('late-list', '迟报记录清单', 'TABLE', { metric: 'disclosure.late', limit: 50 }, grid(0, 16, 24, 10), true),
        p('compliance', '合规率', 'STAT', { metric: 'disclosure.complianceRate' }, grid(0, 26, 12, 4)),
        p('reporting', '上报率', 'STAT', { metric: 'disclosure.reportingRate' }, grid(12, 26, 12, 4)),
      ],
    },
  },
  {
    id: 'builtin-lists',
    title: '红黑名单监测',
    definition: {
      variables: {},
      panels: [
        p('entries-total', '名单在册数', 'STAT', { metric: 'lists.entries' }, grid(0, 0, 6, 4)),
        p('additions-total', '期间新增列入', 'STAT', { metric: 'lists.additions' }, grid(6, 0, 6, 4)),
        p('removals-total', '期间移出', 'STAT', { metric: 'lists.removals' }, grid(12, 0, 6, 4)),
        p(
          'entries-by-region',
          '在册数（按地区，可下钻）',
          'BAR',
          { metric: 'lists.entries', groupBy: ['$regionChild'] },
          grid(0, 4),
        ),
        p('entries-by-list', '在册数（按名单）', 'PIE', { metric: 'lists.entries', groupBy: ['list'] }, grid(12, 4)),
        p(
          'additions-trend',
          '新增列入趋势（按名单）',
          'STACKED_BAR',
          { metric: 'lists.additions', grain: 'MONTH', groupBy: ['list'] },
          grid(0, 12),
        ),
        p(
          'entries-by-industry',
          '在册数（按行业）',
          'RANKING',
          { metric: 'lists.entries', groupBy: ['industry'], limit: 20 },
          grid(12, 12),
        ),
        p('removals-by-cause', '移出原因', 'PIE', { metric: 'lists.removals', groupBy: ['severity'] }, grid(0, 20)),
        p('entries-list', '在册名单主体', 'TABLE', { metric: 'lists.entries', limit: 50 }, grid(12, 20), true),
      ],
    },
  },
  {
    id: 'builtin-offenders',
    title: '高频失信主体',
    definition: {
      variables: {},
      panels: [
        p('hfo-total', '高频失信主体数', 'STAT', { metric: 'lists.highFrequencyOffenders' }, grid(0, 0, 6, 4)),
        p(
          'hfo-by-region',
          '按地区（可下钻）',
          'BAR',
          { metric: 'lists.highFrequencyOffenders', groupBy: ['$regionChild'] },
          grid(0, 4),
        ),
        p(
          'hfo-by-industry',
          '按行业',
          'RANKING',
          { metric: 'lists.highFrequencyOffenders', groupBy: ['industry'], limit: 20 },
          grid(12, 4),
        ),
        p(
          'hfo-list',
          '高频失信主体清单',
          'TABLE',
          { metric: 'lists.highFrequencyOffenders', limit: 50 },
          grid(0, 12, 24, 10),
          true,
        ),
      ],
    },
  },
  {
    id: 'builtin-government',
    title: '政务诚信',
    definition: {
      variables: {},
      panels: [
        p('debtors', '政府机构失信被执行人数', 'STAT', { metric: 'government.dishonestDebtors' }, grid(0, 0, 8, 4)),
        p('ratio', '政府失信被执行人占比', 'STAT', { metric: 'government.dishonestDebtorRatio' }, grid(8, 0, 8, 4)),
        p('arrears', '拖欠中小企业账款（笔）', 'STAT', { metric: 'government.arrearsOutstanding' }, grid(16, 0, 8, 4)),
        p(
          'debtors-by-region',
          '失信机关（按地区）',
          'BAR',
          { metric: 'government.dishonestDebtors', groupBy: ['$regionChild'] },
          grid(0, 4),
        ),
        p(
          'arrears-by-region',
          '未清偿拖欠（按地区）',
          'BAR',
          { metric: 'government.arrearsOutstanding', groupBy: ['$regionChild'] },
          grid(12, 4),
        ),
        p(
          'debtor-list',
          '失信机关清单',
          'TABLE',
          { metric: 'government.dishonestDebtors', limit: 50 },
          grid(0, 12, 24, 8),
          true,
        ),
      ],
    },
  },
  {
    id: 'builtin-sanctions',
    title: '联合奖惩成效',
    definition: {
      variables: {},
      panels: [
        p('checks-total', '信用核查次数', 'STAT', { metric: 'checks.total' }, grid(0, 0, 6, 4)),
        p('interceptions', '失信拦截', 'STAT', { metric: 'checks.interceptions' }, grid(6, 0, 6, 4)),
        p('restrictions', '失信限制', 'STAT', { metric: 'checks.restrictions' }, grid(12, 0, 6, 4)),
        p('incentives', '守信激励', 'STAT', { metric: 'checks.incentives' }, grid(18, 0, 6, 4)),
        p(
          'checks-by-dept',
          '核查次数（按部门）',
          'RANKING',
          { metric: 'checks.total', groupBy: ['department'] },
          grid(0, 4),
        ),
        p('checks-by-action', '核查结果', 'PIE', { metric: 'checks.total', groupBy: ['severity'] }, grid(12, 4)),
        p(
          'interceptions-trend',
          '拦截趋势',
          'LINE',
          { metric: 'checks.interceptions', grain: 'MONTH' },
          grid(0, 12, 24, 8),
        ),
        p('unchecked', '应查未查', 'STAT', { metric: 'checks.unchecked' }, grid(0, 20, 12, 4)),
      ],
    },
  },
  {
    id: 'builtin-supervision',
    title: '分级分类监管',
    definition: {
      variables: {},
      panels: [
        p('grades', '公共信用评价等级分布', 'PIE', { metric: 'evaluation.grades', groupBy: ['severity'] }, grid(0, 0)),
        p(
          'grades-by-region',
          '等级分布（按地区）',
          'STACKED_BAR',
          { metric: 'evaluation.grades', groupBy: ['$regionChild', 'severity'] },
          grid(12, 0),
        ),
        p(
          'ratings',
          '行业信用评价等级',
          'STACKED_BAR',
          { metric: 'ratings.levels', groupBy: ['matter', 'severity'] },
          grid(0, 8),
        ),
        p(
          'grades-by-industry',
          '等级分布（按行业）',
          'TABLE',
          { metric: 'evaluation.grades', groupBy: ['industry', 'severity'], limit: 200 },
          grid(12, 8),
        ),
        p('draws', '双随机抽查', 'STAT', { metric: 'inspections.draws' }, grid(0, 16, 12, 4)),
      ],
    },
  },
  {
    id: 'builtin-collection',
    title: '数据归集',
    definition: {
      variables: {},
      panels: [
        p(
          'received-trend',
          '归集量（按月、部门）',
          'STACKED_BAR',
          { metric: 'collection.recordsReceived', grain: 'MONTH', groupBy: ['department'] },
          grid(0, 0, 24),
        ),
        p(
          'received-by-dept',
          '归集量（按部门）',
          'TABLE',
          { metric: 'collection.recordsReceived', groupBy: ['department', 'matter'] },
          grid(0, 8),
        ),
        p('quarantine', '隔离区积压', 'STAT', { metric: 'collection.quarantineBacklog' }, grid(12, 8, 12, 4)),
      ],
    },
  },
  {
    id: 'builtin-repair',
    title: '信用修复与异议',
    definition: {
      variables: {},
      panels: [
        p(
          'repairs-trend',
          '信用修复完成数（按月）',
          'LINE',
          { metric: 'repairs.completed', grain: 'MONTH' },
          grid(0, 0),
        ),
        p(
          'repairs-by-dept',
          '修复完成数（按部门）',
          'RANKING',
          { metric: 'repairs.completed', groupBy: ['department'] },
          grid(12, 0),
        ),
        p('repair-days', '修复平均办理时长（工作日）', 'STAT', { metric: 'repairs.handlingDays' }, grid(0, 8, 6, 4)),
        p(
          'objection-days',
          '异议处理平均时长（工作日）',
          'STAT',
          { metric: 'objections.handlingDays' },
          grid(6, 8, 6, 4),
        ),
        p('repair-overdue', '超期办结数', 'STAT', { metric: 'repairs.overdue' }, grid(12, 8, 6, 4)),
        p('objection-share', '异议占比', 'STAT', { metric: 'objections.share' }, grid(18, 8, 6, 4)),
        p(
          'repair-days-by-dept',
          '修复平均办理时长（按部门）',
          'RANKING',
          { metric: 'repairs.handlingDays', groupBy: ['department'] },
          grid(0, 12),
        ),
      ],
    },
  },
];

export interface Variables {
  from: string;
  to: string;
  /** A six-digit division code, or null for the whole platform. */
  region: string | null;
  department: string | null;
}

/** The level a region code names, and the level below it (the drill path). */
export function regionLevel(code: string): { level: 'province' | 'city' | 'district'; child: 'city' | 'district' } {
  if (code.endsWith('0000')) return { level: 'province', child: 'city' };
  if (code.endsWith('00')) return { level: 'city', child: 'district' };
  return { level: 'district', child: 'district' };
}

/** A panel's query with the dashboard's variables applied (only to dimensions the metric has). */
export function applyVariables(query: Panel['query'], v: Variables) {
  const metric = metricById(query.metric);
  const dims: readonly string[] = metric?.dimensions ?? [];
  const filters = [...(query.filters ?? [])];
  const region = v.region ? regionLevel(v.region) : null;
  if (v.region && region && dims.includes(region.level)) filters.push({ dimension: region.level, values: [v.region] });
  if (v.department && dims.includes('department')) filters.push({ dimension: 'department', values: [v.department] });
  const child = region?.child ?? 'city';
  return {
    ...query,
    from: v.from,
    to: v.to,
    groupBy: (query.groupBy ?? []).map((d) => (d === '$regionChild' ? child : d)),
    filters,
  };
}

/** Every fed panel of the built-in dashboards with variables applied (the bench's workload). */
export function BUILT_IN_PANELS(v: Variables) {
  return BUILT_IN_DASHBOARDS.flatMap((d) =>
    d.definition.panels
      .filter((panel) => metricById(panel.query.metric)?.stream && !panel.facts)
      .map((panel) => ({ id: `${d.id}/${panel.id}`, query: applyVariables(panel.query, v) })),
  );
}
