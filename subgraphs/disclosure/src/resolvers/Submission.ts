import type { SubmissionResolvers } from '../__generated__/resolvers-types.ts';

export const Submission: SubmissionResolvers = {
  reconciled: (s) => s.received === s.accepted + s.updated + s.quarantined,
};
