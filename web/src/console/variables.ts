/**
 * Dashboard variables (period, region, department) and how they reach each panel's query — the same rules as the
 * metrics subgraph's built-in dashboards (subgraphs/metrics/src/dashboards/rules.ts): the region becomes a filter on
 * the level its code names, `$regionChild` the level below it (drill-down), the department a filter where the metric
 * has that dimension. The variables live in the URL, so a dashboard link carries its state.
 */
import type { LocationQuery } from 'vue-router';

export interface Variables {
  from: string;
  to: string;
  region: string;
  department: string;
}

export interface PanelQuery {
  metric: string;
  grain?: string | null;
  groupBy?: string[];
  filters?: { dimension: string; values: string[] }[];
  orderBy?: { field: string; descending?: boolean };
  limit?: number;
}

export interface Panel {
  id: string;
  title: string;
  viz: 'LINE' | 'BAR' | 'STACKED_BAR' | 'PIE' | 'TABLE' | 'STAT' | 'RANKING';
  query: PanelQuery;
  grid: { x: number; y: number; w: number; h: number };
  facts?: boolean;
}

export interface Definition {
  variables: Partial<Variables>;
  panels: Panel[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Default period: the last twelve full months and the current one. */
// The browser's own date, only to prefill the period picker (the URL and the server's data decide the rest).
// eslint-disable-next-line no-restricted-syntax
export function defaultVariables(today = new Date()): Variables {
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), 1));
  return { from: iso(from), to: iso(today), region: '', department: '' };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export function variablesFromUrl(query: LocationQuery, fallback: Variables): Variables {
  const one = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : '');
  return {
    from: DAY.test(one('from')) ? one('from') : fallback.from,
    to: DAY.test(one('to')) ? one('to') : fallback.to,
    region: /^\d{6}$/.test(one('region')) ? one('region') : fallback.region,
    department: /^[a-z]{2,32}$/.test(one('department')) ? one('department') : fallback.department,
  };
}

export function regionLevel(code: string): { level: 'province' | 'city' | 'district'; child: 'city' | 'district' } {
  if (code.endsWith('0000')) return { level: 'province', child: 'city' };
  if (code.endsWith('00')) return { level: 'city', child: 'district' };
  return { level: 'district', child: 'district' };
}

/** The MetricQuery a panel runs under the variables (`dimensions`: the metric's, from the catalogue). */
export function applyVariables(query: PanelQuery, v: Variables, dimensions: readonly string[]) {
  const filters = [...(query.filters ?? [])];
  const region = v.region ? regionLevel(v.region) : null;
  if (region && dimensions.includes(region.level)) filters.push({ dimension: region.level, values: [v.region] });
  if (v.department && dimensions.includes('department'))
    filters.push({ dimension: 'department', values: [v.department] });
  return {
    metric: query.metric,
    from: v.from,
    to: v.to,
    grain: (query.grain ?? null) as never,
    groupBy: (query.groupBy ?? []).map((d) => (d === '$regionChild' ? (region?.child ?? 'city') : d)),
    filters,
    orderBy: query.orderBy ?? null,
    limit: query.limit ?? null,
  };
}

export const VIZ_LABELS: Record<Panel['viz'], string> = {
  LINE: '折线图',
  BAR: '柱状图',
  STACKED_BAR: '堆叠柱状图',
  PIE: '饼图',
  TABLE: '表格',
  STAT: '单值',
  RANKING: '排名',
};
