import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { createCase, move } from '../writes.ts';

/** Thin: every move goes through writes.ts `move` (the state table of rules.ts). */
export const Mutation: MutationResolvers = {
  createRepairApplication: (_p, { input }, ctx) => createCase(ctx, { ...input, kind: 'REPAIR' }),
  createObjection: (_p, { input }, ctx) => createCase(ctx, { ...input, kind: 'OBJECTION' }),
  submitRepairCase: (_p, { id }, ctx) => move(ctx, id, 'SUBMIT'),
  resubmitRepairCase: (_p, { id }, ctx) => move(ctx, id, 'RESUBMIT'),
  withdrawRepairCase: (_p, { id }, ctx) => move(ctx, id, 'WITHDRAW'),
  forwardRepairCase: (_p, { id }, ctx) => move(ctx, id, 'FORWARD'),
  returnRepairCase: (_p, { id, reason }, ctx) => move(ctx, id, 'RETURN', { reason }),
  refuseRepairCase: (_p, { id, reason }, ctx) => move(ctx, id, 'REFUSE', { reason }),
  acceptRepairCase: (_p, { id }, ctx) => move(ctx, id, 'ACCEPT'),
  extendRepairCase: (_p, { id, reason, workingDays }, ctx) => move(ctx, id, 'EXTEND', { reason, workingDays }),
  approveRepairCase: (_p, { id, basis }, ctx) => move(ctx, id, 'APPROVE', { reason: basis }),
  denyRepairCase: (_p, { id, reason, reapplyFrom }, ctx) => move(ctx, id, 'DENY', { reason, reapplyFrom }),
  correctObjection: (_p, { id, reason }, ctx) => move(ctx, id, 'CORRECT', { reason }),
  upholdObjection: (_p, { id, reason }, ctx) => move(ctx, id, 'UPHOLD', { reason }),
};
