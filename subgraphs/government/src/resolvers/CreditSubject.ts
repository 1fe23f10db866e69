import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { evaluationSubjectFields } from '../integrity-evaluation/resolvers/CreditSubject.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // No subject rows here: a reference is its own key plus the court's status the gateway passed (no SQL).
  __resolveReference: (ref) => ({ code: ref.code, isDishonestDebtor: ref.isDishonestDebtor }),
  arrearsOwed: async (s, _args, { loaders }) => (await loaders.arrearsBySubject.load(s.code)).owed,
  arrearsOwedToSubject: async (s, _args, { loaders }) => (await loaders.arrearsBySubject.load(s.code)).owedTo,
  commitments: (s, _args, { loaders }) => loaders.commitmentsByBody.load(s.code),
  complaints: (s, _args, { loaders }) => loaders.complaintsByBody.load(s.code),
  ...evaluationSubjectFields,
};
