/**
 * Reads of the metrics fact store: one SQL statement per panel, built from a validated query (rules.ts). Whole months
 * of a period come from the monthly rollups (rollups/rules.ts, ADR 0112), the days of a partial month at either end from
 * `metrics.fact` through its (stream, day) index.
 */
import { prismaSql, type Db, type Sql } from '@credit-hub/kit/db';
import { z } from 'zod';
import {
  addDays,
  monthAligned,
  monthStart,
  rollupLevelFor,
  sourceSql,
  tallyCandidates,
  type Segment,
} from './rollups/rules.ts';
import { bucketStart, DIMENSIONS, SQL_TRUNC, type DimensionId, type ValidQuery } from './rules.ts';

export interface FrameRow {
  period: string | null;
  keys: string[];
  value: number | null;
  numerator: number;
  denominator: number;
}

const frameRow = z.object({
  period: z.union([z.date(), z.string()]).nullable(),
  keys: z.array(z.string()).nullable(),
  value: z.coerce.number().nullable(),
  num: z.coerce.number(),
  den: z.coerce.number(),
});

const isoDay = (v: Date | string | null) =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function whereOf(p: Params, filters: Partial<Record<DimensionId, string[]>>): string[] {
  return Object.entries(filters).map(
    ([dim, values]) => `${DIMENSIONS[dim as DimensionId].column} = ANY(${p.add(values)}::text[])`,
  );
}

/** Merges the metric's fixed filters with the caller's (both must hold: an intersection). */
export function effectiveFilters(q: ValidQuery): Partial<Record<DimensionId, string[]>> {
  const out: Partial<Record<DimensionId, string[]>> = { ...q.filters };
  for (const [dim, fixed] of Object.entries(q.metric.fixed ?? {}) as [DimensionId, string[]][]) {
    const given = out[dim];
    out[dim] = given ? given.filter((v) => fixed.includes(v)) : fixed;
  }
  return out;
}

/** How a panel is read: whole months from the rollups (default), or every fact (the tests' reference). */
export interface ReadOptions {
  rollups?: boolean;
}

/** The SQL of one panel (exported for the bench's EXPLAIN and the tests). */
export function frameSql(q: ValidQuery, options: ReadOptions = {}): { text: string; values: unknown[] } {
  const p = new Params();
  const inner = innerSql(q, p, options.rollups ?? true);
  // Ordered outside: ORDER BY may then use the output columns in expressions (keys[2]).
  // The period as text: node-postgres would read a date as local midnight, a day early east of Greenwich.
  return {
    text: `SELECT r.period::text AS period, r.keys, r.value, r.num, r.den FROM (${inner}) r
      ORDER BY ${orderOf(q)} LIMIT ${p.add(q.limit)}`,
    values: p.values,
  };
}

function orderOf(q: ValidQuery): string {
  const dir = q.order.descending ? 'DESC' : 'ASC';
  if (q.order.field === 'value') return `value ${dir} NULLS LAST, keys`;
  if (q.order.field === 'period') return `period ${dir}, value DESC NULLS LAST, keys`;
  return `keys[${q.groupBy.indexOf(q.order.field as DimensionId) + 1}] ${dir}, period`;
}

/** Every dimension a query reads: its group-by, its filters (the metric's own included) and a share's. */
export function dimensionsRead(q: ValidQuery): DimensionId[] {
  return [
    ...q.groupBy,
    ...(Object.keys(effectiveFilters(q)) as DimensionId[]),
    ...(Object.keys(q.metric.share ?? {}) as DimensionId[]),
  ];
}

function innerSql(q: ValidQuery, p: Params, rollups: boolean): string {
  const m = q.metric;
  const add = (v: unknown) => p.add(v);
  const where = [`stream = ${p.add(m.stream)}`, ...whereOf(p, effectiveFilters(q))];
  const level = rollupLevelFor(dimensionsRead(q));
  const src = (segments: Segment[]) => sourceSql(where, segments, level, add, rollups);
  const cols = q.groupBy.map((d) => DIMENSIONS[d].column);
  const keys = cols.length ? `ARRAY[${cols.map((c) => `${c}::text`).join(', ')}]` : 'NULL::text[]';
  const groupCols = cols.join(', ');
  const trunc = q.grain ? `'${SQL_TRUNC[q.grain]}'` : null;

  switch (m.aggregation) {
    case 'COUNT':
    case 'RATIO': {
      const period = trunc ? `date_trunc(${trunc}, day)::date` : 'NULL::date';
      const value =
        m.aggregation === 'COUNT'
          ? 'coalesce(sum(n), 0)::float8'
          : 'sum(value)::float8 / nullif(sum(weight), 0)::float8';
      const num = m.aggregation === 'COUNT' ? 'coalesce(sum(n), 0)' : 'sum(value)';
      const den = m.aggregation === 'COUNT' ? 'coalesce(sum(n), 0)' : 'sum(weight)';
      const group = [trunc ? period : null, groupCols || null].filter(Boolean).join(', ');
      const rows = src([{ range: [q.from, q.to], months: monthAligned(q.grain) }]);
      // A group exists when a fact does (a rollup row emptied by a directory move counts nothing).
      return `SELECT ${period} AS period, ${keys} AS keys, ${value} AS value, ${num} AS num, ${den} AS den
          FROM (${rows}) s ${group ? `GROUP BY ${group} HAVING sum(n) > 0` : ''}`;
    }
    case 'STOCK':
    case 'STOCK_SHARE': {
      const shareCond = m.share ? whereOf(p, m.share).join(' AND ') : 'true';
      const num = m.aggregation === 'STOCK' ? 'sum(value)' : `coalesce(sum(value) FILTER (WHERE ${shareCond}), 0)`;
      if (!trunc) {
        // The level at the period's end: every whole month before it from the rollup, then the days of its month.
        // Without a group a stock is a number even when nothing was in it by then (0 in force, not unknown).
        const level = groupCols || m.aggregation !== 'STOCK' ? num : `coalesce(${num}, 0)`;
        const value = m.aggregation === 'STOCK' ? `${level}::float8` : `${num}::float8 / nullif(sum(value), 0)::float8`;
        return `SELECT NULL::date AS period, ${keys} AS keys, ${value} AS value, ${level} AS num, sum(value) AS den
            FROM (${src([{ range: [null, q.to], months: true }])}) s
            ${groupCols ? `GROUP BY ${groupCols} HAVING sum(n) > 0` : ''}`;
      }
      // Changes per bucket (everything before the range lands in its first bucket), then running sums per group.
      // Grains finer than a month read whole months only before the month the first bucket starts in.
      const first = bucketStart(q.from, q.grain!);
      const segments: Segment[] = monthAligned(q.grain)
        ? [{ range: [null, q.to], months: true }]
        : [
            { range: [null, addDays(monthStart(first), -1)], months: true },
            { range: [monthStart(first), q.to], months: false },
          ];
      const bucket = `greatest(date_trunc(${trunc}, day), date_trunc(${trunc}, ${p.add(q.from)}::date))::date`;
      const part = cols.length ? `PARTITION BY ${cols.map((_, i) => `k${i}`).join(', ')}` : '';
      const kcols = cols.map((c, i) => `${c} AS k${i}`);
      const kkeys = cols.length ? `ARRAY[${cols.map((_, i) => `k${i}::text`).join(', ')}]` : 'NULL::text[]';
      const runNum = `sum(n) OVER (${part} ORDER BY period)`;
      const runDen = `sum(d) OVER (${part} ORDER BY period)`;
      const value =
        m.aggregation === 'STOCK' ? `${runNum}::float8` : `${runNum}::float8 / nullif(${runDen}, 0)::float8`;
      return `WITH b AS (
            SELECT ${bucket} AS period${kcols.length ? ', ' + kcols.join(', ') : ''}, ${num} AS n, sum(value) AS d
            FROM (${src(segments)}) s
            GROUP BY 1${cols.map((_, i) => `, ${i + 2}`).join('')} HAVING sum(n) > 0)
          SELECT period, ${kkeys} AS keys, ${value} AS value, ${runNum} AS num, ${runDen} AS den FROM b`;
    }
    case 'SUBJECTS_AT_LEAST': {
      const { min, years } = m.atLeast ?? { min: 1, years: 1 };
      const to = p.add(q.to);
      const minP = p.add(min);
      const yearsP = p.add(`${years} years`);
      const inner = [
        ...where,
        `day <= ${to}::date`,
        `day > (${to}::date - ${yearsP}::interval)`,
        'subject_code IS NOT NULL',
        // Only the subjects with at least `min` facts of the stream in all can have `min` in the window (ADR 0125).
        ...(rollups ? [tallyCandidates(p.add(m.stream), minP)] : []),
      ];
      return `SELECT NULL::date AS period, ${keys} AS keys, count(*)::float8 AS value, count(*) AS num, count(*) AS den
          FROM (SELECT subject_code${cols.length ? ', ' + cols.map((c) => `min(${c}) AS ${c}`).join(', ') : ''}
                FROM metrics.fact WHERE ${inner.join(' AND ')}
                GROUP BY subject_code HAVING count(*) >= ${minP}) s
          ${groupCols ? `GROUP BY ${groupCols}` : ''}`;
    }
  }
}

export async function readFrame(sql: Sql, q: ValidQuery, options: ReadOptions = {}): Promise<FrameRow[]> {
  const { text, values } = frameSql(q, options);

  return (await sql.rows(text, values)).map((raw) => {
    const r = frameRow.parse(raw);
    return { period: isoDay(r.period), keys: r.keys ?? [], value: r.value, numerator: r.num, denominator: r.den };
  });
}

/**
 * A panel read of a request: on the pool (counted, a lost connection DATABASE_UNAVAILABLE), not through Prisma's
 * raw-query path, whose parameter and row handling cost a metric read more CPU than its HTTP and GraphQL layers
 * together (ADR 0125).
 */
export const frameOf = (db: Db, q: ValidQuery) => readFrame(db.sql, q);

// ---------------------------------------------------------------------------------------------------------------
// Drill to the list behind a number

const factRow = z.object({
  subject_code: z.string(),
  day: z.string(),
  district: z.string(),
  industry: z.string(),
  department: z.string(),
  list: z.string(),
  matter: z.string(),
  severity: z.string(),
  value: z.coerce.number(),
});
export type FactListRow = {
  subjectCode: string;
  day: string;
  district: string;
  industry: string;
  department: string;
  list: string;
  matter: string;
  severity: string;
  value: number;
};

/**
 * The subjects behind a number: for a count, the facts of the period (newest first); for a stock, the subjects still
 * in it at the period's end (their latest fact); for SUBJECTS_AT_LEAST, the subjects that reach the threshold.
 */
export async function readFacts(db: Db, q: ValidQuery): Promise<FactListRow[]> {
  const p = new Params();
  const m = q.metric;
  const where = [`stream = ${p.add(m.stream)}`, ...whereOf(p, effectiveFilters(q)), 'subject_code IS NOT NULL'];
  const to = p.add(q.to);
  let text: string;
  const cols = 'subject_code, day, district, industry, department, list, matter, severity';
  // The day as text: node-postgres would read a date as local midnight, a day early east of Greenwich. ISO days sort
  // as the dates do, so ORDER BY day is the same on either.
  const shown = 'subject_code, day::text AS day, district, industry, department, list, matter, severity';
  if (m.aggregation === 'COUNT' || m.aggregation === 'RATIO') {
    const from = p.add(q.from);
    text = `SELECT ${shown}, value FROM metrics.fact WHERE ${where.join(' AND ')} AND day BETWEEN ${from}::date AND ${to}::date
      ORDER BY day DESC, id DESC LIMIT ${p.add(q.limit)}`;
  } else if (m.aggregation === 'SUBJECTS_AT_LEAST') {
    const { min, years } = m.atLeast ?? { min: 1, years: 1 };
    const minP = p.add(min);
    where.push(tallyCandidates(p.add(m.stream), minP));
    text = `SELECT subject_code, max(day)::text AS day, min(district) AS district, min(industry) AS industry,
        min(department) AS department, min(list) AS list, min(matter) AS matter, min(severity) AS severity, count(*) AS value
      FROM metrics.fact WHERE ${where.join(' AND ')} AND day <= ${to}::date AND day > (${to}::date - ${p.add(`${years} years`)}::interval)
      GROUP BY subject_code HAVING count(*) >= ${minP} ORDER BY value DESC, subject_code LIMIT ${p.add(q.limit)}`;
  } else {
    // A subject is in a stock when its signed facts sum above zero; the row shown is its latest fact.
    text = `SELECT DISTINCT ON (subject_code, list, matter) ${shown}, total AS value FROM (
        SELECT ${cols}, id, sum(value) OVER (PARTITION BY subject_code, list) AS total
        FROM metrics.fact WHERE ${where.join(' AND ')} AND day <= ${to}::date) f
      WHERE total > 0 ORDER BY subject_code, list, matter, day DESC, id DESC LIMIT ${p.add(q.limit)}`;
  }
  // On the pool, as every other read of the frame (ADR 0006): Prisma's raw path costs more than the statement.
  return (await db.sql.rows(text, p.values)).map((raw) => {
    const r = factRow.parse(raw);
    return {
      subjectCode: r.subject_code,
      day: r.day,
      district: r.district,
      industry: r.industry,
      department: r.department,
      list: r.list,
      matter: r.matter,
      severity: r.severity,
      value: r.value,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Dashboards and alerts

export const dashboardRow = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  department: z.string().nullable(),
  scope: z.enum(['PRIVATE', 'DEPARTMENT', 'SUPERVISORS']),
  version: z.number(),
  definition: z.unknown(),
  updated_at: z.date(),
  updated_by: z.string(),
});
export type DashboardRow = z.infer<typeof dashboardRow>;

/** Dashboards a caller may see: their own, their department's, and (supervisors) those shared with all supervisors. */
export async function visibleDashboards(
  db: Db,
  who: { actor: string; department: string | null; supervisor: boolean },
  id: string | null,
): Promise<DashboardRow[]> {
  const rows = await db.sql.rows(
    `SELECT id::text, title, owner, department, scope, version, definition, updated_at, updated_by FROM metrics.dashboard
     WHERE ($4::text IS NULL OR id = $4::uuid)
       AND (owner = $1 OR (scope = 'DEPARTMENT' AND department IS NOT DISTINCT FROM $2) OR (scope = 'SUPERVISORS' AND $3))
     ORDER BY updated_at DESC, id LIMIT 500`,
    [who.actor, who.department, who.supervisor, id],
  );
  return rows.map((r) => dashboardRow.parse(r));
}

const firingRow = z.object({
  id: z.coerce.string(),
  rule_id: z.string(),
  metric: z.string(),
  comparator: z.string(),
  threshold: z.coerce.number(),
  filters: z.unknown(),
  period_start: z.date(),
  period_end: z.date(),
  value: z.coerce.number(),
  fired_at: z.date(),
});
export type FiringRow = z.infer<typeof firingRow>;

export async function alertFirings(db: Db, limit: number): Promise<FiringRow[]> {
  const rows = await prismaSql(db.prisma).rows(
    `SELECT f.id, f.rule_id::text, r.metric, r.comparator, r.threshold, r.filters, f.period_start, f.period_end, f.value, f.fired_at
     FROM metrics.alert_firing f JOIN metrics.alert_rule r ON r.id = f.rule_id ORDER BY f.fired_at DESC, f.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => firingRow.parse(r));
}

const ruleRow = z.object({
  id: z.string(),
  metric: z.string(),
  filters: z.record(z.string(), z.array(z.string())),
  comparator: z.enum(['BELOW', 'ABOVE']),
  threshold: z.coerce.number(),
  owner: z.string(),
  department: z.string().nullable(),
});
export type AlertRuleRow = z.infer<typeof ruleRow>;

export async function alertRules(sql: Sql): Promise<AlertRuleRow[]> {
  const rows = await sql.rows(
    `SELECT id::text, metric, filters, comparator, threshold, owner, department FROM metrics.alert_rule ORDER BY created_at, id`,
  );
  return rows.map((r) => ruleRow.parse(r));
}
