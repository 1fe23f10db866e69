import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prismaSql } from '@credit-hub/kit/db';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { penaltyRow, licenceRow, MARKET_AUTHORITY } from '../seed.ts';
import { ingestRows, loadValidationContext, type IngestInput } from '../../src/intake/writes.ts';

let tdb: TestDatabase;
const TODAY = '2025-06-30';
const submitter = { department: 'market', subject: 'officer-market', channel: 'GRAPHQL' as const };

before(async () => {
  tdb = await createTestDatabase();
});
after(async () => tdb.drop());

const ingest = (submissionId: string, rows: IngestInput['rows'], kind: 'CF' | 'XK' = 'CF') =>
  tdb.db.prisma.$transaction((tx) =>
    ingestRows(
      prismaSql(tx),
      { kind, rows, submitter, submissionId, today: TODAY },
      { personKeySecret: 'x'.repeat(16) },
    ),
  );

const count = async (sql: string) =>
  Number((await tdb.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${sql}`))[0]!.n);

describe('ingestRows', () => {
  it('inserts new records, then updates on resubmission without duplicates, with revisions only for changes', async () => {
    const a = penaltyRow({ CF_WSH: 'R-1' });
    const b = penaltyRow({ CF_WSH: 'R-2' });
    const first = await ingest('s-1', [
      { rowNumber: 1, raw: a },
      { rowNumber: 2, raw: b },
    ]);
    assert.deepEqual(
      [first.received, first.accepted, first.updated, first.unchanged, first.quarantined, first.records.length],
      [2, 2, 0, 0, 0, 2],
    );
    const again = await ingest('s-2', [
      { rowNumber: 1, raw: a },
      { rowNumber: 2, raw: { ...b, CF_NR: '罚款人民币3万元', CF_NR_FK: '3' } },
    ]);
    assert.equal(again.accepted, 0);
    assert.equal(again.updated, 2);
    assert.equal(again.unchanged, 1);
    assert.equal(await count(`disclosure.penalty WHERE document_number IN ('R-1', 'R-2')`), 2);
    assert.equal(await count(`disclosure.revision WHERE document_number = 'R-1'`), 1);
    assert.equal(await count(`disclosure.revision WHERE document_number = 'R-2'`), 2);
    const [stored] = await tdb.db.prisma.$queryRawUnsafe<{ fine: string; first: Date; last: Date }[]>(
      `SELECT fine_amount::text AS fine, first_received_at AS first, last_received_at AS last
       FROM disclosure.penalty WHERE document_number = 'R-2'`,
    );
    assert.equal(stored!.fine, '3.000000');
    assert.ok(stored!.last.getTime() >= stored!.first.getTime());
  });

  it('quarantines invalid rows with every reason and reconciles counts; re-running a chunk adds no quarantine row', async () => {
    const rows = [
      { rowNumber: 1, raw: penaltyRow({ CF_WSH: 'Q-1' }) },
      { rowNumber: 2, raw: penaltyRow({ CF_WSH: 'Q-2', CF_JDRQ: '2025-12-01', CF_XDR_MC: '' }) },
      { rowNumber: 3, raw: penaltyRow({ CF_WSH: 'Q-3', CF_CFLB: '罚酒' }) },
    ];
    const result = await ingest('s-q', rows);
    assert.equal(result.received, 3);
    assert.equal(result.accepted, 1);
    assert.equal(result.quarantined, 2);
    assert.equal(result.received, result.accepted + result.updated + result.quarantined);
    assert.deepEqual(
      result.reasons
        .find((r) => r.rowNumber === 2)!
        .reasons.map((r) => `${r.field}:${r.rule}`)
        .sort(),
      ['CF_JDRQ:NOT_IN_FUTURE', 'CF_XDR_MC:REQUIRED'],
    );
    await ingest('s-q', rows);
    assert.equal(await count(`disclosure.quarantine WHERE submission_id = 's-q'`), 2);
    const [q] = await tdb.db.prisma.$queryRawUnsafe<{ authority_code: string; document_number: string }[]>(
      `SELECT authority_code, document_number FROM disclosure.quarantine WHERE submission_id = 's-q' AND row_number = 3`,
    );
    assert.deepEqual({ ...q }, { authority_code: MARKET_AUTHORITY.code, document_number: 'Q-3' });
    const [submission] = await tdb.db.prisma.$queryRawUnsafe<
      { received: number; accepted: number; updated: number; quarantined: number }[]
    >(`SELECT received, accepted, updated, quarantined FROM disclosure.submission WHERE id = 's-q'`);
    assert.deepEqual({ ...submission }, { received: 6, accepted: 1, updated: 1, quarantined: 4 });
  });

  it('keeps the later of duplicate keys inside one batch and counts the earlier as updated', async () => {
    const result = await ingest('s-d', [
      { rowNumber: 1, raw: penaltyRow({ CF_WSH: 'D-1', CF_NR: '第一版' }) },
      { rowNumber: 2, raw: penaltyRow({ CF_WSH: 'D-1', CF_NR: '第二版' }) },
      { rowNumber: 3, raw: penaltyRow({ CF_WSH: 'D-1', CF_NR: '第二版' }) },
    ]);
    assert.deepEqual([result.accepted, result.updated, result.unchanged], [1, 2, 0]);
    const [row] = await tdb.db.prisma.$queryRawUnsafe<{ content: string }[]>(
      `SELECT content FROM disclosure.penalty WHERE document_number = 'D-1'`,
    );
    assert.equal(row!.content, '第二版');
    assert.equal(await count(`disclosure.revision WHERE document_number = 'D-1'`), 2);
  });

  it('stores licences and derives the penalty tier and publicity end', async () => {
    const lic = await ingest('s-l', [{ rowNumber: 1, raw: licenceRow({ XK_WSH: 'L-1', XK_YXQZI: '长期' }) }], 'XK');
    assert.equal(lic.accepted, 1);
    const [l] = await tdb.db.prisma.$queryRawUnsafe<{ until: string; status: string; category: string }[]>(
      `SELECT valid_until::text AS until, status::text, category::text FROM disclosure.licence WHERE document_number = 'L-1'`,
    );
    assert.deepEqual({ ...l }, { until: '2099-12-31', status: 'VALID', category: 'GENERAL' });
    await ingest('s-t', [{ rowNumber: 1, raw: penaltyRow({ CF_WSH: 'T-1', CF_CFLB: '罚款;吊销许可证件' }) }]);
    const [p] = await tdb.db.prisma.$queryRawUnsafe<{ tier: string; ends: string; types: string }[]>(
      `SELECT tier::text, publicity_ends_on::text AS ends, penalty_types::text AS types
       FROM disclosure.penalty WHERE document_number = 'T-1'`,
    );
    assert.deepEqual({ ...p }, { tier: 'SEVERE', ends: '2028-03-10', types: '{FINE,LICENCE_REVOCATION}' });
  });

  it('issues a constant number of statements whatever the batch size', async () => {
    const ctx = await loadValidationContext(prismaSql(tdb.db.prisma), 'market', {
      personKeySecret: 'x'.repeat(16),
      today: TODAY,
    });
    const run = async (n: number, tag: string) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        rowNumber: i + 1,
        raw: penaltyRow({ CF_WSH: `${tag}-${i}`, ...(i % 10 === 0 ? { CF_NR_FK: '-1' } : {}) }),
      }));
      tdb.db.resetStatements();
      await ingestRows(prismaSql(tdb.db.prisma), { kind: 'CF', rows, submitter, submissionId: tag, today: TODAY }, ctx);
      return tdb.db.statements();
    };
    const small = await run(10, 'N10');
    const large = await run(1000, 'N1000');
    // The look-up of first receipts (metrics' 上报率 / 合规率), the records' upsert, the quarantine, every event of the
    // batch (docs/events.md) and the submission: one statement each.
    assert.equal(small, 5);
    assert.equal(large, small);
  });
});
