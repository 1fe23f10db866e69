/**
 * Apache ECharts, tree-shaken: only the bar, line and pie charts, the components they use and the canvas renderer.
 * Imported by the console's panel component only, so the public pages never load it (their JS budget is unchanged;
 * docs/web.md). No map series is registered: the console shows bars and tables, never a map of China.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Panel } from './variables.ts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
export { echarts };

export interface FrameRow {
  period?: string | null;
  keys: string[];
  labels: string[];
  value?: number | null;
}

const show = (v: number | null | undefined, ratio: boolean) =>
  v === null || v === undefined ? null : ratio ? Math.round(v * 1000) / 10 : v;

/**
 * The chart option of a frame. Rows have the period (with a grain) and up to three keys: the first key is the
 * category (or the series of a time chart), the second the series of a stacked chart.
 */
export function chartOption(viz: Panel['viz'], rows: FrameRow[], ratio: boolean, dark: boolean) {
  const text = dark ? '#e5e7eb' : '#1f2937';
  const base = { textStyle: { color: text }, tooltip: { trigger: viz === 'PIE' ? 'item' : 'axis' }, animation: false };
  const timed = rows.some((r) => r.period);
  if (viz === 'PIE') {
    return {
      ...base,
      legend: { bottom: 0, textStyle: { color: text } },
      series: [
        {
          type: 'pie',
          radius: '60%',
          data: rows.map((r) => ({ name: r.labels.join(' / ') || '合计', value: show(r.value, ratio) })),
        },
      ],
    };
  }
  const categories = timed
    ? [...new Set(rows.map((r) => r.period ?? ''))].sort()
    : [...new Set(rows.map((r) => r.labels[0] ?? '合计'))];
  const seriesKey = (r: FrameRow) => (timed ? (r.labels[0] ?? '合计') : (r.labels[1] ?? '合计'));
  const seriesNames = [...new Set(rows.map(seriesKey))];
  const type = viz === 'LINE' ? 'line' : 'bar';
  const horizontal = viz === 'RANKING';
  const series = seriesNames.map((name) => ({
    name,
    type,
    stack: viz === 'STACKED_BAR' ? 'total' : undefined,
    data: categories.map((c) => {
      const row = rows.find((r) => seriesKey(r) === name && (timed ? r.period === c : (r.labels[0] ?? '合计') === c));
      return show(row?.value, ratio);
    }),
  }));
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisLabel: { color: text, interval: 0, rotate: horizontal ? 0 : 30 },
  };
  const valueAxis = { type: 'value', axisLabel: { color: text, formatter: ratio ? '{value}%' : '{value}' } };
  return {
    ...base,
    legend: seriesNames.length > 1 ? { top: 0, textStyle: { color: text } } : undefined,
    grid: { left: horizontal ? 120 : 48, right: 24, top: seriesNames.length > 1 ? 32 : 16, bottom: 56 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true, axisLabel: { color: text } } : valueAxis,
    series,
  };
}
