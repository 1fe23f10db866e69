import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import { drainConsumer, type NewEvent } from '@credit-hub/kit/events';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import { metricsFactsConsumer, rebuildFacts } from '../src/events.ts';
import { startMetricsSubgraph } from '../src/index.ts';
import { at, metricsSeed } from './seed.ts';

// The metrics of ADR 0110 on a small known data set: the events the departments record (双公示 first receipts,
// declarations and quarantine; business decisions and overdue measures; 双随机 draws; reports; push deliveries),
// recorded in their outboxes, relayed and consumed. Every number below is counted by hand from the events.
let tdb: TestDatabase;
let service: RunningService;
let A: string; // enterprise, 杭州市西湖区
let B: string; // enterprise, 宁波市海曙区
let G: string; // government body, 杭州市上城区
let TA: string; // the tax bureau deciding, 杭州市西湖区 (330106)
let MA: string; // the market bureau deciding, 宁波市海曙区 (330203)

const supervisor = callers.supervisor();
const Q1 = { from: '2026-01-01', to: '2026-03-31' };

const received = (
  department: string,
  authorityCode: string,
  n: number,
  decidedOn: string,
  receivedOn: string,
  flags: { compliant: boolean; declared: boolean; rules?: string[] },
): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.decision.received',
  department,
  occurredAt: at(receivedOn),
  payload: {
    kind: 'PENALTY',
    authorityCode,
    decisionNumber: `罚〔2026〕${n}号`,
    decidedOn,
    compliant: flags.compliant,
    declared: flags.declared,
    rules: flags.rules ?? [],
  },
});
const declared = (
  department: string,
  authorityCode: string,
  n: number,
  decidedOn: string,
  wasReceived = false,
): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.decision.declared',
  department,
  occurredAt: at('2026-03-01'),
  payload: { kind: 'PENALTY', authorityCode, decisionNumber: `罚〔2026〕${n}号`, decidedOn, received: wasReceived },
});
const quarantined = (department: string, authorityCode: string, id: string, day: string, rule: string): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.record.quarantined',
  department,
  occurredAt: at(day),
  payload: {
    kind: 'PENALTY',
    quarantineId: id,
    authorityCode,
    decisionNumber: null,
    decidedOn: null,
    rules: [rule, 'REQUIRED'],
  },
});
const decision = (department: string, subject: string, n: number, decidedOn: string, checked: boolean): NewEvent => ({
  source: 'evaluation',
  type: 'business.decision.reported',
  department,
  subject,
  occurredAt: at('2026-03-20'),
  payload: { decisionId: `d${n}`, matter: 'TENDERING', reference: `T-${n}`, decidedOn, checked, windowDays: 30 },
});
const overdue = (department: string, subject: string, n: number, kind: string, overdueOn: string): NewEvent => ({
  source: 'evaluation',
  type: 'credit.measure.overdue',
  department,
  subject,
  occurredAt: at(overdueOn),
  payload: {
    checkId: `c${n}`,
    checkingDepartment: department,
    matter: 'TENDERING',
    measureCode: `M-${n}`,
    measureKind: kind,
    checkedOn: '2026-03-09',
    deadline: '2026-03-16',
    overdueOn,
  },
});
const drawn = (
  regionCode: string,
  n: number,
  levels: { level: string; population: number; drawn: number }[],
): NewEvent => ({
  source: 'evaluation',
  type: 'inspection.sample.drawn',
  department: 'platform',
  occurredAt: at('2026-02-10'),
  payload: { sampleId: `s${n}`, regionCode, industryCode: 'F', matter: '日常监管', levels },
});
const report = (
  subject: string,
  n: number,
  kind: 'PUBLIC_INFORMATION' | 'SPECIAL_NO_VIOLATION',
  purpose: string,
): NewEvent => ({
  source: 'report',
  type: 'report.issued',
  department: 'platform',
  subject,
  occurredAt: at('2026-02-15'),
  payload: { number: `XY330106202602150000${n}`, kind, purpose, issuedOn: '2026-02-15' },
});
const delivery = (
  department: string,
  n: number,
  outcome: 'DELIVERED' | 'DEAD' | 'GONE',
  timely: boolean,
  subject: string,
): NewEvent => ({
  source: 'push',
  type: 'push.delivery.finished',
  department,
  subject,
  occurredAt: at('2026-03-12'),
  payload: {
    eventId: `00000000-0000-4000-8000-00000000000${n}`,
    eventType: 'list.entry.added',
    subscriptionId: '00000000-0000-4000-8000-0000000000aa',
    subscriberDepartment: department,
    outcome,
    attempts: outcome === 'DELIVERED' ? 1 : 10,
    latencyMs: timely ? 800 : 7_200_000,
    timely,
  },
});

const closed = (
  department: string,
  subject: string,
  n: number,
  caseKind: 'REPAIR' | 'OBJECTION',
  recordKind: string,
  outcome: string,
  closedOn: string,
  workingDays: number | null,
  overdue: boolean,
) =>
  ({
    source: 'repair',
    type: 'repair.case.closed',
    department,
    subject,
    occurredAt: at(closedOn),
    payload: {
      caseId: String(n),
      caseKind,
      recordKind,
      recordId: String(100 + n),
      outcome,
      submittedOn: '2026-02-02',
      closedOn,
      workingDays,
      overdue,
      extended: false,
    },
  }) as NewEvent;
const removed = (source: string, subject: string, list: string, n: number, removedOn: string, cause: string) =>
  ({
    source,
    type: 'list.entry.removed',
    department: source,
    subject,
    occurredAt: at(removedOn),
    payload: { list, entryId: String(n), removedOn, cause, ground: null },
  }) as NewEvent;
const ended = (source: string, department: string, subject: string, record: string, id: string, endedOn: string) =>
  ({
    source,
    type: 'record.publication.ended',
    department,
    subject,
    occurredAt: at(endedOn),
    payload: { record, recordId: id, endedOn, cause: 'REPAIRED' },
  }) as NewEvent;
const rated = (source: string, subject: string, scheme: string, day: string, cause?: string) =>
  ({
    source,
    type: 'rating.changed',
    department: source,
    subject,
    occurredAt: at(day),
    payload: {
      scheme,
      year: 2025,
      level: scheme === 'ENVIRONMENTAL' ? 'YELLOW' : 'A',
      previousLevel: scheme === 'ENVIRONMENTAL' ? 'RED' : 'B',
      ratingId: `r-${scheme}`,
      ...(cause ? { cause } : {}),
    },
  }) as NewEvent;

before(async () => {
  tdb = await createTestDatabase();
  const seed = metricsSeed(tdb.db);
  A = seed.uscc('ENTERPRISE', '330106');
  B = seed.uscc('ENTERPRISE', '330203');
  G = seed.uscc('GOVERNMENT_BODY', '330102');
  TA = seed.uscc('GOVERNMENT_BODY', '330106');
  MA = seed.uscc('GOVERNMENT_BODY', '330203');
  await seed.publish([
    // 双公示, tax: declared 1 and 2; 1 received on time and valid; 3 (undeclared) first received late and invalid.
    // 2026-03-02 + 7 working days = 2026-03-11.
    declared('tax', TA, 1, '2026-03-02'),
    declared('tax', TA, 2, '2026-03-02'),
    received('tax', TA, 1, '2026-03-02', '2026-03-05', { compliant: true, declared: true }),
    received('tax', TA, 3, '2026-03-02', '2026-03-20', { compliant: false, declared: false, rules: ['DATE_FORMAT'] }),
    // market: 11 received on time and valid, declared afterwards (already due: adds nothing).
    received('market', MA, 11, '2026-03-03', '2026-03-04', { compliant: true, declared: false }),
    declared('market', MA, 11, '2026-03-03', true),
    // The quarantine: tax q1, q2, market q3; q1 corrected on 03-10.
    quarantined('tax', TA, '1', '2026-03-05', 'DATE_FORMAT'),
    quarantined('tax', TA, '2', '2026-03-06', 'ENUM'),
    quarantined('market', MA, '3', '2026-03-06', 'ENUM'),
    {
      source: 'disclosure',
      type: 'disclosure.quarantine.resolved',
      department: 'tax',
      occurredAt: at('2026-03-10'),
      payload: { kind: 'PENALTY', quarantineId: '1', resolution: 'RESUBMITTED', recordId: '77' },
    },
    // 应查未查: housing decided on A (checked) and B (not); transport on G (not).
    decision('housing', A, 1, '2026-03-01', true),
    decision('housing', B, 2, '2026-03-02', false),
    decision('transport', G, 3, '2026-03-05', false),
    // 应惩未惩.
    overdue('housing', A, 1, 'INTERCEPT', '2026-03-17'),
    overdue('transport', G, 2, 'RESTRICT', '2026-03-18'),
    overdue('transport', G, 3, 'REMIND', '2026-04-02'),
    // 双随机: two draws in 杭州市, one in 宁波市.
    drawn('330100', 1, [
      { level: 'RELAXED', population: 100, drawn: 2 },
      { level: 'STRICT', population: 10, drawn: 10 },
    ]),
    drawn('330100', 2, [{ level: 'RELAXED', population: 100, drawn: 3 }]),
    drawn('330200', 3, [{ level: 'NORMAL', population: 50, drawn: 5 }]),
    // Reports.
    report(A, 1, 'PUBLIC_INFORMATION', 'GENERAL'),
    report(B, 2, 'SPECIAL_NO_VIOLATION', 'BIDDING'),
    report(B, 3, 'SPECIAL_NO_VIOLATION', 'BIDDING'),
    // Push: tax's subscriber got 1 on time, 1 late, gave up on 1; market's got 1 on time.
    delivery('tax', 1, 'DELIVERED', true, A),
    delivery('tax', 2, 'DELIVERED', false, A),
    delivery('tax', 3, 'DEAD', false, B),
    delivery('market', 4, 'DELIVERED', true, B),
    // The repair window's closed cases (deciding department; working days with the 补正 already excluded).
    closed('tax', A, 1, 'REPAIR', 'MAJOR_TAX_VIOLATION', 'APPROVED', '2026-03-10', 5, false),
    closed('tax', B, 2, 'REPAIR', 'MAJOR_TAX_VIOLATION', 'DENIED', '2026-03-12', 9, true),
    closed('market', A, 3, 'REPAIR', 'ABNORMAL_OPERATION', 'APPROVED', '2026-02-20', 3, false),
    closed('market', B, 4, 'OBJECTION', 'SERIOUS_ILLEGAL', 'UPHELD', '2026-03-15', 12, true),
    // Outside the calendar's years: counted as a case, not in the average.
    closed('environment', A, 5, 'REPAIR', 'ENVIRONMENTAL_BLACKLIST', 'APPROVED', '2026-03-16', null, false),
    closed('tax', A, 6, 'OBJECTION', 'MAJOR_TAX_VIOLATION', 'CORRECTED', '2026-03-18', 4, false),
    // The departments' repair acts (cause REPAIRED), whichever record kind; the others are no repair.
    removed('tax', A, 'MAJOR_TAX_VIOLATOR', 1, '2026-03-11', 'REPAIRED'),
    removed('market', A, 'ABNORMAL_OPERATION', 2, '2026-02-21', 'REPAIRED'),
    removed('market', B, 'SERIOUS_ILLEGAL', 3, '2026-03-02', 'TERM_ENDED'),
    // A repaired 双公示 penalty is announced twice by disclosure: counted once.
    {
      source: 'disclosure',
      type: 'disclosure.record.repaired',
      department: 'tax',
      subject: A,
      occurredAt: at('2026-03-05'),
      payload: {
        kind: 'PENALTY',
        recordId: '9',
        decisionNumber: '罚〔2025〕9号',
        decidedOn: '2025-06-01',
        repairedOn: '2026-03-05',
      },
    },
    ended('disclosure', 'tax', A, 'ADMINISTRATIVE_PENALTY', '9', '2026-03-05'),
    ended('commitment', 'market', B, 'COMMITMENT_BREACH', '00000000-0000-4000-8000-0000000000c1', '2026-03-20'),
    rated('environment', A, 'ENVIRONMENTAL', '2026-03-17', 'REPAIRED'),
    rated('tax', B, 'TAX_CREDIT', '2026-03-17'),
  ]);
  service = await startMetricsSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service?.close();
  await tdb?.drop();
});

const FRAME = `query ($q: MetricQuery!) {
  metricFrame(query: $q) { rows { period keys value numerator denominator } appliedFilters { dimension values } }
}`;
type Row = { period: string | null; keys: string[]; value: number | null; numerator: number; denominator: number };

async function frame(q: Record<string, unknown>, who = supervisor) {
  const { body } = await postAs<{ metricFrame: { rows: Row[] } }>(service.url, who, FRAME, { q });
  return body;
}
async function rows(q: Record<string, unknown>, who = supervisor) {
  const body = await frame(q, who);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data!.metricFrame.rows.map((r) => [...(r.period ? [r.period] : []), ...r.keys, r.value]);
}
const by = (metric: string, groupBy: string[], extra: Record<string, unknown> = {}) =>
  rows({ metric, ...Q1, groupBy, orderBy: { field: groupBy[0] }, ...extra });

describe('双公示 quality from the intake (上报率, 合规率, 及时率 by decision date)', () => {
  it('上报率 = reported / due, a declaration after the receipt adding nothing', async () => {
    assert.deepEqual(await by('disclosure.reportingRate', ['department']), [
      ['market', 1],
      ['tax', 2 / 3],
    ]);
    // The deciding authority's region: tax's bureau is in 杭州市.
    assert.deepEqual(
      await rows({ metric: 'disclosure.reportingRate', ...Q1, filters: [{ dimension: 'city', values: ['330100'] }] }),
      [[2 / 3]],
    );
    assert.deepEqual(await rows({ metric: 'disclosure.reportingRate', ...Q1, grain: 'MONTH' }), [
      ['2026-03-01', 3 / 4],
    ]);
  });

  it('合规率 by department and by the first failed rule; 及时率 counts the invalid first receipt too', async () => {
    assert.deepEqual(await by('disclosure.complianceRate', ['department']), [
      ['market', 1],
      ['tax', 0.5],
    ]);
    assert.deepEqual(
      await by('disclosure.complianceRate', ['severity'], { filters: [{ dimension: 'department', values: ['tax'] }] }),
      [
        ['COMPLIANT', 1],
        ['DATE_FORMAT', 0],
      ],
    );
    assert.deepEqual(await by('disclosure.decisionTimeliness', ['department']), [
      ['market', 1],
      ['tax', 0.5],
    ]);
    assert.deepEqual(await by('disclosure.decisionTimeliness', ['severity']), [
      ['LATE', 0],
      ['TIMELY', 1],
    ]);
  });

  it('隔离区: the backlog at the end of a period and the rows quarantined, by rule', async () => {
    assert.deepEqual(await by('collection.quarantineBacklog', ['department']), [
      ['market', 1],
      ['tax', 1],
    ]);
    assert.deepEqual(
      await by('collection.quarantineBacklog', ['department'], { from: '2026-03-01', to: '2026-03-07' }),
      [
        ['market', 1],
        ['tax', 2],
      ],
    );
    assert.deepEqual(await by('collection.quarantined', ['severity']), [
      ['DATE_FORMAT', 1],
      ['ENUM', 2],
    ]);
    assert.deepEqual(
      await rows({ metric: 'collection.quarantined', ...Q1, filters: [{ dimension: 'city', values: ['330200'] }] }),
      [[1]],
    );
  });
});

describe('联合奖惩: 应查未查 and 应惩未惩', () => {
  it('counts unchecked decisions by department and region, and their share', async () => {
    assert.deepEqual(await by('checks.unchecked', ['department']), [
      ['housing', 1],
      ['transport', 1],
    ]);
    assert.deepEqual(await by('checks.uncheckedRate', ['department']), [
      ['housing', 0.5],
      ['transport', 1],
    ]);
    assert.deepEqual(await by('checks.unchecked', ['city']), [
      ['330100', 1],
      ['330200', 1],
    ]);
    assert.deepEqual(
      await rows({
        metric: 'checks.unchecked',
        ...Q1,
        filters: [{ dimension: 'subjectKind', values: ['ENTERPRISE'] }],
      }),
      [[1]],
    );
  });

  it('counts overdue measures on the day they became overdue, by kind', async () => {
    assert.deepEqual(await by('checks.unpunished', ['severity']), [
      ['INTERCEPT', 1],
      ['RESTRICT', 1],
    ]);
    assert.deepEqual(
      await rows({ metric: 'checks.unpunished', from: '2026-01-01', to: '2026-04-30', grain: 'MONTH' }),
      [
        ['2026-03-01', 2],
        ['2026-04-01', 1],
      ],
    );
  });
});

describe('分级分类监管: 双随机 draws', () => {
  it('counts draws by the drawn region and the share drawn per supervision level', async () => {
    assert.deepEqual(await by('inspections.draws', ['city']), [
      ['330100', 2],
      ['330200', 1],
    ]);
    assert.deepEqual(await by('inspections.sampleRate', ['severity']), [
      ['NORMAL', 0.1],
      ['RELAXED', 0.025],
      ['STRICT', 1],
    ]);
    assert.deepEqual(
      await rows({ metric: 'inspections.sampleRate', ...Q1, filters: [{ dimension: 'city', values: ['330100'] }] }),
      [[15 / 210]],
    );
  });
});

describe('reports issued, push deliveries and sync timeliness', () => {
  it('counts reports by kind and purpose, and by the subject’s city', async () => {
    assert.deepEqual(await by('reports.issued', ['severity']), [
      ['PUBLIC_INFORMATION', 1],
      ['SPECIAL_NO_VIOLATION', 2],
    ]);
    assert.deepEqual(await by('reports.issued', ['city', 'matter']), [
      ['330100', 'GENERAL', 1],
      ['330200', 'BIDDING', 2],
    ]);
  });

  it('counts finished deliveries by outcome and the share on time per subscriber department', async () => {
    assert.deepEqual(await by('push.deliveries', ['department', 'severity']), [
      ['market', 'DELIVERED', 1],
      ['tax', 'DEAD', 1],
      ['tax', 'DELIVERED', 2],
    ]);
    assert.deepEqual(await by('push.syncTimeliness', ['department']), [
      ['market', 1],
      ['tax', 1 / 3],
    ]);
  });
});

describe('信用修复 and 异议: handling time, overdue, objection share, repair acts', () => {
  it('average working days by department and month; a case outside the calendar counts in no average', async () => {
    assert.deepEqual(await by('repairs.handlingDays', ['department']), [
      ['environment', null],
      ['market', 3],
      ['tax', 7],
    ]);
    assert.deepEqual(await rows({ metric: 'repairs.handlingDays', ...Q1, grain: 'MONTH' }), [
      ['2026-02-01', 3],
      ['2026-03-01', 7],
    ]);
    assert.deepEqual(await by('repairs.handlingDays', ['severity']), [
      ['APPROVED', 4],
      ['DENIED', 9],
    ]);
    assert.deepEqual(await by('objections.handlingDays', ['department']), [
      ['market', 12],
      ['tax', 4],
    ]);
    assert.deepEqual(await rows({ metric: 'objections.handlingDays', ...Q1 }), [[8]]);
  });

  it('overdue decisions by kind and department, and the objections’ share of closed cases', async () => {
    assert.deepEqual(await by('repairs.overdue', ['list']), [
      ['OBJECTION', 1],
      ['REPAIR', 1],
    ]);
    assert.deepEqual(
      await rows({ metric: 'repairs.overdue', ...Q1, filters: [{ dimension: 'department', values: ['tax'] }] }),
      [[1]],
    );
    assert.deepEqual(await rows({ metric: 'objections.share', ...Q1 }), [[2 / 6]]);
    assert.deepEqual(await by('objections.share', ['department']), [
      ['environment', 0],
      ['market', 0.5],
      ['tax', 1 / 3],
    ]);
  });

  it('counts every repair act once, whatever the record kind, by the acting department', async () => {
    assert.deepEqual(await rows({ metric: 'repairs.completed', ...Q1 }), [[5]]);
    assert.deepEqual(await by('repairs.completed', ['department']), [
      ['environment', 1],
      ['market', 2],
      ['tax', 2],
    ]);
    assert.deepEqual(await by('repairs.completed', ['matter']), [
      ['ABNORMAL_OPERATION', 1],
      ['ADMINISTRATIVE_PENALTY', 1],
      ['COMMITMENT_BREACH', 1],
      ['ENVIRONMENTAL_BLACKLIST', 1],
      ['MAJOR_TAX_VIOLATION', 1],
    ]);
    assert.deepEqual(await rows({ metric: 'repairs.completed', ...Q1, grain: 'MONTH' }), [
      ['2026-02-01', 1],
      ['2026-03-01', 4],
    ]);
  });
});

describe('access, audit and replay', () => {
  it("binds an officer to their own department's 双公示 rows and audits the read", async () => {
    const tax = callers.officer('tax');
    const body = await frame(
      {
        metric: 'disclosure.reportingRate',
        ...Q1,
        groupBy: ['department'],
        filters: [{ dimension: 'department', values: ['market'] }],
      },
      tax,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(
      body.data!.metricFrame.rows.map((r) => [r.keys[0], r.numerator, r.denominator]),
      [['tax', 2, 3]],
    );
    const audit = await tdb.db.pool.query(
      `SELECT fields FROM audit.entry WHERE action = 'READ' AND actor = 'officer-tax'`,
    );
    assert.ok(audit.rows.some((r: { fields: string[] }) => r.fields.includes('metricFrame:disclosure.reportingRate')));
  });

  it('refuses officers the supervisors’ metrics of these sources', async () => {
    for (const metric of [
      'checks.unchecked',
      'checks.unpunished',
      'inspections.draws',
      'reports.issued',
      'push.deliveries',
      'repairs.handlingDays',
      'objections.handlingDays',
      'repairs.overdue',
      'objections.share',
      'repairs.completed',
    ]) {
      const body = await frame({ metric, ...Q1 }, callers.officer('tax'));
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN', metric);
    }
    const audit = await tdb.db.pool.query(`SELECT fields FROM audit.entry WHERE action = 'READ' AND actor = $1`, [
      supervisor.actor,
    ]);
    assert.ok(
      audit.rows.some((r: { fields: string[] }) => r.fields.includes('metricFrame:checks.unchecked')),
      'the supervisor’s reads are audited',
    );
  });

  it('a rebuilt store equals the one fed live, and the quarantine level equals its facts', async () => {
    const count = async () =>
      (await tdb.db.pool.query(`SELECT stream, count(*)::int AS n FROM metrics.fact GROUP BY 1 ORDER BY 1`)).rows;
    const live = await count();
    assert.equal(await drainConsumer(tdb.db.pool, metricsFactsConsumer), 0);
    await rebuildFacts(tdb.db.pool);
    assert.deepEqual(await count(), live);
    const level = await tdb.db.pool.query(
      `SELECT sum(value)::int AS n FROM metrics.stock WHERE stream = 'disclosure.quarantine'`,
    );
    assert.equal(level.rows[0].n, 2);
  });
});
