import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { publishViolation, recordRating, removeViolation } from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the tax department only).
export const Mutation: MutationResolvers = {
  recordTaxCreditRating: (_root, { input }, ctx) => recordRating(ctx, input),
  publishMajorTaxViolation: (_root, { input }, ctx) => publishViolation(ctx, input),
  removeMajorTaxViolation: (_root, args, ctx) => removeViolation(ctx, args),
};
