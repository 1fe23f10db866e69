/**
 * The read path (ADR 0080): rowsByKeys sends one named statement on the node-postgres pool for every call of a turn,
 * and its rows are exactly the rows Prisma's findMany returns (BigInt, Decimal, dates, timestamps, enums, Json) — for
 * every model keyed by subject, against demo data with every department's rows.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cachedStatementCount, Prisma, repoRoot, rowsByKeys, STATEMENT_CACHE_SIZE, type Db } from '@credit-hub/kit/db';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { loadDemoData } from '../src/load.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
  await loadDemoData(tdb.url, { subjects: 1500, seed: 7, personKeySecret: 'test-person-key-secret' });
});
after(() => tdb?.drop());

interface Target {
  model: Prisma.ModelName;
  schema: string;
}
/** Each model's database schema (`@@schema`), from the schema files: the runtime's model metadata does not carry it. */
const schemaOf = new Map<string, string>();
const schemaDir = path.join(repoRoot, 'prisma/schema');
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.prisma'))) {
  for (const [, model, body] of readFileSync(path.join(schemaDir, file), 'utf8').matchAll(
    /^model (\w+) \{([\s\S]*?)^\}/gm,
  ))
    schemaOf.set(model!, /@@schema\("(\w+)"\)/.exec(body!)![1]!);
}

/** Every model with a subject key and an id (the loaders' shape), with its database schema. */
const targets: Target[] = Prisma.dmmf.datamodel.models
  .filter((m) => m.fields.some((f) => f.name === 'subjectCode') && m.fields.some((f) => f.name === 'id'))
  .map((m) => ({ model: m.name as Prisma.ModelName, schema: schemaOf.get(m.name)! }));

type Delegate = { findMany(args: object): Promise<unknown[]> };
const delegate = (db: Db, model: string) =>
  (db.prisma as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

async function codesOf(db: Db, target: Target, n: number): Promise<string[]> {
  const rows = (await delegate(db, target.model).findMany({
    select: { subjectCode: true },
    distinct: ['subjectCode'],
    take: n,
    orderBy: { subjectCode: 'asc' },
  })) as { subjectCode: string }[];
  return rows.map((r) => r.subjectCode);
}

describe('rowsByKeys', () => {
  it('knows every model keyed by subject in the schema', () => {
    assert.ok(targets.length >= 10, targets.map((t) => t.model).join(', '));
  });

  it('returns the rows findMany returns, field for field and type for type', async () => {
    let compared = 0;
    const kinds = new Set<string>();
    for (const target of targets) {
      const codes = await codesOf(tdb.db, target, 40);
      if (codes.length === 0) continue;
      const expected = await delegate(tdb.db, target.model).findMany({
        where: { subjectCode: { in: codes } },
        orderBy: { id: 'desc' },
      });
      const actual = await rowsByKeys(tdb.db, target, 'subjectCode', codes, [['id', 'desc']]);
      assert.deepStrictEqual(actual, expected, target.model);
      kinds.add(target.model);
      compared += expected.length;
    }
    assert.ok(compared > 300, `compared ${compared} rows`);
    // Among them: BigInt ids, Decimal amounts, dates, timestamps, enums and lists of enums.
    for (const model of [
      'AnnualReport',
      'AbnormalOperation',
      'SeriousIllegalListing',
      'TaxCreditRating',
      'EnvironmentalPenalty',
    ])
      assert.ok(kinds.has(model), `${model} among ${[...kinds].join(', ')}`);
  });

  it('sends the calls of one turn as one statement, each caller getting its own keys', async () => {
    const filled: Target[] = [];
    for (const target of targets) if ((await codesOf(tdb.db, target, 6)).length === 6) filled.push(target);
    const [first, second, third] = filled;
    const a = await codesOf(tdb.db, first!, 6);
    const b = await codesOf(tdb.db, second!, 6);
    tdb.db.resetStatements();
    const [one, sameTableOtherKeys, other] = await Promise.all([
      rowsByKeys<{ subjectCode: string }>(tdb.db, first!, 'subjectCode', a.slice(0, 3)),
      rowsByKeys<{ subjectCode: string }>(tdb.db, first!, 'subjectCode', a.slice(3)),
      rowsByKeys<{ subjectCode: string }>(tdb.db, second!, 'subjectCode', b),
      rowsByKeys<{ subjectCode: string }>(tdb.db, third!, 'subjectCode', b),
    ]);
    assert.equal(tdb.db.statements(), 1);
    assert.deepEqual(new Set(one.map((r) => r.subjectCode)), new Set(a.slice(0, 3)));
    assert.deepEqual(new Set(sameTableOtherKeys.map((r) => r.subjectCode)), new Set(a.slice(3)));
    assert.deepEqual(new Set(other.map((r) => r.subjectCode)), new Set(b));
  });

  it('prepares its statement once per connection (named), and answers an empty key list without SQL', async () => {
    const target = targets.find((t) => t.model === 'AnnualReport');
    const codes = await codesOf(tdb.db, target!, 3);
    await rowsByKeys(tdb.db, target!, 'subjectCode', codes);
    tdb.db.resetStatements();
    assert.deepEqual(await rowsByKeys(tdb.db, target!, 'subjectCode', []), []);
    assert.equal(tdb.db.statements(), 0);
    const client = await tdb.db.pool.connect();
    try {
      const prepared = await client.query<{ name: string }>(
        `SELECT name FROM pg_prepared_statements WHERE name LIKE 'by_keys_%'`,
      );
      // This connection may not be the one that ran the read; a named statement is only ever prepared under its name.
      for (const row of prepared.rows) assert.match(row.name, /^by_keys_[0-9a-f]{20}$/);
    } finally {
      client.release();
    }
  });
  // ADR 0132: a constant array of keys makes PostgreSQL estimate each key against the column's statistics at every
  // bind (a batch check's 1,000 keys: 11 ms of planning for 3 ms of work). The keys go in as an init plan's value, so
  // the plan never holds them, and the key column's index still answers.
  it('hands the keys to the planner as an init plan, never as a constant, and still reads by the index', async () => {
    const target = targets.find((t) => t.model === 'TaxCreditRating')!;
    const codes = await codesOf(tdb.db, target, 40);
    let sent: { text: string; values?: unknown[] } | undefined;
    const spy: Db = {
      ...tdb.db,
      read: (statement) => {
        sent = statement;
        return tdb.db.read(statement);
      },
    };
    await rowsByKeys(spy, target, 'subjectCode', codes);
    const { rows } = await tdb.db.pool.query<{ 'QUERY PLAN': unknown }>({
      text: `EXPLAIN (FORMAT JSON) ${sent!.text}`,
      values: sent!.values,
    });
    const plan = JSON.stringify(rows[0]!['QUERY PLAN']);
    assert.match(plan, /"Parent Relationship":"InitPlan"/);
    assert.match(plan, /"Index Name":"credit_rating_subject_code/);
    for (const code of codes) assert.ok(!plan.includes(code), `the plan holds the key ${code}`);
  });

  it('builds the text of a set of tables once, a new set anew, and keeps a bounded number of texts', async () => {
    const target = targets.find((t) => t.model === 'TaxCreditRating')!;
    const codes = await codesOf(tdb.db, target, 4);
    const expected = await delegate(tdb.db, target.model).findMany({
      where: { subjectCode: { in: codes } },
      orderBy: { id: 'asc' },
    });
    assert.deepStrictEqual(await rowsByKeys(tdb.db, target, 'subjectCode', codes, [['id', 'asc']]), expected);
    const known = cachedStatementCount();
    // The same set again: the kept text, same rows.
    assert.deepStrictEqual(await rowsByKeys(tdb.db, target, 'subjectCode', codes, [['id', 'asc']]), expected);
    assert.equal(cachedStatementCount(), known);
    // Another order (used nowhere before) is another statement, with its own rows' order.
    const order = [
      ['subjectCode', 'asc'],
      ['id', 'desc'],
    ] as const;
    assert.deepStrictEqual(
      await rowsByKeys(tdb.db, target, 'subjectCode', codes, order),
      await delegate(tdb.db, target.model).findMany({
        where: { subjectCode: { in: codes } },
        orderBy: [{ subjectCode: 'asc' }, { id: 'desc' }],
      }),
    );
    assert.equal(cachedStatementCount(), known + 1);
    // More distinct sets than the bound (pairs of tables read in one turn, in either order of either key): never
    // above it, and every answer still right.
    let sets = 0;
    const orders = [[['id', 'asc']], [['id', 'desc']], [['subjectCode', 'asc']], [['subjectCode', 'desc']]] as const;
    for (let i = 0; i < targets.length && sets <= STATEMENT_CACHE_SIZE; i++)
      for (let j = i + 1; j < targets.length && sets <= STATEMENT_CACHE_SIZE; j++)
        for (const first of orders)
          for (const second of orders.slice(0, 2)) {
            const [a, b] = await Promise.all([
              rowsByKeys(tdb.db, targets[i]!, 'subjectCode', ['none'], first),
              rowsByKeys(tdb.db, targets[j]!, 'subjectCode', ['none'], second),
            ]);
            assert.deepEqual([a, b], [[], []]);
            sets += 1;
            assert.ok(cachedStatementCount() <= STATEMENT_CACHE_SIZE);
          }
    assert.ok(sets > STATEMENT_CACHE_SIZE, `${sets} sets`);
    assert.deepStrictEqual(await rowsByKeys(tdb.db, target, 'subjectCode', codes, [['id', 'asc']]), expected);
  });
});
