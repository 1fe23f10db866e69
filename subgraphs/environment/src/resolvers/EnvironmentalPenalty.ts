import type { EnvironmentalPenaltyResolvers } from '../__generated__/resolvers-types.ts';
import { isPenaltyPublished, penaltyPublicityBasis, penaltyPublicityEnd } from '../rules.ts';

export const EnvironmentalPenalty: EnvironmentalPenaltyResolvers = {
  id: (p) => p.id.toString(),
  subject: (p) => ({ code: p.subjectCode }),
  fine: (p) => p.fine.toNumber(),
  publicityEndsOn: (p) => penaltyPublicityEnd(p.decidedOn),
  publicityBasis: (p) => penaltyPublicityBasis(p.decidedOn),
  isPublished: (p, _args, { loaders }) => isPenaltyPublished(p.decidedOn, loaders.today),
};
