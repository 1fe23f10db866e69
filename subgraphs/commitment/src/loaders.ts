import { manyByKey, oneByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { CreditCommitmentMapper } from './mappers.ts';
import { commitmentsById, commitmentsOfSubjects } from './reads.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): one statement per batch, whatever the
 * number of subjects in the request.
 */
export function createLoaders(db: Db) {
  return {
    /** Every commitment per subject, newest first: one statement for a whole page of subjects. */
    commitmentsBySubject: manyByKey<string, CreditCommitmentMapper>(
      (codes) => commitmentsOfSubjects(db, codes),
      (row) => row.subjectCode,
    ),
    commitmentById: oneByKey<string, CreditCommitmentMapper>(
      (ids) => commitmentsById(db, ids),
      (row) => row.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
