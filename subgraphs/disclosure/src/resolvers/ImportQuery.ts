import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { importJob, importJobs } from '../imports/queries.ts';

/** The bulk-import fields of Query, merged into the subgraph's Query map in index.ts. */
export const ImportQuery: Pick<QueryResolvers, 'importJob' | 'importJobs'> = {
  importJob: (_root, { id }, { db, identity }) => importJob(db, identity, id),
  importJobs: (_root, args, { db, identity }) => importJobs(db, identity, args),
};
