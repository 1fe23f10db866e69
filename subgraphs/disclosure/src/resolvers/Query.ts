import { badInput, clock, forbidden, readPage, requireLevel, toConnection, toIsoDate } from '@credit-hub/kit';
import type { Context } from '../context.ts';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listHighFrequencyOffenders, listLicences, listPenalties } from '../lists.ts';
import { aggregate, decisionFacts, lateIssues, nonCompliantIssues, rank } from '../metrics.ts';

const today = () => toIsoDate(clock.today())!;

/** Records past publicity are for government users only (SHARED), audited like any non-public read. */
function visibleOn(ctx: Context, includeExpired: boolean | null | undefined, what: string): string | null {
  if (!includeExpired) return today();
  requireLevel(ctx, 'SHARED', `${what}(includeExpired: true)`);
  return null;
}

/**
 * The department a department-scoped read covers: supervisors any (or all, when omitted); officers and systems
 * only their own.
 */
export function scopeDepartment(ctx: Context, requested: string | null | undefined): string | null {
  const who = ctx.identity;
  if (who.role === 'SUPERVISOR') return requested ?? null;
  if (!who.department) throw forbidden('Only department officers, systems and supervisors may read this');
  if (requested && requested !== who.department)
    throw forbidden(`department ${who.department} may read only its own 双公示 data, not ${requested}`, {
      field: 'department',
    });
  return who.department;
}

function range(from: Date, to: Date) {
  const a = toIsoDate(from)!;
  const b = toIsoDate(to)!;
  if (a > b) throw badInput('to', 'ORDER', '`to` must not be before `from`');
  // A year of daily facts is the most one call aggregates; longer spans are quarters of separate calls.
  if (Date.parse(b) - Date.parse(a) > 3 * 366 * 86_400_000)
    throw badInput('to', 'RANGE', 'the range from `from` to `to` may span at most 3 years');
  return [a, b] as const;
}

const limit = (first: number | null | undefined) => {
  const n = first ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > 500) throw badInput('first', 'RANGE', '`first` must be between 1 and 500');
  return n;
};

export const Query: QueryResolvers = {
  penalties: (_root, args, ctx) =>
    listPenalties(ctx.db, args, { publishedOn: visibleOn(ctx, args.includeExpired, 'penalties') }),
  licences: (_root, args, ctx) =>
    listLicences(ctx.db, args, { publicOn: visibleOn(ctx, args.includeExpired, 'licences') }),
  authorities: (_root, args, { db }) =>
    db.prisma.authority.findMany({
      where: args.department ? { department: args.department } : {},
      orderBy: [{ regionCode: 'asc' }, { code: 'asc' }],
    }),
  quarantine: async (_root, args, ctx) => {
    const department = scopeDepartment(ctx, args.department);
    const page = readPage(args, (v): v is string => typeof v === 'string' && /^\d{1,18}$/.test(v));
    const rows = await ctx.db.prisma.quarantine.findMany({
      where: {
        ...(department ? { department } : {}),
        ...(args.status ? { status: args.status } : {}),
        ...(page.after ? { id: { lt: BigInt(page.after) } } : {}),
      },
      orderBy: { id: 'desc' },
      take: page.limit,
    });
    return toConnection(rows, page, (r) => r.id.toString());
  },
  submission: async (_root, args, ctx) => {
    const row = await ctx.db.prisma.submission.findUnique({ where: { id: args.id } });
    if (!row) return null;
    scopeDepartment(ctx, row.department);
    return row;
  },
  disclosureQuality: async (_root, args, ctx) => {
    const department = scopeDepartment(ctx, args.department);
    const [from, to] = range(args.from, args.to);
    return aggregate(await decisionFacts(ctx.db, from, to, department), args.period);
  },
  disclosureRanking: async (_root, args, ctx) => {
    const [from, to] = range(args.from, args.to);
    return rank(await decisionFacts(ctx.db, from, to, null));
  },
  lateDisclosures: async (_root, args, ctx) => {
    const department = scopeDepartment(ctx, args.department);
    const [from, to] = range(args.from, args.to);
    return lateIssues(await decisionFacts(ctx.db, from, to, department), today()).slice(0, limit(args.first));
  },
  nonCompliantDisclosures: async (_root, args, ctx) => {
    const department = scopeDepartment(ctx, args.department);
    const [from, to] = range(args.from, args.to);
    return nonCompliantIssues(await decisionFacts(ctx.db, from, to, department), today()).slice(0, limit(args.first));
  },
  highFrequencyOffenders: (_root, args, { db }) => listHighFrequencyOffenders(db, args, today()),
};
