import type { DashboardResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';

export const Dashboard: DashboardResolvers<Context> = {
  definition: (d) => JSON.stringify(d.definition),
  updatedAt: (d) => d.updated_at,
  updatedBy: (d) => d.updated_by,
};
