import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { registerAuthority } from '../authorities/writes.ts';
import { declare, repair, resubmit, submitRows, type SubmissionOutcome } from '../writes.ts';

const result = (o: SubmissionOutcome) => ({ ...o, rejected: o.reasons });

export const Mutation: MutationResolvers = {
  submitPenalties: async (_root, args, ctx) => result(await submitRows(ctx, 'CF', args.rows)),
  submitLicences: async (_root, args, ctx) => result(await submitRows(ctx, 'XK', args.rows)),
  resubmitQuarantined: async (_root, args, ctx) => result(await resubmit(ctx, args)),
  declareDecisions: (_root, args, ctx) => declare(ctx, args),
  repairPenalty: (_root, args, ctx) => repair(ctx, args),
  registerAuthority: (_root, args, ctx) => registerAuthority(ctx, args),
};
