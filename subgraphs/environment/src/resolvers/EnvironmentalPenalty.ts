import type { EnvironmentalPenaltyResolvers } from '../__generated__/resolvers-types.ts';

export const EnvironmentalPenalty: EnvironmentalPenaltyResolvers = {
  id: (p) => p.id.toString(),
  subject: (p) => ({ code: p.subjectCode }),
  fine: (p) => p.fine.toNumber(),
};
