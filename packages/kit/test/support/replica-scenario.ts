/**
 * The scenario of events-replicas.test.ts and events-replicas.nats.test.ts: two replica processes (support/replica.ts)
 * dispatch events from one database while a writer commits a steady stream; the replica that is doing the consumers'
 * work is SIGKILLed mid-stream, the stream goes on, and at the end every event has exactly one receipt per consumer,
 * in each subject's order.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { inPgTransaction } from '../../src/db/index.ts';
import { recordEvents, type NewEvent } from '../../src/events/index.ts';
import { makeUscc } from '../../src/testing/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONSUMERS = ['test.replica-single', 'test.replica-batch'] as const;

export const RECEIPTS_TABLE = `CREATE TABLE public.replica_receipts (
  seq bigserial, consumer text NOT NULL, event_id uuid NOT NULL, subject text, entry text, pid int)`;

export interface Replicas {
  children: Set<ChildProcess>;
  start(): Promise<ChildProcess>;
}

export function replicas(args: string[]): Replicas {
  const children = new Set<ChildProcess>();
  return {
    children,
    start: () => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'replica.ts'), ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.add(child);
      child.on('exit', () => children.delete(child));
      return new Promise((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve(child);
        });
        child.on('exit', (code) => reject(new Error(`replica exited (${code}) before it was ready`)));
      });
    },
  };
}

/** Waits (bounded) until `done` holds, checking every 50 ms. */
export async function until(done: () => Promise<boolean>, what: string, attempts = 2400) {
  for (let i = 0; i < attempts; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

const SUBJECTS = Array.from({ length: 24 }, (_, i) => makeUscc('91', '330100', String(70_000_000 + i)));
const SOURCES = ['tax', 'court', 'market'] as const;

/**
 * Event n is about subject n mod 24, whose outbox is fixed (subject mod 3): a subject's events all come from one
 * department, so their order is that department's order of recording, which every path must keep.
 */
function event(n: number): NewEvent {
  const subject = n % SUBJECTS.length;
  const source = SOURCES[subject % SOURCES.length]!;
  return {
    source,
    type: 'list.entry.removed',
    department: source,
    subjectCode: SUBJECTS[subject]!,
    payload: {
      list: 'MAJOR_TAX_VIOLATOR',
      entryId: String(n).padStart(6, '0'),
      removedOn: '2026-03-15',
      cause: 'REMOVED',
      ground: null,
    },
  };
}

interface Receipt {
  consumer: string;
  event_id: string;
  subject: string;
  entry: string;
  pid: number;
}

export interface ScenarioResult {
  total: number;
  killedPid: number;
  atKill: Record<string, number>;
  byPid: Record<string, Record<string, number>>;
}

/**
 * Writes `transactions` × `perTransaction` events, one transaction every `everyMs`; once `killAfter` transactions
 * are committed, kills the replica holding the most receipts. `caughtUp` tells when dispatch has finished.
 */
export async function runScenario(
  pool: pg.Pool,
  set: Replicas,
  caughtUp: () => Promise<boolean>,
  { transactions = 60, perTransaction = 20, everyMs = 25, killAfter = 25 } = {},
): Promise<ScenarioResult> {
  const [a, b] = [await set.start(), await set.start()];
  const total = transactions * perTransaction;
  const receipts = async () =>
    (
      await pool.query<Receipt>(
        'SELECT consumer, event_id::text, subject, entry, pid FROM public.replica_receipts ORDER BY seq',
      )
    ).rows;
  let killedPid = 0;
  let atKill: Record<string, number> = {};
  let n = 0;
  for (let t = 0; t < transactions; t++) {
    await inPgTransaction(pool, (sql) =>
      recordEvents(
        sql,
        Array.from({ length: perTransaction }, () => event(n++)),
      ),
    );
    if (t === killAfter) {
      // Mid-stream: the replica doing most of the consumers' work so far dies without any clean-up.
      await until(async () => (await receipts()).length > 0, 'some events handled before the kill');
      const rows = await receipts();
      const count = (pid: number | undefined) => rows.filter((r) => r.pid === pid).length;
      const victim = count(a.pid) >= count(b.pid) ? a : b;
      victim.kill('SIGKILL');
      await new Promise((r) => victim.once('exit', r));
      killedPid = victim.pid!;
      atKill = Object.fromEntries(CONSUMERS.map((c) => [c, rows.filter((r) => r.consumer === c).length]));
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  await until(caughtUp, 'the surviving replica caught up');
  const rows = await receipts();
  for (const consumer of CONSUMERS) {
    const mine = rows.filter((r) => r.consumer === consumer);
    assert.equal(new Set(mine.map((r) => r.event_id)).size, total, `${consumer}: every event handled (nothing lost)`);
    assert.equal(mine.length, total, `${consumer}: no event handled twice`);
    for (const subject of SUBJECTS) {
      const entries = mine.filter((r) => r.subject === subject).map((r) => r.entry);
      assert.deepEqual(entries, [...entries].sort(), `${consumer}: order kept for ${subject}`);
    }
    assert.ok(atKill[consumer]! < total, `${consumer}: the kill came before the end`);
  }
  const byPid: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    byPid[r.pid] ??= {};
    byPid[r.pid]![r.consumer] = (byPid[r.pid]![r.consumer] ?? 0) + 1;
  }
  // The killed replica had worked; the survivor carried on after it.
  assert.ok(
    rows.some((r) => r.pid === killedPid),
    'the killed replica had handled events',
  );
  assert.ok(
    rows.some((r) => r.pid !== killedPid),
    'the surviving replica handled events',
  );
  return { total, killedPid, atKill, byPid };
}
