import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { checkSubjectFields } from '../checks/resolvers/CreditSubject.ts';
import { scoringSubjectFields } from '../scoring/resolvers/CreditSubject.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // No subject rows here: a reference is its key plus the departments' facts the gateway passed (@requires).
  __resolveReference: (ref) => ref,
  ...scoringSubjectFields,
  ...checkSubjectFields,
};
