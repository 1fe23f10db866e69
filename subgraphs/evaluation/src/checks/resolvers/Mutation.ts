import type { MutationResolvers } from '../../__generated__/resolvers-types.ts';
import { reportBusinessDecisions, reportCheckFeedback } from '../writes.ts';

export const checkMutations: Pick<MutationResolvers, 'reportCheckFeedback' | 'reportBusinessDecisions'> = {
  reportCheckFeedback: (_root, args, ctx) => reportCheckFeedback(ctx, args),
  reportBusinessDecisions: (_root, args, ctx) => reportBusinessDecisions(ctx, args),
};
