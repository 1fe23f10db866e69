import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { catalogueMutations } from '../catalogue/resolvers/Mutation.ts';
import { checkMutations } from '../checks/resolvers/Mutation.ts';
import { modelMutations } from '../models/resolvers/Mutation.ts';
import { samplingMutations } from '../sampling/resolvers/Mutation.ts';

export const Mutation: MutationResolvers = {
  ...modelMutations,
  ...samplingMutations,
  ...catalogueMutations,
  ...checkMutations,
};
