/**
 * Benchmark of the 双公示 bulk import: N penalty rows (default 100,000, ~2 % invalid) in the national CSV
 * format, imported through the same job runner the command and the upload use, against the embedded bench
 * Postgres. Prints rows/s, peak RSS and heap, time per phase, then the idempotent paths: the same file
 * again (reported as done) and the same rows in another file (every row an update, no new revision).
 *
 *   npm run bench:import                      100,000 rows
 *   npm run bench:import -- --rows 20000
 *   npm run bench -- --only import            the same, from the main benchmark
 *
 * Bounded: one import of N rows and one re-import, on 127.0.0.1 only.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeNationalFile } from '@credit-hub/datagen';
import type { Identity } from '@credit-hub/kit';
import { createDb, dataDir, migrate, prismaSql, startEmbeddedPostgres } from '@credit-hub/kit/db';
import { ensureReferenceData } from '@credit-hub/kit/reference';
import pg from 'pg';
import { AUTHORITIES, ensureAuthorities } from '../subgraphs/disclosure/src/authorities/writes.ts';
import { validateRow } from '../subgraphs/disclosure/src/intake/rules.ts';
import { loadValidationContext } from '../subgraphs/disclosure/src/intake/writes.ts';
import { importFile, type Phases } from '../subgraphs/disclosure/src/imports/jobs.ts';
import { readFileRows } from '../subgraphs/disclosure/src/imports/reads.ts';

const PERSON_KEY_SECRET = 'bench-person-key-secret-0123456789';
const TODAY = '2026-07-15';

/** Peak memory, sampled every 50 ms while a phase runs. */
function memoryPeak() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { rssMb: rss / 2 ** 20, heapMb: heap / 2 ** 20 };
    },
  };
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const phasesLine = (p: Phases) =>
  `scan ${ms(p.scanMs)} · parse ${ms(p.parseMs)} · ingest (validate + write) ${ms(p.ingestMs)} · job bookkeeping and audit ${ms(p.bookkeepingMs)}`;

export async function runImportBench(databaseUrl: string, rows: number, log = (line: string) => console.log(line)) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await ensureReferenceData(admin);
    await ensureAuthorities(admin);
    // Each run measures a first import: earlier runs' records and jobs go.
    await admin.query(
      `TRUNCATE disclosure.penalty, disclosure.licence, disclosure.revision, disclosure.quarantine,
                disclosure.submission, disclosure.import_job`,
    );
  } finally {
    await admin.end();
  }

  const dir = path.join(dataDir, 'bench-import');
  await mkdir(dir, { recursive: true });
  const market = AUTHORITIES.filter((a) => a.department === 'market');
  const options = {
    kind: 'CF' as const,
    rows,
    authorities: market,
    foreignAuthority: AUTHORITIES.find((a) => a.department === 'tax')!,
    invalidShare: 0.02,
    to: '2026-06-30',
  };
  let t = performance.now();
  const csv = await writeNationalFile(path.join(dir, `cf-${rows}.csv`), 'CSV', options);
  const json = await writeNationalFile(path.join(dir, `cf-${rows}.json`), 'JSON', options);
  log(
    `generated ${rows.toLocaleString('en')} rows (${csv.invalid} invalid): CSV ${((await stat(csv.path)).size / 2 ** 20).toFixed(1)} MB, ` +
      `JSON ${((await stat(json.path)).size / 2 ** 20).toFixed(1)} MB in ${ms(performance.now() - t)}`,
  );

  const db = createDb(databaseUrl, { applicationName: 'bench-import', poolSize: 2 });
  const identity: Identity = {
    actor: 'cli:bench',
    role: 'SYSTEM',
    department: 'market',
    scopes: ['write'],
    purpose: null,
    client: 'bench',
  };
  const caller = { identity, department: 'market', channel: 'FILE' as const, requestId: randomUUID() };
  const hooks = { chunkSize: 5000, today: TODAY, personKeySecret: PERSON_KEY_SECRET };
  try {
    // Validation alone (the pure rule checks), to split the ingest time into validate and write.
    const context = await loadValidationContext(prismaSql(db.prisma), 'market', {
      personKeySecret: PERSON_KEY_SECRET,
      today: TODAY,
    });
    t = performance.now();
    let invalid = 0;
    for await (const row of readFileRows(csv.path, 'CSV', {}).rows)
      if (!validateRow('CF', row.raw, context).ok) invalid += 1;
    const parseAndValidateMs = performance.now() - t;
    t = performance.now();
    for await (const row of readFileRows(csv.path, 'CSV', {}).rows) void row;
    const parseOnlyMs = performance.now() - t;
    const validateMs = parseAndValidateMs - parseOnlyMs;

    let memory = memoryPeak();
    db.resetStatements();
    t = performance.now();
    const first = await importFile(db, { path: csv.path, format: 'CSV', fileName: 'cf.csv' }, caller, hooks);
    const firstMs = performance.now() - t;
    const firstMem = memory.stop();
    const firstStatements = db.statements();
    const j = first.job;
    log('');
    log(`first import of ${rows.toLocaleString('en')} CSV rows, chunks of ${hooks.chunkSize}:`);
    log(
      `  ${Math.round(rows / (firstMs / 1000)).toLocaleString('en')} rows/s  (${ms(firstMs)})  ` +
        `peak RSS ${firstMem.rssMb.toFixed(0)} MB, heap ${firstMem.heapMb.toFixed(0)} MB  ` +
        `${firstStatements + first.phases!.chunkStatements} SQL statements ` +
        `(${first.phases!.chunkStatements / Math.ceil(rows / hooks.chunkSize)} per chunk)`,
    );
    log(`  phases: ${phasesLine(first.phases!)}`);
    log(
      `  of the ingest: validation ≈ ${ms(validateMs)} (${invalid} rows invalid), ` +
        `writes ≈ ${ms(first.phases!.ingestMs - validateMs)}`,
    );
    log(
      `  received ${j.received} = accepted ${j.accepted} + updated ${j.updated} + quarantined ${j.quarantined}` +
        `  ${j.received === j.accepted + j.updated + j.quarantined && j.received === rows ? '✓' : '✗'}`,
    );

    t = performance.now();
    const same = await importFile(db, { path: csv.path, format: 'CSV' }, caller, hooks);
    log(`same file again: ${same.finished ? 'reported as done' : 'RE-IMPORTED'} in ${ms(performance.now() - t)}`);

    memory = memoryPeak();
    t = performance.now();
    const again = await importFile(db, { path: json.path, format: 'JSON', fileName: 'cf.json' }, caller, hooks);
    const againMs = performance.now() - t;
    const againMem = memory.stop();
    const a = again.job;
    log(`same rows as a JSON file (every row an existing record):`);
    log(
      `  ${Math.round(rows / (againMs / 1000)).toLocaleString('en')} rows/s  (${ms(againMs)})  ` +
        `peak RSS ${againMem.rssMb.toFixed(0)} MB, heap ${againMem.heapMb.toFixed(0)} MB`,
    );
    log(`  phases: ${phasesLine(again.phases!)}`);
    log(
      `  received ${a.received} = accepted ${a.accepted} + updated ${a.updated} (unchanged ${a.unchanged}) + quarantined ${a.quarantined}`,
    );
    return { first: { ms: firstMs, job: j, memory: firstMem }, again: { ms: againMs, job: a, memory: againMem } };
  } finally {
    await db.close();
  }
}

// Run alone: its own database on the bench server.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
  const rows = Math.min(Math.max(Number(values.rows), 1), 1_000_000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg-bench'), port: 54331 });
  try {
    const url = await server.ensureDatabase('bench_import');
    await migrate(url);
    await runImportBench(url, rows);
  } finally {
    await server.stop();
  }
}
