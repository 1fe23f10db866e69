/**
 * Reading for the import: national-format 双公示 files, and the import jobs.
 *
 * Files: CSV whose header row holds the column codes (CF_XDR_MC …), or a JSON
 * array of objects keyed by the same codes. Both are streamed (csv-parse, stream-json), so a 200 MB file
 * never sits in memory. Files must be UTF-8 (a BOM is allowed); anything else — GB18030 exports from older
 * systems, say — is refused with a message asking for conversion rather than read as mojibake.
 *
 * Row numbers are 1-based data rows: the first row after the CSV header, or the first element of the JSON
 * array, is row 1. Quarantine entries and job progress use the same numbers.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { forbidden, readPage, toConnection, z, type Connection, type Identity } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { parse as csvParser } from 'csv-parse';
import streamArray from 'stream-json/streamers/stream-array.js';
import type { DisclosureKind, QueryImportJobsArgs } from '../__generated__/types.ts';
import {
  checkColumns,
  ImportRejected,
  kindFromColumns,
  nationalColumns,
  type ColumnSet,
  type ColumnsFor,
  type ImportFormat,
  type SourceRow,
} from './rules.ts';

// ---- Files ---------------------------------------------------------------------------------------------------------

/**
 * Decodes UTF-8 strictly (a BOM is dropped): invalid byte sequences stop the file instead of becoming
 * U+FFFD in somebody's name.
 */
class StrictUtf8 extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
  }
  private decode(chunk: Buffer | undefined, callback: TransformCallback) {
    try {
      callback(null, chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode());
    } catch {
      callback(
        new ImportRejected(
          'NOT_UTF8',
          'The file is not valid UTF-8: convert it (e.g. from GB18030) to UTF-8 before importing',
        ),
      );
    }
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.decode(chunk, callback);
  }
  override _flush(callback: TransformCallback) {
    this.decode(undefined, callback);
  }
}

export interface ReadOptions {
  /** The kind the caller asked for; otherwise taken from the column codes. */
  kind?: DisclosureKind | undefined;
  /** Default: the national format. */
  columnsFor?: ColumnsFor | undefined;
}

export interface RowSource {
  kind: DisclosureKind;
  /** Column codes: the CSV header, or for JSON the keys of the first object. */
  columns: string[];
  rows: AsyncGenerator<SourceRow>;
}

/**
 * The byte stream through the strict decoder into a parser. pipeline() destroys every stage when one fails
 * or when the consumer stops early, so a refused file never leaves a descriptor open.
 */
function chain<T extends NodeJS.ReadWriteStream>(input: Readable, parser: T): T {
  pipeline(input, new StrictUtf8(), parser, () => undefined);
  return parser;
}

async function* csvRows(input: Readable, options: ReadOptions, header: (h: string[], kind: DisclosureKind) => void) {
  const parser = chain(
    input,
    csvParser({ skip_empty_lines: true, relax_column_count: false, relax_quotes: false, trim: false }),
  );
  let columns: string[] | null = null;
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((c) => c.trim());
        const kind = kindFromColumns(columns, options.kind);
        checkColumns(kind, columns, (options.columnsFor ?? nationalColumns)(kind), { requireAll: true });
        header(columns, kind);
        continue;
      }
      rowNumber += 1;
      const raw: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) raw[columns[i]!] = record[i];
      yield { rowNumber, raw };
    }
  } catch (error) {
    if (error instanceof ImportRejected) throw error;
    const e = error as Error & { code?: string; lines?: number };
    if (e.code?.startsWith('CSV_'))
      throw new ImportRejected('MALFORMED_CSV', `The CSV cannot be read near line ${e.lines ?? '?'}: ${e.message}`);
    throw error;
  }
  if (!columns) throw new ImportRejected('EMPTY_FILE', 'The file is empty: a header row with column codes is required');
}

async function* jsonRows(input: Readable, options: ReadOptions, header: (h: string[], kind: DisclosureKind) => void) {
  const items = chain(input, streamArray.withParserAsStream());
  let kind: DisclosureKind | null = null;
  let set: ColumnSet | null = null;
  let rowNumber = 0;
  try {
    for await (const { value } of items as AsyncIterable<{ value: unknown }>) {
      rowNumber += 1;
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new ImportRejected(
          'MALFORMED_JSON',
          `Element ${rowNumber} of the array is not an object keyed by column codes`,
        );
      const raw = value as Record<string, unknown>;
      const keys = Object.keys(raw);
      if (!kind) {
        kind = kindFromColumns(keys, options.kind);
        set = (options.columnsFor ?? nationalColumns)(kind);
        header(keys, kind);
      } else kindFromColumns(keys, kind);
      // A JSON object may leave out empty columns, so only unknown codes refuse the file here; a missing
      // required value is a row-level reason in the quarantine.
      try {
        checkColumns(kind, keys, set!, { requireAll: false });
      } catch (error) {
        if (error instanceof ImportRejected) throw new ImportRejected(error.rule, `Row ${rowNumber}: ${error.message}`);
        throw error;
      }
      yield { rowNumber, raw };
    }
  } catch (error) {
    // Our own refusals and I/O failures (a vanished file) pass through; the rest is the parser's.
    if (error instanceof ImportRejected || (error as NodeJS.ErrnoException).syscall) throw error;
    throw new ImportRejected(
      'MALFORMED_JSON',
      `The JSON cannot be read${rowNumber ? ` after element ${rowNumber}` : ''}: ${(error as Error).message} ` +
        '(expected an array of objects keyed by column codes)',
    );
  }
  if (!kind) throw new ImportRejected('EMPTY_FILE', 'The file holds no record (an empty array)');
}

/**
 * Opens a file's rows. The kind and columns are known once the first record has been read: `rows` must be
 * iterated for them to be set (the first value it yields comes after the header has been checked).
 */
export function readRows(input: Readable, format: ImportFormat, options: ReadOptions): RowSource {
  const header = { kind: options.kind ?? 'CF', columns: [] as string[] };
  const onHeader = (columns: string[], kind: DisclosureKind) => {
    header.columns = columns;
    header.kind = kind;
  };
  const rows = format === 'CSV' ? csvRows(input, options, onHeader) : jsonRows(input, options, onHeader);
  // Getters: the kind and the columns are known once `rows` has yielded (or ended), after the header was read.
  return {
    get kind() {
      return header.kind;
    },
    get columns() {
      return header.columns;
    },
    rows,
  };
}

export const readFileRows = (path: string, format: ImportFormat, options: ReadOptions) =>
  readRows(createReadStream(path, { highWaterMark: 256 * 1024 }), format, options);

export interface ScanResult {
  kind: DisclosureKind;
  columns: string[];
  rows: number;
}

/**
 * Reads a whole file once before anything is ingested: every structural problem (unknown columns in a
 * late JSON object, a broken quote on line 80,000, bad UTF-8) refuses the file while no row is stored yet,
 * and the row count gives progress a denominator.
 */
export async function scanFile(path: string, format: ImportFormat, options: ReadOptions): Promise<ScanResult> {
  const source = readFileRows(path, format, options);
  let rows = 0;
  for await (const row of source.rows) rows = row.rowNumber;
  return { kind: source.kind, columns: source.columns, rows };
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// ---- Jobs ----------------------------------------------------------------------------------------------------------

/** import_job as resolvers and callers see it: channel and kind read as the schema's enums. */
export const importJobRow = z.object({
  id: z.string(),
  department: z.string(),
  submitter: z.string(),
  channel: z.enum(['FILE', 'UPLOAD']),
  kind: z.enum(['CF', 'XK']),
  format: z.enum(['CSV', 'JSON']),
  fileName: z.string().nullable(),
  sha256: z.string(),
  status: z.enum(['RUNNING', 'DONE', 'FAILED']),
  rowsTotal: z.number().int().nullable(),
  rowsDone: z.number().int(),
  received: z.number().int(),
  accepted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  quarantined: z.number().int(),
  error: z.string().nullable(),
  runs: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type ImportJobRow = z.infer<typeof importJobRow>;
export type ImportJobStatus = ImportJobRow['status'];
export const importJobRows = z.array(importJobRow);

/** The columns of import_job as `ImportJobRow`, for the statements that read or return a job. */
export const JOB_COLUMNS = `id::text AS id, department, submitter, channel, kind, format, file_name AS "fileName", sha256,
  status::text AS status, rows_total AS "rowsTotal", rows_done AS "rowsDone", received, accepted, updated, unchanged,
  quarantined, error, runs, created_at AS "createdAt", updated_at AS "updatedAt", finished_at AS "finishedAt"`;

export async function findJob(db: Db, id: string): Promise<ImportJobRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = importJobRows.parse(
    await db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT ${JOB_COLUMNS} FROM disclosure.import_job WHERE id = $1::uuid`,
      id,
    ),
  );
  return rows[0] ?? null;
}

export type ImportJobPage = Connection<ImportJobRow>;

/**
 * The department whose jobs a caller may see: a department's officers and systems only their own, supervisors every
 * department's (null), anybody else none.
 */
function visibleDepartment(identity: Identity): string | null | 'none' {
  if (identity.role === 'SUPERVISOR') return null;
  if ((identity.role === 'OFFICER' || identity.role === 'SYSTEM') && identity.department) return identity.department;
  return 'none';
}

export async function importJob(db: Db, identity: Identity, id: string): Promise<ImportJobRow | null> {
  const scope = visibleDepartment(identity);
  if (scope === 'none') return null;
  const job = await findJob(db, id);
  // Another department's job does not exist for the caller (its id does not reveal anything either).
  if (!job || (scope !== null && job.department !== scope)) return null;
  return job;
}

/** (created_at ISO, id) of the last job of a page, newest first. */
const isJobCursor = (v: unknown): v is [string, string] =>
  Array.isArray(v) &&
  v.length === 2 &&
  typeof v[0] === 'string' &&
  !Number.isNaN(Date.parse(v[0])) &&
  typeof v[1] === 'string' &&
  /^[0-9a-f-]{36}$/i.test(v[1]);

export async function importJobs(db: Db, identity: Identity, args: QueryImportJobsArgs): Promise<ImportJobPage> {
  const scope = visibleDepartment(identity);
  if (scope === 'none') throw forbidden('Import jobs may be read by department officers, systems and supervisors');
  if (scope !== null && args.department && args.department !== scope)
    throw forbidden(`A caller of ${scope} sees only its own department's import jobs`, { field: 'department' });
  const page = readPage(args, isJobCursor);
  const department = scope ?? args.department ?? null;
  const rows = await db.prisma.importJob.findMany({
    where: {
      ...(department ? { department } : {}),
      ...(args.status ? { status: args.status } : {}),
      ...(page.after
        ? {
            OR: [
              { createdAt: { lt: new Date(page.after[0]) } },
              { createdAt: new Date(page.after[0]), id: { lt: page.after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return toConnection(importJobRows.parse(rows), page, (j) => [j.createdAt.toISOString(), j.id]);
}
