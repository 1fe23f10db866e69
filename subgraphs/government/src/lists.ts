import {
  badInput,
  readPage,
  regionPrefix,
  toConnection,
  toIsoDate,
  type PageArgs,
  isDateIdCursor,
} from '@credit-hub/kit';
import { validateUscc } from '@credit-hub/kit/codes';
import type { Db, Prisma } from '@credit-hub/kit/db';
import type { ArrearsPage, ArrearsRow } from './mappers.ts';

export interface ArrearsListArgs extends PageArgs {
  regionCode?: string | null;
  status?: ArrearsRow['status'] | null;
  debtorCode?: string | null;
  creditorCode?: string | null;
}

/** A code filter: a valid USCC (normalised), or a BAD_USER_INPUT naming the failed rule. */
function codeFilter(raw: string | null | undefined, field: string): string | null {
  if (raw === null || raw === undefined) return null;
  const result = validateUscc(raw);
  if (!result.valid) throw badInput(field, result.reason, `\`${field}\`: ${result.message}`);
  return result.code;
}

/** The filter of an arrears list, shared by the page and its count. */
export function arrearsFilter(args: ArrearsListArgs): Prisma.ArrearsWhereInput {
  const debtorCode = codeFilter(args.debtorCode, 'debtorCode');
  const creditorCode = codeFilter(args.creditorCode, 'creditorCode');
  return {
    ...(args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(debtorCode ? { debtorCode } : {}),
    ...(creditorCode ? { creditorCode } : {}),
  };
}

/** 拖欠中小企业账款, newest record first; the keyset cursor is (recordedOn, id). */
export async function listArrears(db: Db, args: ArrearsListArgs): Promise<ArrearsPage> {
  const page = readPage(args, isDateIdCursor);
  const where = arrearsFilter(args);
  let seek: Prisma.ArrearsWhereInput = {};
  if (page.after) {
    const [recorded, id] = page.after;
    const recordedOn = new Date(`${recorded}T00:00:00Z`);
    seek = { OR: [{ recordedOn: { lt: recordedOn } }, { recordedOn, id: { lt: BigInt(id) } }] };
  }
  const rows = await db.prisma.arrears.findMany({
    where: page.after ? { AND: [where, seek] } : where,
    orderBy: [{ recordedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, (r) => [toIsoDate(r.recordedOn)!, r.id.toString()] as [string, string]),
    totalCount: () => db.prisma.arrears.count({ where }),
  };
}
