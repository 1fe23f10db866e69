import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkSubjectCode } from '../codes.ts';
import { describeRegion, reference } from '../reference.ts';
import { searchSubjects } from '../search.ts';

export const Query: QueryResolvers = {
  subject: (_root, { code }, { loaders }) => loaders.subject.load(checkSubjectCode(code)),
  searchSubjects: (_root, args, { db }) => searchSubjects(db, args),
  regions: async (_root, { parentCode }, { db }) => {
    const ref = await reference(db);
    return [...ref.regions.values()]
      .filter((r) => (parentCode ? r.parentCode === parentCode : r.level === 1))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => describeRegion(ref, r.code));
  },
};
