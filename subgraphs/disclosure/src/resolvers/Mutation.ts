import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { declare, registerAuthority, repair, resubmit, submitRows, type SubmissionOutcome } from '../writes.ts';

const result = (o: SubmissionOutcome) => ({ ...o, rejected: o.reasons });

export const Mutation: MutationResolvers = {
  submitPenalties: async (_root, args, ctx) => result(await submitRows(ctx, 'CF', args.rows)),
  submitLicences: async (_root, args, ctx) => result(await submitRows(ctx, 'XK', args.rows)),
  resubmitQuarantined: async (_root, args, ctx) => result(await resubmit(ctx, args.id, args.penalty, args.licence)),
  declareDecisions: (_root, args, ctx) => declare(ctx, args.decisions),
  repairPenalty: (_root, args, ctx) => repair(ctx, args.id, args.repairedOn, args.reason, args.appliedOn),
  registerAuthority: (_root, args, ctx) => registerAuthority(ctx, args.input),
};
