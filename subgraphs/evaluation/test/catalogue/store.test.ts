import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import pg from 'pg';
import { ensureMeasureCatalogue, starterCatalogue } from '../../src/catalogue/writes.ts';

// The starter catalogue over a database installed by an older release (with the wrong citations) and revised by an
// administrator: the catalogue's own versions are corrected by a new version, the administrator's are left alone.
let tdb: TestDatabase;
let client: pg.Client;

before(async () => {
  tdb = await createTestDatabase();
  client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
});
after(async () => {
  await client.end();
  await tdb.drop();
});

const old = (code: string, article: string | null, number: string, changedBy: string) =>
  client.query(
    `INSERT INTO evaluation.measure (code, version, name, kind, lists, matters, content, basis_title, basis_number,
       basis_article, status, change_note, changed_by)
     VALUES ($1, 1, '旧版措施', 'RESTRICT', '{DISHONEST_DEBTOR}', '{SUBSIDY}', '旧版内容', '旧版依据', $3, $2, 'ACTIVE',
       '初始目录 (data/measures.json)', $4)`,
    [code, article, number, changedBy],
  );

describe('ensureMeasureCatalogue over an older catalogue', () => {
  it('revises the catalogue’s own versions, never an administrator’s, and is idempotent', async () => {
    await old('DD-SUBSIDY-RESTRICT', '三（二）', '中办发〔2016〕64号', 'catalogue');
    await old('TAX-BID-RESTRICT', null, '发改财金〔2014〕3062号', 'admin-7');
    const result = await ensureMeasureCatalogue(client);
    assert.deepEqual(result, { added: starterCatalogue().length - 2, revised: 1 });
    const { rows } = await client.query<{
      code: string;
      version: number;
      basis_article: string | null;
      basis_number: string;
      basis_verification: string;
      change_note: string;
    }>(
      `SELECT code, version, basis_article, basis_number, basis_verification, change_note FROM evaluation.measure
       WHERE code IN ('DD-SUBSIDY-RESTRICT', 'TAX-BID-RESTRICT') ORDER BY code, version`,
    );
    assert.deepEqual(
      rows.map((r) => [r.code, r.version, r.basis_article, r.basis_number, r.basis_verification]),
      [
        ['DD-SUBSIDY-RESTRICT', 1, '三（二）', '中办发〔2016〕64号', 'TO_VERIFY'],
        ['DD-SUBSIDY-RESTRICT', 2, '二（二）', '中办发〔2016〕64号', 'VERIFIED'],
        ['TAX-BID-RESTRICT', 1, null, '发改财金〔2014〕3062号', 'TO_VERIFY'],
      ],
    );
    assert.match(rows[1]!.change_note, /更正法律依据/);
    assert.deepEqual(await ensureMeasureCatalogue(client), { added: 0, revised: 0 });
  });
});
