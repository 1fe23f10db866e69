import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';

// Placeholder until the intake lands: the contract other subgraphs rely on, answered with no records.
export const CreditSubject: CreditSubjectResolvers = {
  __resolveReference: (ref) => ({ code: ref.code }),
  publishedPenaltyCount: () => 0,
  severePenaltyCount: () => 0,
  isHighFrequencyOffender: () => false,
};
