import type { MutationResolvers } from '../../__generated__/resolvers-types.ts';
import { activateEvaluationModel, createEvaluationModelVersion } from '../writes.ts';

export const modelMutations: Pick<MutationResolvers, 'createEvaluationModelVersion' | 'activateEvaluationModel'> = {
  createEvaluationModelVersion: (_p, args, ctx) => createEvaluationModelVersion(ctx, args),
  activateEvaluationModel: (_p, args, ctx) => activateEvaluationModel(ctx, args),
};
