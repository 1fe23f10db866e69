/**
 * 双公示 intake events (docs/events.md): a new record is `disclosure.record.accepted`, a changed one `revised`, one
 * stored again unchanged records nothing, and an intake whose transaction rolls back records nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prismaSql } from '@credit-hub/kit/db';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { penaltyRow } from '../seed.ts';
import { ingestRows, type IngestInput } from '../../src/intake/writes.ts';

let tdb: TestDatabase;
const TODAY = '2025-06-30';
const submitter = { department: 'market', subject: 'officer-market', channel: 'GRAPHQL' as const };

before(async () => {
  tdb = await createTestDatabase();
});
after(async () => tdb.drop());

const ingest = (submissionId: string, rows: IngestInput['rows'], fail = false) =>
  tdb.db.prisma.$transaction(async (tx) => {
    const result = await ingestRows(
      prismaSql(tx),
      { kind: 'CF', rows, submitter, submissionId, today: TODAY },
      { personKeySecret: 'x'.repeat(16) },
    );
    if (fail) throw new Error('the caller failed after the intake');
    return result;
  });

const events = async (decision: string) =>
  (
    await tdb.db.pool.query<{ type: string; department: string; payload: { decisionNumber: string; kind: string } }>(
      `SELECT type, department, payload FROM disclosure.outbox WHERE payload->>'decisionNumber' = $1 AND type LIKE 'disclosure.record.%'
        ORDER BY position`,
      [decision],
    )
  ).rows;

describe('intake events', () => {
  it('accepted for new records, revised for changed ones, nothing for unchanged ones or a rolled-back intake', async () => {
    const a = penaltyRow({ CF_WSH: 'E-1' });
    const b = penaltyRow({ CF_WSH: 'E-2' });
    await ingest('e-1', [
      { rowNumber: 1, raw: a },
      { rowNumber: 2, raw: b },
    ]);
    await ingest('e-2', [
      { rowNumber: 1, raw: a },
      { rowNumber: 2, raw: { ...b, CF_NR: '罚款人民币3万元', CF_NR_FK: '3' } },
    ]);
    await assert.rejects(ingest('e-3', [{ rowNumber: 1, raw: penaltyRow({ CF_WSH: 'E-3' }) }], true));
    assert.deepEqual(
      (await events('E-1')).map((e) => [e.type, e.department, e.payload.kind]),
      [['disclosure.record.accepted', 'market', 'PENALTY']],
    );
    assert.deepEqual(
      (await events('E-2')).map((e) => e.type),
      ['disclosure.record.accepted', 'disclosure.record.revised'],
    );
    assert.deepEqual(await events('E-3'), []);
  });
});
