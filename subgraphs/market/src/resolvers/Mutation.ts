import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import {
  listAbnormalOperation,
  listSeriousIllegal,
  recordAbnormalCure,
  registerMarketSubject,
  removeAbnormalOperation,
  removeSeriousIllegal,
} from '../writes.ts';

// Who may call these is declared in schema.graphql (@access DEPARTMENT: the market department only).
export const Mutation: MutationResolvers = {
  registerMarketSubject: (_root, { input }, ctx) => registerMarketSubject(ctx, input),
  listAbnormalOperation: (_root, { input }, ctx) => listAbnormalOperation(ctx, input),
  recordAbnormalCure: (_root, { id, curedOn }, ctx) => recordAbnormalCure(ctx, id, curedOn),
  removeAbnormalOperation: (_root, { id, reason, removalAuthority }, ctx) =>
    removeAbnormalOperation(ctx, id, reason, removalAuthority),
  listSeriousIllegal: (_root, { input }, ctx) => listSeriousIllegal(ctx, input),
  removeSeriousIllegal: (_root, { id, basis }, ctx) => removeSeriousIllegal(ctx, id, basis),
};
