import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import {
  applyForAbnormalRemoval,
  listAbnormalOperation,
  listSeriousIllegal,
  markAbnormalStatus,
  refuseAbnormalRemoval,
  registerMarketSubject,
  removeAbnormalOperation,
  removeSeriousIllegal,
  restoreNormalStatus,
  revokeAbnormalOperation,
} from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the market department only).
export const Mutation: MutationResolvers = {
  registerMarketSubject: (_root, { input }, ctx) => registerMarketSubject(ctx, input),
  listAbnormalOperation: (_root, { input }, ctx) => listAbnormalOperation(ctx, input),
  markAbnormalStatus: (_root, { input }, ctx) => markAbnormalStatus(ctx, input),
  applyForAbnormalRemoval: (_root, { id, appliedOn, curedOn }, ctx) =>
    applyForAbnormalRemoval(ctx, id, appliedOn, curedOn),
  refuseAbnormalRemoval: (_root, { id, reason }, ctx) => refuseAbnormalRemoval(ctx, id, reason),
  removeAbnormalOperation: (_root, { id, reason, removalAuthority }, ctx) =>
    removeAbnormalOperation(ctx, id, reason, removalAuthority),
  restoreNormalStatus: (_root, { id, reason, removalAuthority }, ctx) =>
    restoreNormalStatus(ctx, id, reason, removalAuthority),
  revokeAbnormalOperation: (_root, { id, reason, removalAuthority, objectionFiledOn }, ctx) =>
    revokeAbnormalOperation(ctx, id, reason, removalAuthority, objectionFiledOn),
  listSeriousIllegal: (_root, { input }, ctx) => listSeriousIllegal(ctx, input),
  removeSeriousIllegal: (_root, { id, input }, ctx) => removeSeriousIllegal(ctx, id, input),
};
