import { checkSubjectCode } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { auditLog } from '../audit-log.ts';

export const Query: QueryResolvers = {
  me: (_root, _args, { identity }) => ({ ...identity, scopes: identity.scopes.map((s) => s.toUpperCase() as 'READ') }),
  apiKeys: (_root, { department, includeRevoked }, { db }) =>
    db.prisma.apiKey.findMany({
      where: { ...(department ? { department } : {}), ...(includeRevoked ? {} : { revokedAt: null }) },
      orderBy: { createdAt: 'desc' },
    }),
  auditLog: (_root, args, { db, audit }) => {
    // Checked before it is recorded: an arbitrary string is not a subject the trail can name.
    const subjectCode = args.subjectCode ? checkSubjectCode(args.subjectCode, 'subjectCode') : null;
    // Reading the trail is itself recorded: who looked at whose history.
    audit.record('READ', subjectCode, 'Query.auditLog');
    return auditLog(db, { ...args, subjectCode });
  },
};
