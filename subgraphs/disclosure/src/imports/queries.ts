/**
 * Reading import jobs for GraphQL. A department's officers and systems see only their own department's jobs;
 * supervisors see every department's.
 */
import { badInput, forbidden, readPage, toConnection, type Connection, type Identity } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { findJob, type ImportJobRow, type ImportJobStatus } from './job.ts';

export type ImportJobPage = Connection<ImportJobRow>;

const STATUSES: readonly ImportJobStatus[] = ['RUNNING', 'DONE', 'FAILED'];

/** The department whose jobs a caller may see: its own, or any (null) for supervisors. */
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

export async function importJobs(
  db: Db,
  identity: Identity,
  args: { department?: string | null; status?: string | null; first?: number | null; after?: string | null },
): Promise<ImportJobPage> {
  const scope = visibleDepartment(identity);
  if (scope === 'none') throw forbidden('Import jobs may be read by department officers, systems and supervisors');
  if (scope !== null && args.department && args.department !== scope)
    throw forbidden(`A caller of ${scope} sees only its own department's import jobs`, { field: 'department' });
  if (args.status && !STATUSES.includes(args.status as ImportJobStatus))
    throw badInput('status', 'ENUM', `status must be one of ${STATUSES.join(', ')}`);
  const page = readPage(args, isJobCursor);
  const department = scope ?? args.department ?? null;
  const rows = await db.prisma.importJob.findMany({
    where: {
      ...(department ? { department } : {}),
      ...(args.status ? { status: args.status as ImportJobStatus } : {}),
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
  return toConnection(rows as ImportJobRow[], page, (j) => [j.createdAt.toISOString(), j.id]);
}
