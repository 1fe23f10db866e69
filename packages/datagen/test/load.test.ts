import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { loadDemoData, type LoadResult } from '../src/load.ts';

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
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname IN ('subject', 'tax', 'market', 'court') ORDER BY 1, 2`,
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

  it('loads the market register, 经营异常名录, 严重违法失信名单, court cases and 限制消费令', async () => {
    assert.ok(first.registrations > 2000 && first.annualReports > first.registrations, JSON.stringify(first));
    assert.ok(first.abnormalEntries > 100 && first.courtCases > 10 && first.restrictions > 10, JSON.stringify(first));
    const tables = {
      registrations: 'market.registration',
      annualReports: 'market.annual_report',
      abnormalEntries: 'market.abnormal_operation',
      seriousListings: 'market.serious_illegal_listing',
      courtCases: 'court.dishonest_debtor_case',
      restrictions: 'court.consumption_restriction',
    } as const;
    for (const [key, table] of Object.entries(tables))
      assert.equal(await count(`SELECT count(*) AS n FROM ${table}`), first[key as keyof typeof tables], table);
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM subject.credit_subject WHERE kind IN ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE')`,
      ),
      first.registrations,
    );
    // Every row belongs to a loaded subject in the same division, under the same name.
    for (const table of [
      'market.registration',
      'market.abnormal_operation',
      'market.serious_illegal_listing',
      'court.dishonest_debtor_case',
      'court.consumption_restriction',
    ]) {
      assert.equal(
        await count(
          `SELECT count(*) AS n FROM ${table} x LEFT JOIN subject.credit_subject s ON s.code = x.subject_code
            WHERE s.code IS NULL OR s.region_code <> x.region_code`,
        ),
        0,
        table,
      );
    }
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM court.dishonest_debtor_case c JOIN subject.credit_subject s ON s.code = c.subject_code
          WHERE s.name <> c.debtor_name OR (s.kind = 'NATURAL_PERSON') <> (c.debtor_kind = 'NATURAL_PERSON')`,
      ),
      0,
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM court.dishonest_debtor_case c JOIN subject.person_identity p ON p.code = c.subject_code
          WHERE p.id_number <> c.id_number`,
      ),
      0,
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM market.registration r JOIN subject.credit_subject s ON s.code = r.subject_code
          WHERE r.name <> s.name OR r.established_on <> s.established_on OR r.legal_representative IS DISTINCT FROM s.legal_representative`,
      ),
      0,
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM market.abnormal_operation
          WHERE applied_on < cured_on OR removed_on <= applied_on
            OR (applied_on IS NOT NULL AND status = 'LISTED' AND removal_deadline IS NULL)`,
      ),
      0,
    );
  });

  it('loads the environmental and 政务诚信 records', async () => {
    const tables = {
      environmentalRatings: 'environment.credit_rating',
      environmentalPenalties: 'environment.penalty',
      dischargePermits: 'environment.discharge_permit',
      arrears: 'government.arrears',
      arrearsPayments: 'government.arrears_payment',
      commitments: 'government.commitment',
      complaints: 'government.complaint',
    } as const;
    assert.ok(
      first.environmentalRatings > 50 && first.dischargePermits > 10 && first.arrears > 0,
      JSON.stringify(first),
    );
    for (const [key, table] of Object.entries(tables))
      assert.equal(await count(`SELECT count(*) AS n FROM ${table}`), first[key as keyof typeof tables], table);
    for (const [table, column] of [
      ['environment.credit_rating', 'subject_code'],
      ['environment.penalty', 'subject_code'],
      ['environment.discharge_permit', 'subject_code'],
      ['government.arrears', 'debtor_code'],
      ['government.commitment', 'body_code'],
      ['government.complaint', 'body_code'],
    ] as const) {
      assert.equal(
        await count(
          `SELECT count(*) AS n FROM ${table} x LEFT JOIN subject.credit_subject s ON s.code = x.${column}
            WHERE s.code IS NULL OR s.region_code <> x.region_code`,
        ),
        0,
        table,
      );
    }
    // Creditors are loaded subjects; paid_amount is the sum of the payments.
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM government.arrears a LEFT JOIN subject.credit_subject s ON s.code = a.creditor_code
          WHERE s.kind IS NULL OR s.kind NOT IN ('ENTERPRISE', 'INDIVIDUAL_BUSINESS')`,
      ),
      0,
    );
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM government.arrears a
          WHERE a.paid_amount <> (SELECT coalesce(sum(p.amount), 0) FROM government.arrears_payment p WHERE p.arrears_id = a.id)
             OR (a.status = 'CLEARED') <> (a.paid_amount = a.amount)`,
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

  // The postings (migration 0074) are written by credit_subject's statement trigger when a lane's COPY ends: exactly
  // the character pairs of every searchable name, none for natural persons, none left over.
  const postingsDiffer = () =>
    count(
      `SELECT count(*) AS n FROM (
         (SELECT g AS gram, code FROM subject.credit_subject, unnest(subject.name_bigrams(name)) AS g
           WHERE kind <> 'NATURAL_PERSON'
          EXCEPT SELECT gram, subject_code FROM subject.name_posting)
         UNION ALL
         (SELECT gram, subject_code FROM subject.name_posting
          EXCEPT SELECT g, code FROM subject.credit_subject, unnest(subject.name_bigrams(name)) AS g
           WHERE kind <> 'NATURAL_PERSON')) AS d`,
    );

  it('fills the name postings for every searchable name', async () => {
    assert.ok((await count('SELECT count(*) AS n FROM subject.name_posting')) > 3000 * 5);
    assert.equal(await postingsDiffer(), 0);
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM subject.name_posting p JOIN subject.credit_subject s ON s.code = p.subject_code
          WHERE s.kind = 'NATURAL_PERSON'`,
      ),
      0,
    );
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
    assert.equal(
      await count('SELECT count(*) AS n FROM market.annual_report'),
      first.annualReports + added.annualReports,
    );
    assert.equal(
      await count('SELECT count(*) AS n FROM court.dishonest_debtor_case'),
      first.courtCases + added.courtCases,
    );
    assert.equal(await count('SELECT count(*) AS n FROM government.arrears'), first.arrears + added.arrears);
    assert.equal(
      await count('SELECT count(*) AS n FROM government.arrears_payment'),
      first.arrearsPayments + added.arrearsPayments,
    );
    assert.equal(
      await count('SELECT count(*) AS n FROM environment.credit_rating'),
      first.environmentalRatings + added.environmentalRatings,
    );
    assert.deepEqual(await indexes(), before);
    assert.equal(await postingsDiffer(), 0);
    assert.ok(before.some((i) => i.name === 'name_posting_gram_code_idx'));
    assert.ok(before.some((i) => i.name === 'credit_subject_name_grams_idx'));
    assert.ok(before.some((i) => i.name === 'dishonest_debtor_case_one_active_listing'));
    assert.ok(before.some((i) => i.name === 'annual_report_subject_code_year_key'));
  });

  it('rolls back everything when a load fails', async () => {
    const tables = [
      'subject.credit_subject',
      'tax.credit_rating',
      'market.registration',
      'market.annual_report',
      'market.abnormal_operation',
      'market.serious_illegal_listing',
      'court.dishonest_debtor_case',
      'court.consumption_restriction',
      'environment.credit_rating',
      'environment.penalty',
      'environment.discharge_permit',
      'government.arrears',
      'government.arrears_payment',
      'government.commitment',
      'government.complaint',
    ];
    const counts = async () => {
      const n: number[] = [];
      for (const t of tables) n.push(await count(`SELECT count(*) AS n FROM ${t}`));
      return n;
    };
    const before = await counts();
    // Same seed and start index as the first load: the first subject's code already exists.
    await assert.rejects(
      loadDemoData(database.url, { subjects: 500, seed: 11, personKeySecret: SECRET, append: true, startIndex: 0 }),
      /duplicate key/,
    );
    assert.equal(await count('SELECT count(*) AS n FROM subject.credit_subject'), 4000);
    assert.deepEqual(await counts(), before);
    // Every lane's connection is closed. A backend leaves pg_stat_activity shortly after its client's Terminate
    // message, not at once (seen on a loaded machine), so the count is read until it reaches 0, for at most 10 s.
    const lingering = () =>
      count(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name LIKE 'credit-hub-datagen%'`);
    let open = await lingering();
    for (let tries = 0; open > 0 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await lingering();
    }
    assert.equal(open, 0);
  });
});
