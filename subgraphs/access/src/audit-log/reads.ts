/**
 * Reads of the audit trail (审计日志), which every subgraph writes through the kit (packages/kit/src/access/audit.ts)
 * and the access subgraph serves to supervisors. Rows are parsed (zod), never cast: the `fields` column is JSON text,
 * and a role or action the schema does not know would otherwise reach the client as an invalid enum.
 */
import { readPage, ROLES, toConnection, z } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { AuditAction, QueryAuditLogArgs } from '../__generated__/types.ts';
import type { AuditEntryConnectionMapper, AuditEntryMapper } from './mappers.ts';

const ACTIONS = ['READ', 'READ_PERSONAL', 'LOOKUP', 'WRITE'] as const satisfies readonly AuditAction[];

const EntryRow = z.object({
  seq: z.bigint(),
  at: z.date(),
  actor: z.string(),
  role: z.enum(ROLES),
  department: z.string().nullable(),
  action: z.enum(ACTIONS),
  subjectCode: z.string().nullable(),
  // JSON text in the table (a list of Type.field names); decoded, then checked to be one.
  fields: z
    .string()
    .transform((text): unknown => JSON.parse(text))
    .pipe(z.array(z.string())),
  detail: z.string().nullable(),
  purpose: z.string().nullable(),
  client: z.string(),
  requestId: z.string(),
  subgraph: z.string(),
  hash: z.string(),
});

/** A sequence number as the cursor carries it: decimal digits (it becomes a BigInt). */
const isSeqCursor = (v: unknown): v is string => typeof v === 'string' && /^\d{1,19}$/.test(v);

/**
 * The trail newest first, keyset-paged by sequence number. `subjectCode` must already be checked and normalised
 * (the resolver records it in the trail before the read).
 */
export async function auditLog(db: Db, args: QueryAuditLogArgs): Promise<AuditEntryConnectionMapper> {
  const page = readPage(args, isSeqCursor);
  const rows = await db.prisma.auditEntry.findMany({
    where: {
      ...(args.subjectCode ? { subjectCode: args.subjectCode } : {}),
      ...(args.actor ? { actor: args.actor } : {}),
      ...(args.department ? { department: args.department } : {}),
      ...(args.action ? { action: args.action } : {}),
      ...(args.from || args.to
        ? { at: { ...(args.from ? { gte: args.from } : {}), ...(args.to ? { lt: args.to } : {}) } }
        : {}),
      ...(page.after ? { seq: { lt: BigInt(page.after) } } : {}),
    },
    orderBy: { seq: 'desc' },
    take: page.limit,
    select: {
      seq: true,
      at: true,
      actor: true,
      role: true,
      department: true,
      action: true,
      subjectCode: true,
      fields: true,
      detail: true,
      purpose: true,
      client: true,
      requestId: true,
      subgraph: true,
      hash: true,
    },
  });
  const entries: AuditEntryMapper[] = z.array(EntryRow).parse(rows);
  return toConnection(entries, page, (e) => e.seq.toString());
}
