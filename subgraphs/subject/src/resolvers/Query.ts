import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkSubjectCode } from '../codes.ts';
import { searchSubjects } from '../search.ts';

export const Query: QueryResolvers = {
  subject: (_root, { code }, { loaders }) => loaders.subject.load(checkSubjectCode(code)),
  searchSubjects: (_root, args, { db }) => searchSubjects(db, args),
  regions: async (_root, { parentCode }, { db }) => {
    const rows = await db.prisma.region.findMany({
      where: parentCode ? { parentCode } : { level: 1 },
      orderBy: { code: 'asc' },
    });
    return rows.map((r) => ({ code: r.code, name: r.name, fullName: r.name, level: r.level }));
  },
};
