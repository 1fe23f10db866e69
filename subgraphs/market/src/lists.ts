import {
  badInput,
  dateIdKey,
  dateIdSeek,
  isDateIdCursor,
  type PageArgs,
  readPage,
  regionPrefix,
  toConnection,
} from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { AbnormalConnection, AbnormalRow, SeriousConnection, SeriousRow } from './mappers.ts';
import { startOfToday, transferCutoff, type SeriousStatus } from './rules.ts';

interface ListArgs extends PageArgs {
  regionCode?: string | null;
  listedFrom?: Date | null;
  listedTo?: Date | null;
}

export interface AbnormalListArgs extends ListArgs {
  kind?: AbnormalRow['kind'] | null;
  reason?: AbnormalRow['reason'] | null;
  status?: SeriousStatus | null;
}

export interface SeriousListArgs extends ListArgs {
  status?: SeriousStatus | null;
}

function regionCondition(regionCode: string | null | undefined) {
  return regionCode ? { regionCode: { startsWith: regionPrefix(regionCode) } } : {};
}

/** Inclusive listing-date range; a range that ends before it starts is a mistake, not an empty list. */
function listedCondition(from: Date | null | undefined, to: Date | null | undefined) {
  if (from && to && from.getTime() > to.getTime())
    throw badInput('listedTo', 'ORDER', '`listedTo` must not be before `listedFrom`');
  if (!from && !to) return {};
  return { listedOn: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } };
}

const newestFirst = [{ listedOn: 'desc' as const }, { id: 'desc' as const }];

/** A 经营异常名录 entry has no term of its own: none is ever EXPIRED, and asking for it is a mistake. */
export function checkAbnormalStatus(status: SeriousStatus | null | undefined): AbnormalRow['status'] {
  if (status === 'EXPIRED')
    throw badInput(
      'status',
      'STATUS',
      '`status` EXPIRED applies to the 严重违法失信名单 only: 经营异常名录 entries do not expire',
    );
  return status ?? 'LISTED';
}

/** 经营异常名录 entries (or 个体工商户 marks), newest listing first; the cursor is (listedOn, id). */
export async function listAbnormal(db: Db, args: AbnormalListArgs): Promise<AbnormalConnection> {
  const page = readPage(args, isDateIdCursor);
  const status = args.status ?? 'LISTED';
  // A 经营异常名录 entry has no term of its own: none is ever EXPIRED.
  if (status === 'EXPIRED')
    throw badInput(
      'status',
      'STATUS',
      '`status` EXPIRED applies to the 严重违法失信名单 only: 经营异常名录 entries do not expire',
    );
  const where: Prisma.AbnormalOperationWhereInput = {
    kind: args.kind ?? 'LISTING',
    status,
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

/** The stored condition of a status as of `today`: LISTED and EXPIRED differ only in the last day in force. */
function seriousStatusCondition(status: SeriousStatus, today: Date): Prisma.SeriousIllegalListingWhereInput {
  if (status === 'LISTED') return { status: 'LISTED', expiresOn: { gte: today } };
  if (status === 'EXPIRED') return { status: 'LISTED', expiresOn: { lt: today } };
  return { status };
}

/** 严重违法失信名单 entries, newest listing first; the cursor is (listedOn, id). */
export async function listSerious(
  db: Db,
  args: SeriousListArgs,
  today: Date = startOfToday(),
): Promise<SeriousConnection> {
  const page = readPage(args, isDateIdCursor);
  const where: Prisma.SeriousIllegalListingWhereInput = {
    ...seriousStatusCondition(args.status ?? 'LISTED', today),
    ...regionCondition(args.regionCode),
    ...listedCondition(args.listedFrom, args.listedTo),
  };
  const rows: SeriousRow[] = await db.prisma.seriousIllegalListing.findMany({
    where: { AND: [where, dateIdSeek('listedOn', page.after, 'desc')] },
    orderBy: newestFirst,
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('listedOn')),
    totalCount: () => db.prisma.seriousIllegalListing.count({ where }),
  };
}

/** A page of 经营异常名录 entries in ascending (field, id) order, the cursor being (field, id). */
async function ascendingPage(
  db: Db,
  args: PageArgs,
  where: Prisma.AbnormalOperationWhereInput,
  field: 'listedOn' | 'removalDeadline',
): Promise<AbnormalConnection> {
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
  args: PageArgs & { regionCode?: string | null },
  today: Date = startOfToday(),
): Promise<AbnormalConnection> =>
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
  args: PageArgs & { regionCode?: string | null },
  today: Date = startOfToday(),
): Promise<AbnormalConnection> =>
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
