import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { pgSql, repoRoot } from '@credit-hub/kit/db';
import { drainConsumer, recordEvents, relayAll, type NewEvent } from '@credit-hub/kit/events';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import {
  caseListedEvent,
  caseWithdrawnEvent,
  restrictionIssuedEvent,
  restrictionLiftedEvent,
} from '@credit-hub/subgraph-court/events';
import { metricsFactsConsumer } from '@credit-hub/subgraph-metrics/events';
import { readFrame } from '@credit-hub/subgraph-metrics/reads';
import { validateQuery, type MetricQueryInput } from '@credit-hub/subgraph-metrics/rules';
import { courtSeed } from '../../subgraphs/court/test/seed.ts';

// The backfill command end to end (ADR 0113): a real process against a real database. The court's state is stored as
// its writes store it and announced with the events its writes record; the metrics store fed live is the reference.
// A snapshot backfill must empty the store and rebuild the same frames from the court's state alone.
let tdb: TestDatabase;
const TODAY = '2026-06-01';

function run(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/metrics-backfill.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: tdb.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const QUERIES: MetricQueryInput[] = [
  { metric: 'lists.entries', from: '2026-01-01', to: '2026-05-31', groupBy: ['list'] },
  { metric: 'lists.entries', from: '2024-01-01', to: '2026-05-31', grain: 'QUARTER', groupBy: ['list'] },
  { metric: 'lists.entries', from: '2025-01-01', to: '2025-12-31', groupBy: ['city'] },
  { metric: 'lists.additions', from: '2023-01-01', to: '2026-05-31', grain: 'YEAR', groupBy: ['list'] },
  { metric: 'lists.removals', from: '2023-01-01', to: '2026-05-31', groupBy: ['list', 'severity'] },
  { metric: 'government.dishonestDebtors', from: '2026-01-01', to: '2026-05-31' },
  { metric: 'government.dishonestDebtorRatio', from: '2026-01-01', to: '2026-05-31' },
];
const frames = async () => {
  const sql = pgSql(tdb.db.pool);
  return Promise.all(QUERIES.map((q) => readFrame(sql, validateQuery(q, null))));
};
const count = async (query: string) => ((await tdb.db.pool.query<{ n: number }>(query)).rows[0] as { n: number }).n;

let live: Awaited<ReturnType<typeof frames>>;

before(async () => {
  tdb = await createTestDatabase();
  const seed = courtSeed(tdb.db);
  const hz = seed.uscc('ENTERPRISE', '330106');
  const nb = seed.uscc('ENTERPRISE', '330203');
  const gov = seed.uscc('GOVERNMENT_BODY', '330102');
  // In force without a term; in force with a term; withdrawn (performed); term already run out before TODAY.
  const inForce = await seed.case({ caseNumber: '(2024)浙0106执1号', subjectCode: hz, filed: '2024-01-10' });
  const termed = await seed.case({
    caseNumber: '(2025)浙0203执2号',
    subjectCode: nb,
    filed: '2025-03-01',
    behaviours: ['OBSTRUCTING_EXECUTION'],
  });
  const withdrawn = await seed.case({
    caseNumber: '(2024)浙0102执3号',
    subjectCode: gov,
    filed: '2024-02-01',
    status: 'WITHDRAWN',
    withdrawnOn: new Date('2025-07-15'),
    withdrawalReason: 'PERFORMED',
  });
  const ended = await seed.case({
    caseNumber: '(2021)浙0106执4号',
    subjectCode: gov,
    filed: '2021-05-01',
    behaviours: ['EVADING_EXECUTION'],
  });
  const order = await seed.restriction({ subjectCode: hz, caseNumber: inForce.caseNumber });
  const lifted = await seed.restriction({
    subjectCode: nb,
    caseNumber: termed.caseNumber,
    issuedOn: new Date('2025-04-01'),
    status: 'WITHDRAWN',
    liftedOn: new Date('2025-09-30'),
    liftReason: 'PERFORMED',
  });
  assert.ok(ended.listedUntil && ended.listedUntil.toISOString().slice(0, 10) < TODAY, 'the term has run out');
  // What the court's writes and its term-ended rule recorded as the rows changed.
  const events: NewEvent[] = [
    caseListedEvent(inForce),
    caseListedEvent(termed),
    caseListedEvent(withdrawn),
    caseWithdrawnEvent(withdrawn, 'PERFORMED', withdrawn.withdrawnOn!, false),
    caseListedEvent(ended),
    caseWithdrawnEvent(ended, 'PERIOD_ENDED', new Date(`${TODAY}T00:00:00Z`), false),
    restrictionIssuedEvent(order),
    restrictionIssuedEvent(lifted),
    restrictionLiftedEvent(lifted, lifted.liftedOn!, 'PERFORMED'),
  ];
  await recordEvents(pgSql(tdb.db.pool), events);
  await relayAll(tdb.db.pool);
  await drainConsumer(tdb.db.pool, metricsFactsConsumer);
  live = await frames();
});

after(async () => {
  await tdb?.drop();
});

describe('metrics backfill from the departments’ state (--snapshot)', () => {
  it('empties the fact store and rebuilds the same frames from the court’s current state', async () => {
    assert.ok(live[0]!.length > 0 && live[4]!.length > 0, 'the live store has entries and removals');
    const liveFacts = await count(`SELECT count(*)::int AS n FROM metrics.fact`);
    const result = await run(['--snapshot', '--today', TODAY]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /court 9 items/);
    // Every fact now comes from the run's snapshot items, none from the live events.
    assert.equal(
      await count(
        `SELECT count(*)::int AS n FROM metrics.fact f JOIN events.event e ON e.id = f.event_id WHERE e.type = 'state.snapshot'`,
      ),
      liveFacts,
    );
    assert.deepEqual(await frames(), live);
  });

  it('is idempotent: a second run restates the state once more and gives the same frames', async () => {
    const result = await run(['--snapshot', '--today', TODAY]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await frames(), live);
    assert.equal(await count(`SELECT count(*)::int AS n FROM metrics.backfill_run WHERE finished_at IS NOT NULL`), 2);
  });

  it('a replay of the bus afterwards starts at the latest run and still gives the same frames', async () => {
    const result = await run([]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await frames(), live);
  });

  it('takes live events after the run as usual', async () => {
    const seed = courtSeed(tdb.db);
    const code = seed.uscc('ENTERPRISE', '330110');
    const fresh = await seed.case({ caseNumber: '(2026)浙0110执5号', subjectCode: code, filed: '2026-01-05' });
    await recordEvents(pgSql(tdb.db.pool), [caseListedEvent(fresh)]);
    await relayAll(tdb.db.pool);
    await drainConsumer(tdb.db.pool, metricsFactsConsumer);
    const now = await frames();
    const debtors = (rows: (typeof now)[0]) => rows.find((r) => r.keys[0] === 'DISHONEST_DEBTOR')?.value ?? 0;
    assert.equal(debtors(now[0]!), debtors(live[0]!) + 1);
  });
});
