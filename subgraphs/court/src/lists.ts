import {
  badInput,
  readPage,
  regionPrefix,
  toConnection,
  toIsoDate,
  type PageArgs,
  isDateIdCursor,
} from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import { toCaseRow, type CaseConnection, type CaseRow } from './model.ts';

export interface CaseListArgs extends PageArgs {
  courtName?: string | null;
  regionCode?: string | null;
  filedFrom?: Date | null;
  filedTo?: Date | null;
  status?: CaseRow['status'] | null;
  debtorKind?: CaseRow['debtorKind'] | null;
}

/** The filter of a case list, shared by the page and its count. */
export function caseFilter(args: CaseListArgs): Prisma.DishonestDebtorCaseWhereInput {
  if (args.filedFrom && args.filedTo && args.filedFrom.getTime() > args.filedTo.getTime()) {
    throw badInput('filedTo', 'ORDER', '`filedTo` must not be before `filedFrom`');
  }
  const courtName = args.courtName?.trim();
  return {
    status: args.status ?? 'ACTIVE',
    ...(courtName ? { courtName } : {}),
    ...(args.debtorKind ? { debtorKind: args.debtorKind } : {}),
    ...(args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {}),
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

/** 失信被执行人 cases, newest filing first; the keyset cursor is (filedOn, id). */
export async function listCases(db: Db, args: CaseListArgs): Promise<CaseConnection> {
  const page = readPage(args, isDateIdCursor);
  const where = caseFilter(args);
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
