/**
 * The tax subgraph's reads: the lists (keyset pages with their counts) as of the request's `today`. Filters follow
 * the rules (rules.ts), so a list answers exactly as a single record does on the same day. Raw rows are parsed
 * (zod), never cast.
 */
import {
  badInput,
  dateIdKey,
  dateIdSeek,
  isDateIdCursor,
  readPage,
  regionPrefix,
  toConnection,
  z,
} from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type {
  ListingStatus,
  QueryALevelTaxpayersArgs,
  QueryMajorTaxViolationsArgs,
  QueryTaxCreditRatingsArgs,
} from './__generated__/types.ts';
import type { MajorTaxViolationConnectionMapper, TaxCreditRatingConnectionMapper } from './mappers.ts';
import { oldestYearInForce } from './rules.ts';

const isCodeCursor = (v: unknown): v is string => typeof v === 'string' && /^[0-9A-Z]{1,22}$/.test(v);

/** Ratings of a year, keyset-paged by subject code (unique per year). */
export async function listRatings(
  db: Db,
  args: Pick<QueryTaxCreditRatingsArgs, 'year' | 'level' | 'regionCode' | 'first' | 'after'>,
): Promise<TaxCreditRatingConnectionMapper> {
  const page = readPage(args, isCodeCursor);
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

/** A rating row as the raw statement of the current A list returns it. */
const RatingRow = z.object({
  id: z.bigint(),
  subjectCode: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  level: z.enum(['A', 'B', 'M', 'C', 'D']),
  score: z.instanceof(Prisma.Decimal).nullable(),
  evaluatedOn: z.date(),
  authority: z.string(),
  updatedAt: z.date(),
});
const CountRow = z.object({ n: z.bigint() });

/**
 * The taxpayers whose rating in force `today` is A (the red list incentives follow), keyset-paged by subject code.
 * In force: determined by today, within its validity (only the last two evaluation years can be), and no newer
 * rating of the subject determined by today. One statement per page, one for the count.
 */
export async function listCurrentALevel(
  db: Db,
  args: Pick<QueryALevelTaxpayersArgs, 'regionCode' | 'first' | 'after'>,
  today: Date,
): Promise<TaxCreditRatingConnectionMapper> {
  const page = readPage(args, isCodeCursor);
  const region = args.regionCode
    ? Prisma.sql`AND r.region_code LIKE ${regionPrefix(args.regionCode) + '%'}`
    : Prisma.empty;
  const where = Prisma.sql`r.level = 'A' AND r.year >= ${oldestYearInForce(today)} AND r.evaluated_on <= ${today}::date
    AND NOT EXISTS (SELECT 1 FROM tax.credit_rating n
      WHERE n.subject_code = r.subject_code AND n.year > r.year AND n.evaluated_on <= ${today}::date)
    ${region}`;
  const seek = page.after === null ? Prisma.empty : Prisma.sql`AND r.subject_code > ${page.after}`;
  const rows = await db.prisma.$queryRaw<unknown[]>`
    /* listCurrentALevel */
    SELECT r.id, r.subject_code AS "subjectCode", r.region_code AS "regionCode", r.year, r.level::text AS level,
      r.score, r.evaluated_on AS "evaluatedOn", r.authority, r.updated_at AS "updatedAt"
    FROM tax.credit_rating r WHERE ${where} ${seek}
    ORDER BY r.subject_code LIMIT ${page.limit}`;
  return {
    ...toConnection(z.array(RatingRow).parse(rows), page, (r) => r.subjectCode),
    totalCount: async () => {
      const counted = await db.prisma.$queryRaw<unknown[]>`
        SELECT count(*) AS n FROM tax.credit_rating r WHERE ${where}`;
      return Number(z.tuple([CountRow]).parse(counted)[0].n);
    },
  };
}

/** The stored condition of a status as of `today`: PUBLISHED and EXPIRED differ only in the last day of publicity. */
function statusCondition(status: ListingStatus, today: Date): Prisma.MajorTaxViolationWhereInput {
  if (status === 'REMOVED') return { status: 'REMOVED' };
  return { status: 'PUBLISHED', publicityEndsOn: status === 'PUBLISHED' ? { gte: today } : { lt: today } };
}

/** Black-list entries as of `today`, newest publication first; the cursor is (publishedOn, id). */
export async function listViolations(
  db: Db,
  args: QueryMajorTaxViolationsArgs,
  today: Date,
): Promise<MajorTaxViolationConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  if (args.publishedFrom && args.publishedTo && args.publishedFrom > args.publishedTo)
    throw badInput('publishedTo', 'ORDER', '`publishedTo` must not be before `publishedFrom`');
  const where: Prisma.MajorTaxViolationWhereInput = {
    AND: [
      statusCondition(args.status ?? 'PUBLISHED', today),
      args.publishedFrom ? { publishedOn: { gte: args.publishedFrom } } : {},
      args.publishedTo ? { publishedOn: { lte: args.publishedTo } } : {},
    ],
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
