import { readPage, toConnection, type PageArgs } from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { AuditConnection, AuditEntryRow } from './mappers.ts';

export interface AuditLogArgs extends PageArgs {
  subjectCode?: string | null;
  actor?: string | null;
  department?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** The audit trail newest first, keyset-paged by sequence number. */
export async function auditLog(db: Db, args: AuditLogArgs): Promise<AuditConnection> {
  const page = readPage(args, (v): v is string => typeof v === 'string' && /^\d+$/.test(v));
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (args.subjectCode) conditions.push(Prisma.sql`subject_code = ${args.subjectCode.trim().toUpperCase()}`);
  if (args.actor) conditions.push(Prisma.sql`actor = ${args.actor}`);
  if (args.department) conditions.push(Prisma.sql`department = ${args.department}`);
  if (args.action) conditions.push(Prisma.sql`action = ${args.action}`);
  if (args.from) conditions.push(Prisma.sql`at >= ${args.from}`);
  if (args.to) conditions.push(Prisma.sql`at < ${args.to}`);
  if (page.after) conditions.push(Prisma.sql`seq < ${BigInt(page.after)}`);
  const rows = await db.prisma.$queryRaw<(Omit<AuditEntryRow, 'fields'> & { fields: string })[]>`
    SELECT seq, at, actor, role, department, action, subject_code AS "subjectCode", fields, detail, purpose, client,
           request_id AS "requestId", subgraph, hash
    FROM audit.entry WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY seq DESC LIMIT ${page.limit}`;
  const entries = rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }));
  return toConnection(entries, page, (e) => e.seq.toString());
}
