/**
 * Reading national-format 双公示 files: CSV whose header row holds the column codes (CF_XDR_MC …), or a JSON
 * array of objects keyed by the same codes. Both are streamed (csv-parse, stream-json), so a 200 MB file
 * never sits in memory. Files must be UTF-8 (a BOM is allowed); anything else — GB18030 exports from older
 * systems, say — is refused with a message asking for conversion rather than read as mojibake.
 *
 * Row numbers are 1-based data rows: the first row after the CSV header, or the first element of the JSON
 * array, is row 1. Quarantine entries and job progress use the same numbers.
 */
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse as csvParser } from 'csv-parse';
import streamArray from 'stream-json/streamers/stream-array.js';
import { COLUMNS } from '../intake/columns.ts';
import type { RecordKind } from '../intake/ingest.ts';

export type ImportFormat = 'CSV' | 'JSON';

/** The columns a kind accepts, from the national format's column definitions. */
export interface ColumnSet {
  known: ReadonlySet<string>;
  required: readonly string[];
}
export type ColumnsFor = (kind: RecordKind) => ColumnSet;

const SETS: Record<RecordKind, ColumnSet> = {
  CF: {
    known: new Set(COLUMNS.CF.map((c) => c.code)),
    required: COLUMNS.CF.filter((c) => c.required).map((c) => c.code),
  },
  XK: {
    known: new Set(COLUMNS.XK.map((c) => c.code)),
    required: COLUMNS.XK.filter((c) => c.required).map((c) => c.code),
  },
};

/** The national format's columns (intake/columns.ts): the only set files are checked against. */
export const nationalColumns: ColumnsFor = (kind) => SETS[kind];

export interface SourceRow {
  rowNumber: number;
  raw: Record<string, unknown>;
}

/**
 * A file refused as a whole, before any of its rows is ingested. `rule` is stable (clients branch on it),
 * the message names the offending columns or position.
 */
export class ImportRejected extends Error {
  constructor(
    readonly rule:
      | 'UNKNOWN_COLUMNS'
      | 'MISSING_COLUMNS'
      | 'DUPLICATE_COLUMNS'
      | 'MIXED_KINDS'
      | 'KIND_MISMATCH'
      | 'UNKNOWN_KIND'
      | 'NOT_UTF8'
      | 'MALFORMED_CSV'
      | 'MALFORMED_JSON'
      | 'EMPTY_FILE',
    message: string,
  ) {
    super(message);
    this.name = 'ImportRejected';
  }
}

const KIND_LABEL: Record<RecordKind, string> = { CF: '行政处罚 (CF_)', XK: '行政许可 (XK_)' };

/**
 * The kind of a file from its column codes: every code but the shared BZ (备注) starts with CF_ or XK_.
 * An explicit kind must agree with the columns.
 */
export function kindFromColumns(columns: readonly string[], explicit?: RecordKind): RecordKind {
  const prefixes = new Set(columns.map((c) => /^(CF|XK)_/.exec(c)?.[1]).filter((p): p is RecordKind => !!p));
  if (prefixes.size > 1)
    throw new ImportRejected(
      'MIXED_KINDS',
      'The file mixes penalty (CF_) and licence (XK_) columns: one kind per file',
    );
  const found = [...prefixes][0];
  if (explicit && found && explicit !== found)
    throw new ImportRejected(
      'KIND_MISMATCH',
      `The file's columns are ${KIND_LABEL[found]} but the import was started as ${KIND_LABEL[explicit]}`,
    );
  const kind = explicit ?? found;
  if (!kind)
    throw new ImportRejected(
      'UNKNOWN_KIND',
      'No column starts with CF_ or XK_: the header must hold the national column codes (e.g. CF_XDR_MC)',
    );
  return kind;
}

/** Unknown and duplicate codes always refuse the file; missing required columns only where there is a header. */
export function checkColumns(
  kind: RecordKind,
  columns: readonly string[],
  set: ColumnSet,
  options: { requireAll: boolean },
): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const c of columns) (seen.has(c) ? duplicates : seen).add(c);
  if (duplicates.size > 0)
    throw new ImportRejected('DUPLICATE_COLUMNS', `Columns appear more than once: ${[...duplicates].join(', ')}`);
  const unknown = columns.filter((c) => !set.known.has(c));
  if (unknown.length > 0)
    throw new ImportRejected(
      'UNKNOWN_COLUMNS',
      `Unknown columns for ${KIND_LABEL[kind]}: ${unknown.join(', ')} (the header must use the national column codes)`,
    );
  if (options.requireAll) {
    const missing = set.required.filter((c) => !seen.has(c));
    if (missing.length > 0)
      throw new ImportRejected('MISSING_COLUMNS', `Required columns are missing: ${missing.join(', ')}`);
  }
}

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
  kind?: RecordKind | undefined;
  /** Default: the national format. */
  columnsFor?: ColumnsFor | undefined;
}

export interface RowSource {
  kind: RecordKind;
  /** Column codes: the CSV header, or for JSON the keys of the first object. */
  columns: string[];
  rows: AsyncGenerator<SourceRow>;
}

/**
 * The byte stream through the strict decoder into a parser. pipeline() destroys every stage when one fails
 * or when the consumer stops early, so a refused file never leaves a descriptor open.
 */
function chain(input: Readable, parser: Transform | NodeJS.ReadWriteStream): AsyncIterable<unknown> {
  return pipeline(input, new StrictUtf8(), parser as Transform, () => undefined) as unknown as AsyncIterable<unknown>;
}

async function* csvRows(input: Readable, options: ReadOptions, header: (h: string[], kind: RecordKind) => void) {
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

async function* jsonRows(input: Readable, options: ReadOptions, header: (h: string[], kind: RecordKind) => void) {
  const items = chain(input, streamArray.withParserAsStream());
  let kind: RecordKind | null = null;
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
  const source: RowSource = {
    kind: options.kind ?? 'CF',
    columns: [],
    rows: undefined as never,
  };
  const onHeader = (columns: string[], kind: RecordKind) => {
    source.columns = columns;
    source.kind = kind;
  };
  source.rows = format === 'CSV' ? csvRows(input, options, onHeader) : jsonRows(input, options, onHeader);
  return source;
}

export const readFileRows = (path: string, format: ImportFormat, options: ReadOptions) =>
  readRows(createReadStream(path, { highWaterMark: 256 * 1024 }), format, options);

export interface ScanResult {
  kind: RecordKind;
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

/** The format from a file name or content type; CSV unless it says JSON. */
export function formatOf(nameOrType: string | undefined): ImportFormat {
  return /json/i.test(nameOrType ?? '') ? 'JSON' : 'CSV';
}
