import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import type { SubjectFacts } from '../model/inputs.ts';
import { resolveCreditEvaluation } from '../model/resolve.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // No subject rows here: a reference is its key plus the departments' facts the gateway passed (@requires).
  __resolveReference: (ref) => ref,
  creditEvaluation: (subject, _args, ctx) => resolveCreditEvaluation(subject as unknown as SubjectFacts, ctx),
};
