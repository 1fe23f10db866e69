/** The record lists (keyset paging, newest decision first) and the high-frequency offenders. */
import { badInput, isDateIdCursor, readPage, toConnection, toIsoDate, type PageArgs } from '@credit-hub/kit';
import type { Db, Prisma } from '@credit-hub/kit/db';
import { withKind, type LicenceConnection, type OffenderRow, type PenaltyConnection } from './mappers.ts';
import { addMonths, HIGH_FREQUENCY_THRESHOLD, HIGH_FREQUENCY_WINDOW_MONTHS } from './publicity.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => toIsoDate(d)!;

export interface RecordListArgs extends PageArgs {
  department?: string | null;
  authorityCode?: string | null;
  decidedFrom?: Date | null;
  decidedTo?: Date | null;
}

function commonWhere(args: RecordListArgs) {
  if (args.decidedFrom && args.decidedTo && args.decidedFrom > args.decidedTo)
    throw badInput('decidedTo', 'ORDER', '`decidedTo` must not be before `decidedFrom`');
  return {
    ...(args.department ? { department: args.department } : {}),
    ...(args.authorityCode ? { authorityCode: args.authorityCode.trim().toUpperCase() } : {}),
    ...(args.decidedFrom || args.decidedTo
      ? {
          decidedOn: {
            ...(args.decidedFrom ? { gte: args.decidedFrom } : {}),
            ...(args.decidedTo ? { lte: args.decidedTo } : {}),
          },
        }
      : {}),
  };
}

function seekAfter(after: [string, string] | null) {
  if (!after) return {};
  const decidedOn = day(after[0]);
  return { OR: [{ decidedOn: { lt: decidedOn } }, { decidedOn, id: { lt: BigInt(after[1]) } }] };
}

const newestFirst = [{ decidedOn: 'desc' as const }, { id: 'desc' as const }];
const keyOf = (r: { decidedOn: Date; id: bigint }) => [iso(r.decidedOn), r.id.toString()] as [string, string];

/** Where a penalty is published on `today` (same rule as publicity.ts isPenaltyPublished). */
export const publishedPenalty = (today: string): Prisma.PenaltyWhereInput => ({
  decidedOn: { lte: day(today) },
  publicityEndsOn: { gte: day(today) },
  OR: [{ repairedOn: null }, { repairedOn: { gt: day(today) } }],
});

export async function listPenalties(
  db: Db,
  args: RecordListArgs,
  options: { publishedOn: string | null },
): Promise<PenaltyConnection> {
  const page = readPage(args, isDateIdCursor);
  const where: Prisma.PenaltyWhereInput = {
    AND: [commonWhere(args), options.publishedOn ? publishedPenalty(options.publishedOn) : {}, seekAfter(page.after)],
  };
  const rows = await db.prisma.penalty.findMany({ where, orderBy: newestFirst, take: page.limit });
  return toConnection(rows.map(withKind), page, keyOf);
}

export async function listLicences(
  db: Db,
  args: RecordListArgs,
  options: { publicOn: string | null },
): Promise<LicenceConnection> {
  const page = readPage(args, isDateIdCursor);
  const visible: Prisma.LicenceWhereInput = options.publicOn
    ? { status: 'VALID', validUntil: { gte: day(options.publicOn) } }
    : {};
  const rows = await db.prisma.licence.findMany({
    where: { AND: [commonWhere(args), visible, seekAfter(page.after)] },
    orderBy: newestFirst,
    take: page.limit,
  });
  return toConnection(rows.map(withKind), page, keyOf);
}

const isOffenderCursor = (v: unknown): v is [number, string] =>
  Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && typeof v[1] === 'string' && v[1].length <= 22;

/**
 * 高频失信主体: subjects with at least HIGH_FREQUENCY_THRESHOLD penalties decided within the window that are
 * published today; most penalties first, then by code. One statement per page.
 */
export async function listHighFrequencyOffenders(db: Db, args: PageArgs, today: string) {
  const page = readPage(args, isOffenderCursor);
  const since = addMonths(today, -HIGH_FREQUENCY_WINDOW_MONTHS);
  const [afterCount, afterCode] = page.after ?? [null, null];
  const rows = await db.prisma.$queryRawUnsafe<
    { subjectCode: string; penaltyCount: number; severeCount: number; latestDecidedOn: Date }[]
  >(
    `SELECT subject_code AS "subjectCode", count(*)::int AS "penaltyCount",
       (count(*) FILTER (WHERE tier = 'SEVERE'))::int AS "severeCount", max(decided_on) AS "latestDecidedOn"
     FROM disclosure.penalty
     WHERE decided_on > $1::date AND decided_on <= $2::date AND publicity_ends_on >= $2::date
       AND (repaired_on IS NULL OR repaired_on > $2::date)
     GROUP BY subject_code
     HAVING count(*) >= $3 AND ($4::int IS NULL OR count(*) < $4 OR (count(*) = $4 AND subject_code > $5))
     ORDER BY count(*) DESC, subject_code
     LIMIT $6`,
    since,
    today,
    HIGH_FREQUENCY_THRESHOLD,
    afterCount,
    afterCode,
    page.limit,
  );
  return toConnection<OffenderRow, [number, string]>(rows, page, (r) => [r.penaltyCount, r.subjectCode]);
}
