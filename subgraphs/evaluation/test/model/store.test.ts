import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import pg from 'pg';
import { ensureEvaluationModels } from '../../src/models/writes.ts';

// Installing the shipped models over a database that already holds older shipped models and an administrator's own.
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

const insert = (code: string, kinds: string[], createdBy: string) =>
  client.query(
    `INSERT INTO evaluation.evaluation_model (code, version, name, subject_kinds, status, definition, created_by, activated_at)
     VALUES ($1::text, 1, $1::text, $2::text[], 'ACTIVE', '{}'::jsonb, $3, now())`,
    [code, kinds, createdBy],
  );
const statuses = async () =>
  Object.fromEntries(
    (
      await client.query<{ code: string; status: string }>(
        `SELECT code, status::text FROM evaluation.evaluation_model ORDER BY code, version`,
      )
    ).rows.map((r) => [r.code, r.status]),
  );

describe('ensureEvaluationModels', () => {
  it('replaces the older shipped models, keeps an administrator’s active model and installs its rival as a draft', async () => {
    await insert(
      'ZJ-ORGANISATION',
      ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE', 'SOCIAL_ORGANISATION', 'OTHER'],
      'system:default-models',
    );
    await insert('ZJ-PUBLIC-SECTOR', ['GOVERNMENT_BODY', 'PUBLIC_INSTITUTION'], 'system:default-models');
    await insert('CITY-GOVERNMENT', ['GOVERNMENT_BODY'], 'admin-1');
    const first = await ensureEvaluationModels(client);
    assert.deepEqual(first, {
      installed: ['HUB-ENTERPRISE v1', 'HUB-ENTERPRISE v2', 'HUB-SOCIAL-ORGANISATION v1', 'HUB-PUBLIC-INSTITUTION v1'],
      drafts: ['HUB-GOVERNMENT-BODY v1'],
    });
    assert.deepEqual(await statuses(), {
      'CITY-GOVERNMENT': 'ACTIVE',
      'HUB-ENTERPRISE': 'ACTIVE',
      'HUB-GOVERNMENT-BODY': 'DRAFT',
      'HUB-PUBLIC-INSTITUTION': 'ACTIVE',
      'HUB-SOCIAL-ORGANISATION': 'ACTIVE',
      'ZJ-ORGANISATION': 'RETIRED',
      'ZJ-PUBLIC-SECTOR': 'RETIRED',
    });
    assert.deepEqual(await ensureEvaluationModels(client), { installed: [], drafts: [] }, 'idempotent');
    // The next shipped version of a code retires the shipped version before it (信用承诺 indicators, v2).
    const enterprise = await client.query<{ version: number; status: string }>(
      `SELECT version, status::text FROM evaluation.evaluation_model WHERE code = 'HUB-ENTERPRISE' ORDER BY version`,
    );
    assert.deepEqual(enterprise.rows, [
      { version: 1, status: 'RETIRED' },
      { version: 2, status: 'ACTIVE' },
    ]);
  });
});
