import { forbidden, readPage, requireLevel } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { catalogueTypes } from '../events.ts';
import { outstandingLifts, pushMetrics, subscriptionById, subscriptions } from '../reads.ts';
import { checkUuid } from '../rules.ts';

// Who may call each field is declared in schema.graphql (@access).
export const Query: QueryResolvers = {
  pushSubscriptions: (_root, args, { db }) => subscriptions(db, args),
  pushSubscription: (_root, { id }, { db }) => subscriptionById(db, checkUuid(id, 'id', 'a subscription')),
  pushEventTypes: () => catalogueTypes().map((name) => ({ name })),
  pushMetrics: (_root, args, { db, config }) => pushMetrics(db, args, config.syncSlaSeconds),
  outstandingMeasureLifts: (_root, args, ctx) => {
    const { first } = readPage({ first: args.first }, (_v): _v is never => false);
    // An officer or system sees its own department's requests; a supervisor any department's.
    const own = ctx.identity.role === 'OFFICER' || ctx.identity.role === 'SYSTEM' ? ctx.identity.department : null;
    if (own && args.department && args.department !== own)
      throw forbidden("another department's measure-lift requests are for supervisors", { field: 'department' });
    if (!own) requireLevel(ctx, 'SUPERVISOR', "all departments' measure-lift requests");
    return outstandingLifts(ctx.db, own ?? args.department ?? null, first);
  },
};
