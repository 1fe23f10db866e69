import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The subgraph holds no subject rows: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  repairRecords: (s, _args, { loaders }) => loaders.recordsBySubject.load(s.code),
};
