/**
 * The evaluation's consumer of the commitment events (evaluation.commitments): commitment.kept and commitment.broken
 * become the evaluation's own facts (evaluation.commitment_fact), once each, through the real outbox, relay and bus.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { prismaSql } from '@credit-hub/kit/db';
import { drainConsumer, recordEvents, relayAll } from '@credit-hub/kit/events';
import { createTestDatabase, makeUscc, type TestDatabase } from '@credit-hub/kit/testing';
import { commitmentFactsConsumer } from '../src/events.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(() => tdb.drop());

const common = (id: string) => ({
  commitmentId: id,
  kind: 'APPROVAL_NOTIFICATION' as const,
  matter: '食品经营许可',
  checkingDepartment: 'market',
  reference: null,
});

describe('evaluation.commitments', () => {
  it('keeps kept and broken outcomes as its own facts, and only those', async () => {
    const subject = makeUscc('91', '330100', 'MA2E8201');
    const [made, kept, broken] = [randomUUID(), randomUUID(), randomUUID()];
    await recordEvents(prismaSql(tdb.db.prisma), [
      {
        source: 'commitment',
        type: 'commitment.made',
        department: 'market',
        subject,
        payload: { ...common(made), madeOn: '2026-05-01', termEndsOn: '2026-08-01' },
      },
      {
        source: 'commitment',
        type: 'commitment.kept',
        department: 'market',
        subject,
        payload: { ...common(kept), checkedOn: '2026-05-20' },
      },
      {
        source: 'commitment',
        type: 'commitment.broken',
        department: 'market',
        subject,
        payload: { ...common(broken), checkedOn: '2026-06-01', tier: 'GENERAL', publicityEndsOn: '2027-06-01' },
      },
    ]);
    await relayAll(tdb.db.pool);
    assert.equal(await drainConsumer(tdb.db.pool, commitmentFactsConsumer), 2);
    const facts = await tdb.db.prisma.commitmentFact.findMany({
      where: { subjectCode: subject },
      orderBy: { checkedOn: 'asc' },
    });
    assert.deepEqual(
      facts.map((f) => [
        f.commitmentId,
        f.outcome,
        f.checkedOn.toISOString().slice(0, 10),
        f.publicityEndsOn?.toISOString().slice(0, 10) ?? null,
      ]),
      [
        [kept, 'KEPT', '2026-05-20', null],
        [broken, 'BROKEN', '2026-06-01', '2027-06-01'],
      ],
    );
    // Caught up: a second drain handles nothing and the facts stay as they are.
    assert.equal(await drainConsumer(tdb.db.pool, commitmentFactsConsumer), 0);
    assert.equal(await tdb.db.prisma.commitmentFact.count({ where: { subjectCode: subject } }), 2);
  });
});
