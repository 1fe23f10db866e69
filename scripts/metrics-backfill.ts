/**
 * `npm run metrics:backfill -- [--snapshot [--today YYYY-MM-DD]] [--directory] [--region 330000]
 *   [--gateway http://127.0.0.1:4000/graphql] [--alerts]`
 *
 * Rebuilds the metrics subgraph's fact store (docs/metrics.md, docs/adr/0100-metrics-fact-store.md) without reading
 * any department's schema:
 *
 *   1. with --directory, pages the subject register through the graph (public `searchSubjects` fields: code, kind,
 *      region, industry) into metrics.subject, and gives stored facts the register's division and industry;
 *   2. empties metrics.fact and replays the platform bus (events.event) from its first event (or from the latest
 *      snapshot run's start) through the metrics consumer: the same code as live intake, so a rebuilt store equals
 *      one fed live;
 *      or, with --snapshot, rebuilds it from the departments' CURRENT state (ADR 0113): each department with a
 *      snapshot restates its state into its own outbox as `state.snapshot` items of a new run (the department's code
 *      reading its own schema), and the consumer folds them in — history from before the backbone included;
 *   3. with --alerts, evaluates the threshold rules for the last full month.
 *
 * DATABASE_URL names the hub's database. Identity for the graph: CREDIT_HUB_API_KEY (a platform system's key).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pgSql } from '@credit-hub/kit/db';
import { clock } from '@credit-hub/kit';
import { commitmentSnapshot } from '@credit-hub/subgraph-commitment/events';
import { courtSnapshot } from '@credit-hub/subgraph-court/events';
import { disclosureSnapshot } from '@credit-hub/subgraph-disclosure/events';
import { environmentSnapshot } from '@credit-hub/subgraph-environment/events';
import { evaluationSnapshot } from '@credit-hub/subgraph-evaluation/events';
import { governmentSnapshot } from '@credit-hub/subgraph-government/events';
import { marketSnapshot } from '@credit-hub/subgraph-market/events';
import { pushSnapshotOf } from '@credit-hub/subgraph-push/events';
import { repairSnapshot } from '@credit-hub/subgraph-repair/events';
import { reportSnapshot } from '@credit-hub/subgraph-report/events';
import { taxSnapshot } from '@credit-hub/subgraph-tax/events';
import { rebuildFacts, snapshotBackfill, type SnapshotSource } from '@credit-hub/subgraph-metrics/events';
import { evaluateAlerts, syncDirectoryFromGraph } from '@credit-hub/subgraph-metrics/jobs';

const { values } = parseArgs({
  options: {
    directory: { type: 'boolean', default: false },
    region: { type: 'string' },
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    alerts: { type: 'boolean', default: false },
    snapshot: { type: 'boolean', default: false },
    /** The day the departments' state is judged on (term endings); default the kit clock's China date. */
    today: { type: 'string' },
  },
});

function syncSlaSeconds(): number | undefined {
  const v = process.env.PUSH_SYNC_SLA_SECONDS;
  return v ? Number(v) : undefined;
}

/** The departments that restate their state for a snapshot backfill (docs/metrics.md, "Backfill"). */
const SNAPSHOT_SOURCES: SnapshotSource[] = [
  { department: 'commitment', snapshot: commitmentSnapshot },
  { department: 'court', snapshot: courtSnapshot },
  { department: 'disclosure', snapshot: disclosureSnapshot },
  { department: 'environment', snapshot: environmentSnapshot },
  { department: 'evaluation', snapshot: evaluationSnapshot },
  { department: 'government', snapshot: governmentSnapshot },
  { department: 'market', snapshot: marketSnapshot },
  // Timeliness judged against the hub's PUSH_SYNC_SLA_SECONDS, as the dispatcher judged it (default when unset).
  { department: 'push', snapshot: pushSnapshotOf(syncSlaSeconds()) },
  { department: 'repair', snapshot: repairSnapshot },
  { department: 'report', snapshot: reportSnapshot },
  { department: 'tax', snapshot: taxSnapshot },
];
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL must name the hub database');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 2 });
try {
  const started = Date.now();
  if (values.directory) {
    const n = await syncDirectoryFromGraph(pgSql(pool), {
      graphUrl: values.gateway,
      apiKey: process.env.CREDIT_HUB_API_KEY ?? null,
      region: values.region ?? null,
      log: (line) => console.log(line),
    });
    console.log(`subject directory: ${n} subjects`);
  }
  if (values.snapshot) {
    const today = values.today ?? clock.today().toISOString().slice(0, 10);
    const run = await snapshotBackfill(pool, SNAPSHOT_SOURCES, { today });
    console.log(
      `snapshot run ${run.runId} (state as of ${today}): ${Object.entries(run.items)
        .map(([d, n]) => `${d} ${n} items`)
        .join(', ')}; ${run.facts} facts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } else {
    const handled = await rebuildFacts(pool).catch((error: unknown) => {
      // The bus was pruned past the replay's start (EVENTS_RETENTION_DAYS): only the departments' state can rebuild.
      if (error instanceof Error && (error as { code?: string }).code === 'EVENTS_BUS_PRUNED')
        console.error(`${error.message}\nrun again with --snapshot`);
      throw error;
    });
    const facts = await pool.query('SELECT count(*)::int AS n FROM metrics.fact');
    console.log(
      `replayed ${handled} events into ${facts.rows[0].n} facts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  if (values.alerts) console.log(`alerts fired: ${await evaluateAlerts(pgSql(pool))}`);
} finally {
  await pool.end();
}
