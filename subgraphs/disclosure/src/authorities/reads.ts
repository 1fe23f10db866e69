/** Reading the authority register. */
import type { Db } from '@credit-hub/kit/db';
import type { QueryAuthoritiesArgs } from '../__generated__/types.ts';

/** The register, optionally of one department, by region then code. */
export const listAuthorities = (db: Db, args: QueryAuthoritiesArgs) =>
  db.prisma.authority.findMany({
    where: args.department ? { department: args.department } : {},
    orderBy: [{ regionCode: 'asc' }, { code: 'asc' }],
  });
