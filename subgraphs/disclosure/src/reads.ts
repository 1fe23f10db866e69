/**
 * The reads: the record lists (keyset paging, newest decision first), the high-frequency offenders, the quarantine
 * and submissions (department-scoped), and the scope rule of department-scoped reads.
 */
import {
  badInput,
  forbidden,
  isDateIdCursor,
  readPage,
  toConnection,
  toIsoDate,
  z,
  type Identity,
} from '@credit-hub/kit';
import type { Db, Prisma } from '@credit-hub/kit/db';
import type {
  QueryHighFrequencyOffendersArgs,
  QueryLicencesArgs,
  QueryPenaltiesArgs,
  QueryQuarantineArgs,
} from './__generated__/types.ts';
import { withKind, type LicenceConnection, type OffenderRow, type PenaltyConnection } from './mappers.ts';
import { HIGH_FREQUENCY_THRESHOLD, highFrequencySince } from './rules.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => toIsoDate(d)!;

/** The filters and page of `penalties` and `licences` (the two take the same arguments). */
export type RecordListArgs = Omit<QueryPenaltiesArgs | QueryLicencesArgs, 'includeExpired'>;

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

/** Where a penalty is published on `today` (same rule as rules.ts isPenaltyPublished). */
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
  const filter: Prisma.PenaltyWhereInput = {
    AND: [commonWhere(args), options.publishedOn ? publishedPenalty(options.publishedOn) : {}],
  };
  const rows = await db.prisma.penalty.findMany({
    where: { AND: [filter, seekAfter(page.after)] },
    orderBy: newestFirst,
    take: page.limit,
  });
  // The total counts every match, not what is left after the cursor: the same number on every page.
  return {
    ...toConnection(rows.map(withKind), page, keyOf),
    totalCount: () => db.prisma.penalty.count({ where: filter }),
  };
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
  const filter: Prisma.LicenceWhereInput = { AND: [commonWhere(args), visible] };
  const rows = await db.prisma.licence.findMany({
    where: { AND: [filter, seekAfter(page.after)] },
    orderBy: newestFirst,
    take: page.limit,
  });
  return {
    ...toConnection(rows.map(withKind), page, keyOf),
    totalCount: () => db.prisma.licence.count({ where: filter }),
  };
}

const isOffenderCursor = (v: unknown): v is [number, string] =>
  Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && typeof v[1] === 'string' && v[1].length <= 22;

/**
 * 高频失信主体: subjects with at least HIGH_FREQUENCY_THRESHOLD penalties decided within the window that are
 * published today; most penalties first, then by code. One statement per page.
 */
export async function listHighFrequencyOffenders(db: Db, args: QueryHighFrequencyOffendersArgs, today: string) {
  const page = readPage(args, isOffenderCursor);
  const since = highFrequencySince(today);
  const [afterCount, afterCode] = page.after ?? [null, null];
  const rows = await db.prisma.$queryRawUnsafe<unknown[]>(
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
  return toConnection<OffenderRow, [number, string]>(offenderRows.parse(rows), page, (r) => [
    r.penaltyCount,
    r.subjectCode,
  ]);
}

const offenderRows = z.array(
  z.object({
    subjectCode: z.string(),
    penaltyCount: z.number().int(),
    severeCount: z.number().int(),
    latestDecidedOn: z.date(),
  }),
);

/**
 * The department a department-scoped read covers: supervisors any (or all, when omitted); officers and systems
 * only their own.
 */
export function scopeDepartment(who: Identity, requested: string | null | undefined): string | null {
  if (who.role === 'SUPERVISOR') return requested ?? null;
  if (!who.department) throw forbidden('Only department officers, systems and supervisors may read this');
  if (requested && requested !== who.department)
    throw forbidden(`department ${who.department} may read only its own 双公示 data, not ${requested}`, {
      field: 'department',
    });
  return who.department;
}

/** The quarantine of a department (or every department's, for a supervisor), newest entry first. */
export async function quarantinePage(db: Db, department: string | null, args: QueryQuarantineArgs) {
  const page = readPage(args, (v): v is string => typeof v === 'string' && /^\d{1,18}$/.test(v));
  const rows = await db.prisma.quarantine.findMany({
    where: {
      ...(department ? { department } : {}),
      ...(args.status ? { status: args.status } : {}),
      ...(page.after ? { id: { lt: BigInt(page.after) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: page.limit,
  });
  return toConnection(rows, page, (r) => r.id.toString());
}

export const findSubmission = (db: Db, id: string) => db.prisma.submission.findUnique({ where: { id } });
