import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { importJob, importJobs } from '../reads.ts';

/** The bulk-import fields of Query, spread into the subgraph's Query (resolvers/Query.ts). */
export const ImportQuery: Pick<QueryResolvers, 'importJob' | 'importJobs'> = {
  importJob: (_root, { id }, { db, identity }) => importJob(db, identity, id),
  importJobs: (_root, args, { db, identity }) => importJobs(db, identity, args),
};
