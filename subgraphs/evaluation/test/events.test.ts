/**
 * The evaluation subgraph's events (docs/events.md), recorded by the same statement as the record: a credit check
 * stored records `credit.check.recorded` (a repeated idempotency key returns the first check and records nothing
 * more); a subject's first grade and every later change of it record `evaluation.grade.changed` (ADR 0131).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { callers, createTestDatabase, makeUscc, type TestDatabase } from '@credit-hub/kit/testing';
import { appendAudit, type Notification } from '@credit-hub/kit';
import { OUTBOX_CHANNEL } from '@credit-hub/kit/events';
import pg from 'pg';
import { checkLoaders } from '../src/checks/loaders.ts';
import { recordChecks, type CheckToRecord } from '../src/checks/writes.ts';
import { storeEvaluations, type StoredEvaluationInput } from '../src/scoring/writes.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(() => tdb.drop());

const outbox = async (type: string, subject: string) =>
  (
    await tdb.db.pool.query<{ payload: Record<string, unknown>; department: string }>(
      `SELECT payload, department FROM evaluation.outbox WHERE type = $1 AND subject_code = $2 ORDER BY position`,
      [type, subject],
    )
  ).rows;

describe('evaluation events', () => {
  it('records credit.check.recorded once per stored check, not for a repeated idempotency key', async () => {
    const subject = makeUscc('91', '330100', 'MA2E8101');
    const check = (): CheckToRecord => ({
      row: {
        id: randomUUID(),
        subjectCode: subject,
        matter: 'LICENSING',
        reference: '许可-2026-001',
        lists: ['DISHONEST_DEBTOR'],
        measures: [],
        withheldIncentives: [],
        action: 'INTERCEPT',
        department: 'housing',
        checkedAt: new Date('2026-03-15T02:00:00Z'),
        fresh: true,
      },
      caller: callers.officer('housing'),
      requestId: 'req-1',
      idempotencyKey: 'key-1',
    });
    const first = check();
    const [id] = await recordChecks(tdb.db, [first]);
    assert.equal(id, first.row.id);
    const [again] = await recordChecks(tdb.db, [check()]);
    assert.equal(again, first.row.id, 'the repeated key stands for the first check');
    const events = await outbox('credit.check.recorded', subject);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.department, 'housing');
    assert.deepEqual(events[0]!.payload, {
      checkId: first.row.id,
      checkingDepartment: 'housing',
      matter: 'LICENSING',
      action: 'INTERCEPT',
      lists: ['DISHONEST_DEBTOR'],
    });
  });

  it("announces a request's checks to the relay with its audit trail, not at their own commit (ADR 0133)", async () => {
    const listener = new pg.Client({ connectionString: tdb.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    // A round trip on the listening connection: a notification committed before it has been delivered by its end.
    const delivered = async () => (await listener.query('SELECT 1'), [...heard]);
    try {
      const asked: Notification[] = [];
      const loaders = checkLoaders(tdb.db, { announceWithTrail: (n) => void asked.push(n) });
      const subject = makeUscc('91', '330100', 'MA2E8109');
      const check = (i: number): CheckToRecord => ({
        row: {
          id: randomUUID(),
          matter: 'BIDDING',
          subjectCode: subject,
          reference: `招标-${i}`,
          lists: [],
          measures: [],
          withheldIncentives: [],
          action: 'CLEAR',
          department: 'housing',
          checkedAt: new Date('2026-03-15T02:00:00Z'),
          fresh: true,
        },
        caller: callers.officer('housing'),
        requestId: 'req-announce',
        idempotencyKey: null,
      });
      await Promise.all([1, 2, 3].map((i) => loaders.recordCheck.load(check(i))));
      assert.equal((await outbox('credit.check.recorded', subject)).length, 3, 'stored with their events');
      assert.deepEqual(await delivered(), [], 'not announced at their own commit');
      assert.deepEqual(asked, [{ channel: OUTBOX_CHANNEL, payload: 'evaluation' }]);
      // The kit sends it in the transaction of the request's audit entries (server.ts): delivered at that commit.
      await appendAudit(
        tdb.db,
        callers.officer('housing'),
        { requestId: 'req-announce', subgraph: 'evaluation' },
        [{ action: 'READ', subjectCode: subject, fields: ['CreditSubject.creditCheck'] }],
        undefined,
        asked,
      );
      assert.deepEqual(await delivered(), ['evaluation']);
      // Recorded outside a request (no hooks), the checks' statement announces them itself.
      await recordChecks(tdb.db, [check(4)]);
      assert.deepEqual(await delivered(), ['evaluation', 'evaluation']);
    } finally {
      await listener.end();
    }
  });

  it('records evaluation.grade.changed for a first grade and when a stored grade changes', async () => {
    const subject = makeUscc('91', '330100', 'MA2E8102');
    const evaluation = (grade: string, digest: string): StoredEvaluationInput => ({
      subjectCode: subject,
      subjectKind: 'ENTERPRISE',
      regionCode: '330100',
      industryCode: null,
      modelCode: 'PUBLIC_CREDIT',
      modelVersion: 1,
      score: grade === 'A' ? 900 : 700,
      grade,
      gradeLabel: grade,
      supervisionLevel: 'NORMAL',
      supervisionLabel: '一般',
      samplingRatio: 0.1,
      explanation: [],
      inputsDigest: digest,
    });
    const first = { modelCode: 'PUBLIC_CREDIT', modelVersion: 1, grade: 'A', previousGrade: null, score: 900 };
    await storeEvaluations(tdb.db, [evaluation('A', 'd1')]);
    // The first grade is the subject's entry into the grade distribution (a stock of subjects per grade).
    assert.deepEqual(
      (await outbox('evaluation.grade.changed', subject)).map((e) => e.payload),
      [first],
    );
    await storeEvaluations(tdb.db, [evaluation('A', 'd2')]);
    assert.equal((await outbox('evaluation.grade.changed', subject)).length, 1, 'same grade, other inputs: no change');
    await storeEvaluations(tdb.db, [evaluation('C', 'd3')]);
    const events = await outbox('evaluation.grade.changed', subject);
    assert.deepEqual(
      events.map((e) => e.payload),
      [first, { modelCode: 'PUBLIC_CREDIT', modelVersion: 1, grade: 'C', previousGrade: 'A', score: 700 }],
    );
  });
});
