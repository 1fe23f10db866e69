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
  const rows = await db.prisma.arrears.findMany({
    where: { AND: [where, dateIdSeek('recordedOn', page.after, 'desc')] },
    orderBy: [{ recordedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('recordedOn')),
    totalCount: () => db.prisma.arrears.count({ where }),
  };
}
