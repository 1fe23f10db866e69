import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeNationalFile, type WrittenFile } from '@credit-hub/datagen';
import { callers, createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '../../src/authorities/rules.ts';
import {
  importFile,
  openJob,
  runJob,
  SimulatedCrash,
  type ImportCaller,
  type RunHooks,
} from '../../src/imports/jobs.ts';

// The job runner against a real Postgres: reconciliation, resume after a crash, idempotent re-runs.
const market = AUTHORITIES.filter((a) => a.department === 'market');
const foreign = AUTHORITIES.find((a) => a.department === 'tax')!;
const TODAY = '2026-07-15';
const SECRET = 'job-test-person-key-0123456789';

let dir: string;
let file: WrittenFile;
const dbs: TestDatabase[] = [];

const caller = (): ImportCaller => ({
  identity: { ...callers.system('market', ['write']), actor: 'cli:tester' },
  department: 'market',
  channel: 'FILE',
  requestId: 'job-test',
});
const hooks = (extra: Partial<RunHooks> = {}): RunHooks => ({
  chunkSize: 40,
  today: TODAY,
  personKeySecret: SECRET,
  ...extra,
});

async function fresh() {
  const tdb = await createTestDatabase();
  dbs.push(tdb);
  return tdb;
}

async function count(tdb: TestDatabase, sql: string, ...params: unknown[]): Promise<number> {
  const rows = await tdb.db.prisma.$queryRawUnsafe<{ n: number }[]>(sql, ...params);
  return rows[0]!.n;
}

/** Everything an import leaves behind, without generated ids and clock times. */
async function snapshot(tdb: TestDatabase) {
  const q = (sql: string) => tdb.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  const penalties = await q(
    `SELECT to_jsonb(p) - 'id' - 'first_received_at' - 'last_received_at' - 'created_at' - 'updated_at' AS row
       FROM disclosure.penalty p ORDER BY authority_code, document_number`,
  );
  const quarantine = await q(
    `SELECT row_number, original, reasons::text AS reasons FROM disclosure.quarantine ORDER BY row_number`,
  );
  const revisions = await q(`SELECT count(*)::int AS n FROM disclosure.revision`);
  const jobs = await q(
    `SELECT status::text, rows_total, rows_done, received, accepted, updated, unchanged, quarantined
       FROM disclosure.import_job`,
  );
  const submissions = await q(
    `SELECT to_jsonb(s) - 'id' - 'created_at' - 'updated_at' AS row FROM disclosure.submission s`,
  );
  return { penalties, quarantine, revisions, jobs, submissions };
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'disclosure-job-'));
  file = await writeNationalFile(path.join(dir, 'penalties.csv'), 'CSV', {
    kind: 'CF',
    rows: 230,
    authorities: market,
    foreignAuthority: foreign,
    invalidShare: 0.1,
    to: '2026-06-30',
  });
});
after(async () => {
  for (const tdb of dbs) await tdb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('import jobs', () => {
  it('imports a file in chunks and reconciles: received = accepted + updated + quarantined = rows', async () => {
    const tdb = await fresh();
    const progress: number[] = [];
    const result = await importFile(
      tdb.db,
      { path: file.path, format: 'CSV', fileName: 'penalties.csv' },
      caller(),
      hooks({ onProgress: (p) => progress.push(p.job.rowsDone) }),
    );
    const job = result.job;
    assert.equal(job.status, 'DONE');
    assert.equal(job.rowsTotal, 230);
    assert.equal(job.received, 230);
    assert.equal(job.received, job.accepted + job.updated + job.quarantined);
    assert.equal(job.quarantined, file.invalid, 'exactly the rows broken on purpose are quarantined');
    assert.equal(job.accepted, 230 - file.invalid);
    assert.deepEqual(progress, [40, 80, 120, 160, 200, 230, 230]);
    const n = await count(tdb, `SELECT count(*)::int AS n FROM disclosure.penalty`);
    assert.equal(n, job.accepted);
    // Each quarantined row names the column that was broken.
    const entries = await tdb.db.prisma.$queryRawUnsafe<{ row_number: number; reasons: { field: string }[] }[]>(
      `SELECT row_number, reasons FROM disclosure.quarantine WHERE submission_id = $1 ORDER BY row_number`,
      job.id,
    );
    assert.deepEqual(
      entries.map((e) => e.row_number),
      [...file.brokenRows.keys()],
    );
    for (const e of entries)
      assert.ok(
        e.reasons.some((r) => r.field === file.brokenRows.get(e.row_number)),
        `row ${e.row_number}: ${JSON.stringify(e.reasons)} should name ${file.brokenRows.get(e.row_number)}`,
      );
    // One audit entry per chunk, written with the rows.
    const audits = await count(
      tdb,
      `SELECT count(*)::int AS n FROM audit.entry WHERE action = 'WRITE' AND detail LIKE $1`,
      `%${job.id}%`,
    );
    assert.equal(audits, 6);

    // The same file again: the finished job is reported, nothing is ingested twice.
    const again = await importFile(tdb.db, { path: file.path, format: 'CSV' }, caller(), hooks());
    assert.equal(again.finished, true);
    assert.equal(again.job.id, job.id);
    const after = await count(tdb, `SELECT count(*)::int AS n FROM disclosure.penalty`);
    assert.equal(after, n);
  });

  it('an import interrupted after 2 chunks and re-run ends in exactly the state of one uninterrupted run', async () => {
    const once = await fresh();
    await importFile(once.db, { path: file.path, format: 'CSV' }, caller(), hooks());

    const twice = await fresh();
    await assert.rejects(
      importFile(twice.db, { path: file.path, format: 'CSV' }, caller(), hooks({ crashAfterChunks: 2 })),
      SimulatedCrash,
    );
    const partial = (await snapshot(twice)).jobs[0]!;
    assert.equal(partial.status, 'RUNNING');
    assert.equal(partial.rows_done, 80);
    assert.equal(partial.received, 80);
    const resumed = await importFile(twice.db, { path: file.path, format: 'CSV' }, caller(), hooks());
    assert.equal(resumed.resumed, true);
    assert.equal(resumed.rowsThisRun, 150, 'the re-run ingests only the rows after the last committed chunk');
    assert.equal(resumed.job.runs, 2);

    const a = await snapshot(once);
    const b = await snapshot(twice);
    assert.deepEqual(b.penalties, a.penalties);
    assert.deepEqual(b.quarantine, a.quarantine);
    assert.deepEqual(b.revisions, a.revisions);
    assert.deepEqual(b.jobs, a.jobs);
    assert.deepEqual(b.submissions, a.submissions);
  });

  it('the same rows in another file (JSON) update the existing records: no duplicates, all unchanged', async () => {
    const tdb = await fresh();
    await importFile(tdb.db, { path: file.path, format: 'CSV' }, caller(), hooks());
    const json = await writeNationalFile(path.join(dir, 'same.json'), 'JSON', {
      kind: 'CF',
      rows: 230,
      authorities: market,
      foreignAuthority: foreign,
      invalidShare: 0.1,
      to: '2026-06-30',
    });
    const second = await importFile(tdb.db, { path: json.path, format: 'JSON' }, caller(), hooks());
    assert.equal(second.job.accepted, 0);
    assert.equal(second.job.updated, 230 - json.invalid);
    assert.equal(second.job.unchanged, second.job.updated);
    assert.equal(second.job.quarantined, json.invalid);
  });

  it('a chunk costs a constant number of SQL statements, whatever its number of rows', async () => {
    const tdb = await fresh();
    const small = await writeNationalFile(path.join(dir, 'small.csv'), 'CSV', {
      kind: 'CF',
      rows: 20,
      authorities: market,
      foreignAuthority: foreign,
      seed: 1,
    });
    const big = await writeNationalFile(path.join(dir, 'big.csv'), 'CSV', {
      kind: 'CF',
      rows: 400,
      authorities: market,
      foreignAuthority: foreign,
      seed: 2,
    });
    const statements = async (f: WrittenFile) => {
      const opened = await openJob(tdb.db, { path: f.path, format: 'CSV' }, caller());
      const run = await runJob(
        tdb.db,
        opened.job.id,
        { path: f.path, format: 'CSV' },
        caller(),
        hooks({ chunkSize: 1000 }),
      );
      return run.phases.chunkStatements;
    };
    const [small20, big400] = [await statements(small), await statements(big)];
    assert.ok(small20 > 0);
    assert.equal(big400, small20);
  });

  it('a file refused for its columns fails its job before any row is stored', async () => {
    const tdb = await fresh();
    const { writeFile } = await import('node:fs/promises');
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify([{ CF_XDR_MC: '甲' }, { CF_XDR_MC: '乙', CF_NOPE: 1 }]));
    await assert.rejects(
      importFile(tdb.db, { path: bad, format: 'JSON' }, caller(), hooks()),
      /Row 2: Unknown columns .*CF_NOPE/,
    );
    const { jobs } = await snapshot(tdb);
    assert.equal(jobs[0]!.status, 'FAILED');
    assert.equal(jobs[0]!.received, 0);
    const n = await count(tdb, `SELECT count(*)::int AS n FROM disclosure.quarantine`);
    assert.equal(n, 0);
  });
});
