import {
  badInput,
  readPage,
  regionPrefix,
  toConnection,
  toIsoDate,
  type PageArgs,
  isDateIdCursor,
  chineseCalendar,
} from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import { toCaseRow, type CaseConnection, type CaseRow } from './mappers.ts';
import { overdueCutoff, stateWhere, type ListingState } from './rules.ts';

export interface CaseListArgs extends PageArgs {
  courtName?: string | null;
  regionCode?: string | null;
  filedFrom?: Date | null;
  filedTo?: Date | null;
  status?: ListingState | null;
  debtorKind?: CaseRow['debtorKind'] | null;
}

/** Court and region filters shared by the lists. */
function placeFilter(args: { courtName?: string | null; regionCode?: string | null }) {
  const courtName = args.courtName?.trim();
  return {
    ...(courtName ? { courtName } : {}),
    ...(args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {}),
  };
}

/** The filter of a case list as of `today`, shared by the page and its count. */
export function caseFilter(args: CaseListArgs, today: Date): Prisma.DishonestDebtorCaseWhereInput {
  if (args.filedFrom && args.filedTo && args.filedFrom.getTime() > args.filedTo.getTime()) {
    throw badInput('filedTo', 'ORDER', '`filedTo` must not be before `filedFrom`');
  }
  return {
    ...stateWhere(args.status ?? 'ACTIVE', today),
    ...placeFilter(args),
    ...(args.debtorKind ? { debtorKind: args.debtorKind } : {}),
    ...(args.filedFrom || args.filedTo
      ? {
          filedOn: {
            ...(args.filedFrom ? { gte: args.filedFrom } : {}),
            ...(args.filedTo ? { lte: args.filedTo } : {}),
          },
        }
      : {}),
  };
}

/** 失信被执行人 cases as of `today`, newest filing first; the keyset cursor is (filedOn, id). */
export async function listCases(db: Db, args: CaseListArgs, today: Date): Promise<CaseConnection> {
  const page = readPage(args, isDateIdCursor);
  const where = caseFilter(args, today);
  let seek: Prisma.DishonestDebtorCaseWhereInput = {};
  if (page.after) {
    const [filed, id] = page.after;
    const filedOn = new Date(`${filed}T00:00:00Z`);
    seek = { OR: [{ filedOn: { lt: filedOn } }, { filedOn, id: { lt: BigInt(id) } }] };
  }
  const rows = await db.prisma.dishonestDebtorCase.findMany({
    where: page.after ? { AND: [where, seek] } : where,
    orderBy: [{ filedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows.map(toCaseRow), page, (r) => [toIsoDate(r.filedOn)!, r.id.toString()] as [string, string]),
    totalCount: () => db.prisma.dishonestDebtorCase.count({ where }),
  };
}

export interface DeletionsDueArgs extends PageArgs {
  courtName?: string | null;
  regionCode?: string | null;
  overdueOnly?: boolean | null;
}

/**
 * Expired listings whose deletion is not recorded, the earliest term end first; the keyset cursor is
 * (listedUntil, id). "Overdue" is a date bound found from today with the working-day calendar (overdueCutoff), so
 * the filter stays one indexed range however old the terms are.
 */
export async function listDeletionsDue(db: Db, args: DeletionsDueArgs, today: Date): Promise<CaseConnection> {
  const page = readPage(args, isDateIdCursor);
  const until = args.overdueOnly ? { lte: overdueCutoff(today, chineseCalendar) } : { lt: today };
  const where: Prisma.DishonestDebtorCaseWhereInput = {
    status: 'ACTIVE',
    listedUntil: { not: null, ...until },
    ...placeFilter(args),
  };
  let seek: Prisma.DishonestDebtorCaseWhereInput = {};
  if (page.after) {
    const [last, id] = page.after;
    const listedUntil = new Date(`${last}T00:00:00Z`);
    seek = { OR: [{ listedUntil: { gt: listedUntil } }, { listedUntil, id: { gt: BigInt(id) } }] };
  }
  const rows = await db.prisma.dishonestDebtorCase.findMany({
    where: page.after ? { AND: [where, seek] } : where,
    orderBy: [{ listedUntil: 'asc' }, { id: 'asc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows.map(toCaseRow), page, (r) => [toIsoDate(r.listedUntil)!, r.id.toString()] as [string, string]),
    totalCount: () => db.prisma.dishonestDebtorCase.count({ where }),
  };
}
