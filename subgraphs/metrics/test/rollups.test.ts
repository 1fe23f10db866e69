import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { pgSql, type Sql } from '@credit-hub/kit/db';
import type { NewEvent } from '@credit-hub/kit/events';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { rebuildRollups } from '../src/events.ts';
import { upsertDirectory } from '../src/jobs.ts';
import { readFrame } from '../src/reads.ts';
import { addDays } from '../src/rollups/rules.ts';
import { METRICS, validateQuery, type MetricQueryInput, type TimeGrain } from '../src/rules.ts';
import { metricsSeed } from './seed.ts';

// The monthly rollups (ADR 0112) must answer every panel exactly as the facts alone do. A known data set is recorded
// with the kit's clock standing on both sides of month, quarter and year ends (Beijing time), and every fed metric is
// read over periods that start and end inside months, on month edges, and across a year, at every grain.
let tdb: TestDatabase;
let sql: Sql;
let seed: ReturnType<typeof metricsSeed>;
let restoreClock: (() => void) | null = null;
const codes: string[] = [];

/** Records the events with the clock standing at `instant`, relays them and lets the consumer catch up. */
async function at(instant: string, events: NewEvent[]) {
  restoreClock?.();
  restoreClock = fixClock(new Date(instant));
  await seed.publish(events);
}

const DEPTS = ['tax', 'market', 'environment'];
const ACTIONS = ['INTERCEPT', 'RESTRICT', 'WARN', 'FAVOUR', 'NONE'];
const GRADES = ['A', 'B', 'C', 'D'];

/** The events of one instant: every stream, several subjects, departments and values. */
function eventsAt(k: number, day: string): NewEvent[] {
  const out: NewEvent[] = [];
  codes.forEach((subject, i) => {
    if ((i + k) % 2 === 0)
      out.push({
        source: 'disclosure',
        type: 'disclosure.record.accepted',
        department: DEPTS[(i + k) % 3]!,
        subject,
        payload: {
          kind: (i + k) % 3 === 0 ? 'LICENCE' : 'PENALTY',
          recordId: `r${k}-${i}`,
          decisionNumber: `d${k}-${i}`,
          // Some timely, some late, some whose deadline the calendar cannot tell.
          decidedOn: i % 3 === 0 ? '2099-12-20' : i % 3 === 1 ? day : '2024-01-02',
        },
      });
    out.push({
      source: 'evaluation',
      type: 'credit.check.recorded',
      department: DEPTS[i % 3]!,
      subject,
      payload: {
        checkId: `c${k}-${i}`,
        checkingDepartment: DEPTS[(i + k) % 3]!,
        matter: '政府采购',
        action: ACTIONS[(i + k) % ACTIONS.length]!,
        lists: [],
      },
    });
    if (k % 2 === 0 || i % 2 === 0)
      out.push({
        source: 'court',
        type: 'list.entry.added',
        department: 'court',
        subject,
        payload: {
          list: i % 2 ? 'DISHONEST_DEBTOR' : 'CONSUMPTION_RESTRICTED',
          entryId: `e${k}-${i}`,
          listedOn: day,
          endsOn: null,
          authority: null,
        },
      });
    if (k > 0 && i % 3 === 0)
      out.push({
        source: 'court',
        type: 'list.entry.removed',
        department: 'court',
        subject,
        payload: {
          list: 'CONSUMPTION_RESTRICTED',
          entryId: `e${k - 1}-${i}`,
          removedOn: day,
          cause: 'PERFORMED',
          ground: null,
        },
      });
    out.push({
      source: 'disclosure',
      type: 'record.published',
      department: 'environment',
      subject,
      payload: {
        record: i % 4 === 0 ? 'GOVERNMENT_ARREARS' : 'ENVIRONMENTAL_PENALTY',
        recordId: `p${k}-${i}`,
        publishedOn: day,
        publicityEndsOn: null,
      },
    });
    out.push({
      source: 'evaluation',
      type: 'evaluation.grade.changed',
      department: 'platform',
      subject,
      payload: {
        modelCode: 'PUBLIC',
        modelVersion: 1,
        grade: GRADES[(i + k) % 4]!,
        previousGrade: k === 0 ? null : GRADES[(i + k - 1) % 4]!,
        score: null,
      },
    });
    if (i % 2 === 0)
      out.push({
        source: 'tax',
        type: 'rating.changed',
        department: 'tax',
        subject,
        payload: {
          scheme: 'TAX_CREDIT',
          year: 2025,
          level: GRADES[(i + k) % 4]!,
          previousLevel: k === 0 ? null : GRADES[(i + k + 3) % 4]!,
          ratingId: `t${k}-${i}`,
        },
      });
  });
  return out;
}

// Instants on both sides of the ends of a month, a quarter and a year (Beijing time), and inside months.
const INSTANTS: [string, string][] = [
  ['2025-11-15T10:00:00+08:00', '2025-11-15'],
  ['2025-12-31T23:30:00+08:00', '2025-12-31'],
  ['2026-01-01T00:10:00+08:00', '2026-01-01'],
  ['2026-01-31T23:59:00+08:00', '2026-01-31'],
  ['2026-02-01T00:00:30+08:00', '2026-02-01'],
  ['2026-02-17T09:00:00+08:00', '2026-02-17'],
  ['2026-03-31T22:00:00+08:00', '2026-03-31'],
  ['2026-04-01T08:00:00+08:00', '2026-04-01'],
  ['2026-05-20T12:00:00+08:00', '2026-05-20'],
];

before(async () => {
  tdb = await createTestDatabase();
  seed = metricsSeed(tdb.db);
  sql = pgSql(tdb.db.pool);
  codes.push(
    seed.uscc('ENTERPRISE', '330106'),
    seed.uscc('ENTERPRISE', '330203'),
    seed.uscc('GOVERNMENT_BODY', '330102'),
    seed.uscc('ENTERPRISE', '330110'),
    seed.uscc('SOCIAL_ORGANISATION', '330212'),
    seed.uscc('ENTERPRISE', '330304'),
  );
  for (const [k, [instant, day]] of INSTANTS.entries()) await at(instant, eventsAt(k, day));
});

after(async () => {
  restoreClock?.();
  await tdb?.drop();
});

const PERIODS: [string, string][] = [
  ['2025-11-01', '2026-05-31'], // whole months only
  ['2025-11-16', '2026-04-30'], // starts inside a month
  ['2025-12-01', '2026-03-31'], // a year's end inside
  ['2026-01-15', '2026-03-20'], // both ends inside months
  ['2026-02-02', '2026-02-20'], // inside one month
  ['2025-12-31', '2026-01-01'], // across the year's end by one day each side
  ['2026-02-01', '2026-02-28'], // exactly one month
  ['2024-01-01', '2026-12-31'], // longer than the data
];
const GRAINS: (TimeGrain | null)[] = [null, 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
const GROUPINGS: string[][] = [
  [],
  ['department'],
  ['city'],
  ['industry'],
  ['district', 'severity'],
  ['list', 'matter'],
];

/** Every fed metric at every grain, grouping and period it allows: rollups and facts alone answer the same. */
async function compareAll(): Promise<number> {
  let compared = 0;
  for (const metric of METRICS.filter((m) => m.stream)) {
    for (const grain of GRAINS) {
      if (grain && (!metric.grains.includes(grain) || metric.aggregation === 'SUBJECTS_AT_LEAST')) continue;
      for (const groupBy of GROUPINGS) {
        if (!groupBy.every((d) => metric.dimensions.includes(d as never))) continue;
        for (const [from, to] of PERIODS) {
          const input: MetricQueryInput = { metric: metric.id, from, to, grain, groupBy, limit: 1000 };
          const q = validateQuery(input, null);
          const fromRollups = await readFrame(sql, q);
          const fromFacts = await readFrame(sql, q, { rollups: false });
          assert.deepEqual(fromRollups, fromFacts, `${JSON.stringify(input)}`);
          compared++;
        }
      }
    }
  }
  return compared;
}

describe('monthly rollups', () => {
  it('answer every fed metric as the facts alone do, across month, quarter and year ends', async () => {
    const n = await compareAll();
    assert.ok(n > 500, `compared ${n} frames`);
  });

  it('count an event on its Beijing date: 23:59 on the 31st in January, 00:00:30 on the 1st in February', async () => {
    const q = validateQuery({ metric: 'checks.total', from: '2026-01-01', to: '2026-02-28', grain: 'MONTH' }, null);
    const rows = await readFrame(sql, q);
    // January: the instants of 1 January 00:10 and 31 January 23:59; February: 1 February and 17 February.
    assert.deepEqual(
      rows.map((r) => [r.period, r.value]),
      [
        ['2026-01-01', 2 * codes.length],
        ['2026-02-01', 2 * codes.length],
      ],
    );
    const stock = await readFrame(
      sql,
      validateQuery({ metric: 'evaluation.grades', from: '2026-01-01', to: '2026-01-31' }, null),
    );
    assert.equal(stock[0]?.value, codes.length, 'every subject holds one grade at the end of January');
  });

  it('stay equal to the facts when the subject directory moves facts to another region and industry', async () => {
    await upsertDirectory(sql, [
      { code: codes[0]!, kind: 'ENTERPRISE', district: '330502', industry: 'C' },
      { code: codes[1]!, kind: 'ENTERPRISE', district: '330106', industry: 'F' },
    ]);
    await compareAll();
    const byIndustry = await readFrame(
      sql,
      validateQuery(
        { metric: 'checks.total', from: '2025-11-01', to: '2026-05-31', groupBy: ['industry'], limit: 10 },
        null,
      ),
    );
    assert.deepEqual(byIndustry.map((r) => [r.keys[0], r.value]).sort(), [
      ['-', INSTANTS.length * (codes.length - 2)],
      ['C', INSTANTS.length],
      ['F', INSTANTS.length],
    ]);
  });

  it('narrow 高频失信 (high-frequency offenders) by the per-subject tally to the facts-only answer on every day', async () => {
    // Every end day from before the first instant to after the last: the threshold (5 facts in 3 years) is crossed
    // inside the data, so some days count no subject that the tally (all facts ever) still names as a candidate.
    const q = (to: string, groupBy: string[]) =>
      validateQuery({ metric: 'lists.highFrequencyOffenders', from: to, to, groupBy, limit: 1000 }, null);
    let counted = 0;
    let empty = 0;
    for (let day = '2025-11-14'; day <= '2026-05-22'; day = addDays(day, 1)) {
      for (const groupBy of [[], ['city'], ['industry'], ['district', 'subjectKind']]) {
        const fromTally = await readFrame(sql, q(day, groupBy));
        assert.deepEqual(fromTally, await readFrame(sql, q(day, groupBy), { rollups: false }), `${day} ${groupBy}`);
        if (groupBy.length > 0) continue;
        if ((fromTally[0]?.value ?? 0) > 0) counted++;
        else empty++;
      }
    }
    assert.ok(counted > 0 && empty > 0, `days with offenders ${counted}, without ${empty}`);
    const tally = await sql.rows(
      `SELECT count(*)::int AS n FROM metrics.subject_tally WHERE stream = 'record.published' AND n >= 5`,
    );
    assert.ok((tally[0] as { n: number }).n > 0, 'the tally names candidates');
  });

  it('are rebuilt from the facts to the same rows the consumer kept', async () => {
    const kept = await sql.rows(
      `SELECT level, stream, month::text, district, city, province, industry, department, subject_kind, list, matter,
         severity, n::int, value::float8, weight::float8 FROM metrics.rollup WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`,
    );
    const tallyOf = () =>
      sql.rows(`SELECT stream, subject_code, n::int FROM metrics.subject_tally ORDER BY stream, subject_code`);
    const tallyKept = await tallyOf();
    await rebuildRollups(sql);
    const rebuilt = await sql.rows(
      `SELECT level, stream, month::text, district, city, province, industry, department, subject_kind, list, matter,
         severity, n::int, value::float8, weight::float8 FROM metrics.rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`,
    );
    assert.ok(kept.length > 0);
    assert.deepEqual(rebuilt, kept);
    assert.ok(tallyKept.length > 0);
    assert.deepEqual(await tallyOf(), tallyKept, 'the tally rebuilt as kept');
    assert.deepEqual(
      tallyKept,
      await sql.rows(
        `SELECT stream, subject_code, count(*)::int AS n FROM metrics.fact WHERE subject_code IS NOT NULL
         GROUP BY stream, subject_code ORDER BY stream, subject_code`,
      ),
      'the consumer tallied every fact once',
    );
  });
});
