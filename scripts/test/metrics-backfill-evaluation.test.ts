import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { inPgTransaction, pgSql } from '@credit-hub/kit/db';
import { recordEvents, type NewEvent } from '@credit-hub/kit/events';
import { chinaToday, toIsoDate } from '@credit-hub/kit';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import {
  checkRecordedEvent,
  decisionReportedEvent,
  evaluationSnapshot,
  measureOverdue,
  sampleDrawnEvent,
} from '@credit-hub/subgraph-evaluation/events';
import { caseClosedEvent, repairSnapshot } from '@credit-hub/subgraph-repair/events';
import { rebuildFacts, snapshotBackfill, type SnapshotSource } from '@credit-hub/subgraph-metrics/events';
import type { MetricQueryInput } from '@credit-hub/subgraph-metrics/rules';
import { countOf, feedStore, metricFrames, SNAPSHOT_FACTS, toStore } from './support/backfill.ts';
import { storeEvaluations, type StoredEvaluationInput } from '../../subgraphs/evaluation/src/scoring/writes.ts';

// The snapshots of the evaluation (credit checks, business decisions, overdue measures, 双随机 draws) and of the repair
// window (closed cases) (ADR 0131): the rows are stored as the writes store them and announced live with the events
// the same builders make; the metrics store fed live is the reference. A snapshot backfill must empty the store and
// rebuild the same frames from the two departments' state alone, and count a write made during the run once.
let tdb: TestDatabase;
const TODAY = '2026-06-01';
const day = (v: string) => new Date(`${v}T00:00:00Z`);
const S1 = '91330106MA2B3C4D5E';
const S2 = '91330203MA2B3C4D6F';

const NEAR_TODAY = (() => {
  const to = chinaToday();
  const from = new Date(to);
  from.setUTCDate(from.getUTCDate() - 7);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: toIsoDate(from)!, to: toIsoDate(to)! };
})();

const SOURCES: SnapshotSource[] = [
  { department: 'evaluation', snapshot: evaluationSnapshot },
  { department: 'repair', snapshot: repairSnapshot },
];

const QUERIES: MetricQueryInput[] = [
  { metric: 'checks.total', from: '2026-01-01', to: '2026-05-31', grain: 'MONTH', groupBy: ['department', 'matter'] },
  { metric: 'checks.interceptions', from: '2026-01-01', to: '2026-05-31', groupBy: ['department'] },
  { metric: 'checks.unchecked', from: '2026-01-01', to: '2026-05-31', grain: 'MONTH', groupBy: ['department'] },
  { metric: 'checks.uncheckedRate', from: '2026-01-01', to: '2026-05-31', groupBy: ['department'] },
  { metric: 'checks.unpunished', from: '2026-01-01', to: '2026-05-31', groupBy: ['department', 'severity'] },
  { metric: 'inspections.draws', from: '2026-01-01', to: '2026-05-31', groupBy: ['department', 'matter'] },
  { metric: 'inspections.sampleRate', from: '2026-01-01', to: '2026-05-31', groupBy: ['department', 'severity'] },
  { metric: 'repairs.handlingDays', from: '2026-01-01', to: '2026-05-31', groupBy: ['department', 'matter'] },
  { metric: 'objections.handlingDays', from: '2026-01-01', to: '2026-05-31', groupBy: ['department'] },
  { metric: 'repairs.overdue', from: '2026-01-01', to: '2026-05-31', groupBy: ['department'] },
  { metric: 'objections.share', from: '2026-01-01', to: '2026-05-31', groupBy: ['department'] },
  // Grades are stored at the database's time (scoring/writes.ts), so their stock is read over the days around today.
  { metric: 'evaluation.grades', from: NEAR_TODAY.from, to: NEAR_TODAY.to, groupBy: ['matter', 'severity'] },
];
const frames = () => metricFrames(tdb.db.pool, QUERIES);
const count = (query: string) => countOf(tdb.db.pool, query);
const feed = (events: NewEvent[]) => feedStore(tdb.db.pool, events);

/** A credit check row as `recordChecks` stores it. */
async function check(c: {
  department: string | null;
  subject: string;
  action: 'INTERCEPT' | 'CLEAR';
  at: string;
  measures?: unknown[];
}) {
  const id = randomUUID();
  const lists = c.action === 'CLEAR' ? [] : [{ list: 'MAJOR_TAX_VIOLATOR', type: 'BLACK', department: 'tax' }];
  await tdb.db.pool.query(
    `INSERT INTO evaluation.credit_check (id, caller_actor, caller_role, caller_department, caller_client, request_id,
       matter, subject_code, reference, lists, measures, action, checked_at)
     VALUES ($1::uuid, 'officer-1', 'OFFICER', $2, '127.0.0.1', 'req', 'BIDDING', $3, NULL, $4::jsonb, $5::jsonb, $6, $7)`,
    [id, c.department, c.subject, JSON.stringify(lists), JSON.stringify(c.measures ?? []), c.action, c.at],
  );
  return checkRecordedEvent({
    id,
    department: c.department,
    subjectCode: c.subject,
    matter: 'BIDDING',
    action: c.action,
    lists: lists.map(() => 'MAJOR_TAX_VIOLATOR' as const),
    checkedAt: new Date(c.at),
  });
}

/** A closed case and its transitions as the repair window's moves store them; returns the case id. */
async function closedCase(c: {
  kind: 'REPAIR' | 'OBJECTION';
  department: string;
  submittedAt: string;
  extended: boolean;
  moves: { action: string; from: string; to: string; days: number | null; dueOn: string | null; at: string }[];
}) {
  const [row] = (
    await tdb.db.pool.query<{ id: string }>(
      `INSERT INTO repair."case" (kind, query_code, subject_code, applicant_actor, applicant_kind, record_kind, record_id,
         department, statement, state, stage_started_at, extended, submitted_at)
       VALUES ($1, $2, $3, 'ent-1', 'SUBJECT', 'MAJOR_TAX_VIOLATION', '42', $4, '已履行', $5, now(), $6, $7)
       RETURNING id::text AS id`,
      [c.kind, `Q${randomUUID().slice(0, 12)}`, S1, c.department, c.moves.at(-1)!.to, c.extended, c.submittedAt],
    )
  ).rows;
  for (const m of c.moves)
    await tdb.db.pool.query(
      `INSERT INTO repair.transition (case_id, from_state, to_state, action, actor, role, department, stage_days,
         due_on, at)
       VALUES ($1::bigint, $2, $3, $4, 'officer-2', 'OFFICER', $5, $6, $7::date, $8)`,
      [row!.id, m.from, m.to, m.action, c.department, m.days, m.dueOn, m.at],
    );
  return row!.id;
}

let live: Awaited<ReturnType<typeof frames>>;
let liveFacts: number;

before(async () => {
  tdb = await createTestDatabase();
  const events: NewEvent[] = [];
  // Credit checks: an interception by tax whose measure got no feedback (overdue), one by tax whose measure did, a
  // clear one by market, and a supervisor's (no department: `platform`).
  const measure = (code: string) => ({ code, version: 1, kind: 'INTERCEPT', name: '限制投标', withheld: false });
  events.push(
    await check({
      department: 'tax',
      subject: S1,
      action: 'INTERCEPT',
      at: '2026-03-02T02:00:00Z',
      measures: [measure('M1')],
    }),
  );
  const answered = await check({
    department: 'tax',
    subject: S2,
    action: 'INTERCEPT',
    at: '2026-03-03T02:00:00Z',
    measures: [measure('M2')],
  });
  events.push(answered);
  await tdb.db.pool.query(
    `INSERT INTO evaluation.check_feedback (check_id, measure_code, measure_version, applied, reported_by)
     VALUES ($1::uuid, 'M2', 1, true, 'officer-1')`,
    [(answered.payload as { checkId: string }).checkId],
  );
  events.push(
    await check({ department: 'market', subject: S2, action: 'CLEAR', at: '2026-04-01T03:00:00Z' }),
    await check({ department: null, subject: S1, action: 'CLEAR', at: '2026-04-02T03:00:00Z' }),
  );
  // The overdue measure, as the scheduler's rule announced it.
  const overdue = await measureOverdue.due(pgSql(tdb.db.pool), { since: day('2026-01-01'), today: day(TODAY) });
  assert.equal(overdue.length, 1, 'one measure without feedback is overdue');
  events.push(...overdue.map(({ endingKey: _key, ...e }) => ({ ...e, source: 'evaluation' }) as NewEvent));

  // Business decisions (应查未查): tax's, with its check in the window; market's without one.
  for (const [department, subject, reference, decidedOn, checked] of [
    ['tax', S1, 'ZB-2026-001', '2026-03-10', true],
    ['market', S1, 'XK-2026-007', '2026-04-20', false],
  ] as const) {
    const [row] = (
      await tdb.db.pool.query<{ id: string }>(
        `INSERT INTO evaluation.business_decision (department, subject_code, matter, reference, decided_on, reported_by)
         VALUES ($1, $2, 'BIDDING', $3, $4::date, 'officer-1') RETURNING id::text AS id`,
        [department, subject, reference, decidedOn],
      )
    ).rows;
    events.push(
      decisionReportedEvent({
        id: row!.id,
        department,
        subjectCode: subject,
        matter: 'BIDDING',
        reference,
        decidedOn,
        checked,
      }),
    );
  }

  // A 双随机 draw by market.
  const strata = [
    { level: 'A', label: '低风险', samplingRatio: 0.05, population: 40, drawn: 2 },
    { level: 'C', label: '高风险', samplingRatio: 0.5, population: 6, drawn: 3 },
  ];
  const [draw] = (
    await tdb.db.pool.query<{ id: string }>(
      `INSERT INTO evaluation.inspection_draw (region_code, industry_code, seed, matter, population_count, strata,
         selected_codes, drawn_by, department, drawn_at)
       VALUES ('330106', 'C', 's1', '食品安全检查', 46, $1::jsonb, '{}', 'officer-3', 'market', '2026-02-10T03:00:00Z')
       RETURNING id::text AS id`,
      [JSON.stringify(strata)],
    )
  ).rows;
  events.push(
    sampleDrawnEvent({
      id: draw!.id,
      department: 'market',
      regionCode: '330106',
      industryCode: 'C',
      matter: '食品安全检查',
      strata,
      drawnAt: new Date('2026-02-10T03:00:00Z'),
    }),
  );

  // Closed cases: a repair approved after its (extended) due date, an objection upheld in time.
  const repairId = await closedCase({
    kind: 'REPAIR',
    department: 'tax',
    submittedAt: '2026-01-05T02:00:00Z',
    extended: true,
    moves: [
      { action: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', days: null, dueOn: null, at: '2026-01-05T02:00:00Z' },
      {
        action: 'FORWARD',
        from: 'SUBMITTED',
        to: 'FORWARDED',
        days: 2,
        dueOn: '2026-01-07',
        at: '2026-01-07T02:00:00Z',
      },
      { action: 'ACCEPT', from: 'FORWARDED', to: 'ACCEPTED', days: 1, dueOn: '2026-01-12', at: '2026-01-08T02:00:00Z' },
      {
        action: 'EXTEND',
        from: 'ACCEPTED',
        to: 'ACCEPTED',
        days: null,
        dueOn: '2026-01-29',
        at: '2026-01-20T02:00:00Z',
      },
      {
        action: 'APPROVE',
        from: 'ACCEPTED',
        to: 'APPROVED',
        days: 20,
        dueOn: '2026-02-05',
        at: '2026-02-10T02:00:00Z',
      },
    ],
  });
  const objectionId = await closedCase({
    kind: 'OBJECTION',
    department: 'market',
    submittedAt: '2026-03-02T02:00:00Z',
    extended: false,
    moves: [
      { action: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', days: null, dueOn: null, at: '2026-03-02T02:00:00Z' },
      {
        action: 'FORWARD',
        from: 'SUBMITTED',
        to: 'FORWARDED',
        days: 1,
        dueOn: '2026-03-04',
        at: '2026-03-03T02:00:00Z',
      },
      // At 23:30 China time: the decision's day is the China date.
      { action: 'UPHOLD', from: 'FORWARDED', to: 'UPHELD', days: 4, dueOn: '2026-03-20', at: '2026-03-09T15:30:00Z' },
    ],
  });
  const closed = (
    id: string,
    c: Omit<Parameters<typeof caseClosedEvent>[0], 'caseId' | 'recordKind' | 'recordId' | 'subjectCode'>,
    at: string,
  ) => ({
    ...caseClosedEvent({ ...c, caseId: id, recordKind: 'MAJOR_TAX_VIOLATION', recordId: '42', subjectCode: S1 }),
    occurredAt: new Date(at),
  });
  events.push(
    closed(
      repairId,
      {
        kind: 'REPAIR',
        department: 'tax',
        outcome: 'APPROVED',
        submittedOn: '2026-01-05',
        closedOn: '2026-02-10',
        workingDays: 23,
        overdue: true,
        extended: true,
      },
      '2026-02-10T02:00:00Z',
    ),
    closed(
      objectionId,
      {
        kind: 'OBJECTION',
        department: 'market',
        outcome: 'UPHELD',
        submittedOn: '2026-03-02',
        closedOn: '2026-03-09',
        workingDays: 5,
        overdue: false,
        extended: false,
      },
      '2026-03-09T15:30:00Z',
    ),
  );

  await feed(events);
  // Two subjects' first grades through the scoring write itself (its events in the same statement), and a
  // re-evaluation with the same grade, which records nothing.
  const grade = (subjectCode: string, g: string, digest: string): StoredEvaluationInput => ({
    subjectCode,
    subjectKind: 'ENTERPRISE',
    regionCode: '330100',
    industryCode: null,
    modelCode: 'PUBLIC_CREDIT',
    modelVersion: 1,
    score: g === 'A' ? 900 : 700,
    grade: g,
    gradeLabel: g,
    supervisionLevel: 'NORMAL',
    supervisionLabel: '一般',
    samplingRatio: 0.1,
    explanation: [],
    inputsDigest: digest,
  });
  await storeEvaluations(tdb.db, [grade(S1, 'A', 'd1'), grade(S2, 'C', 'd1')]);
  await storeEvaluations(tdb.db, [grade(S1, 'A', 'd2')]);
  await toStore(tdb.db.pool);
  live = await frames();
  liveFacts = await count(`SELECT count(*)::int AS n FROM metrics.fact`);
});

after(async () => {
  await tdb?.drop();
});

describe('metrics backfill from the snapshots of the evaluation and the repair window', () => {
  it('empties the fact store and rebuilds the same frames from the two departments’ current state', async () => {
    assert.ok(
      live.every((rows) => rows.length > 0),
      'every frame has rows live',
    );
    const run = await snapshotBackfill(tdb.db.pool, SOURCES, { today: TODAY });
    // 4 checks, 2 decisions, 1 overdue measure, 1 draw, 2 grades; 2 closed cases.
    assert.deepEqual(run.items, { evaluation: 10, repair: 2 });
    assert.equal(await count(SNAPSHOT_FACTS), liveFacts);
    assert.deepEqual(await frames(), live);
  });

  it('is idempotent: a second run, then a replay of the bus, give the same frames', async () => {
    await snapshotBackfill(tdb.db.pool, SOURCES, { today: TODAY });
    assert.deepEqual(await frames(), live);
    await rebuildFacts(tdb.db.pool);
    assert.deepEqual(await frames(), live);
  });

  it('counts a check recorded during the run once, before or after the evaluation’s snapshot (the exact cut)', async () => {
    // A check with its event in one transaction, as recordChecks stores them.
    const write = (at: string) =>
      inPgTransaction(tdb.db.pool, async (sql) => {
        const id = randomUUID();
        await sql.execute(
          `INSERT INTO evaluation.credit_check (id, caller_actor, caller_role, caller_department, caller_client,
             request_id, matter, subject_code, lists, measures, action, checked_at)
           VALUES ($1::uuid, 'officer-1', 'OFFICER', 'court', '127.0.0.1', 'req', 'BIDDING', $2, '[]', '[]', 'CLEAR', $3)`,
          [id, S2, at],
        );
        await recordEvents(sql, [
          checkRecordedEvent({
            id,
            department: 'court',
            subjectCode: S2,
            matter: 'BIDDING',
            action: 'CLEAR',
            lists: [],
            checkedAt: new Date(at),
          }),
        ]);
      });
    // The departments run in order: one check lands after the run's start and before the evaluation's snapshot (in it,
    // and its live event after the head), the other after it (a live event only).
    const sources: SnapshotSource[] = [
      {
        department: 'repair',
        snapshot: async (sql, options) => {
          await write('2026-05-04T02:00:00Z');
          return repairSnapshot(sql, options);
        },
      },
      { department: 'evaluation', snapshot: evaluationSnapshot },
      {
        department: 'repair',
        snapshot: async () => {
          await write('2026-05-05T02:00:00Z');
          return [];
        },
      },
    ];
    const run = await snapshotBackfill(tdb.db.pool, sources, { today: TODAY });
    assert.equal(run.items.evaluation, 11, 'the check before the evaluation’s snapshot is restated');
    assert.equal(await count(`SELECT count(*)::int AS n FROM metrics.backfill_skip`), 1, 'and its live event cut');
    const after = await frames();
    const court = (rows: (typeof after)[number]) =>
      rows.filter((r) => r.keys[0] === 'court').reduce((n, r) => n + Number(r.value), 0);
    assert.equal(court(after[0]!), 2, 'each check counted once');
    await rebuildFacts(tdb.db.pool);
    assert.deepEqual(await frames(), after);
  });

  it('restates a closing decision made before migration 0076 (no due date kept) as on time', async () => {
    const old = await closedCase({
      kind: 'REPAIR',
      department: 'court',
      submittedAt: '2026-04-01T02:00:00Z',
      extended: false,
      moves: [
        { action: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', days: null, dueOn: null, at: '2026-04-01T02:00:00Z' },
        { action: 'DENY', from: 'SUBMITTED', to: 'DENIED', days: 3, dueOn: null, at: '2026-04-06T02:00:00Z' },
      ],
    });
    const events = await repairSnapshot(pgSql(tdb.db.pool), { today: TODAY });
    const restated = events.find((e) => (e.payload as { caseId: string }).caseId === old);
    assert.deepEqual(restated?.payload, {
      caseId: old,
      caseKind: 'REPAIR',
      recordKind: 'MAJOR_TAX_VIOLATION',
      recordId: '42',
      outcome: 'DENIED',
      submittedOn: '2026-04-01',
      closedOn: '2026-04-06',
      workingDays: 3,
      overdue: false,
      extended: false,
    });
  });
});
