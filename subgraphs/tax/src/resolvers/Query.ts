import { badInput, canRead, requireLevel } from '@credit-hub/kit';
import { isInForce } from '../rules.ts';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listCurrentALevel, listRatings, listViolations } from '../lists.ts';

function checkYear(year: number | null | undefined, field = 'year') {
  if (year !== null && year !== undefined && (year < 1990 || year > 2100)) {
    throw badInput(field, 'RANGE', `\`${field}\` must be a year between 1990 and 2100, got ${year}`);
  }
}

export const Query: QueryResolvers = {
  taxCreditRatings: (_root, args, { db }) => {
    checkYear(args.year);
    return listRatings(db, args);
  },
  aLevelTaxpayers: (_root, args, { db }) => {
    checkYear(args.year);
    // Without a year: today's A-level taxpayers, by the rating in force; with one: that year's list (history).
    if (args.year === null || args.year === undefined) return listCurrentALevel(db, args);
    return listRatings(db, { ...args, year: args.year, level: 'A' });
  },
  majorTaxViolations: (_root, args, ctx) => {
    checkYear(args.year);
    if (args.status && args.status !== 'PUBLISHED')
      requireLevel(ctx, 'SHARED', `majorTaxViolations(status: ${args.status})`);
    return listViolations(ctx.db, args);
  },
  majorTaxViolation: async (_root, { id }, ctx) => {
    if (!/^\d{1,18}$/.test(id))
      throw badInput('id', 'FORMAT', `\`id\` must be a numeric entry id, got ${JSON.stringify(id)}`);
    const entry = await ctx.loaders.violation.load(BigInt(id));
    // Entries that are no longer published are not public: the public learns nothing, not even that it existed.
    return entry && (isInForce(entry) || canRead(ctx.identity, 'SHARED', ctx.subgraph.department)) ? entry : null;
  },
};
