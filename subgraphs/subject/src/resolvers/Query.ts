import { badInput, checkSubjectCode, forbidden } from '@credit-hub/kit';
import { validateIdNumber } from '@credit-hub/kit/codes';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { describeRegion, reference } from '../reference.ts';
import { searchSubjects } from '../search.ts';

export const Query: QueryResolvers = {
  subject: (_root, { code }, { loaders }) => loaders.subject.load(checkSubjectCode(code, 'code')),
  searchSubjects: (_root, args, { db }) => searchSubjects(db, args),
  subjectByIdNumber: async (_root, { idNumber }, { identity, db, loaders, audit }) => {
    // 个人信息保护法: a person is looked up by ID number only for a stated business purpose, and audited.
    if (!identity.purpose) {
      throw forbidden('Looking a person up by ID number requires a stated purpose (x-purpose header)', {
        reason: 'PURPOSE_REQUIRED',
      });
    }
    const checked = validateIdNumber(idNumber);
    if (!checked.valid) throw badInput('idNumber', checked.reason, `\`idNumber\`: ${checked.message}`);
    const row = await db.prisma.personIdentity.findUnique({
      where: { idNumber: checked.idNumber },
      select: { code: true },
    });
    audit.record('LOOKUP', row?.code ?? null, 'Query.subjectByIdNumber');
    return row ? loaders.subject.load(row.code) : null;
  },
  regions: async (_root, { parentCode }, { db }) => {
    const ref = await reference(db);
    return [...ref.regions.values()]
      .filter((r) => (parentCode ? r.parentCode === parentCode : r.level === 1))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => describeRegion(ref, r.code));
  },
};
