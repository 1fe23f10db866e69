import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pgSql } from '@credit-hub/kit/db';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { DEFAULT_CONFIG, takeEvents, type IncomingEvent } from '../src/index.ts';

// The push intake's batch (ADR 0123) against the same events taken one by one, on a real Postgres clone: the same
// learned checks and the same lift requests, and a number of statements that does not grow with the checks.
let tdb: TestDatabase;
const NOW = new Date('2026-06-01T02:00:00Z');
const A = '91350100MA2X000081';
const B = '91350100MA2X000082';

function event(type: string, subjectCode: string, payload: Record<string, unknown>, at = NOW): IncomingEvent {
  return { id: randomUUID(), type, subjectCode, department: 'market', occurredAt: at, version: 1, payload };
}
const check = (subject: string, dept: string, action: string, lists: string[], at?: Date) =>
  event(
    'credit.check.recorded',
    subject,
    { checkId: randomUUID(), checkingDepartment: dept, matter: 'LICENSING', action, lists },
    at,
  );
const removed = (subject: string, list: string) =>
  event('list.entry.removed', subject, {
    list,
    entryId: `${subject}-${list}`,
    removedOn: '2026-06-01',
    cause: 'REPAIRED',
    ground: null,
  });

before(async () => {
  tdb = await createTestDatabase();
});

after(async () => {
  await tdb.drop();
});

/** What the intake derived, without the ids it draws. */
async function derived() {
  const q = async (text: string) => (await tdb.db.pool.query(text)).rows;
  return {
    events: await q(`SELECT id::text, type FROM push.event ORDER BY seq`),
    checks: await q(`SELECT event_id::text, subject_code, department, action, lists, checked_at FROM push.credit_check
                      ORDER BY event_id`),
    lifts:
      await q(`SELECT cause_event_id::text, subject_code, department, actions, last_checked_at FROM push.measure_lift
                     ORDER BY cause_event_id, department`),
  };
}

async function forget() {
  await tdb.db.pool.query(
    'TRUNCATE push.event, push.delivery, push.queue, push.credit_check, push.measure_lift CASCADE',
  );
}

describe('the push intake’s batches', () => {
  it('learn the same checks and ask the same lifts as the events taken one by one, in bus order', async () => {
    const early = new Date(NOW.getTime() - 3_600_000);
    const events = [
      check(A, 'housing', 'INTERCEPT', ['SERIOUS_ILLEGAL'], early),
      check(A, 'tax', 'RESTRICT', ['SERIOUS_ILLEGAL', 'DISHONEST_DEBTOR'], early),
      check(B, 'court', 'INTERCEPT', ['DISHONEST_DEBTOR'], early),
      removed(A, 'SERIOUS_ILLEGAL'),
      // After the cause in bus order, though not later in time: a cause sees only the checks taken before it.
      check(A, 'transport', 'INTERCEPT', ['SERIOUS_ILLEGAL'], early),
      check(B, 'market', 'RESTRICT', ['DISHONEST_DEBTOR'], early),
      removed(B, 'DISHONEST_DEBTOR'),
      check(B, 'housing', 'NONE', []),
    ];
    for (const e of events) await takeEvents(pgSql(tdb.db.pool), [e], DEFAULT_CONFIG, NOW);
    const oneByOne = await derived();
    assert.equal(oneByOne.checks.length, 6);
    // A's checks by housing and tax, B's by court and market (learned before B's cause); never transport's.
    assert.deepEqual(oneByOne.lifts.map((l) => `${l.subject_code} ${l.department}`).sort(), [
      `${A} housing`,
      `${A} tax`,
      `${B} court`,
      `${B} market`,
    ]);
    assert.ok(!oneByOne.lifts.some((l) => l.department === 'transport'));
    await forget();
    assert.equal(await takeEvents(pgSql(tdb.db.pool), events, DEFAULT_CONFIG, NOW), events.length);
    assert.deepEqual(await derived(), oneByOne);
  });

  it('take 10 or 500 credit checks in the same two statements', async () => {
    const statements = async (count: number) => {
      const sql = pgSql(tdb.db.pool);
      const checks = Array.from({ length: count }, (_, i) =>
        check(i % 2 ? A : B, 'housing', 'INTERCEPT', i % 3 ? ['SERIOUS_ILLEGAL'] : []),
      );
      assert.equal(await takeEvents(sql, checks, DEFAULT_CONFIG, NOW), count);
      return sql.statements();
    };
    const ten = await statements(10);
    assert.equal(ten, 2);
    assert.equal(await statements(500), ten);
  });
});
