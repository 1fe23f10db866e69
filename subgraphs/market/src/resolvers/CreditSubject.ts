import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { abnormalSubjectFields } from '../abnormal/resolvers/CreditSubject.ts';
import { seriousSubjectFields } from '../serious/resolvers/CreditSubject.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // Market supervision holds no rows of the subject register: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  registration: (s, _args, { loaders }) => loaders.registrationBySubject.load(s.code),
  annualReports: (s, _args, { loaders }) => loaders.annualReportsBySubject.load(s.code),
  ...abnormalSubjectFields,
  ...seriousSubjectFields,
};
