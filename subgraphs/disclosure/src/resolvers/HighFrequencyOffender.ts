import type { HighFrequencyOffenderResolvers } from '../__generated__/resolvers-types.ts';

export const HighFrequencyOffender: HighFrequencyOffenderResolvers = {
  subject: (o) => ({ code: o.subjectCode }),
};
