import { manyByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { RepairRecordMapper } from './mappers.ts';
import { recordsOfSubjects } from './reads.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): one statement per batch, whatever the
 * number of subjects in the request.
 */
export function createLoaders(db: Db) {
  return {
    /** Every record per subject, newest decision first: one statement for a whole page of subjects. */
    recordsBySubject: manyByKey<string, RepairRecordMapper>(
      (codes) => recordsOfSubjects(db, codes),
      (row) => row.subjectCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
