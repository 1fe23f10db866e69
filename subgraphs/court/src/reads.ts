/**
 * The court's reads: the lists (keyset pages with their counts) and the batch statements the loaders run. Filters
 * are built from the listing rules (rules.ts), so a list answers "as of today" exactly as a single case does. Raw
 * rows are parsed (zod), never cast.
 */
import {
  badInput,
  chineseCalendar,
  dateIdKey,
  dateIdSeek,
  isDateIdCursor,
  readPage,
  regionPrefix,
  toConnection,
  z,
} from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { QueryDishonestDebtorCasesArgs, QueryDishonestDebtorDeletionsDueArgs } from './__generated__/types.ts';
import { toCaseMapper, type DishonestDebtorCaseConnectionMapper } from './mappers.ts';
import { listedSql, knownOverdueCutoff, stateWhere } from './rules.ts';

/** Court and region filters shared by the lists. */
function placeFilter(args: Pick<QueryDishonestDebtorCasesArgs, 'courtName' | 'regionCode'>) {
  const courtName = args.courtName?.trim();
  return {
    ...(courtName ? { courtName } : {}),
    ...(args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {}),
  };
}

/** The filter of a case list as of `today`, shared by the page and its count. */
export function caseFilter(args: QueryDishonestDebtorCasesArgs, today: Date): Prisma.DishonestDebtorCaseWhereInput {
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
export async function listCases(
  db: Db,
  args: QueryDishonestDebtorCasesArgs,
  today: Date,
): Promise<DishonestDebtorCaseConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  const where = caseFilter(args, today);
  const rows = await db.prisma.dishonestDebtorCase.findMany({
    where: { AND: [where, dateIdSeek('filedOn', page.after, 'desc')] },
    orderBy: [{ filedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows.map(toCaseMapper), page, dateIdKey('filedOn')),
    totalCount: () => db.prisma.dishonestDebtorCase.count({ where }),
  };
}

/**
 * Expired listings whose deletion is not recorded, the earliest term end first; the keyset cursor is
 * (listedUntil, id). "Overdue" is a date bound found from today with the working-day calendar (overdueCutoff), so
 * the filter stays one indexed range however old the terms are.
 */
export async function listDeletionsDue(
  db: Db,
  args: QueryDishonestDebtorDeletionsDueArgs,
  today: Date,
): Promise<DishonestDebtorCaseConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  // Past the calendar's last year, only the deletions overdue for certain (docs/rules/court.md W5).
  const until = args.overdueOnly ? { lte: knownOverdueCutoff(today, chineseCalendar).cutoff } : { lt: today };
  const where: Prisma.DishonestDebtorCaseWhereInput = {
    status: 'ACTIVE',
    listedUntil: { not: null, ...until },
    ...placeFilter(args),
  };
  const rows = await db.prisma.dishonestDebtorCase.findMany({
    where: { AND: [where, dateIdSeek('listedUntil', page.after, 'asc')] },
    orderBy: [{ listedUntil: 'asc' }, { id: 'asc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows.map(toCaseMapper), page, dateIdKey('listedUntil')),
    totalCount: () => db.prisma.dishonestDebtorCase.count({ where }),
  };
}

const GovernmentBodiesRow = z.object({ prefix: z.string(), codes: z.array(z.string()) });

/**
 * Government bodies and public institutions (USCC 11…/12…) on the list `today`, for each region prefix: every
 * region of a request in one statement, in the order of `prefixes`. The debtor's kind is read from its code, not
 * from the subject register (department boundary).
 */
export async function governmentBodiesOnList(db: Db, prefixes: readonly string[], today: Date): Promise<string[][]> {
  const rows = await db.prisma.$queryRaw<unknown[]>`
    /* governmentBodiesOnList */
    SELECT p.prefix, coalesce(array_agg(DISTINCT c.subject_code ORDER BY c.subject_code) FILTER (WHERE c.subject_code IS NOT NULL), '{}') AS codes
    FROM unnest(${prefixes}::text[]) AS p(prefix)
    LEFT JOIN court.dishonest_debtor_case c
      ON c.region_code LIKE p.prefix || '%' AND ${listedSql('c', today)}
     AND (c.subject_code LIKE '11%' OR c.subject_code LIKE '12%')
    GROUP BY p.prefix`;
  const byPrefix = new Map(
    z
      .array(GovernmentBodiesRow)
      .parse(rows)
      .map((r) => [r.prefix, r.codes]),
  );
  return prefixes.map((p) => byPrefix.get(p) ?? []);
}
