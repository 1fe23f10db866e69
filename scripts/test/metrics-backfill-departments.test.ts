import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inPgTransaction, pgSql } from '@credit-hub/kit/db';
import { recordEvents, type NewEvent } from '@credit-hub/kit/events';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import {
  breachPublicityEnded,
  breachPublishedEvent,
  breachRepairedEvent,
  commitmentSnapshot,
} from '@credit-hub/subgraph-commitment/events';
import {
  environmentSnapshot,
  penaltyPublishedEvent,
  ratingChangedEvent as environmentRatingEvent,
  ratingRepairedEvent,
} from '@credit-hub/subgraph-environment/events';
import { arrearsClearedEvent, arrearsPublishedEvent, governmentSnapshot } from '@credit-hub/subgraph-government/events';
import { entryAddedEvent, entryRemovedEvent, marketSnapshot } from '@credit-hub/subgraph-market/events';
import { reportIssuedEvent, reportSnapshot } from '@credit-hub/subgraph-report/events';
import {
  ratingChangedEvent as taxRatingEvent,
  taxSnapshot,
  violatorListedEvent,
  violatorRemovedEvent,
} from '@credit-hub/subgraph-tax/events';
import { rebuildFacts, snapshotBackfill, type SnapshotSource } from '@credit-hub/subgraph-metrics/events';
import type { MetricQueryInput } from '@credit-hub/subgraph-metrics/rules';
import { ratingValidUntil } from '../../subgraphs/environment/src/rules.ts';
import { commitmentSeed } from '../../subgraphs/commitment/test/seed.ts';
import { environmentSeed } from '../../subgraphs/environment/test/seed.ts';
import { governmentSeed } from '../../subgraphs/government/test/seed.ts';
import { marketSeed } from '../../subgraphs/market/test/seed.ts';
import { taxSeed } from '../../subgraphs/tax/test/seed.ts';
import { countOf, feedStore, metricFrames, SNAPSHOT_FACTS } from './support/backfill.ts';

// The snapshots of tax, market supervision, environment, the 政务诚信 office, commitments and reports (ADR 0124): each department's rows
// are stored as its writes store them and announced live with the events its writes (and its repair consumer and
// term-ended rule) record; the metrics store fed live is the reference. A snapshot backfill must empty the store and
// rebuild the same frames from the departments' state alone — and, for a write made while the run is under way, count
// it once whichever side of the department's snapshot it falls (the exact cut).
let tdb: TestDatabase;
const TODAY = '2026-06-01';
const day = (v: string) => new Date(`${v}T00:00:00Z`);
const REPAIR_TEXT = '信用修复（查询码 Q2026000001）：已履行完毕';
/** The query code the departments' repair consumers store beside their removal text (migration 0081). */
const REPAIR_CODE = 'Q2026000001';

const SOURCES: SnapshotSource[] = [
  { department: 'commitment', snapshot: commitmentSnapshot },
  { department: 'environment', snapshot: environmentSnapshot },
  { department: 'government', snapshot: governmentSnapshot },
  { department: 'market', snapshot: marketSnapshot },
  { department: 'report', snapshot: reportSnapshot },
  { department: 'tax', snapshot: taxSnapshot },
];

const QUERIES: MetricQueryInput[] = [
  { metric: 'lists.entries', from: '2022-01-01', to: '2026-05-31', grain: 'QUARTER', groupBy: ['list'] },
  { metric: 'lists.additions', from: '2021-01-01', to: '2026-05-31', grain: 'YEAR', groupBy: ['list', 'department'] },
  { metric: 'lists.removals', from: '2021-01-01', to: '2026-05-31', groupBy: ['list', 'severity'] },
  {
    metric: 'records.published',
    from: '2023-01-01',
    to: '2026-05-31',
    grain: 'YEAR',
    groupBy: ['department', 'matter'],
  },
  { metric: 'government.arrearsOutstanding', from: '2024-01-01', to: '2026-05-31', grain: 'QUARTER' },
  {
    metric: 'repairs.completed',
    from: '2023-01-01',
    to: '2026-12-31',
    grain: 'YEAR',
    groupBy: ['department', 'matter'],
  },
  {
    metric: 'ratings.levels',
    from: '2023-01-01',
    to: '2030-12-31',
    grain: 'YEAR',
    groupBy: ['department', 'matter', 'severity'],
  },
  { metric: 'reports.issued', from: '2025-01-01', to: '2026-05-31', grain: 'MONTH', groupBy: ['matter', 'severity'] },
];
const frames = () => metricFrames(tdb.db.pool, QUERIES);
const count = (query: string) => countOf(tdb.db.pool, query);
const feed = (events: NewEvent[]) => feedStore(tdb.db.pool, events);

let live: Awaited<ReturnType<typeof frames>>;
let liveFacts: number;

before(async () => {
  tdb = await createTestDatabase();
  const events: NewEvent[] = [];

  // Tax: a rating; an entry in force; one stopped by the department; one stopped by a 信用修复 act; one whose three
  // years ran out before TODAY (the publicity-ended rule's event).
  const tax = taxSeed(tdb.db);
  const t1 = tax.uscc('ENTERPRISE', '330106');
  const t2 = tax.uscc('ENTERPRISE', '330203');
  const rating = await tax.rating({ subjectCode: t1, regionCode: '330106', year: 2024, level: 'B' });
  events.push({ ...taxRatingEvent(rating, null), occurredAt: rating.updatedAt });
  const inForce = await tax.violation({ subjectCode: t1, regionCode: '330106', published: '2024-05-10' });
  const stopped = await tax.violation({
    subjectCode: t2,
    regionCode: '330203',
    published: '2024-02-01',
    status: 'REMOVED',
    removedOn: day('2025-03-01'),
    removalGround: 'DECISION_REVOKED',
    removalReason: '决定被撤销：复议撤销',
  });
  const repaired = await tax.violation({
    subjectCode: t2,
    regionCode: '330203',
    published: '2024-03-01',
    status: 'REMOVED',
    removedOn: day('2025-10-09'),
    removalGround: 'PAID_IN_FULL',
    removalReason: REPAIR_TEXT,
    repairQueryCode: REPAIR_CODE,
  });
  // An officer's removal whose reason reads like a repair act's stays the officer's: the snapshots read the query code
  // the repair consumers store, not the text (they used to read its first characters).
  const lookalike = await tax.violation({
    subjectCode: t1,
    regionCode: '330106',
    published: '2024-04-01',
    status: 'REMOVED',
    removedOn: day('2025-04-01'),
    removalGround: 'DECISION_REVOKED',
    removalReason: REPAIR_TEXT,
  });
  const ended = await tax.violation({ subjectCode: t1, regionCode: '330106', published: '2022-01-05' });
  assert.ok(ended.publicityEndsOn.toISOString().slice(0, 10) < TODAY, 'the three years have run out');
  const endedDay = new Date(ended.publicityEndsOn.getTime() + 86_400_000).toISOString().slice(0, 10);
  events.push(
    violatorListedEvent(inForce),
    violatorListedEvent(stopped),
    violatorRemovedEvent(stopped, '2025-03-01', 'REMOVED', 'DECISION_REVOKED'),
    violatorListedEvent(repaired),
    violatorRemovedEvent(repaired, '2025-10-09', 'REPAIRED', 'PAID_IN_FULL'),
    violatorListedEvent(lookalike),
    violatorRemovedEvent(lookalike, '2025-04-01', 'REMOVED', 'DECISION_REVOKED'),
    violatorListedEvent(ended),
    {
      source: 'tax',
      type: 'list.entry.removed',
      department: 'tax',
      subject: ended.subjectCode,
      payload: {
        list: 'MAJOR_TAX_VIOLATOR',
        entryId: String(ended.id),
        removedOn: endedDay,
        cause: 'TERM_ENDED',
        ground: null,
      },
    },
  );

  // Market: 经营异常名录 listed, removed (移出), revoked (撤销) and repaired; 严重违法失信名单 listed, removed early by
  // the department, repaired in the window, and one whose term ran out.
  const market = marketSeed(tdb.db);
  const m1 = market.uscc('ENTERPRISE', '330106');
  const m2 = market.uscc('ENTERPRISE', '330203');
  const listed = await market.abnormal({ subjectCode: m1, listed: '2025-06-20' });
  const moved = await market.abnormal({
    subjectCode: m2,
    listed: '2024-07-01',
    status: 'REMOVED',
    removedOn: day('2025-01-15'),
    removalReason: '已补报年度报告',
  });
  const revoked = await market.abnormal({
    subjectCode: m1,
    listed: '2024-08-01',
    status: 'REVOKED',
    removedOn: day('2024-09-01'),
    removalReason: '异议成立',
  });
  const abnormalRepaired = await market.abnormal({
    subjectCode: m2,
    listed: '2023-07-01',
    status: 'REMOVED',
    removedOn: day('2025-11-03'),
    removalReason: REPAIR_TEXT,
    repairQueryCode: REPAIR_CODE,
  });
  const abnormalLookalike = await market.abnormal({
    subjectCode: m1,
    listed: '2024-10-08',
    status: 'REMOVED',
    removedOn: day('2025-02-10'),
    removalReason: REPAIR_TEXT,
  });
  const serious = await market.serious({ subjectCode: m1, listed: '2025-02-10' });
  const early = await market.serious({
    subjectCode: m2,
    listed: '2023-05-10',
    status: 'REMOVED',
    removedOn: day('2024-08-01'),
    removalGround: 'EARLY_REMOVAL',
    removalBasis: '满一年，履行义务',
  });
  const seriousRepaired = await market.serious({
    subjectCode: m2,
    listed: '2024-05-10',
    status: 'REMOVED',
    removedOn: day('2025-12-01'),
    removalGround: 'EARLY_REMOVAL',
    removalBasis: REPAIR_TEXT,
    repairQueryCode: REPAIR_CODE,
  });
  const expired = await market.serious({ subjectCode: m1, listed: '2022-03-01' });
  const expiredDay = new Date(expired.expiresOn.getTime() + 86_400_000).toISOString().slice(0, 10);
  assert.ok(expiredDay <= TODAY, 'the term has run out');
  events.push(
    entryAddedEvent('ABNORMAL_OPERATION', listed, null),
    entryAddedEvent('ABNORMAL_OPERATION', moved, null),
    entryRemovedEvent('ABNORMAL_OPERATION', moved, 'REMOVED', '已补报年度报告'),
    entryAddedEvent('ABNORMAL_OPERATION', revoked, null),
    entryRemovedEvent('ABNORMAL_OPERATION', revoked, 'WITHDRAWN', '异议成立'),
    entryAddedEvent('ABNORMAL_OPERATION', abnormalRepaired, null),
    entryRemovedEvent('ABNORMAL_OPERATION', abnormalRepaired, 'REPAIRED', 'REPAIRED'),
    entryAddedEvent('ABNORMAL_OPERATION', abnormalLookalike, null),
    entryRemovedEvent('ABNORMAL_OPERATION', abnormalLookalike, 'REMOVED', REPAIR_TEXT),
    entryAddedEvent('SERIOUS_ILLEGAL', serious, serious.expiresOn),
    entryAddedEvent('SERIOUS_ILLEGAL', early, early.expiresOn),
    entryRemovedEvent('SERIOUS_ILLEGAL', early, 'REPAIRED', 'EARLY_REMOVAL'),
    entryAddedEvent('SERIOUS_ILLEGAL', seriousRepaired, seriousRepaired.expiresOn),
    entryRemovedEvent('SERIOUS_ILLEGAL', seriousRepaired, 'REPAIRED', 'REPAIRED'),
    entryAddedEvent('SERIOUS_ILLEGAL', expired, expired.expiresOn),
    {
      source: 'market',
      type: 'list.entry.removed',
      department: 'market',
      subject: expired.subjectCode,
      payload: {
        list: 'SERIOUS_ILLEGAL',
        entryId: String(expired.id),
        removedOn: expiredDay,
        cause: 'TERM_ENDED',
        ground: null,
      },
    },
  );

  // Environment: a green rating; a red one repaired to yellow by the department's 信用修复 act; a penalty.
  const env = environmentSeed(tdb.db);
  const e1 = env.uscc('ENTERPRISE', '330106');
  const e2 = env.uscc('ENTERPRISE', '330110');
  const green = await env.rating({ subjectCode: e1, year: 2024, grade: 'GREEN' });
  const red = await env.rating({
    subjectCode: e2,
    year: 2024,
    grade: 'YELLOW',
    gradeBeforeRepair: 'RED',
    repairedOn: day('2025-09-01'),
    repairBasis: REPAIR_TEXT,
  });
  const penalty = await env.penalty({ subjectCode: e2, decisionNumber: '杭环西罚〔2025〕12号', decided: '2025-03-18' });
  events.push(
    { ...environmentRatingEvent(green, null, ratingValidUntil(2024)), occurredAt: green.updatedAt },
    { ...environmentRatingEvent({ ...red, grade: 'RED' }, null, ratingValidUntil(2024)), occurredAt: red.evaluatedOn },
    {
      ...ratingRepairedEvent({ ratingId: String(red.id), subjectCode: e2, year: 2024, before: 'RED' }),
      occurredAt: day('2025-09-01'),
    },
    penaltyPublishedEvent(penalty),
  );

  // 政务诚信: an arrear outstanding and one cleared.
  const gov = governmentSeed(tdb.db);
  const body = gov.uscc('GOVERNMENT_BODY', '330102');
  const owed = gov.uscc('ENTERPRISE', '330106');
  const open = await gov.arrears({
    debtorCode: body,
    creditorCode: owed,
    description: '工程款',
    amount: 120000,
    due: '2024-06-30',
    recorded: '2024-09-01',
  });
  const cleared = await gov.arrears({
    debtorCode: body,
    creditorCode: owed,
    description: '采购款',
    amount: 50000,
    paidAmount: 50000,
    status: 'CLEARED',
    due: '2024-03-31',
    recorded: '2024-05-01',
    clearedOn: day('2025-04-20'),
  });
  events.push(arrearsPublishedEvent(open), arrearsPublishedEvent(cleared), arrearsClearedEvent(cleared));

  // Commitments (信用承诺): a breach published; one ended by a 信用修复 act; one whose publicity ran out (the rule's
  // event); one kept (no metric event).
  const cm = commitmentSeed(tdb.db);
  const c1 = cm.uscc('ENTERPRISE', '330106');
  const broken = { state: 'BROKEN' as const, finding: '未按期补齐场所证明' };
  const published = await cm.commitment({
    subjectCode: c1,
    made: '2025-01-10',
    ...broken,
    checkedOn: day('2025-06-01'),
    tier: 'SEVERE',
    publicityEndsOn: day('2028-05-31'),
  });
  const breachRepaired = await cm.commitment({
    subjectCode: c1,
    made: '2024-01-10',
    ...broken,
    checkedOn: day('2024-06-01'),
    tier: 'GENERAL',
    publicityEndsOn: day('2027-05-31'),
    repairedOn: day('2025-02-01'),
    repairBasis: REPAIR_TEXT,
  });
  const breachEnded = await cm.commitment({
    subjectCode: c1,
    made: '2022-01-10',
    ...broken,
    checkedOn: day('2022-06-01'),
    tier: 'GENERAL',
    publicityEndsOn: day('2025-05-31'),
  });
  await cm.commitment({ subjectCode: c1, made: '2025-02-01', state: 'KEPT', checkedOn: day('2025-08-01') });
  const breachEndings = await breachPublicityEnded.due(pgSql(tdb.db.pool), {
    since: day('2025-05-01'),
    today: day(TODAY),
  });
  assert.equal(breachEndings.length, 1, 'one breach’s publicity has run out');
  events.push(
    breachPublishedEvent(published),
    breachPublishedEvent(breachRepaired),
    breachRepairedEvent(breachRepaired, '2025-02-01'),
    breachPublishedEvent(breachEnded),
    ...breachEndings.map(({ endingKey: _key, ...e }) => ({ ...e, source: 'commitment' }) as NewEvent),
  );

  // Reports issued (信用报告出具数), one public and one special, as the report service stores them.
  for (const [number, kind, purpose, issuedAt] of [
    ['330106202503150001', 'PUBLIC_INFORMATION', 'BIDDING', '2025-03-15T02:10:00Z'],
    ['330106202604300002', 'SPECIAL_NO_VIOLATION', 'LISTING', '2026-04-30T15:59:00Z'],
  ] as const) {
    const report = await tdb.db.prisma.issuedReport.create({
      data: {
        number,
        kind,
        subjectCode: t1,
        subjectName: '杭州云栖数智科技有限公司',
        issuedAt: new Date(issuedAt),
        dataCutoff: new Date(issuedAt),
        requester: 'test',
        requesterRole: 'PUBLIC',
        purpose,
        pdfSha256: '0'.repeat(64),
        pdf: new Uint8Array(1),
        data: {},
        dataDigest: '0'.repeat(64),
        verificationCode: 'ABCDEFGH',
        signature: '-',
        keyId: 'test',
      },
    });
    events.push(reportIssuedEvent(report));
  }

  await feed(events);
  live = await frames();
  liveFacts = await count(`SELECT count(*)::int AS n FROM metrics.fact`);
});

after(async () => {
  await tdb?.drop();
});

type Frame = Awaited<ReturnType<typeof frames>>[number];
/** The value of the row of a period (its first day) and keys; 0 when the frame has none. */
const value = (rows: Frame, period: string, ...keys: string[]) =>
  rows.find((r) => r.period === period && keys.every((k, i) => r.keys[i] === k))?.value ?? 0;
/** A stock's level in a period: a frame has rows only for the periods in which the level changed. */
const level = (rows: Frame, period: string, ...keys: string[]) =>
  rows
    .filter((r) => r.period !== null && r.period <= period && keys.every((k, i) => r.keys[i] === k))
    .sort((a, b) => a.period!.localeCompare(b.period!))
    .at(-1)?.value ?? 0;

describe('metrics backfill from the snapshots of tax, market, environment, 政务诚信, commitments and reports', () => {
  it('empties the fact store and rebuilds the same frames from the departments’ current state', async () => {
    assert.ok(
      live.every((rows) => rows.length > 0),
      'every frame has rows live',
    );
    const run = await snapshotBackfill(tdb.db.pool, SOURCES, { today: TODAY });
    assert.deepEqual(run.items, { commitment: 5, environment: 4, government: 3, market: 16, report: 2, tax: 10 });
    // Every fact now comes from the run's snapshot items, none from the live events.
    assert.equal(await count(SNAPSHOT_FACTS), liveFacts);
    assert.deepEqual(await frames(), live);
  });

  it('is idempotent: a second run, then a replay of the bus, give the same frames', async () => {
    await snapshotBackfill(tdb.db.pool, SOURCES, { today: TODAY });
    assert.deepEqual(await frames(), live);
    await rebuildFacts(tdb.db.pool);
    assert.deepEqual(await frames(), live);
  });

  it('counts a write made during the run once, before or after its department’s snapshot (the exact cut)', async () => {
    const gov = governmentSeed(tdb.db);
    const body = gov.uscc('GOVERNMENT_BODY', '330102');
    const owed = gov.uscc('ENTERPRISE', '330106');
    // A write of the office with its event, committed in its own transaction (as the office's writes do).
    const write = (description: string) =>
      inPgTransaction(tdb.db.pool, async (sql) => {
        const [row] = await sql.rows(
          `INSERT INTO government.arrears (debtor_code, creditor_code, region_code, description, amount, due_on, recorded_on)
           VALUES ($1, $2, '330102', $3, 1000, '2026-01-31', '2026-02-01') RETURNING id::text AS id`,
          [body, owed, description],
        );
        const id = BigInt((row as { id: string }).id);
        await recordEvents(sql, [arrearsPublishedEvent({ id, debtorCode: body, recordedOn: day('2026-02-01') })]);
      });
    // The departments run in order: one write lands after the run's start and before the office's snapshot (in it,
    // and its live event after the head), the other after the office's snapshot (a live event only).
    const sources: SnapshotSource[] = [
      { department: 'commitment', snapshot: commitmentSnapshot },
      {
        department: 'environment',
        snapshot: async (sql, options) => {
          await write('运行中、快照前');
          return environmentSnapshot(sql, options);
        },
      },
      { department: 'government', snapshot: governmentSnapshot },
      {
        department: 'market',
        snapshot: async (sql, options) => {
          await write('快照后');
          return marketSnapshot(sql, options);
        },
      },
      { department: 'report', snapshot: reportSnapshot },
      { department: 'tax', snapshot: taxSnapshot },
    ];
    const run = await snapshotBackfill(tdb.db.pool, sources, { today: TODAY });
    assert.equal(run.items.government, 4, 'the write before the office’s snapshot is restated');
    assert.equal(await count(`SELECT count(*)::int AS n FROM metrics.backfill_skip`), 1, 'and its live event cut');
    const outstanding = (rows: Frame[]) => level(rows[4]!, '2026-01-01');
    const after = await frames();
    assert.equal(outstanding(after), outstanding(live) + 2, 'each write counted once');
    assert.equal(value(after[3]!, '2026-01-01', 'government', 'GOVERNMENT_ARREARS'), 2);
    // A replay of the bus from the run's start applies the same cut.
    await rebuildFacts(tdb.db.pool);
    assert.deepEqual(await frames(), after);
  });

  it('takes live events after the run as usual', async () => {
    const before = await frames();
    const market = marketSeed(tdb.db);
    const fresh = await market.abnormal({ subjectCode: market.uscc('ENTERPRISE', '330110'), listed: '2026-03-02' });
    await feed([entryAddedEvent('ABNORMAL_OPERATION', fresh, null)]);
    const now = await frames();
    assert.equal(
      level(now[0]!, '2026-01-01', 'ABNORMAL_OPERATION'),
      level(before[0]!, '2026-01-01', 'ABNORMAL_OPERATION') + 1,
    );
  });
});
