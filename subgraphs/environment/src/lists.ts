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
import { Prisma, type Db } from '@credit-hub/kit/db';
import { industryName } from '@credit-hub/kit/reference';
import type { PenaltyConnection, PenaltyRow, RatingConnection, RatingRow } from './mappers.ts';

/** An industry section (门类) of GB/T 4754-2017, A–T, as subjects carry it; normalised to upper case. */
export function checkIndustryCode(raw: string, field: string): string {
  const code = raw.trim().toUpperCase();
  if (!industryName(code)) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\` must be an industry section (门类) of GB/T 4754-2017, A–T (e.g. C 制造业), got ${JSON.stringify(raw)}`,
    );
  }
  return code;
}

const regionCondition = (regionCode: string | null | undefined) =>
  regionCode ? { regionCode: { startsWith: regionPrefix(regionCode) } } : {};

// ---------------------------------------------------------------------------------------------------------
// Ratings of a year

export interface RatingListArgs extends PageArgs {
  year: number;
  grade?: RatingRow['grade'] | null;
  regionCode?: string | null;
  industryCode?: string | null;
}

/** A cursor of the rating list: the last subject code seen (a subject has one rating per year). */
const isRatingCursor = (v: unknown): v is string => typeof v === 'string' && /^[0-9A-Z]{1,22}$/.test(v);

/** The filter of a rating list, shared by the page and its count. */
export function ratingFilter(args: RatingListArgs): Prisma.EnvironmentalRatingWhereInput {
  return {
    year: args.year,
    ...(args.grade ? { grade: args.grade } : {}),
    ...regionCondition(args.regionCode),
    ...(args.industryCode ? { industryCode: checkIndustryCode(args.industryCode, 'industryCode') } : {}),
  };
}

/** Ratings of a year, keyset-paged by subject code. */
export async function listRatings(db: Db, args: RatingListArgs): Promise<RatingConnection> {
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

// ---------------------------------------------------------------------------------------------------------
// Penalties

export interface PenaltyListArgs extends PageArgs {
  regionCode?: string | null;
  decidedFrom?: Date | null;
  decidedTo?: Date | null;
}

/** The filter of a penalty list; a date range that ends before it starts is a mistake, not an empty list. */
export function penaltyFilter(args: PenaltyListArgs): Prisma.EnvironmentalPenaltyWhereInput {
  const { decidedFrom: from, decidedTo: to } = args;
  if (from && to && from.getTime() > to.getTime())
    throw badInput('decidedTo', 'ORDER', '`decidedTo` must not be before `decidedFrom`');
  return {
    ...regionCondition(args.regionCode),
    ...(from || to ? { decidedOn: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
}

/** 环境行政处罚, newest decision first; the keyset cursor is (decidedOn, id). */
export async function listPenalties(db: Db, args: PenaltyListArgs): Promise<PenaltyConnection> {
  const page = readPage(args, isDateIdCursor);
  const where = penaltyFilter(args);
  const rows: PenaltyRow[] = await db.prisma.environmentalPenalty.findMany({
    where: { AND: [where, dateIdSeek('decidedOn', page.after, 'desc')] },
    orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('decidedOn')),
    totalCount: () => db.prisma.environmentalPenalty.count({ where }),
  };
}
