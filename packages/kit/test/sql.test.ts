/**
 * The kit's raw-SQL handles and its unnest upsert against a real Postgres: the same statements give the same results
 * through Prisma and through one node-postgres connection, a node-postgres transaction commits or rolls back as a
 * whole, and the audit chain appended inside such a transaction continues the one Prisma writes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { appendAudit, appendAuditIn, appendAuditTrails, verifyAudit } from '../src/index.ts';
import {
  inPgTransaction,
  pgSql,
  prismaSql,
  sqlTextArray,
  upsertRows,
  type Sql,
  type UpsertTable,
} from '../src/db/index.ts';
import { callers, createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let tdb: TestDatabase;
before(async () => {
  tdb = await createTestDatabase();
});
after(() => tdb.drop());

interface Industry {
  code: string;
  name: string;
}
const INDUSTRY: UpsertTable<Industry> = {
  table: 'subject.industry',
  columns: { code: { type: 'varchar(4)', value: (i) => i.code }, name: { type: 'text', value: (i) => i.name } },
  key: ['code'],
  onConflict: 'update',
};
const names = async (sql: Sql, codes: string[]) =>
  Object.fromEntries(
    z
      .array(z.object({ code: z.string(), name: z.string() }))
      .parse(await sql.rows('SELECT code, name FROM subject.industry WHERE code = ANY($1) ORDER BY code', [codes]))
      .map((r) => [r.code, r.name]),
  );

describe('upsertRows', () => {
  for (const [label, handle] of [
    ['Prisma', () => prismaSql(tdb.db.prisma)],
    ['node-postgres', () => pgSql(tdb.db.pool)],
  ] as const)
    it(`inserts new rows and refreshes stored ones in one statement (${label})`, async () => {
      const sql = handle();
      const [a, b] = label === 'Prisma' ? ['Z901', 'Z902'] : ['Z911', 'Z912'];
      assert.equal(await upsertRows(sql, INDUSTRY, [{ code: a, name: '试验一' }]), 1);
      const before = tdb.db.statements();
      const written = await upsertRows(sql, INDUSTRY, [
        { code: a, name: '试验一（更正）' },
        { code: b, name: '试验二' },
      ]);
      assert.equal(written, 2);
      if (label === 'Prisma') assert.equal(tdb.db.statements() - before, 1, 'one statement for the whole list');
      assert.deepEqual(await names(sql, [a, b]), { [a]: '试验一（更正）', [b]: '试验二' });
      assert.equal(await upsertRows(sql, INDUSTRY, []), 0);
    });

  it('with onConflict nothing keeps the stored row and counts only new ones', async () => {
    const sql = pgSql(tdb.db.pool);
    await upsertRows(sql, INDUSTRY, [{ code: 'Z921', name: '原名' }]);
    const keep = { ...INDUSTRY, onConflict: 'nothing' as const };
    assert.equal(
      await upsertRows(sql, keep, [
        { code: 'Z921', name: '新名' },
        { code: 'Z922', name: '新' },
      ]),
      1,
    );
    assert.deepEqual(await names(sql, ['Z921', 'Z922']), { Z921: '原名', Z922: '新' });
  });
});

describe('inPgTransaction', () => {
  it('commits the work as a whole, and counts its statements', async () => {
    const counted = await inPgTransaction(tdb.db.pool, async (sql) => {
      await upsertRows(sql, INDUSTRY, [{ code: 'Z931', name: '提交' }]);
      await sql.execute('UPDATE subject.industry SET name = $2 WHERE code = $1', ['Z931', '提交后']);
      return sql.statements();
    });
    assert.equal(counted, 2);
    assert.deepEqual(await names(prismaSql(tdb.db.prisma), ['Z931']), { Z931: '提交后' });
  });

  it('rolls everything back when the work throws', async () => {
    await assert.rejects(
      inPgTransaction(tdb.db.pool, async (sql) => {
        await upsertRows(sql, INDUSTRY, [{ code: 'Z941', name: '回滚' }]);
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(await names(pgSql(tdb.db.pool), ['Z941']), {});
  });

  it('sends BigInt parameters (node-postgres cannot) and reads int8 back through z.coerce.bigint', async () => {
    const rows = await inPgTransaction(tdb.db.pool, (sql) => sql.rows('SELECT $1::bigint + 1 AS n', [2n ** 62n]));
    assert.deepEqual(z.array(z.object({ n: z.coerce.bigint() })).parse(rows), [{ n: 2n ** 62n + 1n }]);
  });
});

describe('appendAuditIn', () => {
  const chain = async () =>
    z
      .array(z.object({ seq: z.coerce.bigint(), subgraph: z.string(), prev: z.string(), hash: z.string() }))
      .parse(
        await prismaSql(tdb.db.prisma).rows(
          'SELECT seq, subgraph, prev_hash AS prev, hash FROM audit.entry ORDER BY seq',
        ),
      );

  it('continues the chain Prisma writes from a node-postgres transaction, and rolls back with it', async () => {
    const who = callers.officer('market');
    const meta = (subgraph: string) => ({ requestId: 'r', subgraph });
    const event = { action: 'WRITE' as const, subjectCode: null, fields: ['Mutation.test'] };
    await appendAudit(tdb.db, who, meta('one'), [event]);
    await inPgTransaction(tdb.db.pool, (sql) => appendAuditIn(sql, who, meta('two'), [event, event]));
    await assert.rejects(
      inPgTransaction(tdb.db.pool, async (sql) => {
        await appendAuditIn(sql, who, meta('rolled-back'), [event]);
        throw new Error('boom');
      }),
    );
    await appendAudit(tdb.db, who, meta('three'), [event]);
    const entries = await chain();
    assert.deepEqual(
      entries.map((e) => e.subgraph),
      ['one', 'two', 'two', 'three'],
    );
    entries.forEach((e, i) => {
      assert.equal(e.seq, BigInt(i + 1));
      if (i > 0) assert.equal(e.prev, entries[i - 1]!.hash, `entry ${i + 1} chains to the one before`);
    });
  });
});

describe('sqlTextArray', () => {
  it('reads back in PostgreSQL as the same strings and nulls, whatever they hold', async () => {
    const values = [
      '',
      'plain',
      'NULL',
      null,
      "O'Brien",
      'a\\b',
      '"quoted"',
      '{braces},commas, spaces ',
      '\\"',
      '["CreditSubject.creditCheck","Person.name"]',
      '信用核查 “引号”\nnewline\ttab',
    ];
    const rows = z
      .array(z.object({ a: z.array(z.string().nullable()) }))
      .parse(await tdb.db.sql.rows(`SELECT ${sqlTextArray(values)} AS a`));
    assert.deepEqual(rows[0]?.a, values);
    const empty = await tdb.db.sql.rows(`SELECT cardinality(${sqlTextArray([])}) AS n`);
    assert.deepEqual(empty, [{ n: 0 }]);
  });
});

// ADR 0125: the pool path appends in two round trips, its values as one escaped JSON literal.
describe('appendAudit in two round trips', () => {
  it('keeps the chain gapless under concurrent appends and stores every value as given', async () => {
    const before = await verifyAudit(tdb.db);
    const who = { ...callers.officer('market'), purpose: `它's a \\ "quoted" purpose\n` };
    tdb.db.resetStatements();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        appendAudit(tdb.db, who, { requestId: `concurrent-${i}`, subgraph: 'metrics' }, [
          {
            action: 'READ',
            subjectCode: null,
            fields: [`metricFrame:m${i}`, `it's ${i}`],
            detail: i % 2 ? null : `d'${i}\\`,
          },
          { action: 'READ_PERSONAL', subjectCode: '91330106MA2Q000001', fields: ['Person.name'] },
        ]),
      ),
    );
    // Group commit: the first append is written alone, the eleven that arrived meanwhile share the next transaction
    // (BEGIN, the lock, the last entry and the insert each).
    assert.equal(tdb.db.statements(), 2 * 4);
    const after = await verifyAudit(tdb.db);
    assert.deepEqual([after.ok, after.problems, after.entries], [true, [], before.entries + 24]);
    const rows = z
      .array(
        z.object({ request_id: z.string(), fields: z.string(), detail: z.string().nullable(), purpose: z.string() }),
      )
      .parse(
        await tdb.db.sql.rows(
          `SELECT request_id, fields, detail, purpose FROM audit.entry WHERE request_id LIKE 'concurrent-%' AND action = 'READ'`,
        ),
      );
    assert.equal(rows.length, 12);
    for (const r of rows) {
      const i = Number(r.request_id.slice('concurrent-'.length));
      assert.deepEqual(JSON.parse(r.fields), [`metricFrame:m${i}`, `it's ${i}`]);
      assert.equal(r.detail, i % 2 ? null : `d'${i}\\`);
      assert.equal(r.purpose, who.purpose);
    }
  });

  it('fails only the append whose entry cannot be stored when appends share a transaction', async () => {
    const before = await verifyAudit(tdb.db);
    const event = { action: 'READ' as const, subjectCode: null, fields: ['metricFrame:x'] };
    const good = callers.officer('market');
    // A role longer than the column allows: that append fails, its neighbours in the same transaction are retried alone.
    const bad = { ...good, role: 'R'.repeat(40) } as unknown as typeof good;
    const results = await Promise.allSettled(
      [good, good, bad, good].map((who, i) =>
        appendAudit(tdb.db, who, { requestId: `mixed-${i}`, subgraph: 'm' }, [event]),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    const after = await verifyAudit(tdb.db);
    assert.deepEqual([after.ok, after.entries], [true, before.entries + 3]);
  });

  it("writes a spread fetch's parts' trails in one transaction, with their notifications, and skips empty ones", async () => {
    const before = await verifyAudit(tdb.db);
    const who = callers.officer('housing');
    const part = (subjectCode: string, payload: string) => ({
      who,
      meta: { requestId: 'spread-parts', subgraph: 'evaluation' },
      events: [{ action: 'READ' as const, subjectCode, fields: ['CreditSubject.creditCheck'] }],
      notifications: [{ channel: 'trail_test', payload }],
    });
    const listener = await tdb.db.pool.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query('LISTEN trail_test');
    try {
      tdb.db.resetStatements();
      await appendAuditTrails(tdb.db, [
        part('91330106MA2Q000001', 'both'),
        { ...part('x', 'none'), events: [] },
        part('91330106MA2Q000002', 'both'),
      ]);
      // One round: BEGIN, the lock, the last entry, the insert with its NOTIFY (sent once for both parts).
      assert.equal(tdb.db.statements(), 4);
      const rows = z
        .array(z.object({ subject_code: z.string(), tx: z.string() }))
        .parse(
          await tdb.db.sql.rows(
            `SELECT subject_code, xmin::text AS tx FROM audit.entry WHERE request_id = 'spread-parts' ORDER BY seq`,
          ),
        );
      assert.deepEqual(
        rows.map((r) => r.subject_code),
        ['91330106MA2Q000001', '91330106MA2Q000002'],
      );
      assert.equal(new Set(rows.map((r) => r.tx)).size, 1);
      await listener.query('SELECT 1');
      assert.deepEqual(heard, ['both']);
    } finally {
      await listener.query('UNLISTEN trail_test');
      listener.release();
    }
    const after = await verifyAudit(tdb.db);
    assert.deepEqual([after.ok, after.entries], [true, before.entries + 2]);
  });

  it('rolls back the opening statements when the closing one fails', async () => {
    await assert.rejects(
      tdb.db.twoStepTransaction(
        [`INSERT INTO subject.industry (code, name) VALUES ('Y9', 'rolled back')`, 'SELECT 1'],
        () => 'SELECT 1 / 0',
      ),
    );
    const left = await tdb.db.sql.rows(`SELECT code FROM subject.industry WHERE code = 'Y9'`);
    assert.deepEqual(left, []);
  });
});

// ADR 0120: a request's bulk writes go on the pool through the Db itself, so the statement-count tests still see them.
describe('Db.sql and Db.transaction', () => {
  it('count their statements into Db.statements(), the transaction as one more, and roll back as a whole', async () => {
    tdb.db.resetStatements();
    await tdb.db.sql.execute(`INSERT INTO subject.industry (code, name) VALUES ('Y1', 'autocommit')`);
    assert.equal(tdb.db.statements(), 1);
    tdb.db.resetStatements();
    await tdb.db.transaction(async (sql) => {
      await sql.execute(`INSERT INTO subject.industry (code, name) VALUES ('Y2', 'committed')`);
      await sql.execute(`UPDATE subject.industry SET name = 'committed too' WHERE code = 'Y1'`);
    });
    assert.equal(tdb.db.statements(), 3);
    await assert.rejects(
      tdb.db.transaction(async (sql) => {
        await sql.execute(`INSERT INTO subject.industry (code, name) VALUES ('Y3', 'rolled back')`);
        await sql.execute('SELECT 1 / 0');
      }),
      /division by zero/,
    );
    assert.deepEqual(await names(tdb.db.sql, ['Y1', 'Y2', 'Y3']), { Y1: 'committed too', Y2: 'committed' });
  });
});
