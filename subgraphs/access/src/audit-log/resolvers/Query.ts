import { checkSubjectCode } from '@credit-hub/kit';
import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { auditLog } from '../reads.ts';

/** The audit trail's part of Query (who may call it is declared in schema.graphql: supervisors). */
export const auditLogQuery: Pick<QueryResolvers, 'auditLog'> = {
  auditLog: async (_root, args, { db, audit }) => {
    // Checked before it is recorded: an arbitrary string is not a subject the trail can name.
    const subjectCode = args.subjectCode ? checkSubjectCode(args.subjectCode, 'subjectCode') : null;
    const page = await auditLog(db, { ...args, subjectCode });
    // Reading the trail is itself recorded: who looked at whose history. Recorded once the page is read, so a
    // refused request (a bad page size or cursor) leaves no entry; the kit writes it before the answer leaves.
    audit.record('READ', subjectCode, 'Query.auditLog');
    return page;
  },
};
