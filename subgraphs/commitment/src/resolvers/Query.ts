import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkCommitmentId } from '../writes.ts';

export const Query: QueryResolvers = {
  creditCommitment: (_root, { id }, { loaders }) => loaders.commitmentById.load(checkCommitmentId(id)),
};
