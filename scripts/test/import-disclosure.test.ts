import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeNationalFile, type WrittenFile } from '@credit-hub/datagen';
import { repoRoot } from '@credit-hub/kit/db';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '@credit-hub/subgraph-disclosure/authorities';

// The import command end to end: a real process against a real database, its output and exit status.
let tdb: TestDatabase;
let dir: string;
let file: WrittenFile;

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import-disclosure.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, IMPORT_TODAY: '2026-07-15', IMPORT_CHUNK_SIZE: '25', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

before(async () => {
  tdb = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'disclosure-cli-'));
  file = await writeNationalFile(path.join(dir, 'health.csv'), 'CSV', {
    kind: 'CF',
    rows: 110,
    authorities: AUTHORITIES.filter((a) => a.department === 'health'),
    foreignAuthority: AUTHORITIES.find((a) => a.department === 'market')!,
    invalidShare: 0.1,
    to: '2026-06-30',
  });
});
after(async () => {
  await tdb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run import:disclosure', () => {
  it('stops like a killed process after 2 chunks, and the re-run resumes and reconciles exactly', async () => {
    const args = ['--file', file.path, '--department', 'health', '--database-url', tdb.url];
    const crashed = await run(args, { IMPORT_CRASH_AFTER_CHUNKS: '2' });
    assert.equal(crashed.code, 3, crashed.stderr);
    assert.match(crashed.stdout, /rows 25\/110 .*rows\/s/);
    assert.match(crashed.stdout, /rows 50\/110/);
    const [partial] = await tdb.db.prisma.$queryRawUnsafe<{ status: string; rows_done: number }[]>(
      `SELECT status::text, rows_done FROM disclosure.import_job`,
    );
    assert.deepEqual(partial, { status: 'RUNNING', rows_done: 50 });

    const resumed = await run(args);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /resumed an interrupted import \(run 2\)/);
    assert.match(resumed.stdout, /phases: scan \d+ ms, parse \d+ ms, ingest \d+ ms/);
    const expected = `received 110 = accepted ${110 - file.invalid} + updated 0 + quarantined ${file.invalid}  ✓ reconciled`;
    assert.ok(resumed.stdout.includes(expected), resumed.stdout);
    const [counts] = await tdb.db.prisma.$queryRawUnsafe<{ records: number; quarantined: number; actor: string }[]>(
      `SELECT (SELECT count(*)::int FROM disclosure.penalty) AS records,
              (SELECT count(*)::int FROM disclosure.quarantine) AS quarantined,
              (SELECT DISTINCT actor FROM audit.entry WHERE detail LIKE '%"rows"%') AS actor`,
    );
    assert.equal(counts!.records, 110 - file.invalid);
    assert.equal(counts!.quarantined, file.invalid);
    assert.match(counts!.actor, /^cli:/);

    const again = await run(args);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /imported before: nothing to do/);
  });

  it('exits 1 naming the columns when the file is refused, and 2 on wrong usage', async () => {
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'XK_XDR_MC,XK_NOT_A_COLUMN\n甲,1\n');
    const refused = await run(['--file', bad, '--department', 'health', '--database-url', tdb.url]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /file refused \(UNKNOWN_COLUMNS\).*XK_NOT_A_COLUMN/);
    const usage = await run(['--file', bad, '--department', 'nowhere', '--database-url', tdb.url]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--department nowhere is not a department/);
  });
});
