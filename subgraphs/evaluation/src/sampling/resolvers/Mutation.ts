import type { MutationResolvers } from '../../__generated__/resolvers-types.ts';
import { drawInspectionSample, recordEvaluationRefresh } from '../writes.ts';

export const samplingMutations: Pick<MutationResolvers, 'drawInspectionSample' | 'recordEvaluationRefresh'> = {
  drawInspectionSample: (_p, args, ctx) => drawInspectionSample(ctx, args),
  recordEvaluationRefresh: (_p, args, ctx) => recordEvaluationRefresh(ctx, args),
};
