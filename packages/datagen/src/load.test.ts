import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { loadDemoData, type LoadResult } from './load.ts';

const SECRET = 'test-person-key-secret';

describe('loadDemoData', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let first: LoadResult;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  const indexes = async () =>
    (
      await client.query<{ name: string; def: string }>(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname IN ('subject', 'tax') ORDER BY 1`,
      )
    ).rows;

  before(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    first = await loadDemoData(database.url, { subjects: 3000, seed: 11, personKeySecret: SECRET });
  });

  after(async () => {
    await client?.end();
    await database?.drop();
  });

  it('loads what it reports', async () => {
    assert.equal(first.subjects, 3000);
    assert.ok(first.persons > 100 && first.ratings > 3000 && first.ms > 0);
    assert.equal(await count('SELECT count(*) AS n FROM subject.credit_subject'), first.subjects);
    assert.equal(await count('SELECT count(*) AS n FROM subject.person_identity'), first.persons);
    assert.equal(
      await count(`SELECT count(*) AS n FROM subject.credit_subject WHERE kind = 'NATURAL_PERSON'`),
      first.persons,
    );
    assert.equal(await count('SELECT count(*) AS n FROM tax.credit_rating'), first.ratings);
    assert.equal(await count('SELECT count(*) AS n FROM tax.major_violation'), first.violations);
    // Every tax row belongs to a loaded subject in the same division.
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM tax.credit_rating r LEFT JOIN subject.credit_subject s ON s.code = r.subject_code
          WHERE s.code IS NULL OR s.region_code <> r.region_code`,
      ),
      0,
    );
  });

  it('refuses to load into a table that already has subjects', async () => {
    await assert.rejects(
      loadDemoData(database.url, { subjects: 10, personKeySecret: SECRET }),
      /credit_subject already has 3000 rows.*append/,
    );
    assert.equal(await count('SELECT count(*) AS n FROM subject.credit_subject'), 3000);
  });

  it('lets the database compute name_grams for name search', async () => {
    const byGrams = await count(`SELECT count(*) AS n FROM subject.credit_subject WHERE name_grams @> ARRAY['科技']`);
    const byLike = await count(`SELECT count(*) AS n FROM subject.credit_subject WHERE name LIKE '%科技%'`);
    assert.ok(byLike > 0, 'some names contain 科技');
    assert.equal(byGrams, byLike);
    const { rows } = await client.query<{ name: string; name_grams: string[] }>(
      `SELECT name, name_grams FROM subject.credit_subject WHERE kind = 'ENTERPRISE' LIMIT 1`,
    );
    assert.ok(rows[0]!.name_grams.includes(rows[0]!.name.slice(0, 2)));
  });

  it('appends with fresh codes and rebuilds dropped indexes exactly as they were', async () => {
    const before = await indexes();
    const added = await loadDemoData(database.url, {
      subjects: 1000,
      seed: 12,
      personKeySecret: SECRET,
      append: true,
      dropIndexes: true,
    });
    assert.equal(added.subjects, 1000);
    assert.equal(await count('SELECT count(*) AS n FROM subject.credit_subject'), 4000);
    assert.equal(await count('SELECT count(*) AS n FROM tax.credit_rating'), first.ratings + added.ratings);
    assert.deepEqual(await indexes(), before);
    assert.ok(before.some((i) => i.name === 'credit_subject_name_grams_idx'));
  });

  it('rolls back everything when a load fails', async () => {
    // Same seed and start index as the first load: the first subject's code already exists.
    await assert.rejects(
      loadDemoData(database.url, { subjects: 500, seed: 11, personKeySecret: SECRET, append: true, startIndex: 0 }),
      /duplicate key/,
    );
    assert.equal(await count('SELECT count(*) AS n FROM subject.credit_subject'), 4000);
    assert.equal(
      await count(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name LIKE 'credit-hub-datagen%'`),
      0,
    );
  });
});
