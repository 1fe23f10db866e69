import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import {
  recordArrears,
  recordArrearsPayment,
  recordCommitment,
  recordCommitmentFulfilment,
  recordComplaint,
  recordComplaintOutcome,
} from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the 政务诚信 office only).
export const Mutation: MutationResolvers = {
  recordArrears: (_root, { input }, ctx) => recordArrears(ctx, input),
  recordArrearsPayment: (_root, args, ctx) => recordArrearsPayment(ctx, args),
  recordCommitment: (_root, { input }, ctx) => recordCommitment(ctx, input),
  recordCommitmentFulfilment: (_root, args, ctx) => recordCommitmentFulfilment(ctx, args),
  recordComplaint: (_root, { input }, ctx) => recordComplaint(ctx, input),
  recordComplaintOutcome: (_root, args, ctx) => recordComplaintOutcome(ctx, args),
};
