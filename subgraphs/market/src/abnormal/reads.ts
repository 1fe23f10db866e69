/**
 * The 经营异常名录's lists as of the request's `today`: entries by status, applications overdue, listings due for
 * transfer. Keyset pages with their counts.
 */
import { dateIdKey, dateIdSeek, isDateIdCursor, readPage, toConnection } from '@credit-hub/kit';
import type { Db, Prisma } from '@credit-hub/kit/db';
import type {
  QueryAbnormalOperationsArgs,
  QueryAbnormalTransfersDueArgs,
  QueryOverdueAbnormalRemovalsArgs,
} from '../__generated__/types.ts';
import { listedCondition, newestFirst, regionCondition } from '../reads.ts';
import type { AbnormalOperationConnectionMapper } from './mappers.ts';
import { checkAbnormalStatus, transferCutoff } from './rules.ts';

/** 经营异常名录 entries (or 个体工商户 marks), newest listing first; the cursor is (listedOn, id). */
export async function listAbnormal(
  db: Db,
  args: QueryAbnormalOperationsArgs,
): Promise<AbnormalOperationConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  const where: Prisma.AbnormalOperationWhereInput = {
    kind: args.kind ?? 'LISTING',
    status: checkAbnormalStatus(args.status),
    ...(args.reason ? { reason: args.reason } : {}),
    ...regionCondition(args.regionCode),
    ...listedCondition(args.listedFrom, args.listedTo),
  };
  const rows = await db.prisma.abnormalOperation.findMany({
    where: { AND: [where, dateIdSeek('listedOn', page.after, 'desc')] },
    orderBy: newestFirst,
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('listedOn')),
    totalCount: () => db.prisma.abnormalOperation.count({ where }),
  };
}

/** A page of 经营异常名录 entries in ascending (field, id) order, the cursor being (field, id). */
async function ascendingPage(
  db: Db,
  args: Pick<QueryOverdueAbnormalRemovalsArgs, 'first' | 'after'>,
  where: Prisma.AbnormalOperationWhereInput,
  field: 'listedOn' | 'removalDeadline',
): Promise<AbnormalOperationConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  // Each branch narrows `field` to one column name, as dateIdSeek's condition type needs.
  const seek: Prisma.AbnormalOperationWhereInput =
    field === 'listedOn' ? dateIdSeek(field, page.after, 'asc') : dateIdSeek(field, page.after, 'asc');
  const rows = await db.prisma.abnormalOperation.findMany({
    where: { AND: [where, seek] },
    orderBy: [{ [field]: 'asc' }, { id: 'asc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey(field)),
    totalCount: () => db.prisma.abnormalOperation.count({ where }),
  };
}

/**
 * Entries with a pending application still undecided after its deadline, most overdue first; the cursor is
 * (removalDeadline, id). The deadline day itself is not overdue; a refused application has no deadline.
 */
export const listOverdueRemovals = (
  db: Db,
  args: QueryOverdueAbnormalRemovalsArgs,
  today: Date,
): Promise<AbnormalOperationConnectionMapper> =>
  ascendingPage(
    db,
    args,
    { status: 'LISTED', removalDeadline: { lt: today }, ...regionCondition(args.regionCode) },
    'removalDeadline',
  );

/**
 * Listings (not marks) still in force three years after listing and not transferred to the 严重违法失信名单,
 * oldest first; the cursor is (listedOn, id).
 */
export const listTransfersDue = (
  db: Db,
  args: QueryAbnormalTransfersDueArgs,
  today: Date,
): Promise<AbnormalOperationConnectionMapper> =>
  ascendingPage(
    db,
    args,
    {
      kind: 'LISTING',
      status: 'LISTED',
      listedOn: { lte: transferCutoff(today) },
      transfers: { none: {} },
      ...regionCondition(args.regionCode),
    },
    'listedOn',
  );
