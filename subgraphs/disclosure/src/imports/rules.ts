/**
 * The rules of a 双公示 import: which columns a file of each kind may hold (the national format, format/rules.ts),
 * the kind a file is of, the refusals of a whole file (stable rule codes clients branch on), and who may upload what
 * in which content type. Pure: the file reading is reads.ts, the job jobs.ts.
 *
 * Row numbers are 1-based data rows: the first row after the CSV header, or the first element of the JSON
 * array, is row 1. Quarantine entries and job progress use the same numbers.
 */
import { canWrite, type Identity } from '@credit-hub/kit';
import { COLUMNS } from '../format/rules.ts';
import type { DisclosureKind } from '../__generated__/types.ts';

export type ImportFormat = 'CSV' | 'JSON';

/** The columns a kind accepts, from the national format's column definitions. */
export interface ColumnSet {
  known: ReadonlySet<string>;
  required: readonly string[];
}
export type ColumnsFor = (kind: DisclosureKind) => ColumnSet;

const SETS: Record<DisclosureKind, ColumnSet> = {
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

const KIND_LABEL: Record<DisclosureKind, string> = { CF: '行政处罚 (CF_)', XK: '行政许可 (XK_)' };

/**
 * The kind of a file from its column codes: every code but the shared BZ (备注) starts with CF_ or XK_.
 * An explicit kind must agree with the columns.
 */
export function kindFromColumns(columns: readonly string[], explicit?: DisclosureKind): DisclosureKind {
  const prefixes = new Set(columns.map((c) => /^(CF|XK)_/.exec(c)?.[1]).filter((p): p is DisclosureKind => !!p));
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
  kind: DisclosureKind,
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

/** The format from a file name or content type; CSV unless it says JSON. */
export function formatOf(nameOrType: string | undefined): ImportFormat {
  return /json/i.test(nameOrType ?? '') ? 'JSON' : 'CSV';
}

/** The content types an upload may have: neither is a CORS "simple" type, so a browser form cannot send it. */
export function uploadFormat(contentType: string | undefined): ImportFormat | { error: string; status: number } {
  const [type, ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8);
  if (type !== 'text/csv' && type !== 'application/json')
    return {
      status: 415,
      error:
        'An upload must be sent with Content-Type text/csv or application/json (a form or text/plain post is ' +
        'refused: cross-site request protection)',
    };
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    return { status: 415, error: `Files must be UTF-8 (charset=${charset} given): convert the file first` };
  return type === 'text/csv' ? 'CSV' : 'JSON';
}

export const parseKind = (value: unknown): DisclosureKind | undefined | 'invalid' =>
  value === undefined || value === '' ? undefined : value === 'CF' || value === 'XK' ? value : 'invalid';

/** Only officers and write-scoped systems of a department may import, and only as their department. */
export function mayImport(identity: Identity): identity is Identity & { department: string } {
  return identity.department !== null && canWrite(identity, 'SHARED', 'platform');
}
