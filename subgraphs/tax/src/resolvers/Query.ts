import { badInput, canRead, requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listCurrentALevel, listRatings, listViolations } from '../reads.ts';
import { checkYear, isInForce } from '../rules.ts';

export const Query: QueryResolvers = {
  taxCreditRatings: (_root, args, { db }) => {
    checkYear(args.year);
    return listRatings(db, args);
  },
  aLevelTaxpayers: (_root, args, { db, loaders }) => {
    checkYear(args.year);
    // Without a year: today's A-level taxpayers, by the rating in force; with one: that year's list (history).
    if (args.year === null || args.year === undefined) return listCurrentALevel(db, args, loaders.today);
    return listRatings(db, { ...args, year: args.year, level: 'A' });
  },
  majorTaxViolations: async (_root, args, ctx) => {
    checkYear(args.year);
    const offList = !!args.status && args.status !== 'PUBLISHED';
    if (offList) requireLevel(ctx, 'SHARED', `majorTaxViolations(status: ${args.status})`);
    const page = await listViolations(ctx.db, args, ctx.loaders.today);
    // Expired and removed entries are not public: each subject they concern is on the audit trail.
    if (offList)
      for (const v of page.nodes)
        ctx.audit.record('READ', v.subjectCode, `Query.majorTaxViolations(status: ${args.status})`);
    return page;
  },
  majorTaxViolation: async (_root, { id }, ctx) => {
    if (!/^\d{1,18}$/.test(id))
      throw badInput('id', 'FORMAT', `\`id\` must be a numeric entry id, got ${JSON.stringify(id)}`);
    const entry = await ctx.loaders.violation.load(BigInt(id));
    if (!entry || isInForce(entry, ctx.loaders.today)) return entry;
    // No longer published: the public learns nothing, not even that it existed; a government user's read is audited.
    if (!canRead(ctx.identity, 'SHARED', ctx.subgraph.department)) return null;
    ctx.audit.record('READ', entry.subjectCode, 'Query.majorTaxViolation(not published)');
    return entry;
  },
};
