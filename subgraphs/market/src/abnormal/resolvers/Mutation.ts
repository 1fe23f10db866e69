import type { MutationResolvers } from '../../__generated__/resolvers-types.ts';
import {
  applyForAbnormalRemoval,
  listAbnormalOperation,
  markAbnormalStatus,
  refuseAbnormalRemoval,
  removeAbnormalOperation,
  restoreNormalStatus,
  revokeAbnormalOperation,
} from '../writes.ts';

/** The 经营异常名录 mutations, spread into resolvers/Mutation.ts (who may call them: schema.graphql's @access). */
export const abnormalMutations: Pick<
  MutationResolvers,
  | 'listAbnormalOperation'
  | 'markAbnormalStatus'
  | 'applyForAbnormalRemoval'
  | 'refuseAbnormalRemoval'
  | 'removeAbnormalOperation'
  | 'restoreNormalStatus'
  | 'revokeAbnormalOperation'
> = {
  listAbnormalOperation: (_root, { input }, ctx) => listAbnormalOperation(ctx, input),
  markAbnormalStatus: (_root, { input }, ctx) => markAbnormalStatus(ctx, input),
  applyForAbnormalRemoval: (_root, args, ctx) => applyForAbnormalRemoval(ctx, args),
  refuseAbnormalRemoval: (_root, args, ctx) => refuseAbnormalRemoval(ctx, args),
  removeAbnormalOperation: (_root, args, ctx) => removeAbnormalOperation(ctx, args),
  restoreNormalStatus: (_root, args, ctx) => restoreNormalStatus(ctx, args),
  revokeAbnormalOperation: (_root, args, ctx) => revokeAbnormalOperation(ctx, args),
};
