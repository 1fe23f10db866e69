/**
 * Killing the dispatcher in the middle of a batch (SIGKILL: no clean-up runs) and starting it again loses no event,
 * handles none twice, and keeps every subject's order: relay and consumer batches are transactions, and the
 * consumer's cursor and dedup rows commit with its handler's writes. Real processes, a real Postgres.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inPgTransaction } from '../src/db/index.ts';
import { consumerLag, outboxBacklog, recordEvents, type NewEvent } from '../src/events/index.ts';
import { createTestDatabase, makeUscc, type TestDatabase } from '../src/testing/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let tdb: TestDatabase;
const children = new Set<ChildProcess>();

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.pool.query(
    'CREATE TABLE public.crash_receipts (seq bigserial, event_id uuid, subject text, entry text)',
  );
});
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await tdb.drop();
});

function startDispatcher(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'support', 'dispatcher.ts'), tdb.url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`dispatcher exited (${code}) before it was ready`)));
  });
}

const receiptCount = async () =>
  Number((await tdb.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM public.crash_receipts')).rows[0]!.n);

/** Waits (bounded) until `done` holds, checking every 50 ms. */
async function until(done: () => Promise<boolean>, what: string, attempts = 1200) {
  for (let i = 0; i < attempts; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe('dispatcher killed mid-batch', () => {
  it('loses nothing, handles nothing twice and keeps the order per subject after a restart', async () => {
    const subjects = Array.from({ length: 20 }, (_, i) => makeUscc('91', '330100', String(50_000_000 + i)));
    const total = 1_000;
    // Written in 10 transactions, alternating two outboxes, subjects interleaved: entry n of a subject is its n-th.
    for (let t = 0; t < 10; t++) {
      const events: NewEvent[] = [];
      for (let i = 0; i < total / 10; i++) {
        const n = t * (total / 10) + i;
        const source = n % 2 === 0 ? 'tax' : 'court';
        events.push({
          source,
          type: 'list.entry.removed',
          department: source,
          subjectCode: subjects[n % subjects.length]!,
          payload: {
            list: 'MAJOR_TAX_VIOLATOR',
            entryId: String(n).padStart(5, '0'),
            removedOn: '2026-03-15',
            cause: 'REMOVED',
            ground: null,
          },
        });
      }
      await inPgTransaction(tdb.db.pool, (sql) => recordEvents(sql, events));
    }

    const first = await startDispatcher();
    await until(async () => (await receiptCount()) >= 150, 'the first dispatcher handled some events');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await receiptCount();
    assert.ok(atKill < total, `killed before the end (${atKill} of ${total} handled)`);

    const second = await startDispatcher();
    await until(
      async () =>
        Object.values(await outboxBacklog(tdb.db.pool)).every((n) => n === 0) &&
        (await consumerLag(tdb.db.pool, 'test.crash-receipts')) === 0,
      'the restarted dispatcher caught up',
    );
    second.kill('SIGKILL');

    const { rows } = await tdb.db.pool.query<{ event_id: string; subject: string; entry: string }>(
      'SELECT event_id, subject, entry FROM public.crash_receipts ORDER BY seq',
    );
    assert.equal(rows.length, total, 'every event handled');
    assert.equal(new Set(rows.map((r) => r.event_id)).size, total, 'no event handled twice');
    for (const subject of subjects) {
      const entries = rows.filter((r) => r.subject === subject).map((r) => r.entry);
      assert.deepEqual(entries, [...entries].sort(), `order kept for ${subject}`);
      assert.equal(entries.length, total / subjects.length);
    }
  });
});
