import { badInput, checkSubjectCode, forbidden } from '@credit-hub/kit';
import { validateIdNumber } from '@credit-hub/kit/codes';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { personCodeByIdNumber, searchSubjects, suggestSubjects } from '../reads.ts';
import { referenceQuery } from '../reference/resolvers/Query.ts';

export const Query: QueryResolvers = {
  subject: (_root, { code }, { loaders }) => loaders.subject.load(checkSubjectCode(code, 'code')),
  searchSubjects: (_root, args, { db }) => searchSubjects(db, args),
  suggestSubjects: (_root, { prefix, first }, { db }) => suggestSubjects(db, prefix, first),
  subjectByIdNumber: async (_root, { idNumber }, { identity, db, loaders, audit }) => {
    // 个人信息保护法: a person is looked up by ID number only for a stated business purpose, and audited.
    if (!identity.purpose) {
      throw forbidden('Looking a person up by ID number requires a stated purpose (x-purpose header)', {
        reason: 'PURPOSE_REQUIRED',
      });
    }
    const checked = validateIdNumber(idNumber);
    if (!checked.valid) throw badInput('idNumber', checked.reason, `\`idNumber\`: ${checked.message}`);
    const code = await personCodeByIdNumber(db, checked.idNumber);
    audit.record('LOOKUP', code, 'Query.subjectByIdNumber');
    return code ? loaders.subject.load(code) : null;
  },
  ...referenceQuery,
};
