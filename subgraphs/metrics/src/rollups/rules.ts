/**
 * Monthly rollups of the fact store (docs/adr/0112-metrics-monthly-rollups.md): per stream, calendar month and
 * rollup level, the count, Σ value and Σ weight of the facts over the dimensions the level keeps. The consumer keeps
 * them in the statement that stores the facts; a panel reads the whole months of its period here and only the days of
 * a partial month at either end from `metrics.fact`. Pure planning and SQL text; the statements run in events.ts,
 * jobs.ts and reads.ts.
 */
import { DIMENSIONS, DIMENSION_IDS, type DimensionId, type TimeGrain } from '../rules.ts';

/** Levels from coarse to full; a query uses the first that keeps every dimension it groups or filters by. */
export const ROLLUP_LEVELS: readonly { level: number; dims: readonly DimensionId[] }[] = [
  { level: 1, dims: ['province', 'department', 'subjectKind', 'list', 'matter', 'severity'] },
  { level: 2, dims: ['province', 'city', 'department', 'subjectKind', 'list', 'matter', 'severity'] },
  { level: 3, dims: ['province', 'industry', 'department', 'subjectKind', 'list', 'matter', 'severity'] },
  { level: 4, dims: DIMENSION_IDS },
];

/** The value a level stores for a dimension it does not keep. */
export const ROLLED_UP = '*';

/** The fact columns, in the order of metrics.stock and metrics.rollup. */
export const DIM_COLUMNS = DIMENSION_IDS.map((d) => DIMENSIONS[d].column);

/** The coarsest level keeping all of `dims`. */
export function rollupLevelFor(dims: Iterable<DimensionId>): number {
  const needed = [...new Set(dims)];
  const found = ROLLUP_LEVELS.find((l) => needed.every((d) => l.dims.includes(d)));
  return (found ?? ROLLUP_LEVELS.at(-1)!).level;
}

/**
 * One statement adding `sign` × the rows of `source` (columns stream, day, the dimension columns, value, weight, and
 * `n` when `counted`, else one per row) to every level's monthly rollup. `source` is a relation name or a
 * parenthesised subquery with an alias.
 */
export function rollupUpsertSql(source: string, sign: '' | '-' = '', counted = false): string {
  const selects = ROLLUP_LEVELS.map(({ level, dims }) => {
    const cols = DIMENSION_IDS.map((d) => (dims.includes(d) ? DIMENSIONS[d].column : `'${ROLLED_UP}'`));
    const n = counted ? 'sum(n)' : 'count(*)';
    return `SELECT ${level}::smallint AS level, stream, date_trunc('month', day)::date AS month,
        ${cols.map((c, i) => `${c} AS ${DIM_COLUMNS[i]}`).join(', ')},
        ${sign}${n} AS n, ${sign}sum(value) AS value, ${sign}sum(weight) AS weight
      FROM ${source} GROUP BY stream, 3${cols.map((_, i) => `, ${i + 4}`).join('')}`;
  });
  return `INSERT INTO metrics.rollup (level, stream, month, ${DIM_COLUMNS.join(', ')}, n, value, weight)
    ${selects.join('\n    UNION ALL ')}
    ON CONFLICT (stream, level, month, province, city, district, industry, department, subject_kind, list, matter, severity)
    DO UPDATE SET n = metrics.rollup.n + EXCLUDED.n, value = metrics.rollup.value + EXCLUDED.value,
      weight = metrics.rollup.weight + EXCLUDED.weight`;
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting a period into whole months and leftover days

const DAY_MS = 86_400_000;
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => iso(parse(day) + n * DAY_MS);
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
export function nextMonth(day: string): string {
  const d = new Date(parse(day));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
const prevMonth = (day: string) => {
  const d = new Date(parse(day));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
};

/** A day range, bounds inclusive; null is unbounded. */
export type DayRange = [lo: string | null, hi: string | null];

/**
 * The whole months inside a day range (as the first days of the first and last month) and the days left over at either
 * end. A range with no whole month is all leftover.
 */
export function splitRange([lo, hi]: DayRange): { months: DayRange | null; days: DayRange[] } {
  const first = lo === null ? null : lo.endsWith('-01') ? lo : nextMonth(lo);
  const last = hi === null ? null : addDays(hi, 1).endsWith('-01') ? monthStart(hi) : prevMonth(hi);
  if (first !== null && last !== null && first > last) return { months: null, days: [[lo, hi]] };
  const days: DayRange[] = [];
  if (lo !== null && first !== null && lo < first) days.push([lo, addDays(first, -1)]);
  if (hi !== null && last !== null && hi >= nextMonth(last)) days.push([nextMonth(last), hi]);
  return { months: [first, last], days };
}

/** Whether a grain's buckets are unions of whole months (so a month's rollup row falls in one bucket). */
export const monthAligned = (grain: TimeGrain | null) =>
  grain === null || grain === 'MONTH' || grain === 'QUARTER' || grain === 'YEAR';

/** A part of a query's period: `months` when whole months may be read from the rollup. */
export interface Segment {
  range: DayRange;
  months: boolean;
}

const between = (col: string, [lo, hi]: DayRange, add: (v: unknown) => string) =>
  lo === null && hi === null
    ? 'true'
    : lo === null
      ? `${col} <= ${add(hi)}::date`
      : hi === null
        ? `${col} >= ${add(lo)}::date`
        : `${col} BETWEEN ${add(lo)}::date AND ${add(hi)}::date`;

/**
 * The rows behind a panel: (day, dimension columns, value, weight, n) from the rollup's whole months at `level` and
 * from the facts of the remaining days. `where` holds the stream and filter conditions (on column names both tables
 * share); `rollups: false` reads the facts alone (the reference the tests compare with).
 */
export function sourceSql(
  where: string[],
  segments: Segment[],
  level: number,
  add: (v: unknown) => string,
  rollups = true,
): string {
  const monthRanges: DayRange[] = [];
  const dayRanges: DayRange[] = [];
  for (const s of segments) {
    if (!s.months || !rollups) {
      dayRanges.push(s.range);
      continue;
    }
    const split = splitRange(s.range);
    if (split.months) monthRanges.push(split.months);
    dayRanges.push(...split.days);
  }
  const cols = DIM_COLUMNS.join(', ');
  const parts: string[] = [];
  if (monthRanges.length)
    parts.push(`SELECT month AS day, ${cols}, value, weight, n FROM metrics.rollup
      WHERE ${[...where, `level = ${add(level)}::smallint`, `(${monthRanges.map((r) => between('month', r, add)).join(' OR ')})`].join(' AND ')}`);
  if (dayRanges.length || !parts.length)
    parts.push(`SELECT day, ${cols}, value, weight, 1::bigint AS n FROM metrics.fact
      WHERE ${[...where, `(${(dayRanges.length ? dayRanges : [[null, null] as DayRange]).map((r) => between('day', r, add)).join(' OR ')})`].join(' AND ')}`);
  return parts.join('\n      UNION ALL ');
}

// ---------------------------------------------------------------------------------------------------------------
// The per-subject tally (ADR 0125)

/**
 * One statement adding the facts of `source` (columns stream and subject_code) to `metrics.subject_tally`: how many
 * facts of each stream name each subject, since the store began. A SUBJECTS_AT_LEAST panel counts a subject's facts in
 * a window of years, which no rollup by dimension can answer; but a subject whose facts of the stream number fewer than
 * the threshold in all cannot reach it in any window, so the panel reads only the facts of the subjects the tally keeps
 * at or above the threshold — a superset of the answer, exact once their facts are counted.
 */
export function subjectTallySql(source: string): string {
  return `INSERT INTO metrics.subject_tally (stream, subject_code, n)
    SELECT stream, subject_code, count(*) FROM ${source} WHERE subject_code IS NOT NULL GROUP BY stream, subject_code
    ON CONFLICT (stream, subject_code) DO UPDATE SET n = metrics.subject_tally.n + EXCLUDED.n`;
}

/**
 * The condition keeping a fact's subject among the tally's candidates for a threshold of `min` facts. An array of
 * codes rather than a join: the facts are then read through their subject index whatever the planner guesses of the
 * tally's distribution.
 */
export const tallyCandidates = (stream: string, min: string) =>
  `subject_code = ANY(ARRAY(SELECT subject_code FROM metrics.subject_tally WHERE stream = ${stream} AND n >= ${min}))`;
