import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { issuePermit, publishRating, recordPenalty } from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the environment department only).
export const Mutation: MutationResolvers = {
  publishEnvironmentalRating: (_root, { input }, ctx) => publishRating(ctx, input),
  recordEnvironmentalPenalty: (_root, { input }, ctx) => recordPenalty(ctx, input),
  issueDischargePermit: (_root, { input }, ctx) => issuePermit(ctx, input),
};
