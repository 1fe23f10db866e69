import {
  dateIdKey,
  dateIdSeek,
  isDateIdCursor,
  type PageArgs,
  readPage,
  regionPrefix,
  toConnection,
} from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { RatingConnection, RatingRow, ViolationConnection, ViolationRow } from './mappers.ts';
import { oldestYearInForce, startOfToday, type EntryStatus } from './rules.ts';

export interface RatingListArgs extends PageArgs {
  year: number;
  level?: RatingRow['level'] | null;
  regionCode?: string | null;
}

/** Ratings of a year, keyset-paged by subject code (unique per year). */
export async function listRatings(db: Db, args: RatingListArgs): Promise<RatingConnection> {
  const page = readPage(args, (v): v is string => typeof v === 'string');
  const where: Prisma.TaxCreditRatingWhereInput = {
    year: args.year,
    ...(args.level ? { level: args.level } : {}),
    ...(args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {}),
  };
  const rows = await db.prisma.taxCreditRating.findMany({
    where: page.after === null ? where : { ...where, subjectCode: { gt: page.after } },
    orderBy: { subjectCode: 'asc' },
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, (r) => r.subjectCode),
    totalCount: () => db.prisma.taxCreditRating.count({ where }),
  };
}

const isCodeCursor = (v: unknown): v is string => typeof v === 'string' && /^[0-9A-Z]{1,22}$/.test(v);

/**
 * The taxpayers whose rating in force today is A (the red list incentives follow), keyset-paged by subject code.
 * In force: determined by today, within its validity (only the last two evaluation years can be), and no newer
 * rating of the subject determined by today. One statement per page, one for the count.
 */
export async function listCurrentALevel(
  db: Db,
  args: PageArgs & { regionCode?: string | null },
  today: Date = startOfToday(),
): Promise<RatingConnection> {
  const page = readPage(args, isCodeCursor);
  const region = args.regionCode
    ? Prisma.sql`AND r.region_code LIKE ${regionPrefix(args.regionCode) + '%'}`
    : Prisma.empty;
  const where = Prisma.sql`r.level = 'A' AND r.year >= ${oldestYearInForce(today)} AND r.evaluated_on <= ${today}::date
    AND NOT EXISTS (SELECT 1 FROM tax.credit_rating n
      WHERE n.subject_code = r.subject_code AND n.year > r.year AND n.evaluated_on <= ${today}::date)
    ${region}`;
  const seek = page.after === null ? Prisma.empty : Prisma.sql`AND r.subject_code > ${page.after}`;
  const rows = await db.prisma.$queryRaw<RatingRow[]>`
    SELECT r.id, r.subject_code AS "subjectCode", r.region_code AS "regionCode", r.year, r.level::text AS level,
      r.score, r.evaluated_on AS "evaluatedOn", r.authority
    FROM tax.credit_rating r WHERE ${where} ${seek}
    ORDER BY r.subject_code LIMIT ${page.limit}`;
  return {
    ...toConnection(rows, page, (r) => r.subjectCode),
    totalCount: async () => {
      const [row] = await db.prisma.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM tax.credit_rating r WHERE ${where}`;
      return Number(row!.n);
    },
  };
}

export interface ViolationListArgs extends PageArgs {
  year?: number | null;
  regionCode?: string | null;
  situation?: ViolationRow['situation'] | null;
  status?: EntryStatus | null;
}

function statusCondition(status: EntryStatus): Prisma.MajorTaxViolationWhereInput {
  const today = startOfToday();
  if (status === 'REMOVED') return { status: 'REMOVED' };
  return { status: 'PUBLISHED', publicityEndsOn: status === 'PUBLISHED' ? { gte: today } : { lt: today } };
}

/** Black-list entries, newest publication first; the cursor is (publishedOn, id). */
export async function listViolations(db: Db, args: ViolationListArgs): Promise<ViolationConnection> {
  const page = readPage(args, isDateIdCursor);
  const where: Prisma.MajorTaxViolationWhereInput = {
    ...statusCondition(args.status ?? 'PUBLISHED'),
    ...(args.situation ? { situation: args.situation } : {}),
    ...(args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {}),
    ...(args.year
      ? { publishedOn: { gte: new Date(Date.UTC(args.year, 0, 1)), lt: new Date(Date.UTC(args.year + 1, 0, 1)) } }
      : {}),
  };
  const rows = await db.prisma.majorTaxViolation.findMany({
    where: { AND: [where, dateIdSeek('publishedOn', page.after, 'desc')] },
    orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('publishedOn')),
    totalCount: () => db.prisma.majorTaxViolation.count({ where }),
  };
}
