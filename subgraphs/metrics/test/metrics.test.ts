import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock, type RunningService } from '@credit-hub/kit';
import { pgSql } from '@credit-hub/kit/db';
import { drainConsumer, pruneEvents, relayAll, type NewEvent } from '@credit-hub/kit/events';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import { METRICS_CONSUMER, metricsFactsConsumer, rebuildFacts } from '../src/events.ts';
import { startMetricsSubgraph } from '../src/index.ts';
import { applyVariables, BUILT_IN_PANELS } from '../src/dashboards/rules.ts';
import { evaluateAlerts, upsertDirectory } from '../src/jobs.ts';
import { at, metricsSeed } from './seed.ts';

// The metrics subgraph in process over real HTTP against a real Postgres clone. Its facts come from department
// events recorded in the departments' outboxes, relayed to the bus and consumed: a small data set whose every number
// is known.
let tdb: TestDatabase;
let service: RunningService;
let seed: ReturnType<typeof metricsSeed>;
let A: string; // enterprise, 杭州市西湖区
let B: string; // enterprise, 宁波市海曙区
let G: string; // government body, 杭州市上城区

const supervisor = callers.supervisor();
const otherSupervisor = { ...callers.supervisor(), actor: 'supervisor-2' };

const listed = (subject: string, list: string, listedOn: string, department = 'court'): NewEvent => ({
  source: 'court',
  type: 'list.entry.added',
  department,
  subject,
  occurredAt: at(listedOn),
  payload: { list: list as 'DISHONEST_DEBTOR', entryId: `${subject}-${list}`, listedOn, endsOn: null, authority: null },
});
const accepted = (department: string, decidedOn: string, receivedOn: string, subject: string, n: number): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.record.accepted',
  department,
  subject,
  occurredAt: at(receivedOn),
  payload: { kind: 'PENALTY', recordId: `${department}-${n}`, decisionNumber: `罚〔2026〕${n}号`, decidedOn },
});
const check = (department: string, action: string, subject: string, n: number): NewEvent => ({
  source: 'evaluation',
  type: 'credit.check.recorded',
  department,
  subject,
  occurredAt: at('2026-03-10'),
  payload: { checkId: `c${n}`, checkingDepartment: department, matter: '工程建设项目招投标', action, lists: [] },
});
const published = (subject: string, record: string, publishedOn: string, n: number): NewEvent => ({
  source: 'disclosure',
  type: 'record.published',
  department: 'market',
  subject,
  occurredAt: at(publishedOn),
  payload: { record: record as 'ADMINISTRATIVE_PENALTY', recordId: `p${n}`, publishedOn, publicityEndsOn: null },
});
const graded = (subject: string, grade: string, previousGrade: string | null, day: string): NewEvent => ({
  source: 'evaluation',
  type: 'evaluation.grade.changed',
  department: 'platform',
  subject,
  occurredAt: at(day),
  payload: { modelCode: 'PUBLIC', modelVersion: 1, grade, previousGrade, score: null },
});

before(async () => {
  tdb = await createTestDatabase();
  seed = metricsSeed(tdb.db);
  A = seed.uscc('ENTERPRISE', '330106');
  B = seed.uscc('ENTERPRISE', '330203');
  G = seed.uscc('GOVERNMENT_BODY', '330102');
  await seed.publish([
    listed(A, 'DISHONEST_DEBTOR', '2026-01-10'),
    listed(G, 'DISHONEST_DEBTOR', '2026-02-05'),
    listed(B, 'SERIOUS_ILLEGAL', '2026-02-20', 'market'),
    {
      source: 'court',
      type: 'list.entry.removed',
      department: 'court',
      subject: A,
      occurredAt: at('2026-03-15'),
      payload: {
        list: 'DISHONEST_DEBTOR',
        entryId: `${A}-DISHONEST_DEBTOR`,
        removedOn: '2026-03-15',
        cause: 'PERFORMED',
        ground: null,
      },
    },
    // 2026-03-02 + 7 working days = 2026-03-11.
    accepted('tax', '2026-03-02', '2026-03-05', A, 1),
    accepted('tax', '2026-03-02', '2026-03-20', B, 2),
    accepted('market', '2026-03-03', '2026-03-04', B, 3),
    check('housing', 'INTERCEPT', A, 1),
    check('housing', 'NONE', B, 2),
    check('transport', 'RESTRICT', G, 3),
    ...['2025-02-01', '2025-06-01', '2025-09-01', '2026-01-05', '2026-02-01'].map((d, i) =>
      published(B, 'ADMINISTRATIVE_PENALTY', d, i),
    ),
    published(A, 'ADMINISTRATIVE_PENALTY', '2026-01-05', 10),
    published(G, 'GOVERNMENT_ARREARS', '2026-02-01', 11),
    graded(A, 'A', null, '2026-01-02'),
    graded(B, 'C', null, '2026-01-02'),
    graded(A, 'B', 'A', '2026-03-01'),
  ]);
  service = await startMetricsSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

const FRAME = `query ($q: MetricQuery!) {
  metricFrame(query: $q) { fields { name label } rows { period keys labels value numerator denominator } appliedFilters { dimension values } }
}`;
type Frame = {
  fields: { name: string }[];
  rows: {
    period: string | null;
    keys: string[];
    labels: string[];
    value: number | null;
    numerator: number;
    denominator: number;
  }[];
  appliedFilters: { dimension: string; values: string[] }[];
};

async function frame(q: Record<string, unknown>, who = supervisor) {
  const { body } = await postAs<{ metricFrame: Frame }>(service.url, who, FRAME, { q });
  return body;
}
async function rows(q: Record<string, unknown>, who = supervisor) {
  const body = await frame(q, who);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data!.metricFrame.rows.map((r) => [...(r.period ? [r.period] : []), ...r.keys, r.value]);
}
const Q1 = { from: '2026-01-01', to: '2026-03-31' };

describe('metrics over a known data set', () => {
  it('lists: entries in force by list and by city, monthly stock, additions and removals', async () => {
    assert.deepEqual(await rows({ metric: 'lists.entries', ...Q1, groupBy: ['list'], orderBy: { field: 'list' } }), [
      ['DISHONEST_DEBTOR', 1],
      ['SERIOUS_ILLEGAL', 1],
    ]);
    assert.deepEqual(
      await rows({
        metric: 'lists.entries',
        from: '2026-01-01',
        to: '2026-02-28',
        groupBy: ['city'],
        orderBy: { field: 'city' },
      }),
      [
        ['330100', 2],
        ['330200', 1],
      ],
    );
    assert.deepEqual(await rows({ metric: 'lists.entries', ...Q1, grain: 'MONTH' }), [
      ['2026-01-01', 1],
      ['2026-02-01', 3],
      ['2026-03-01', 2],
    ]);
    assert.deepEqual(await rows({ metric: 'lists.additions', ...Q1 }), [[3]]);
    assert.deepEqual(
      await rows({ metric: 'lists.additions', ...Q1, filters: [{ dimension: 'list', values: ['DISHONEST_DEBTOR'] }] }),
      [[2]],
    );
    assert.deepEqual(await rows({ metric: 'lists.removals', ...Q1, groupBy: ['severity'] }), [['PERFORMED', 1]]);
    // Drilling by region: a province's children.
    assert.deepEqual(
      await rows({
        metric: 'lists.additions',
        ...Q1,
        groupBy: ['district'],
        filters: [{ dimension: 'city', values: ['330100'] }],
        orderBy: { field: 'district' },
      }),
      [
        ['330102', 1],
        ['330106', 1],
      ],
    );
  });

  it('政务诚信: government bodies among the dishonest debtors, and outstanding arrears', async () => {
    assert.deepEqual(await rows({ metric: 'government.dishonestDebtors', ...Q1 }), [[1]]);
    assert.deepEqual(await rows({ metric: 'government.dishonestDebtorRatio', from: '2026-01-01', to: '2026-02-28' }), [
      [0.5],
    ]);
    assert.deepEqual(await rows({ metric: 'government.dishonestDebtorRatio', ...Q1 }), [[1]]);
    assert.deepEqual(await rows({ metric: 'government.arrearsOutstanding', ...Q1, groupBy: ['city'] }), [
      ['330100', 1],
    ]);
  });

  it('双公示: volumes, 及时率 and late receipts by department, ranked', async () => {
    assert.deepEqual(
      await rows({ metric: 'disclosure.reported', ...Q1, groupBy: ['department'], orderBy: { field: 'department' } }),
      [
        ['market', 1],
        ['tax', 2],
      ],
    );
    assert.deepEqual(await rows({ metric: 'disclosure.timeliness', ...Q1, groupBy: ['department'] }), [
      ['market', 1],
      ['tax', 0.5],
    ]);
    assert.deepEqual(await rows({ metric: 'disclosure.late', ...Q1, groupBy: ['department'] }), [['tax', 1]]);
    assert.deepEqual(await rows({ metric: 'collection.recordsReceived', ...Q1 }), [[3]]);
  });

  it('联合奖惩: checks by department, interceptions and restrictions', async () => {
    assert.deepEqual(await rows({ metric: 'checks.total', ...Q1, groupBy: ['department'] }), [
      ['housing', 2],
      ['transport', 1],
    ]);
    assert.deepEqual(await rows({ metric: 'checks.interceptions', ...Q1 }), [[1]]);
    assert.deepEqual(await rows({ metric: 'checks.restrictions', ...Q1, groupBy: ['subjectKind'] }), [
      ['GOVERNMENT_BODY', 1],
    ]);
  });

  it('分级分类 grade distribution at the end of the period, and high-frequency offenders', async () => {
    assert.deepEqual(
      await rows({ metric: 'evaluation.grades', ...Q1, groupBy: ['severity'], orderBy: { field: 'severity' } }),
      [
        ['A', 0],
        ['B', 1],
        ['C', 1],
      ],
    );
    assert.deepEqual(await rows({ metric: 'lists.highFrequencyOffenders', ...Q1, groupBy: ['city'] }), [['330200', 1]]);
    const { body } = await postAs<{ metricFacts: { subjectCode: string; value: number }[] }>(
      service.url,
      supervisor,
      `query ($q: MetricQuery!) { metricFacts(query: $q) { subjectCode value districtLabel } }`,
      { q: { metric: 'lists.highFrequencyOffenders', ...Q1 } },
    );
    assert.deepEqual(body.data?.metricFacts, [{ subjectCode: B, value: 5, districtLabel: '海曙区' }]);
  });

  it('drills from a number to the subjects behind it (a stock: those still listed)', async () => {
    const { body } = await postAs<{ metricFacts: { subjectCode: string; list: string }[] }>(
      service.url,
      supervisor,
      `query ($q: MetricQuery!) { metricFacts(query: $q) { subjectCode list day } }`,
      { q: { metric: 'lists.entries', ...Q1, filters: [{ dimension: 'list', values: ['DISHONEST_DEBTOR'] }] } },
    );
    assert.deepEqual(body.data?.metricFacts, [{ subjectCode: G, list: 'DISHONEST_DEBTOR', day: '2026-02-05' }]);
  });

  it('labels keys in Chinese and names the frame fields', async () => {
    const body = await frame({ metric: 'lists.entries', ...Q1, grain: 'MONTH', groupBy: ['city'] });
    assert.deepEqual(
      body.data?.metricFrame.fields.map((f) => f.name),
      ['period', 'city', 'value'],
    );
    assert.ok(body.data?.metricFrame.rows.some((r) => r.labels[0] === '杭州市'));
  });

  it('takes each event once: a second drain and a replayed bus add nothing', async () => {
    const before = await tdb.db.pool.query('SELECT count(*)::int AS n FROM metrics.fact');
    assert.equal(await drainConsumer(tdb.db.pool, metricsFactsConsumer), 0);
    const handled = await rebuildFacts(tdb.db.pool);
    assert.ok(handled >= 20);
    const afterRebuild = await tdb.db.pool.query('SELECT count(*)::int AS n FROM metrics.fact');
    assert.equal(afterRebuild.rows[0].n, before.rows[0].n);
    // The stock levels the consumer keeps equal the sums of the facts.
    const drift = await tdb.db.pool.query(
      `SELECT count(*)::int AS n FROM (SELECT stream, list, severity, sum(value) AS v FROM metrics.fact
         WHERE stream IN ('list.entry', 'record.published', 'evaluation.grade', 'rating') GROUP BY 1, 2, 3) f
       FULL JOIN (SELECT stream, list, severity, sum(value) AS v FROM metrics.stock GROUP BY 1, 2, 3) s USING (stream, list, severity)
       WHERE f.v IS DISTINCT FROM s.v`,
    );
    assert.equal(drift.rows[0].n, 0);
    assert.deepEqual(await rows({ metric: 'lists.entries', ...Q1, groupBy: ['list'], orderBy: { field: 'list' } }), [
      ['DISHONEST_DEBTOR', 1],
      ['SERIOUS_ILLEGAL', 1],
    ]);
  });

  it('gives facts the industry the subject directory exports, also to facts stored before', async () => {
    await upsertDirectory(pgSql(tdb.db.pool), [{ code: B, kind: 'ENTERPRISE', district: '330203', industry: 'F' }]);
    assert.deepEqual(
      await rows({ metric: 'lists.entries', ...Q1, groupBy: ['industry'], orderBy: { field: 'industry' } }),
      [
        ['-', 1],
        ['F', 1],
      ],
    );
  });
});

describe('access and audit of metric reads', () => {
  it("binds an officer to their department's rows and records the metric read in the audit trail", async () => {
    const tax = callers.officer('tax');
    assert.deepEqual(
      await rows(
        {
          metric: 'disclosure.timeliness',
          ...Q1,
          groupBy: ['department'],
          filters: [{ dimension: 'department', values: ['market'] }],
        },
        tax,
      ),
      [['tax', 0.5]],
    );
    const audit = await tdb.db.pool.query(
      `SELECT fields FROM audit.entry WHERE action = 'READ' AND actor = 'officer-tax'`,
    );
    assert.ok(audit.rows.some((r: { fields: string[] }) => r.fields.includes('metricFrame:disclosure.timeliness')));
  });

  it("refuses an officer a supervisor's metric, and the public and administrators every metric", async () => {
    const officer = await frame({ metric: 'lists.entries', ...Q1 }, callers.officer('tax'));
    assert.equal(officer.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(officer.errors?.[0]?.extensions?.metric, 'lists.entries');
    for (const who of [callers.public, callers.admin()]) {
      const body = await frame({ metric: 'checks.total', ...Q1 }, who);
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    }
  });

  it('reads the repair window’s metrics, fed since repair.case.closed (none closed here: no rows)', async () => {
    const body = await frame({ metric: 'repairs.handlingDays', ...Q1 });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  });
});

const SAVE = `mutation ($input: DashboardInput!, $v: Int) {
  saveDashboard(input: $input, expectedVersion: $v) { id version scope title definition }
}`;
const LIST = `{ dashboards { id title scope version } }`;
const definition = JSON.stringify({
  variables: { from: '2026-01-01', to: '2026-03-31' },
  panels: [
    {
      id: 'p1',
      title: '名单在册',
      viz: 'BAR',
      query: { metric: 'lists.entries', groupBy: ['list'] },
      grid: { x: 0, y: 0, w: 12, h: 8 },
    },
  ],
});

describe('saved dashboards', () => {
  it('saves, versions, shares by scope, and refuses a save over a newer version', async () => {
    const created = await postAs<{ saveDashboard: { id: string; version: number } }>(service.url, supervisor, SAVE, {
      input: { title: '我的看板', scope: 'PRIVATE', definition },
    });
    assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
    const { id, version } = created.body.data!.saveDashboard;
    assert.equal(version, 1);
    // Private: the other supervisor does not see it (but both see the built-in dashboards).
    const hidden = await postAs<{ dashboards: { id: string }[] }>(service.url, otherSupervisor, LIST);
    assert.ok(!hidden.body.data!.dashboards.some((d) => d.id === id));
    assert.ok(hidden.body.data!.dashboards.some((d) => d.id === 'builtin-disclosure'));

    const shared = await postAs<{ saveDashboard: { version: number } }>(service.url, supervisor, SAVE, {
      input: { id, title: '全体监管人员看板', scope: 'SUPERVISORS', definition },
      v: 1,
    });
    assert.equal(shared.body.data?.saveDashboard.version, 2);
    const seen = await postAs<{ dashboards: { id: string; version: number }[] }>(service.url, otherSupervisor, LIST);
    assert.ok(seen.body.data!.dashboards.some((d) => d.id === id && d.version === 2));

    // A save based on version 1 after version 2 was stored: refused with a stable code, nothing overwritten.
    const stale = await postAs(service.url, supervisor, SAVE, {
      input: { id, title: '旧版本', scope: 'PRIVATE', definition },
      v: 1,
    });
    assert.equal(stale.body.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal(stale.body.errors?.[0]?.extensions?.rule, 'STALE_VERSION');
    assert.equal(stale.body.errors?.[0]?.extensions?.currentVersion, 2);
    const still = await postAs<{ dashboard: { title: string } }>(
      service.url,
      supervisor,
      `query ($id: ID!) { dashboard(id: $id) { title } }`,
      { id },
    );
    assert.equal(still.body.data?.dashboard.title, '全体监管人员看板');

    // Only the owner may save it.
    const foreign = await postAs(service.url, otherSupervisor, SAVE, {
      input: { id, title: 'x', scope: 'PRIVATE', definition },
      v: 2,
    });
    assert.equal(foreign.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it("shares a department-scope dashboard with that department's officers only", async () => {
    const created = await postAs<{ saveDashboard: { id: string } }>(service.url, supervisor, SAVE, {
      input: { title: '税务局看板', scope: 'DEPARTMENT', department: 'tax', definition },
    });
    const id = created.body.data!.saveDashboard.id;
    const tax = await postAs<{ dashboards: { id: string }[] }>(service.url, callers.officer('tax'), LIST);
    const market = await postAs<{ dashboards: { id: string }[] }>(service.url, callers.officer('market'), LIST);
    assert.ok(tax.body.data!.dashboards.some((d) => d.id === id));
    assert.ok(!market.body.data!.dashboards.some((d) => d.id === id));
  });

  it('deletes a dashboard only at the version its owner saw', async () => {
    const created = await postAs<{ saveDashboard: { id: string } }>(service.url, supervisor, SAVE, {
      input: { title: '临时看板', scope: 'PRIVATE', definition },
    });
    const id = created.body.data!.saveDashboard.id;
    const DELETE = `mutation ($id: ID!, $v: Int!) { deleteDashboard(id: $id, expectedVersion: $v) }`;
    const stale = await postAs(service.url, supervisor, DELETE, { id, v: 7 });
    assert.equal(stale.body.errors?.[0]?.extensions?.rule, 'STALE_VERSION');
    const done = await postAs<{ deleteDashboard: boolean }>(service.url, supervisor, DELETE, { id, v: 1 });
    assert.equal(done.body.data?.deleteDashboard, true);
    const gone = await postAs<{ dashboard: null }>(
      service.url,
      supervisor,
      `query ($id: ID!) { dashboard(id: $id) { id } }`,
      { id },
    );
    assert.equal(gone.body.data?.dashboard, null);
  });

  it('refuses a definition of the wrong shape, naming the field', async () => {
    const bad = JSON.stringify({
      panels: [
        { id: 'p', title: 't', viz: 'MAP', query: { metric: 'lists.entries' }, grid: { x: 0, y: 0, w: 1, h: 1 } },
      ],
    });
    const { body } = await postAs(service.url, supervisor, SAVE, {
      input: { title: 't', scope: 'PRIVATE', definition: bad },
    });
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(body.errors?.[0]?.extensions?.field, 'input.definition.panels.0.viz');
    const officer = await postAs(service.url, callers.officer('tax'), SAVE, {
      input: { title: 't', scope: 'PRIVATE', definition },
    });
    assert.equal(officer.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('the catalogue and its dimensions', () => {
  it('lists every metric with its sources; none waits for its events any more', async () => {
    const { body } = await postAs<{
      metrics: { id: string; fed: boolean; pendingOn: string | null; sources: string[] }[];
    }>(service.url, callers.officer('tax'), `{ metrics { id fed pendingOn sources } }`);
    const byId = new Map(body.data!.metrics.map((m) => [m.id, m]));
    assert.equal(byId.get('disclosure.timeliness')?.fed, true);
    assert.equal(byId.get('repairs.handlingDays')?.fed, true);
    assert.ok(body.data!.metrics.every((m) => m.fed && m.pendingOn === null));
    assert.ok(body.data!.metrics.every((m) => m.sources.length > 0));
  });

  it('gives the region cascade level by level', async () => {
    const { body } = await postAs<{
      metricDimensions: { id: string; hierarchy: string[] | null; values: { value: string; label: string }[] }[];
    }>(service.url, supervisor, `{ metricDimensions { id hierarchy values(parent: "330100") { value label } } }`);
    const district = body.data!.metricDimensions.find((d) => d.id === 'district')!;
    assert.deepEqual(district.hierarchy, ['province', 'city', 'district']);
    assert.ok(district.values.some((v) => v.value === '330106' && v.label === '西湖区'));
    assert.ok(district.values.every((v) => v.value.startsWith('3301')));
  });
});

describe('built-in dashboards', () => {
  it('answers every fed panel of every built-in dashboard with the variables applied', async () => {
    for (const panel of BUILT_IN_PANELS({ from: '2026-01-01', to: '2026-03-31', region: '330100', department: null })) {
      const body = await frame(panel.query);
      assert.equal(body.errors, undefined, `${panel.id}: ${JSON.stringify(body.errors)}`);
    }
    // The region variable at a city: a $regionChild panel shows its districts.
    const q = applyVariables(
      { metric: 'lists.additions', groupBy: ['$regionChild'] },
      { from: '2026-01-01', to: '2026-03-31', region: '330100', department: null },
    );
    assert.deepEqual(await rows({ ...q, orderBy: { field: 'district' } }), [
      ['330102', 1],
      ['330106', 1],
    ]);
  });
});

describe('threshold alerts', () => {
  it('fires once per rule and period, into the metrics outbox for the push channel, and lists the firing', async () => {
    const created = await postAs<{ createAlertRule: { id: string } }>(
      service.url,
      supervisor,
      `mutation ($i: AlertRuleInput!) { createAlertRule(input: $i) { id } }`,
      {
        i: {
          metric: 'disclosure.timeliness',
          comparator: 'BELOW',
          threshold: 0.9,
          filters: [{ dimension: 'department', values: ['tax'] }],
        },
      },
    );
    assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
    const sql = pgSql(tdb.db.pool);
    const march = { from: '2026-03-01', to: '2026-03-31' };
    assert.equal(await evaluateAlerts(sql, march), 1);
    assert.equal(await evaluateAlerts(sql, march), 0);
    await relayAll(tdb.db.pool);
    const bus = await tdb.db.pool.query(`SELECT payload FROM events.event WHERE type = 'metrics.alert.fired'`);
    assert.equal(bus.rows.length, 1);
    assert.equal(bus.rows[0].payload.value, 0.5);
    const { body } = await postAs<{ metricAlerts: { metricLabel: string; value: number }[] }>(
      service.url,
      supervisor,
      `{ metricAlerts { metricLabel value periodStart } }`,
    );
    assert.deepEqual(body.data?.metricAlerts, [{ metricLabel: '双公示及时率', value: 0.5, periodStart: '2026-03-01' }]);
  });
});

describe('a replay of a pruned bus', () => {
  it('is refused before the fact store is emptied (the snapshot backfill rebuilds instead)', async () => {
    const pool = tdb.db.pool;
    await relayAll(pool);
    await drainConsumer(pool, metricsFactsConsumer);
    const facts = async () =>
      (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM metrics.fact')).rows[0]!.n;
    const before = await facts();
    assert.ok(before > 0);
    // 40 days on, a 30-day retention prunes every event the consumer has passed. The consumer is live: its cursor
    // moved a day before (a cursor still for the whole window would be taken as retired, docs/events.md).
    await pool.query('UPDATE events.cursor SET updated_at = $2 WHERE consumer = $1', [
      METRICS_CONSUMER,
      new Date(Date.now() + 39 * 86_400_000),
    ]);
    const restore = fixClock(new Date(Date.now() + 40 * 86_400_000));
    try {
      const report = await pruneEvents(pool, { retentionDays: 30 });
      assert.ok(report.bus > 0, JSON.stringify(report));
    } finally {
      restore();
    }
    await assert.rejects(
      rebuildFacts(pool),
      (error: unknown) => (error as { code?: string }).code === 'EVENTS_BUS_PRUNED',
    );
    assert.equal(await facts(), before, 'nothing was emptied');
  });
});
