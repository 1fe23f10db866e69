import { badInput, clock, requireLevel, toIsoDate } from '@credit-hub/kit';
import type { Context } from '../context.ts';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listAuthorities } from '../authorities/reads.ts';
import { ImportQuery } from '../imports/resolvers/Query.ts';
import { decisionFacts } from '../quality/reads.ts';
import { aggregate, lateIssues, nonCompliantIssues, rank } from '../quality/rules.ts';
import {
  findSubmission,
  listHighFrequencyOffenders,
  listLicences,
  listPenalties,
  quarantinePage,
  scopeDepartment,
} from '../reads.ts';

const today = () => toIsoDate(clock.today())!;

/** Records past publicity are for government users only (SHARED), audited like any non-public read. */
function visibleOn(ctx: Context, includeExpired: boolean | null | undefined, what: string): string | null {
  if (!includeExpired) return today();
  requireLevel(ctx, 'SHARED', `${what}(includeExpired: true)`);
  return null;
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
  authorities: (_root, args, { db }) => listAuthorities(db, args),
  quarantine: (_root, args, ctx) => quarantinePage(ctx.db, scopeDepartment(ctx.identity, args.department), args),
  submission: async (_root, args, ctx) => {
    const row = await findSubmission(ctx.db, args.id);
    if (!row) return null;
    scopeDepartment(ctx.identity, row.department);
    return row;
  },
  disclosureQuality: async (_root, args, ctx) => {
    const department = scopeDepartment(ctx.identity, args.department);
    const [from, to] = range(args.from, args.to);
    return aggregate(await decisionFacts(ctx.db, from, to, department), args.period);
  },
  disclosureRanking: async (_root, args, ctx) => {
    const [from, to] = range(args.from, args.to);
    return rank(await decisionFacts(ctx.db, from, to, null));
  },
  lateDisclosures: async (_root, args, ctx) => {
    const department = scopeDepartment(ctx.identity, args.department);
    const [from, to] = range(args.from, args.to);
    return lateIssues(await decisionFacts(ctx.db, from, to, department), today()).slice(0, limit(args.first));
  },
  nonCompliantDisclosures: async (_root, args, ctx) => {
    const department = scopeDepartment(ctx.identity, args.department);
    const [from, to] = range(args.from, args.to);
    return nonCompliantIssues(await decisionFacts(ctx.db, from, to, department), today()).slice(0, limit(args.first));
  },
  highFrequencyOffenders: (_root, args, { db }) => listHighFrequencyOffenders(db, args, today()),
  ...ImportQuery,
};
