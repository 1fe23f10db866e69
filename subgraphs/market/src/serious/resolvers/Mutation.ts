import type { MutationResolvers } from '../../__generated__/resolvers-types.ts';
import { listSeriousIllegal, removeSeriousIllegal } from '../writes.ts';

/** The 严重违法失信名单 mutations, spread into resolvers/Mutation.ts (who may call them: schema.graphql's @access). */
export const seriousMutations: Pick<MutationResolvers, 'listSeriousIllegal' | 'removeSeriousIllegal'> = {
  listSeriousIllegal: (_root, { input }, ctx) => listSeriousIllegal(ctx, input),
  removeSeriousIllegal: (_root, args, ctx) => removeSeriousIllegal(ctx, args),
};
