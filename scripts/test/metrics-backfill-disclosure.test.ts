import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { chinaToday, toIsoDate } from '@credit-hub/kit';
import { inPgTransaction, pgSql } from '@credit-hub/kit/db';
import { recordEvents, type NewEvent } from '@credit-hub/kit/events';
import { createTestDatabase, makeUscc, type TestDatabase } from '@credit-hub/kit/testing';
import {
  decisionDeclaredEvent,
  disclosureSnapshot,
  penaltyRepairedEvents,
} from '@credit-hub/subgraph-disclosure/events';
import { deliveryFinishedEvent, pushSnapshot } from '@credit-hub/subgraph-push/events';
import { rebuildFacts, snapshotBackfill, type SnapshotSource } from '@credit-hub/subgraph-metrics/events';
import type { MetricQueryInput } from '@credit-hub/subgraph-metrics/rules';
import { ingestRows } from '../../subgraphs/disclosure/src/intake/writes.ts';
import { licenceRow, MARKET_AUTHORITY, penaltyRow } from '../../subgraphs/disclosure/test/seed.ts';
import { countOf, metricFrames, SNAPSHOT_FACTS, toStore as carryToStore } from './support/backfill.ts';

// The snapshots of the 双公示 intake and of push (ADR 0130): the intake's rows are stored by its own write
// (ingestRows) with the events it records, the register, a 信用修复 and push's finished deliveries with the events
// their writes build; the metrics store fed live is the reference. A snapshot backfill must empty the store and rebuild
// the same frames from the two subgraphs' state alone, and count a write made during the run once (the exact cut).
let tdb: TestDatabase;
const PERSON_KEY_SECRET = 'metrics-backfill-disclosure-person-key-0123';
const shift = (days: number) => {
  const d = chinaToday();
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d)!;
};
const TODAY = shift(0);
const DECIDED = shift(-30);
const SUBJECT = makeUscc('91', '330106', 'MA7DXC41');
const SOURCES: SnapshotSource[] = [
  { department: 'disclosure', snapshot: disclosureSnapshot },
  { department: 'push', snapshot: pushSnapshot },
];

const year = TODAY.slice(0, 4);
const window = { from: `${Number(year) - 1}-01-01`, to: `${year}-12-31` };
const QUERIES: MetricQueryInput[] = [
  { metric: 'disclosure.reported', ...window, grain: 'MONTH', groupBy: ['department', 'matter'] },
  { metric: 'disclosure.timeliness', ...window, grain: 'MONTH', groupBy: ['department'] },
  { metric: 'disclosure.revisions', ...window, grain: 'MONTH', groupBy: ['department', 'matter'] },
  { metric: 'disclosure.reportingRate', ...window, grain: 'MONTH', groupBy: ['department'] },
  { metric: 'disclosure.complianceRate', ...window, grain: 'MONTH', groupBy: ['department'] },
  { metric: 'disclosure.decisionTimeliness', ...window, grain: 'MONTH', groupBy: ['department'] },
  { metric: 'collection.quarantineBacklog', ...window, grain: 'MONTH', groupBy: ['department'] },
  { metric: 'collection.quarantined', ...window, grain: 'MONTH', groupBy: ['department'] },
  { metric: 'records.published', ...window, grain: 'MONTH', groupBy: ['department', 'matter'] },
  { metric: 'repairs.completed', ...window, grain: 'MONTH', groupBy: ['department', 'matter'] },
  { metric: 'push.deliveries', ...window, grain: 'MONTH', groupBy: ['department', 'severity'] },
  { metric: 'push.syncTimeliness', ...window, grain: 'MONTH', groupBy: ['department'] },
];
const frames = () => metricFrames(tdb.db.pool, QUERIES);
const count = (query: string) => countOf(tdb.db.pool, query);
const toStore = () => carryToStore(tdb.db.pool);

/** The intake's own write: one submission of rows, its events recorded in the same transaction. */
const ingest = (kind: 'CF' | 'XK', raws: Record<string, unknown>[]) =>
  inPgTransaction(tdb.db.pool, (sql) =>
    ingestRows(
      sql,
      {
        kind,
        rows: raws.map((raw, i) => ({ rowNumber: i + 1, raw })),
        submitter: { department: 'market', subject: 'test', channel: 'GRAPHQL' },
        submissionId: randomUUID(),
        today: TODAY,
      },
      { personKeySecret: PERSON_KEY_SECRET },
    ),
  );
const penalty = (doc: string, o: Record<string, unknown> = {}) =>
  penaltyRow({ CF_XDR_SHXYM: SUBJECT, CF_WSH: doc, CF_JDRQ: DECIDED, CF_YXQ: shift(300), ...o });
/** A declaration in the register, as the register's write stores and announces it. */
const declare = (doc: string) =>
  inPgTransaction(tdb.db.pool, async (sql) => {
    const [row] = await sql.rows(
      `WITH x AS (
         INSERT INTO disclosure.declared_decision (kind, authority_code, document_number, decided_on, department)
         VALUES ('CF', $1, $2, $3::date, 'market') RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM disclosure.penalty WHERE authority_code = $1 AND document_number = $2)
           OR EXISTS (SELECT 1 FROM disclosure.quarantine WHERE authority_code = $1 AND document_number = $2) AS received`,
      [MARKET_AUTHORITY.code, doc, DECIDED],
    );
    const r = { kind: 'CF' as const, authorityCode: MARKET_AUTHORITY.code, documentNumber: doc, decidedOn: DECIDED };
    await recordEvents(sql, [decisionDeclaredEvent('market', r, (row as { received: boolean }).received)]);
  });

let live: Awaited<ReturnType<typeof frames>>;
let liveFacts: number;

before(async () => {
  tdb = await createTestDatabase();
  // 双公示: a decision declared before its receipt; one declared and never received; one received, then declared.
  await declare('杭市监罚〔2026〕101号');
  await declare('杭市监罚〔2026〕102号');
  await ingest('CF', [penalty('杭市监罚〔2026〕101号'), penalty('杭市监罚〔2026〕103号')]);
  await declare('杭市监罚〔2026〕103号');
  // A row quarantined, then its key accepted through another submission (SUPERSEDED); one left in the backlog.
  const broken = { CF_WFXW: '' };
  await ingest('CF', [penalty('杭市监罚〔2026〕104号', broken), penalty('杭市监罚〔2026〕105号', broken)]);
  await ingest('CF', [penalty('杭市监罚〔2026〕104号')]);
  // A licence accepted, then revised; a penalty received late (decided 60 days ago).
  const licence = (content: string) =>
    licenceRow({
      XK_XDR_SHXYM: SUBJECT,
      XK_WSH: '杭市监许〔2026〕7号',
      XK_JDRQ: DECIDED,
      XK_YXQZ: DECIDED,
      XK_NR: content,
    });
  await ingest('XK', [licence('预包装食品销售')]);
  await ingest('XK', [licence('预包装食品销售（含冷藏冷冻食品）')]);
  await ingest('CF', [penalty('杭市监罚〔2026〕106号', { CF_JDRQ: shift(-60) })]);
  // A penalty's 信用修复, as repairPenalty stores and announces it.
  await inPgTransaction(tdb.db.pool, async (sql) => {
    const [row] = await sql.rows(
      `UPDATE disclosure.penalty SET repaired_on = $2::date, repair_applied_on = $2::date, repair_reason = '已履行'
        WHERE document_number = $1
        RETURNING id::text AS id, subject_code, department, document_number, decided_on`,
      ['杭市监罚〔2026〕103号', TODAY],
    );
    const p = row as {
      id: string;
      subject_code: string;
      department: string;
      document_number: string;
      decided_on: Date;
    };
    const repaired = {
      id: BigInt(p.id),
      subjectCode: p.subject_code,
      department: p.department,
      documentNumber: p.document_number,
      decidedOn: p.decided_on,
    };
    await recordEvents(sql, penaltyRepairedEvents(repaired, TODAY));
  });

  // Push: a subscription of the tax department; one event delivered on time, one late, one dead letter.
  const sub = randomUUID();
  await tdb.db.pool.query(
    `INSERT INTO push.subscription (id, name, owner_kind, department, url, event_types, secret, created_by, created_at)
     VALUES ($1, '税务系统', 'DEPARTMENT', 'tax', 'https://example.test/hook', '{list.entry.added}', 'whsec_x', 'test', now())`,
    [sub],
  );
  const occurred = new Date(Date.now() - 7_200_000);
  const events: NewEvent[] = [];
  for (const [n, outcome, afterMs, attempts] of [
    [1, 'DELIVERED', 2_000, 1],
    [2, 'DELIVERED', 5_000_000, 3],
    [3, 'DEAD', 6_000_000, 8],
  ] as const) {
    const id = randomUUID();
    const [row] = (
      await tdb.db.pool.query<{ seq: string }>(
        `INSERT INTO push.event (id, type, subject_code, department, occurred_at, recorded_at, payload)
         VALUES ($1, 'list.entry.added', $2, 'market', $3, $3, '{}') RETURNING seq::text AS seq`,
        [id, SUBJECT, occurred],
      )
    ).rows;
    const at = new Date(occurred.getTime() + afterMs);
    const duration = 120 + n;
    await tdb.db.pool.query(
      `INSERT INTO push.delivery (subscription_id, event_seq, order_key, status, attempts, next_at, delivered_at, created_at)
       VALUES ($1, $2::bigint, $3, $4::push."PushDeliveryStatus", $5, $6, $7, $8)`,
      [sub, row!.seq, SUBJECT, outcome, attempts, at, outcome === 'DELIVERED' ? at : null, occurred],
    );
    // The attempts: retries, then the one that ended it (its start is the end less its duration).
    for (let a = 1; a <= attempts; a += 1) {
      const last = a === attempts;
      await tdb.db.pool.query(
        `INSERT INTO push.attempt (subscription_id, event_seq, attempt, at, duration_ms, status_code, outcome)
         VALUES ($1, $2::bigint, $3, $4, $5, $6, $7)`,
        [
          sub,
          row!.seq,
          a,
          last ? new Date(at.getTime() - duration) : new Date(occurred.getTime() + a * 1000),
          duration,
          last && outcome === 'DELIVERED' ? 200 : 503,
          last ? outcome : 'RETRY',
        ],
      );
    }
    const delivery = {
      id,
      type: 'list.entry.added',
      subjectCode: SUBJECT,
      occurredAt: occurred,
      subscriptionId: sub,
      subscriberDepartment: 'tax',
    };
    events.push(deliveryFinishedEvent(delivery, outcome, attempts, at, 3_600_000));
  }
  await recordEvents(pgSql(tdb.db.pool), events);

  await toStore();
  live = await frames();
  liveFacts = await count(`SELECT count(*)::int AS n FROM metrics.fact`);
});

after(async () => {
  await tdb?.drop();
});

describe('metrics backfill from the snapshots of the 双公示 intake and push', () => {
  it('empties the fact store and rebuilds the same frames from the two subgraphs’ current state', async () => {
    assert.ok(
      live.every((rows) => rows.length > 0),
      `every frame has rows live: ${live.map((rows, i) => `${QUERIES[i]!.metric} ${rows.length}`).join(', ')}`,
    );
    const run = await snapshotBackfill(tdb.db.pool, SOURCES, { today: TODAY });
    // 4 penalties accepted and published, 1 repaired (2 events), a licence accepted and revised; 6 first receipts;
    // 3 declarations; 2 quarantined rows and 1 resolution. Three finished deliveries.
    assert.deepEqual(run.items, { disclosure: 4 * 2 + 2 + 2 + 6 + 3 + 3, push: 3 });
    assert.equal(await count(SNAPSHOT_FACTS), liveFacts);
    assert.deepEqual(await frames(), live);
  });

  it('is idempotent: a second run, then a replay of the bus, give the same frames', async () => {
    await snapshotBackfill(tdb.db.pool, SOURCES, { today: TODAY });
    assert.deepEqual(await frames(), live);
    await rebuildFacts(tdb.db.pool);
    assert.deepEqual(await frames(), live);
  });

  it('counts a write made during the run once, before or after the intake’s snapshot (the exact cut)', async () => {
    // Push snapshots first here: a submission lands after the run's start and before the intake's snapshot (in it,
    // and its live events after the head); another inside the intake's snapshot, after its view began (live only).
    const sources: SnapshotSource[] = [
      {
        department: 'push',
        snapshot: async (sql, options) => {
          await ingest('CF', [penalty('杭市监罚〔2026〕201号')]);
          return pushSnapshot(sql, options);
        },
      },
      {
        department: 'disclosure',
        snapshot: async (sql, options) => {
          const events = await disclosureSnapshot(sql, options);
          await ingest('CF', [penalty('杭市监罚〔2026〕202号')]);
          return events;
        },
      },
    ];
    const run = await snapshotBackfill(tdb.db.pool, sources, { today: TODAY });
    assert.equal(run.items.disclosure, 24 + 3, 'the write before the intake’s snapshot is restated');
    assert.equal(await count(`SELECT count(*)::int AS n FROM metrics.backfill_skip`), 3, 'and its live events cut');
    await toStore();
    const accepted = await count(`SELECT count(*)::int AS n FROM metrics.fact WHERE stream = 'disclosure.accepted'`);
    assert.equal(accepted, 5 + 2, 'each write counted once');
    const afterRun = await frames();
    await rebuildFacts(tdb.db.pool);
    assert.deepEqual(await frames(), afterRun);
  });
});
