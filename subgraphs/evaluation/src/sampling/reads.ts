import { badInput, regionPrefix, type Page } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { toDrawMapper, type DrawRecord } from './mappers.ts';

export async function findDraw(db: Db, id: string): Promise<DrawRecord | null> {
  if (!/^\d{1,18}$/.test(id)) throw badInput('id', 'FORMAT', '`id` must be a draw id (digits)');
  const row = await db.prisma.inspectionDraw.findUnique({ where: { id: BigInt(id) } });
  return row ? toDrawMapper(row) : null;
}

/** Newest first, keyset on id (ids grow with time). */
export async function listDraws(db: Db, regionCode: string | null | undefined, page: Page<string>) {
  const prefix = regionCode ? regionPrefix(regionCode) : null;
  const rows = await db.prisma.inspectionDraw.findMany({
    where: {
      ...(prefix ? { regionCode: { startsWith: prefix } } : {}),
      ...(page.after ? { id: { lt: BigInt(page.after) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: page.limit,
  });
  return rows.map(toDrawMapper);
}

export async function findRefresh(db: Db, id: bigint) {
  return db.prisma.evaluationRefresh.findUnique({ where: { id } });
}
