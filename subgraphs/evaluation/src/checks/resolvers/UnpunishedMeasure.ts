import type { UnpunishedMeasureResolvers } from '../../__generated__/resolvers-types.ts';

export const UnpunishedMeasure: UnpunishedMeasureResolvers = {
  subject: (u) => ({ code: u.subjectCode }),
};
