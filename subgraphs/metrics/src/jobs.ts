/**
 * The metrics subgraph's jobs: the subject directory sync (part of the backfill), and the threshold-alert evaluation
 * that records `metrics.alert.fired` for the push channel.
 */
import { clock } from '@credit-hub/kit';
import type { Sql } from '@credit-hub/kit/db';
import { recordEvents, type DueEvent, type NewEvent } from '@credit-hub/kit/events';
import { z } from 'zod';
import { alertRules, readFrame } from './reads.ts';
import { rollupUpsertSql } from './rollups/rules.ts';
import { metricById, STOCK_STREAMS, validateQuery, type SubjectDims } from './rules.ts';

export interface DirectoryEntry extends SubjectDims {
  code: string;
}

/**
 * Stores the subject register's dimensions as exported through the graph, then gives already-stored facts of those
 * subjects the register's division and industry (a fact stored before the subject was known carries what its code
 * says). Idempotent.
 */
export async function upsertDirectory(sql: Sql, entries: DirectoryEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  await sql.execute(
    `INSERT INTO metrics.subject (code, kind, district, industry, updated_at)
     SELECT code, kind, district, industry, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, kind, district, industry)
     ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, district = EXCLUDED.district, industry = EXCLUDED.industry, updated_at = now()`,
    [
      entries.map((e) => e.code),
      entries.map((e) => e.kind),
      entries.map((e) => e.district),
      entries.map((e) => e.industry),
    ],
  );
  // The facts that move take their old contribution out of the stock levels and the monthly rollups, and bring it back
  // under the new dims.
  const moved = `SELECT f.stream, f.district, f.city, f.province, f.industry, f.department, f.subject_kind, f.list, f.matter,
      f.severity, f.value FROM metrics.fact f JOIN metrics.subject s ON s.code = f.subject_code
    WHERE s.code = ANY($1::text[]) AND f.stream = ANY($2::text[])`;
  const restock = (sign: string) =>
    sql.execute(
      `INSERT INTO metrics.stock (stream, district, city, province, industry, department, subject_kind, list, matter, severity, value)
       SELECT stream, district, city, province, industry, department, subject_kind, list, matter, severity, ${sign} sum(value)
       FROM (${moved}) m GROUP BY stream, district, city, province, industry, department, subject_kind, list, matter, severity
       ON CONFLICT (stream, province, city, district, industry, department, subject_kind, list, matter, severity)
       DO UPDATE SET value = metrics.stock.value + EXCLUDED.value`,
      [codes, STOCK_STREAMS],
    );
  const rollup = (sign: '' | '-') =>
    sql.execute(rollupUpsertSql(`(SELECT * FROM metrics.fact WHERE subject_code = ANY($1::text[])) m`, sign), [codes]);
  const codes = entries.map((e) => e.code);
  await restock('-');
  await rollup('-');
  const n = await sql.execute(
    `UPDATE metrics.fact f SET district = s.district,
       city = CASE WHEN substr(s.district, 3, 2) = '00' THEN '000000' ELSE substr(s.district, 1, 4) || '00' END,
       province = substr(s.district, 1, 2) || '0000', industry = s.industry, subject_kind = s.kind
     FROM metrics.subject s
     WHERE s.code = ANY($1::text[]) AND f.subject_code = s.code
       AND (f.district, f.industry, f.subject_kind) IS DISTINCT FROM (s.district, s.industry, s.kind)`,
    [codes],
  );
  await restock('');
  // Rollup rows the move emptied stay with n = 0; reads count a group only when its n sums above zero.
  await rollup('');
  return n;
}

const page = z.object({
  data: z.object({
    searchSubjects: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      nodes: z.array(
        z.object({
          code: z.string(),
          kind: z.string(),
          region: z.object({ code: z.string() }),
          industry: z.object({ code: z.string() }).nullable(),
        }),
      ),
    }),
  }),
});

const DIRECTORY_QUERY = `query MetricsDirectory($region: String, $after: String) {
  searchSubjects(regionCode: $region, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { code kind region { code } industry { code } }
  }
}`;

/**
 * Pages the subject register through the gateway (a department-provided export through the graph: the public
 * `searchSubjects` fields only), writing each page. Natural persons are not listed by the register's search and stay
 * as their key says (no region, no industry).
 */
export async function syncDirectoryFromGraph(
  sql: Sql,
  options: { graphUrl: string; apiKey: string | null; region: string | null; log?: (line: string) => void },
): Promise<number> {
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const response = await fetch(options.graphUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}) },
      body: JSON.stringify({ query: DIRECTORY_QUERY, variables: { region: options.region, after } }),
    });
    const body = page.parse(await response.json());
    const { nodes, pageInfo } = body.data.searchSubjects;
    await upsertDirectory(
      sql,
      nodes.map((n) => ({ code: n.code, kind: n.kind, district: n.region.code, industry: n.industry?.code ?? '-' })),
    );
    total += nodes.length;
    if (total % 10_000 < 100) options.log?.(`directory: ${total} subjects`);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return total;
    after = pageInfo.endCursor;
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last full calendar month before `today` (alerts judge complete periods only). */
export function lastFullMonth(today: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const prevLast = new Date(first.getTime() - 86_400_000);
  return { from: iso(new Date(Date.UTC(prevLast.getUTCFullYear(), prevLast.getUTCMonth(), 1))), to: iso(prevLast) };
}

/**
 * Evaluates every alert rule over a period (default: the last full month). A breach is stored once per rule and
 * period (alert_firing's unique key) and returned as a `metrics.alert.fired` event to record in the same transaction,
 * for the push subgraph to deliver to the subscribers of that type.
 */
export async function alertsDue(sql: Sql, period = lastFullMonth(clock.today())): Promise<DueEvent[]> {
  const due: DueEvent[] = [];
  for (const rule of await alertRules(sql)) {
    const metric = metricById(rule.metric);
    if (!metric?.stream) continue;
    const q = validateQuery(
      {
        metric: rule.metric,
        from: period.from,
        to: period.to,
        filters: Object.entries(rule.filters).map(([dimension, values]) => ({ dimension, values })),
      },
      null,
    );
    const [row] = await readFrame(sql, q);
    const value = row?.value;
    if (value === null || value === undefined) continue;
    const breached = rule.comparator === 'BELOW' ? value < rule.threshold : value > rule.threshold;
    if (!breached) continue;
    const inserted = await sql.rows(
      `INSERT INTO metrics.alert_firing (rule_id, period_start, period_end, value, fired_at) VALUES ($1::uuid, $2::date, $3::date, $4, $5)
       ON CONFLICT (rule_id, period_start, period_end) DO NOTHING RETURNING id`,
      [rule.id, period.from, period.to, value, clock.now()],
    );
    if (inserted.length === 0) continue;
    due.push({
      type: 'metrics.alert.fired',
      department: rule.department ?? 'platform',
      endingKey: `${rule.id}:${period.from}:${period.to}`,
      payload: {
        ruleId: rule.id,
        metric: rule.metric,
        label: metric.label,
        comparator: rule.comparator,
        threshold: rule.threshold,
        value,
        periodStart: period.from,
        periodEnd: period.to,
        filters: rule.filters,
      },
    });
  }
  return due;
}

/** alertsDue and the events recorded, in the caller's transaction (tests, the CLI). Returns the new firings. */
export async function evaluateAlerts(sql: Sql, period = lastFullMonth(clock.today())): Promise<number> {
  const due = await alertsDue(sql, period);
  await recordEvents(
    sql,
    due.map(
      ({ endingKey, ...event }) =>
        ({ ...event, source: 'metrics', uniqueKey: `metrics.alert.fired:${endingKey}` }) as NewEvent,
    ),
  );
  return due.length;
}
