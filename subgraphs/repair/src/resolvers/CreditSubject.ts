import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import type { RecordKind } from '../rules.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The subgraph holds no subject rows: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  recordMarks: async (s, _args, { loaders }) =>
    (await loaders.factsBySubject.load(s.code)).map((f) => ({ kind: f.recordKind as RecordKind, id: f.recordId })),
};
