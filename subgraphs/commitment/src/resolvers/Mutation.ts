import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { checkCreditCommitment, recordCreditCommitment } from '../writes.ts';

export const Mutation: MutationResolvers = {
  recordCreditCommitment: (_root, { input }, ctx) => recordCreditCommitment(ctx, input),
  checkCreditCommitment: (_root, { input }, ctx) => checkCreditCommitment(ctx, input),
};
