import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pgSql } from '@credit-hub/kit/db';
import type { DeliveredEvent, NewEvent } from '@credit-hub/kit/events';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { metricsFactsConsumer, rebuildFacts } from '../src/events.ts';
import { at, metricsSeed } from './seed.ts';

// The metrics consumer's set-based batch (ADR 0123) against its event-by-event path, on the same bus of a real
// Postgres clone: the same facts, stock levels and rollups, in a number of statements that does not grow with the
// batch.
let tdb: TestDatabase;
let seed: ReturnType<typeof metricsSeed>;
let A: string;
let B: string;
let G: string;

const check = (department: string, action: string, subject: string, n: number): NewEvent => ({
  source: 'evaluation',
  type: 'credit.check.recorded',
  department,
  subject,
  occurredAt: at('2026-03-10'),
  payload: { checkId: `c${n}`, checkingDepartment: department, matter: 'BIDDING', action, lists: [] },
});

before(async () => {
  tdb = await createTestDatabase();
  seed = metricsSeed(tdb.db);
  A = seed.uscc('ENTERPRISE', '330106');
  B = seed.uscc('ENTERPRISE', '330203');
  G = seed.uscc('GOVERNMENT_BODY', '330102');
  await seed.publish([
    {
      source: 'court',
      type: 'list.entry.added',
      department: 'court',
      subject: A,
      occurredAt: at('2026-01-10'),
      payload: { list: 'DISHONEST_DEBTOR', entryId: `${A}-d`, listedOn: '2026-01-10', endsOn: null, authority: null },
    },
    {
      source: 'court',
      type: 'list.entry.removed',
      department: 'court',
      subject: A,
      occurredAt: at('2026-03-15'),
      payload: {
        list: 'DISHONEST_DEBTOR',
        entryId: `${A}-d`,
        removedOn: '2026-03-15',
        cause: 'PERFORMED',
        ground: null,
      },
    },
    {
      source: 'disclosure',
      type: 'disclosure.record.accepted',
      department: 'tax',
      subject: B,
      occurredAt: at('2026-03-20'),
      payload: { kind: 'PENALTY', recordId: 'tax-1', decisionNumber: '罚〔2026〕1号', decidedOn: '2026-03-02' },
    },
    {
      source: 'disclosure',
      type: 'record.published',
      department: 'market',
      subject: G,
      occurredAt: at('2026-02-01'),
      payload: { record: 'GOVERNMENT_ARREARS', recordId: 'p1', publishedOn: '2026-02-01', publicityEndsOn: null },
    },
    {
      source: 'evaluation',
      type: 'evaluation.grade.changed',
      department: 'platform',
      subject: A,
      occurredAt: at('2026-03-01'),
      payload: { modelCode: 'PUBLIC', modelVersion: 1, grade: 'B', previousGrade: 'A', score: null },
    },
    ...Array.from({ length: 30 }, (_, i) =>
      check(i % 2 ? 'housing' : 'transport', ['INTERCEPT', 'RESTRICT', 'NONE'][i % 3]!, [A, B, G][i % 3]!, i),
    ),
  ]);
});

after(async () => {
  await tdb.drop();
});

/** Everything the consumer derives, in a stable order. */
async function store() {
  const q = async (text: string) => (await tdb.db.pool.query(text)).rows;
  return {
    facts: await q(`SELECT event_id, stream, seq, day::text, subject_code, district, industry, department, subject_kind,
                           list, matter, severity, value::text, weight::text
                      FROM metrics.fact ORDER BY event_id, stream, seq`),
    stock: await q(`SELECT * FROM metrics.stock ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`),
    rollup: await q(`SELECT level, stream, month::text, province, city, district, industry, department, subject_kind,
                            list, matter, severity, n::text, value::text, weight::text
                       FROM metrics.rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`),
  };
}

describe('the metrics consumer’s batches', () => {
  it('store the same facts, stock and rollups as the events taken one by one', async () => {
    const batched = await store();
    assert.ok(batched.facts.length > 30, `facts: ${batched.facts.length}`);
    const oneByOne = { ...metricsFactsConsumer, handleBatch: undefined };
    const replayed = await rebuildFacts(tdb.db.pool, oneByOne);
    assert.equal(replayed, 35);
    assert.deepEqual(await store(), batched);
    // And back: the batched replay of the same bus gives the same rows again.
    assert.equal(await rebuildFacts(tdb.db.pool), 35);
    assert.deepEqual(await store(), batched);
  });

  it('take 10 or 400 credit checks in the same two statements', async () => {
    const statements = async (n: number, offset: number) => {
      const events = Array.from({ length: n }, (_, i): DeliveredEvent => {
        const e = check('housing', 'INTERCEPT', [A, B, G][i % 3]!, offset + i);
        return {
          position: 0,
          id: crypto.randomUUID(),
          type: e.type,
          version: 1,
          subjectCode: e.subject ?? null,
          personKey: null,
          department: e.department,
          source: 'evaluation',
          occurredAt: e.occurredAt!,
          payload: e.payload,
        };
      });
      const sql = pgSql(tdb.db.pool);
      await metricsFactsConsumer.handleBatch!(events, sql);
      return sql.statements();
    };
    const ten = await statements(10, 1000);
    const many = await statements(400, 2000);
    assert.equal(ten, 2);
    assert.equal(many, ten);
  });
});
