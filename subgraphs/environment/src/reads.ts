/**
 * The environment subgraph's reads: the rating and penalty lists (keyset pages with their counts), taking the
 * generated argument types. The batch statements of the per-subject fields are the loaders' (loaders.ts).
 */
import { badInput, dateIdKey, dateIdSeek, isDateIdCursor, readPage, regionPrefix, toConnection } from '@credit-hub/kit';
import type { Db, Prisma } from '@credit-hub/kit/db';
import type { QueryEnvironmentalPenaltiesArgs, QueryEnvironmentalRatingsArgs } from './__generated__/types.ts';
import type { EnvironmentalPenaltyConnectionMapper, EnvironmentalRatingConnectionMapper } from './mappers.ts';
import { checkIndustryCode, checkListYear, earliestPublishedDecision } from './rules.ts';

const regionCondition = (regionCode: string | null | undefined) =>
  regionCode ? { regionCode: { startsWith: regionPrefix(regionCode) } } : {};

/** A cursor of the rating list: the last subject code seen (a subject has one rating per year). */
const isRatingCursor = (v: unknown): v is string => typeof v === 'string' && /^[0-9A-Z]{1,22}$/.test(v);

/**
 * The filter of a rating list, shared by the page and its count. The grade is checked against the province's
 * grades by the caller (it needs the configuration).
 */
export function ratingFilter(args: QueryEnvironmentalRatingsArgs): Prisma.EnvironmentalRatingWhereInput {
  return {
    year: checkListYear(args.year),
    ...(args.grade ? { grade: args.grade } : {}),
    ...regionCondition(args.regionCode),
    ...(args.industryCode ? { industryCode: checkIndustryCode(args.industryCode, 'industryCode') } : {}),
  };
}

/** Ratings of a year, keyset-paged by subject code. */
export async function listRatings(
  db: Db,
  args: QueryEnvironmentalRatingsArgs,
): Promise<EnvironmentalRatingConnectionMapper> {
  const page = readPage(args, isRatingCursor);
  const where = ratingFilter(args);
  const rows = await db.prisma.environmentalRating.findMany({
    where: page.after === null ? where : { AND: [where, { subjectCode: { gt: page.after } }] },
    orderBy: { subjectCode: 'asc' },
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, (r) => r.subjectCode),
    totalCount: () => db.prisma.environmentalRating.count({ where }),
  };
}

/** The filter of a penalty list; a date range that ends before it starts is a mistake, not an empty list. */
export function penaltyFilter(args: QueryEnvironmentalPenaltiesArgs): Prisma.EnvironmentalPenaltyWhereInput {
  const { decidedFrom: from, decidedTo: to } = args;
  if (from && to && from.getTime() > to.getTime())
    throw badInput('decidedTo', 'ORDER', '`decidedTo` must not be before `decidedFrom`');
  return {
    ...regionCondition(args.regionCode),
    ...(from || to ? { decidedOn: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
}

/**
 * Where a penalty is published on `today`: its decision date in [earliestPublishedDecision(today), today] (the same
 * rule as rules.ts isPenaltyPublished, as a range the (decided_on, id) index answers).
 */
export const publishedPenalty = (today: Date): Prisma.EnvironmentalPenaltyWhereInput => ({
  decidedOn: { gte: earliestPublishedDecision(today), lte: today },
});

/**
 * 环境行政处罚, newest decision first; the keyset cursor is (decidedOn, id). With `publishedOn`, only the penalties
 * published that day (the public list); null lists every penalty (includeExpired, checked by the resolver).
 */
export async function listPenalties(
  db: Db,
  args: QueryEnvironmentalPenaltiesArgs,
  publishedOn: Date | null,
): Promise<EnvironmentalPenaltyConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  const where = { AND: [penaltyFilter(args), publishedOn ? publishedPenalty(publishedOn) : {}] };
  const rows = await db.prisma.environmentalPenalty.findMany({
    where: { AND: [where, dateIdSeek('decidedOn', page.after, 'desc')] },
    orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('decidedOn')),
    totalCount: () => db.prisma.environmentalPenalty.count({ where }),
  };
}
