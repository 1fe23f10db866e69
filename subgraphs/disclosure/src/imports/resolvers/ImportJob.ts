import type { ImportJobResolvers } from '../../__generated__/resolvers-types.ts';

export const ImportJob: ImportJobResolvers = {
  progress: (job) => (job.rowsTotal ? job.rowsDone / job.rowsTotal : job.rowsTotal === 0 ? 1 : null),
  reconciled: (job) => job.received === job.accepted + job.updated + job.quarantined,
};
