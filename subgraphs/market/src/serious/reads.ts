/** The 严重违法失信名单 as of the request's `today`: entries by status, newest listing first. */
import { dateIdKey, dateIdSeek, isDateIdCursor, readPage, toConnection } from '@credit-hub/kit';
import type { Db, Prisma } from '@credit-hub/kit/db';
import type { MarketListingStatus, QuerySeriousIllegalListingsArgs } from '../__generated__/types.ts';
import { listedCondition, newestFirst, regionCondition } from '../reads.ts';
import type { SeriousIllegalListingConnectionMapper } from './mappers.ts';

/** The stored condition of a status as of `today`: LISTED and EXPIRED differ only in the last day in force. */
function statusCondition(status: MarketListingStatus, today: Date): Prisma.SeriousIllegalListingWhereInput {
  if (status === 'LISTED') return { status: 'LISTED', expiresOn: { gte: today } };
  if (status === 'EXPIRED') return { status: 'LISTED', expiresOn: { lt: today } };
  return { status };
}

/** 严重违法失信名单 entries as of `today`, newest listing first; the cursor is (listedOn, id). */
export async function listSerious(
  db: Db,
  args: QuerySeriousIllegalListingsArgs,
  today: Date,
): Promise<SeriousIllegalListingConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  const where: Prisma.SeriousIllegalListingWhereInput = {
    ...statusCondition(args.status ?? 'LISTED', today),
    ...regionCondition(args.regionCode),
    ...listedCondition(args.listedFrom, args.listedTo),
  };
  const rows = await db.prisma.seriousIllegalListing.findMany({
    where: { AND: [where, dateIdSeek('listedOn', page.after, 'desc')] },
    orderBy: newestFirst,
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('listedOn')),
    totalCount: () => db.prisma.seriousIllegalListing.count({ where }),
  };
}
