/**
 * What progress looks like outside the process: the upload's 202 body and NDJSON lines, and the command's
 * output. One shape, so a client parses the same fields from either.
 */
import type { JobProgress } from './jobs.ts';
import type { ImportJobRow } from './reads.ts';

export interface ImportJobView {
  id: string;
  department: string;
  submitter: string;
  channel: string;
  kind: string;
  format: string;
  fileName: string | null;
  sha256: string;
  status: string;
  rowsTotal: number | null;
  rowsDone: number;
  received: number;
  accepted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** received = accepted + updated + quarantined (always true for a committed state). */
  reconciled: boolean;
  error: string | null;
  runs: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportProgressEvent {
  event: 'accepted' | 'progress' | 'done' | 'failed';
  job: ImportJobView;
  rowsPerSecond?: number;
  error?: string;
}

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : String(d));

export function jobView(job: ImportJobRow): ImportJobView {
  return {
    id: job.id,
    department: job.department,
    submitter: job.submitter,
    channel: job.channel,
    kind: job.kind,
    format: job.format,
    fileName: job.fileName,
    sha256: job.sha256,
    status: job.status,
    rowsTotal: job.rowsTotal,
    rowsDone: job.rowsDone,
    received: job.received,
    accepted: job.accepted,
    updated: job.updated,
    unchanged: job.unchanged,
    quarantined: job.quarantined,
    reconciled: job.received === job.accepted + job.updated + job.quarantined,
    error: job.error,
    runs: job.runs,
    createdAt: iso(job.createdAt)!,
    finishedAt: iso(job.finishedAt),
  };
}

export function importProgress(
  event: ImportProgressEvent['event'],
  job: ImportJobRow,
  progress?: JobProgress,
  error?: string,
): ImportProgressEvent {
  return {
    event,
    job: jobView(job),
    ...(progress ? { rowsPerSecond: Math.round(progress.rowsPerSecond) } : {}),
    ...(error ? { error } : {}),
  };
}

/** One line of the command's progress output. */
export function progressLine(progress: JobProgress): string {
  const j = progress.job;
  const pct = j.rowsTotal ? ` (${((100 * j.rowsDone) / j.rowsTotal).toFixed(1)} %)` : '';
  return (
    `rows ${j.rowsDone.toLocaleString('en')}/${j.rowsTotal?.toLocaleString('en') ?? '?'}${pct}  ` +
    `${Math.round(progress.rowsPerSecond).toLocaleString('en')} rows/s  ` +
    `accepted ${j.accepted}  updated ${j.updated} (unchanged ${j.unchanged})  quarantined ${j.quarantined}`
  );
}

/** The final reconciliation the command prints. */
export function reconciliationLines(job: ImportJobRow): string[] {
  const balanced = job.received === job.accepted + job.updated + job.quarantined;
  return [
    `job ${job.id}  ${job.status}  department ${job.department}  kind ${job.kind}  runs ${job.runs}`,
    `received ${job.received} = accepted ${job.accepted} + updated ${job.updated} + quarantined ${job.quarantined}` +
      `  ${balanced ? '✓ reconciled' : '✗ NOT reconciled'}` +
      (job.rowsTotal !== null ? `  (file rows ${job.rowsTotal})` : ''),
    ...(job.error ? [`error: ${job.error}`] : []),
  ];
}
