import { canRead, clock, forbidden, isUuid } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import { BUILT_IN_DASHBOARDS } from '../dashboards/rules.ts';
import { alertFirings, frameOf, readFacts, visibleDashboards, type DashboardRow } from '../reads.ts';
import { DIMENSION_IDS, METRICS, validateQuery, type MetricDefinition, type MetricQueryInput } from '../rules.ts';

/**
 * A metric read needs the metric's own level (the level of the fields behind it) on top of the field's SHARED, and is
 * written to the audit trail naming the metric, as a read of those fields would be.
 */
function readMetric(
  ctx: Context,
  input: Omit<MetricQueryInput, 'from' | 'to'> & { from: Date | string; to: Date | string },
  field: string,
) {
  const dateOf = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
  const officer = ctx.identity.role === 'OFFICER' || ctx.identity.role === 'SYSTEM' ? ctx.identity.department : null;
  const q = validateQuery({ ...input, from: dateOf(input.from), to: dateOf(input.to) }, officer);
  guard(ctx, q.metric);
  ctx.audit.record('READ', null, `${field}:${q.metric.id}`);
  return q;
}

function guard(ctx: Context, metric: MetricDefinition) {
  if (!canRead(ctx.identity, metric.access, metric.department))
    throw forbidden(`metric ${metric.id} (${metric.label}) may be read only at level ${metric.access}`, {
      field: 'query.metric',
      level: metric.access,
      metric: metric.id,
    });
}

/** The built-in dashboards as stored ones: owned by the platform, shared with everyone, never saved over (version 0). */
const BUILT_IN_ROWS: DashboardRow[] = BUILT_IN_DASHBOARDS.map((d) => ({
  id: d.id,
  title: d.title,
  owner: 'system',
  department: null,
  scope: 'SUPERVISORS',
  version: 0,
  definition: d.definition,
  updated_at: new Date('2026-12-01T00:00:00Z'),
  updated_by: 'system',
}));
const viewer = (ctx: Context) => ({
  actor: ctx.identity.actor,
  department: ctx.identity.department,
  supervisor: ctx.identity.role === 'SUPERVISOR',
});

export const Query: QueryResolvers<Context> = {
  metrics: (_root, args) => METRICS.filter((m) => !args.department || m.department === args.department),
  metricDimensions: () => DIMENSION_IDS.map((id) => ({ id })),
  metricFrame: async (_root, args, ctx) => {
    const q = readMetric(ctx, args.query, 'metricFrame');
    const rows = await frameOf(ctx.db, q);
    const applied = { ...q.metric.fixed, ...q.filters };
    return {
      metric: q.metric,
      groupBy: q.groupBy,
      grain: q.grain !== null,
      rows,
      appliedFilters: Object.entries(applied).map(([dimension, values]) => ({ dimension, values: values ?? [] })),
      generatedAt: clock.now(),
    };
  },
  metricFacts: async (_root, args, ctx) => readFacts(ctx.db, readMetric(ctx, args.query, 'metricFacts')),
  dashboards: async (_root, _args, ctx) => [...BUILT_IN_ROWS, ...(await visibleDashboards(ctx.db, viewer(ctx), null))],
  dashboard: async (_root, args, ctx) => {
    const builtIn = BUILT_IN_ROWS.find((d) => d.id === args.id);
    if (builtIn) return builtIn;
    if (!isUuid(args.id)) return null;
    return (await visibleDashboards(ctx.db, viewer(ctx), args.id))[0] ?? null;
  },
  metricAlerts: (_root, args, ctx) => alertFirings(ctx.db, Math.min(Math.max(args.first ?? 50, 1), 200)),
};
