/**
 * The bulk import job runner, shared by the command (`npm run import:disclosure`) and the HTTP upload.
 *
 * A job is identified by (department, SHA-256 of the file). Its rows are ingested in chunks; each chunk is
 * ONE transaction holding the ingest of its rows (records, revisions, quarantine, submission counts), the
 * job's progress (rows_done = last row of the chunk, counts += the chunk's) and its audit entry. A crash
 * therefore loses at most the chunk in flight, which is rolled back as a whole; re-running the same file
 * finds the job and resumes after rows_done, so every row is counted exactly once and the final state is
 * the same as that of one uninterrupted run. The submission id is the job id: quarantine rows are keyed by
 * (job, row number) and a repeated chunk cannot duplicate them.
 */
import { appendAuditIn, z, type Identity } from '@credit-hub/kit';
import { inPgTransaction, prismaSql, type Db } from '@credit-hub/kit/db';
import type { DisclosureKind } from '../__generated__/types.ts';
import type { ValidationContext } from '../intake/rules.ts';
import { ingestRows, loadValidationContext } from '../intake/writes.ts';
import {
  findJob,
  importJobRow,
  importJobRows,
  JOB_COLUMNS,
  readFileRows,
  scanFile,
  sha256File,
  type ImportJobRow,
} from './reads.ts';
import { ImportRejected, type ColumnsFor, type ImportFormat, type SourceRow } from './rules.ts';

export type ImportChannel = ImportJobRow['channel'];
export const DEFAULT_CHUNK_SIZE = 5000;

export interface ImportFile {
  path: string;
  format: ImportFormat;
  fileName?: string | null;
  /** Already computed while the upload was spooled; otherwise the file is hashed. */
  sha256?: string;
  /** Asked for by the caller; otherwise taken from the column codes. */
  kind?: DisclosureKind | undefined;
}

export interface ImportCaller {
  /** The caller as the audit trail records it (the command acts as the department's system). */
  identity: Identity;
  department: string;
  channel: ImportChannel;
  /** Request id for the audit trail. */
  requestId: string;
}

export interface Phases {
  /** Reading the whole file once (structure, columns, row count) before ingesting. */
  scanMs: number;
  /** Parsing rows while ingesting (CSV/JSON to objects). */
  parseMs: number;
  /** ingestRows: validation and the set-based writes. */
  ingestMs: number;
  /** The job's own bookkeeping and audit entries in the chunk transactions. */
  bookkeepingMs: number;
  /** SQL statements of the chunk transactions (constant per chunk, whatever its number of rows). */
  chunkStatements: number;
}

export interface JobProgress {
  job: ImportJobRow;
  /** Rows ingested by this run (a resumed run starts after the rows of earlier runs). */
  rowsThisRun: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

export interface RunHooks {
  chunkSize?: number;
  /** Today in China (YYYY-MM-DD), passed to validation; tests pin it. */
  today?: string;
  /** Default: the national format. */
  columnsFor?: ColumnsFor;
  /**
   * The person-key secret (PERSON_KEY_SECRET, from the caller's configuration): natural persons in the file are
   * keyed with it. The authority register is read once per run.
   */
  personKeySecret: string;
  onProgress?: (progress: JobProgress) => void;
  /**
   * Test hook: stop as a crash would after this many committed chunks — nothing is written afterwards,
   * the job stays RUNNING, exactly as if the process had been killed.
   */
  crashAfterChunks?: number;
}

/** Thrown by the crash hook (tests): the job is left as a killed process would leave it. */
export class SimulatedCrash extends Error {}

/** Another run advanced the job meanwhile (a second upload of the same file, a second command). */
export class JobConflict extends Error {}

/** The kind from the first record (header or first object): enough to create the job. */
async function peekKind(file: ImportFile, columnsFor?: ColumnsFor): Promise<DisclosureKind> {
  const source = readFileRows(file.path, file.format, { kind: file.kind, columnsFor });
  try {
    const first = await source.rows.next();
    if (first.done && source.columns.length === 0)
      throw new ImportRejected('EMPTY_FILE', 'The file holds no header and no record');
  } finally {
    await source.rows.return(undefined);
  }
  return source.kind;
}

const openedJob = importJobRow.extend({ inserted: z.boolean() });

/**
 * Finds or creates the job of a file. A finished job is returned as it is (the file was imported); an
 * interrupted or failed one is set RUNNING again for another run, which resumes after its rows_done.
 */
export async function openJob(
  db: Db,
  file: ImportFile,
  caller: ImportCaller,
  columnsFor?: ColumnsFor,
): Promise<{ job: ImportJobRow; resumed: boolean; finished: boolean }> {
  const sha256 = file.sha256 ?? (await sha256File(file.path));
  const kind = await peekKind(file, columnsFor);
  const rows = await db.prisma.$queryRawUnsafe<unknown[]>(
    `INSERT INTO disclosure.import_job (id, department, submitter, channel, kind, format, file_name, sha256)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (department, sha256) DO UPDATE
       SET runs = import_job.runs + CASE WHEN import_job.status = 'DONE' THEN 0 ELSE 1 END,
           status = CASE WHEN import_job.status = 'DONE' THEN import_job.status ELSE 'RUNNING' END,
           error = CASE WHEN import_job.status = 'DONE' THEN import_job.error ELSE NULL END,
           updated_at = now()
     RETURNING ${JOB_COLUMNS}, (xmax = 0) AS inserted`,
    caller.department,
    caller.identity.actor,
    caller.channel,
    kind,
    file.format,
    file.fileName ?? null,
    sha256,
  );
  const { inserted, ...job } = openedJob.parse(rows[0]);
  return { job, resumed: !inserted && job.status !== 'DONE', finished: job.status === 'DONE' };
}

async function markFailed(db: Db, id: string, message: string): Promise<void> {
  await db.prisma.$executeRawUnsafe(
    `UPDATE disclosure.import_job SET status = 'FAILED', error = $2, updated_at = now()
      WHERE id = $1::uuid AND status <> 'DONE'`,
    id,
    message.slice(0, 2000),
  );
}

/**
 * Runs (or resumes) a job to the end. Structural problems of the file refuse it before any row is
 * ingested (FAILED, with the reason); a failing chunk leaves everything before it committed (FAILED,
 * resumable by re-running the same file).
 */
export async function runJob(
  db: Db,
  jobId: string,
  file: ImportFile,
  caller: ImportCaller,
  hooks: RunHooks,
): Promise<{ job: ImportJobRow; phases: Phases; rowsThisRun: number }> {
  const phases: Phases = { scanMs: 0, parseMs: 0, ingestMs: 0, bookkeepingMs: 0, chunkStatements: 0 };
  const started = performance.now();
  let job = await findJob(db, jobId);
  if (!job) throw new Error(`import job ${jobId} does not exist`);
  if (job.status === 'DONE') return { job, phases, rowsThisRun: 0 };
  const chunkSize = Math.max(1, hooks.chunkSize ?? DEFAULT_CHUNK_SIZE);
  let rowsThisRun = 0;
  let chunks = 0;
  try {
    const t0 = performance.now();
    const scan = await scanFile(file.path, file.format, { kind: file.kind, columnsFor: hooks.columnsFor });
    phases.scanMs = performance.now() - t0;
    if (scan.kind !== job.kind)
      throw new ImportRejected('KIND_MISMATCH', `The job is a ${job.kind} import but the file holds ${scan.kind} rows`);
    if (job.rowsTotal === null) {
      await db.prisma.$executeRawUnsafe(
        `UPDATE disclosure.import_job SET rows_total = $2, updated_at = now() WHERE id = $1::uuid`,
        jobId,
        scan.rows,
      );
      job = { ...job, rowsTotal: scan.rows };
    }

    const kind = scan.kind;
    const context = await loadValidationContext(prismaSql(db.prisma), caller.department, {
      personKeySecret: hooks.personKeySecret,
      ...(hooks.today ? { today: hooks.today } : {}),
    });
    const source = readFileRows(file.path, file.format, { kind, columnsFor: hooks.columnsFor });
    let chunk: SourceRow[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      job = await commitChunk(db, job!, kind, rows, caller, { today: hooks.today, context }, phases);
      rowsThisRun += rows.length;
      chunks += 1;
      const elapsedMs = performance.now() - started;
      hooks.onProgress?.({ job, rowsThisRun, elapsedMs, rowsPerSecond: rowsThisRun / (elapsedMs / 1000) });
      if (hooks.crashAfterChunks !== undefined && chunks >= hooks.crashAfterChunks)
        throw new SimulatedCrash(`simulated crash after ${chunks} chunk(s)`);
    };
    let t = performance.now();
    for await (const row of source.rows) {
      // Rows committed by an earlier run are skipped, not ingested twice.
      if (row.rowNumber <= job.rowsDone) continue;
      chunk.push(row);
      if (chunk.length >= chunkSize) {
        phases.parseMs += performance.now() - t;
        await flush();
        t = performance.now();
      }
    }
    phases.parseMs += performance.now() - t;
    await flush();

    const done = importJobRows.parse(
      await db.prisma.$queryRawUnsafe<unknown[]>(
        `UPDATE disclosure.import_job SET status = 'DONE', finished_at = now(), updated_at = now()
          WHERE id = $1::uuid AND rows_done = rows_total RETURNING ${JOB_COLUMNS}`,
        jobId,
      ),
    );
    if (!done[0]) throw new JobConflict(`import job ${jobId} did not reach its last row`);
    job = done[0];
    hooks.onProgress?.({
      job,
      rowsThisRun,
      elapsedMs: performance.now() - started,
      rowsPerSecond: rowsThisRun / ((performance.now() - started) / 1000),
    });
    return { job, phases, rowsThisRun };
  } catch (error) {
    if (!(error instanceof SimulatedCrash) && !(error instanceof JobConflict))
      await markFailed(db, jobId, (error as Error).message).catch(() => undefined);
    throw error;
  }
}

/**
 * One chunk, one transaction: the job row is locked and must still be where this run left it (another
 * run of the same file would otherwise ingest the same rows in parallel), then the rows, the progress
 * and the audit entry are written together.
 */
const lockedJob = z.array(z.object({ rowsDone: z.number().int(), status: z.string() }));

async function commitChunk(
  db: Db,
  job: ImportJobRow,
  kind: DisclosureKind,
  rows: SourceRow[],
  caller: ImportCaller,
  validation: { today: string | undefined; context: ValidationContext },
  phases: Phases,
): Promise<ImportJobRow> {
  const first = rows[0]!.rowNumber;
  const last = rows.at(-1)!.rowNumber;
  // A direct connection, not Prisma's interactive transaction: ADR 0040 gives the measured reason.
  return inPgTransaction(db.pool, async (sql) => {
    let t = performance.now();
    const locked = lockedJob.parse(
      await sql.rows(
        `SELECT rows_done AS "rowsDone", status::text AS status FROM disclosure.import_job WHERE id = $1::uuid FOR UPDATE`,
        [job.id],
      ),
    );
    if (locked[0]?.rowsDone !== job.rowsDone || locked[0]?.status !== 'RUNNING')
      throw new JobConflict(
        `import job ${job.id} is being advanced by another run (at row ${locked[0]?.rowsDone}, expected ${job.rowsDone})`,
      );
    phases.bookkeepingMs += performance.now() - t;
    t = performance.now();
    const result = await ingestRows(
      sql,
      {
        kind,
        rows,
        submitter: { department: caller.department, subject: caller.identity.actor, channel: caller.channel },
        submissionId: job.id,
        ...(validation.today ? { today: validation.today } : {}),
      },
      validation.context,
    );
    phases.ingestMs += performance.now() - t;
    t = performance.now();
    if (result.received !== rows.length || result.received !== result.accepted + result.updated + result.quarantined)
      throw new Error(
        `ingest did not reconcile rows ${first}–${last}: received ${result.received} of ${rows.length}, ` +
          `accepted ${result.accepted} + updated ${result.updated} + quarantined ${result.quarantined}`,
      );
    const updated = importJobRows.parse(
      await sql.rows(
        `UPDATE disclosure.import_job
              SET rows_done = $2, received = received + $3, accepted = accepted + $4, updated = updated + $5,
                  unchanged = unchanged + $6, quarantined = quarantined + $7, updated_at = now()
            WHERE id = $1::uuid RETURNING ${JOB_COLUMNS}`,
        [job.id, last, result.received, result.accepted, result.updated, result.unchanged, result.quarantined],
      ),
    );
    await appendAuditIn(sql, caller.identity, { requestId: caller.requestId, subgraph: 'disclosure' }, [
      {
        action: 'WRITE',
        subjectCode: null,
        fields: [`Import.${kind === 'CF' ? 'penalties' : 'licences'}`],
        detail: JSON.stringify({
          job: job.id,
          rows: [first, last],
          accepted: result.accepted,
          updated: result.updated,
          quarantined: result.quarantined,
        }),
      },
    ]);
    phases.bookkeepingMs += performance.now() - t;
    phases.chunkStatements += sql.statements();
    return updated[0]!;
  });
}

/**
 * Opens the job of a file and runs it to the end (or reports it, when the file was imported before).
 * What the command does, and what an upload does in the background.
 */
export async function importFile(db: Db, file: ImportFile, caller: ImportCaller, hooks: RunHooks) {
  const opened = await openJob(db, file, caller, hooks.columnsFor);
  if (opened.finished) return { ...opened, phases: null, rowsThisRun: 0 };
  const run = await runJob(db, opened.job.id, file, caller, hooks);
  return { ...opened, job: run.job, phases: run.phases, rowsThisRun: run.rowsThisRun };
}
