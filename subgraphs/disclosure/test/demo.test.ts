import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoRecords, FIRST_DECISION_YEAR } from '@credit-hub/datagen';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '../src/authorities/rules.ts';
import { loadDisclosureDemo } from '../src/demo/writes.ts';

// The 双公示 demo data set loaded through the real ingest into a real Postgres.
let tdb: TestDatabase;
const options = { subjects: 2500, seed: 42, personKeySecret: 'demo-test-person-key-0123456789' };

before(async () => {
  tdb = await createTestDatabase();
});
after(async () => {
  await tdb.drop();
});

const one = async (sql: string) => (await tdb.db.prisma.$queryRawUnsafe<{ n: number }[]>(sql))[0]!.n;

describe('双公示 demo data', () => {
  it('is deterministic and consistent with the generated subjects and the authority register', () => {
    const a = [...demoRecords({ ...options, subjects: 300, authorities: AUTHORITIES })];
    const b = [...demoRecords({ ...options, subjects: 300, authorities: AUTHORITIES })];
    assert.deepEqual(a, b);
    const codes = new Set(AUTHORITIES.map((x) => x.code));
    for (const r of a) {
      const authority = r.kind === 'CF' ? r.raw.CF_CFJGDM : r.raw.XK_XKJGDM;
      assert.ok(codes.has(authority!), `${authority} is registered`);
      assert.equal(AUTHORITIES.find((x) => x.code === authority)!.department, r.department);
      assert.ok(r.decidedOn >= `${FIRST_DECISION_YEAR}-01-01` && r.decidedOn <= '2026-06-30', 'inside the calendar');
    }
  });

  it('loads valid records, late and unreported ones, a declared register and high-frequency offenders', async () => {
    const loaded = await loadDisclosureDemo(tdb.db, options);
    assert.equal(loaded.quarantined, 0, 'every generated demo row passes validation');
    assert.ok(loaded.penalties > 50 && loaded.licences > 200, JSON.stringify(loaded));
    assert.ok(loaded.late > 0 && loaded.unreported > 0);
    assert.equal(await one(`SELECT count(*)::int AS n FROM disclosure.penalty`), loaded.penalties);
    assert.equal(
      await one(`SELECT count(*)::int AS n FROM disclosure.declared_decision`),
      loaded.penalties + loaded.licences + loaded.unreported,
    );
    // Reporting dates follow the generated delays: some more than 7 working days after the decision.
    assert.ok(
      (await one(
        `SELECT count(*)::int AS n FROM disclosure.penalty WHERE (first_received_at AT TIME ZONE 'Asia/Shanghai')::date - decided_on > 11`,
      )) > 0,
    );
    assert.equal(
      await one(`SELECT count(*)::int AS n FROM disclosure.penalty WHERE first_received_at::date < decided_on`),
      0,
    );
    assert.ok(
      (await one(
        `SELECT count(*)::int AS n FROM (SELECT subject_code FROM disclosure.penalty
           WHERE decided_on >= DATE '2023-07-01' GROUP BY subject_code HAVING count(*) >= 5) s`,
      )) > 0,
      'some subjects have 5 or more penalties within three years',
    );
    assert.ok(
      (await one(`SELECT count(*)::int AS n FROM disclosure.penalty WHERE subject_category = 'NATURAL_PERSON'`)) > 0,
      'a few penalties concern natural persons',
    );
  });
});
