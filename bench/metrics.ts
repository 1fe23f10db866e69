/**
 * `npm run bench:metrics -- [--subjects 1000000] [--runs 30]`: p95 latency per built-in panel of the supervisors'
 * console (docs/metrics.md, "Performance"), against the metrics subgraph over real HTTP on loopback.
 *
 * The fact store is filled from packages/datagen's subjects (the same generator as the hub's million-subject data
 * set): each subject's department records become the events the departments emit (list entries and removals, tax and
 * environmental ratings, environmental penalties, government arrears), plus 双公示 receipts, credit checks and
 * evaluation grades at the rates the generator's records suggest, each turned into facts by the consumer's own
 * `factsOf` and stored with the consumer's `insertFacts`. The store is built once per size and kept in .data.
 * Every panel query of the built-in dashboards then runs `--runs` times (after one warm-up) and its p95 is printed
 * against the 200 ms budget. Bounded: one client, loopback only.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, dataDir, inPgTransaction, migrate, pgSql, startEmbeddedPostgres } from '@credit-hub/kit/db';
import type { DeliveredEvent } from '@credit-hub/kit/events';
import { callers, postAs, TEST_INTERNAL_SECRET } from '@credit-hub/kit/testing';
import { generate } from '@credit-hub/datagen';
import { insertFacts, rebuildStock } from '@credit-hub/subgraph-metrics/events';
import { startMetricsSubgraph } from '@credit-hub/subgraph-metrics';
import { factsOf, validateQuery, type FactRow } from '@credit-hub/subgraph-metrics/rules';
import { frameSql, readFrame } from '@credit-hub/subgraph-metrics/reads';
import { SOURCE_FACTS } from '@credit-hub/subgraph-metrics/sources';
import { BUILT_IN_PANELS } from '@credit-hub/subgraph-metrics/dashboards';

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    /** Loopback port of the bench's own embedded Postgres (pick one no other session uses). */
    'pg-port': { type: 'string', default: '54336' },
    /** Stop filling after this many minutes; the next run resumes where this one stopped. */
    'fill-minutes': { type: 'string', default: '120' },
    /** Fill (or resume filling) the cached data set and exit without measuring. */
    'fill-only': { type: 'boolean', default: false },
  },
});
const subjects = Number(values.subjects);
const runs = Math.min(Number(values.runs), 200);
const fillBudgetMs = Number(values['fill-minutes']) * 60_000;
const BUDGET_MS = 200;
/** Subjects generated and stored per transaction (with the resume mark). */
const CHUNK = 5000;

const server = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, 'pg-bench-metrics'),
  port: Number(values['pg-port']),
});
const url = await server.ensureDatabase(`metrics_bench_v1_${subjects}`);
await migrate(url);
const pool = new pg.Pool({ connectionString: url, max: 4 });

let position = 0;
let eventKey = '';
let eventSeq = 0;
/** Deterministic event ids (subject index and number within it), so a chunk replayed after a stop stores nothing twice. */
const eventId = () => {
  const h = createHash('sha1').update(`${eventKey}:${eventSeq++}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const ev = (
  type: DeliveredEvent['type'],
  subject: string,
  department: string,
  day: string,
  payload: unknown,
): DeliveredEvent => ({
  id: eventId(),
  type,
  version: 1,
  subjectCode: subject,
  personKey: null,
  department,
  source: 'court',
  occurredAt: new Date(`${day}T02:00:00Z`),
  payload,
  position: ++position,
});

/** A deterministic pseudo-random number in [0,1) from an index and a salt (no state: resumable). */
const rand = (i: number, salt: number) => {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
};
const DEPTS = ['tax', 'market', 'environment', 'transport', 'housing', 'health', 'emergency'];
const ACTIONS = ['NONE', 'NONE', 'NONE', 'WARN', 'INTERCEPT', 'RESTRICT', 'FAVOUR'];
const GRADES = ['A', 'B', 'B', 'C', 'D'];
const dayIn = (i: number, salt: number) => {
  const d = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand(i, salt) * 1200) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Fills the cached data set in chunks; each chunk commits with its resume mark. Returns true when complete. */
async function fill(): Promise<boolean> {
  await pool.query('CREATE TABLE IF NOT EXISTS public.bench_fill (next_index int NOT NULL)');
  const mark = await pool.query<{ next_index: number }>('SELECT next_index FROM public.bench_fill');
  let next = mark.rows[0]?.next_index ?? 0;
  if (mark.rows.length === 0) {
    // A store filled by the bench before resume marks existed is complete.
    const old = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM metrics.fact');
    next = old.rows[0]!.n > 0 ? subjects : 0;
    await pool.query('INSERT INTO public.bench_fill (next_index) VALUES ($1)', [next]);
  }
  if (next >= subjects) {
    const n = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM metrics.fact');
    console.log(`fact store kept from an earlier run: ${n.rows[0]!.n} facts`);
    const rolled = await pool.query('SELECT 1 FROM metrics.rollup LIMIT 1');
    if (rolled.rows.length === 0 && n.rows[0]!.n > 0) {
      // A store filled before the rollups existed (ADR 0112): computed once, as the migration does.
      console.log('monthly rollups from the stored facts…');
      await rebuildStock(pgSql(pool));
      await pool.query('VACUUM ANALYZE metrics.rollup');
    }
    return true;
  }
  const started = Date.now();
  let total = 0;
  while (next < subjects) {
    if (Date.now() - started > fillBudgetMs) {
      console.log(
        `fill stopped after ${values['fill-minutes']} min at subject ${next} of ${subjects}; run again to resume`,
      );
      return false;
    }
    const count = Math.min(CHUNK, subjects - next);
    total += await inPgTransaction(pool, async (sql) => {
      const filled = await fillChunk(sql, next, count);
      await sql.execute('UPDATE public.bench_fill SET next_index = $1', [next + count]);
      return filled;
    });
    next += count;
    if ((next / CHUNK) % 20 === 0)
      console.log(`  ${next} subjects, ${total} facts this run, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`stock levels and monthly rollups from ${total} new facts…`);
  await rebuildStock(pgSql(pool));
  await pool.query('VACUUM ANALYZE metrics.fact');
  await pool.query('VACUUM ANALYZE metrics.rollup');
  console.log(`filled ${total} facts up to ${subjects} subjects in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

async function fillChunk(sql: ReturnType<typeof pgSql>, startIndex: number, count: number): Promise<number> {
  let facts: FactRow[] = [];
  let ids: string[] = [];
  let total = 0;
  const flush = async () => {
    total += await insertFacts(sql, ids, facts, { derived: false });
    facts = [];
    ids = [];
  };
  const add = (e: DeliveredEvent, dims: { district: string; industry: string; kind: string }) => {
    for (const f of factsOf(e, dims, SOURCE_FACTS)) {
      facts.push(f);
      ids.push(e.id);
    }
  };
  for (const g of generate({ subjects: count, startIndex, personKeySecret: 'bench-person-key-secret-0123456789' })) {
    const s = g.subject;
    if (s.kind === 'NATURAL_PERSON') continue;
    eventKey = String(g.index);
    eventSeq = 0;
    const dims = { district: s.regionCode, industry: s.industryCode ?? '-', kind: s.kind };
    const i = g.index;
    for (const c of g.courtCases) {
      add(
        ev('list.entry.added', s.code, 'court', c.publishedOn, {
          list: 'DISHONEST_DEBTOR',
          entryId: c.caseNumber,
          listedOn: c.publishedOn,
          endsOn: c.listedUntil,
          authority: null,
        }),
        dims,
      );
      if (c.withdrawnOn)
        add(
          ev('list.entry.removed', s.code, 'court', c.withdrawnOn, {
            list: 'DISHONEST_DEBTOR',
            entryId: c.caseNumber,
            removedOn: c.withdrawnOn,
            cause: 'WITHDRAWN',
            ground: null,
          }),
          dims,
        );
    }
    for (const a of g.abnormalEntries) {
      add(
        ev('list.entry.added', s.code, 'market', a.listedOn, {
          list: 'ABNORMAL_OPERATION',
          entryId: `${s.code}${a.listedOn}`,
          listedOn: a.listedOn,
          endsOn: null,
          authority: null,
        }),
        dims,
      );
      if (a.removedOn)
        add(
          ev('list.entry.removed', s.code, 'market', a.removedOn, {
            list: 'ABNORMAL_OPERATION',
            entryId: `${s.code}${a.listedOn}`,
            removedOn: a.removedOn,
            cause: 'REPAIRED',
            ground: null,
          }),
          dims,
        );
    }
    if (g.seriousListing)
      add(
        ev('list.entry.added', s.code, 'market', g.seriousListing.listedOn, {
          list: 'SERIOUS_ILLEGAL',
          entryId: s.code,
          listedOn: g.seriousListing.listedOn,
          endsOn: g.seriousListing.expiresOn,
          authority: null,
        }),
        dims,
      );
    for (const r of g.ratings)
      add(
        ev('rating.changed', s.code, 'tax', r.evaluatedOn, {
          scheme: 'TAX_CREDIT',
          year: r.year,
          level: r.level,
          previousLevel: null,
          ratingId: `${s.code}${r.year}`,
        }),
        dims,
      );
    for (const p of g.environmentalPenalties)
      add(
        ev('record.published', s.code, 'environment', p.decidedOn, {
          record: 'ENVIRONMENTAL_PENALTY',
          recordId: p.decisionNumber,
          publishedOn: p.decidedOn,
          publicityEndsOn: null,
        }),
        dims,
      );
    for (const a of g.arrears)
      add(
        ev('record.published', a.debtorCode, 'government', a.recordedOn, {
          record: 'GOVERNMENT_ARREARS',
          recordId: `${a.debtorCode}${a.recordedOn}`,
          publishedOn: a.recordedOn,
          publicityEndsOn: null,
        }),
        dims,
      );
    // 双公示 receipts (about 0.3 per organisation), checks (0.5), one evaluation grade each.
    if (rand(i, 1) < 0.3) {
      const decided = dayIn(i, 2);
      const lag = Math.floor(rand(i, 3) * 14);
      const received = new Date(Date.parse(`${decided}T02:00:00Z`) + lag * 86_400_000);
      const e = ev('disclosure.record.accepted', s.code, DEPTS[i % DEPTS.length]!, decided, {
        kind: rand(i, 4) < 0.7 ? 'LICENCE' : 'PENALTY',
        recordId: String(i),
        decisionNumber: String(i),
        decidedOn: decided,
      });
      add({ ...e, occurredAt: received }, dims);
    }
    if (rand(i, 5) < 0.5)
      add(
        ev('credit.check.recorded', s.code, 'platform', dayIn(i, 6), {
          checkId: String(i),
          checkingDepartment: DEPTS[(i >> 3) % DEPTS.length]!,
          matter: '政府采购',
          action: ACTIONS[i % ACTIONS.length]!,
          lists: [],
        }),
        dims,
      );
    add(
      ev('evaluation.grade.changed', s.code, 'platform', dayIn(i, 7), {
        modelCode: 'PUBLIC',
        modelVersion: 1,
        grade: GRADES[i % GRADES.length]!,
        previousGrade: null,
        score: null,
      }),
      dims,
    );
    if (facts.length >= 20_000) await flush();
  }
  await flush();
  return total;
}

const complete = await fill();
if (!complete || values['fill-only']) {
  await pool.end();
  await server.stop();
  process.exit(complete ? 0 : 2);
}
const db = createDb(url, { applicationName: 'bench-metrics' });
const service = await startMetricsSubgraph({ db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}
const facts = await pool.query<{ n: number; r: number }>(
  'SELECT (SELECT count(*) FROM metrics.fact)::int AS n, (SELECT count(*) FROM metrics.rollup)::int AS r',
);
console.log(
  `${subjects} subjects: ${facts.rows[0]!.n} facts, ${facts.rows[0]!.r} rollup rows; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const FRAME = `query ($q: MetricQuery!) { metricFrame(query: $q) { rows { period keys value } } }`;
const variables = { from: '2025-01-01', to: '2025-12-31', region: '330000', department: null };
const results: { panel: string; p95: number; sqlP95: number; httpCpu: number; sqlCpu: number; rows: number }[] = [];
try {
  for (const panel of BUILT_IN_PANELS(variables)) {
    const times: number[] = [];
    let rows = 0;
    let httpCpu = 0;
    let httpStatements = 0;
    for (let k = 0; k <= runs; k++) {
      // CPU of this process (subgraph and client both), and the statements the subgraph sent for the read.
      const cpu = process.cpuUsage();
      const sent = db.statements();
      const t = performance.now();
      const { body } = await postAs<{ metricFrame: { rows: unknown[] } }>(service.url, callers.supervisor(), FRAME, {
        q: panel.query,
      });
      if (body.errors) throw new Error(`${panel.id}: ${JSON.stringify(body.errors)}`);
      rows = body.data!.metricFrame.rows.length;
      if (k > 0) {
        times.push(performance.now() - t);
        httpCpu += cpuMs(process.cpuUsage(cpu));
        httpStatements += db.statements() - sent;
      }
    }
    // The statement alone (no HTTP, identity check or audit entry), to tell the database's share.
    const sqlTimes: number[] = [];
    let sqlCpu = 0;
    const q = validateQuery(panel.query, null);
    for (let k = 0; k <= runs; k++) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      await readFrame(pgSql(pool), q);
      if (k > 0) {
        sqlTimes.push(performance.now() - t);
        sqlCpu += cpuMs(process.cpuUsage(cpu));
      }
    }
    // PostgreSQL's own time for the statement (EXPLAIN ANALYZE), free of the client's scheduling.
    const { text, values: params } = frameSql(q);
    const plan = await pool.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
      params,
    );
    const execMs = plan.rows[0]!['QUERY PLAN'][0]['Execution Time'];
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    const sqlP50 = percentile(sqlTimes, 0.5);
    const sqlP95 = percentile(sqlTimes, 0.95);
    results.push({ panel: panel.id, p95, sqlP95, httpCpu: httpCpu / runs, sqlCpu: sqlCpu / runs, rows });
    console.log(
      `${panel.id.padEnd(34)} HTTP p50 ${p50.toFixed(1).padStart(6)} p95 ${p95.toFixed(1).padStart(6)} ms cpu ${(httpCpu / runs).toFixed(1).padStart(5)} ms ${(httpStatements / runs).toFixed(0)} stmts | SQL p50 ${sqlP50.toFixed(1).padStart(6)} p95 ${sqlP95.toFixed(1).padStart(6)} ms cpu ${(sqlCpu / runs).toFixed(1).padStart(5)} ms exec ${execMs.toFixed(1).padStart(6)} ms | rows ${rows}${p95 > BUDGET_MS ? '  OVER BUDGET' : ''}`,
    );
  }
  // A dashboard as the console opens it: all its panels at once. Time to its last panel and the statements per load
  // (the audit appends that arrive together share a transaction, ADR 0125).
  const all = BUILT_IN_PANELS(variables);
  for (const dashboard of [...new Set(all.map((p) => p.id.split('/')[0]!))]) {
    const panels = all.filter((p) => p.id.startsWith(`${dashboard}/`));
    const times: number[] = [];
    let statements = 0;
    for (let k = 0; k <= runs; k++) {
      const sent = db.statements();
      const t = performance.now();
      await Promise.all(
        panels.map(async (panel) => {
          const { body } = await postAs(service.url, callers.supervisor(), FRAME, { q: panel.query });
          if (body.errors) throw new Error(`${panel.id}: ${JSON.stringify(body.errors)}`);
        }),
      );
      if (k > 0) {
        times.push(performance.now() - t);
        statements += db.statements() - sent;
      }
    }
    console.log(
      `${dashboard.padEnd(34)} ${String(panels.length).padStart(2)} panels at once: last panel p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} p95 ${percentile(times, 0.95).toFixed(1).padStart(6)} ms, ${(statements / runs).toFixed(1)} statements per load`,
    );
  }
} finally {
  await service.close();
  await pool.end();
  await server.stop();
}
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
console.log(
  `${results.length} panels: p95 over HTTP ${range(results.map((r) => r.p95))}, statement alone ${range(results.map((r) => r.sqlP95))}; ` +
    `CPU per read over HTTP ${mean(results.map((r) => r.httpCpu))} ms, statement alone ${mean(results.map((r) => r.sqlCpu))} ms (means)`,
);
const over = results.filter((r) => r.p95 > BUDGET_MS);
console.log(over.length ? `${over.length} panel(s) over ${BUDGET_MS} ms` : `every panel within ${BUDGET_MS} ms (p95)`);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
