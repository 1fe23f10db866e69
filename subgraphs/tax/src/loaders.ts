import { manyByKey, oneByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { RatingRow, ViolationRow } from './model.ts';

export function createLoaders(db: Db) {
  return {
    /** All years of ratings per subject, newest first: one statement for a whole page of subjects. */
    ratingsBySubject: manyByKey<string, RatingRow>(
      (codes) =>
        db.prisma.taxCreditRating.findMany({
          where: { subjectCode: { in: [...codes] } },
          orderBy: [{ subjectCode: 'asc' }, { year: 'desc' }],
        }),
      (row) => row.subjectCode,
    ),
    violationsBySubject: manyByKey<string, ViolationRow>(
      (codes) =>
        db.prisma.majorTaxViolation.findMany({
          where: { subjectCode: { in: [...codes] } },
          orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }],
        }),
      (row) => row.subjectCode,
    ),
    violation: oneByKey<bigint, ViolationRow>(
      (ids) => db.prisma.majorTaxViolation.findMany({ where: { id: { in: [...ids] } } }),
      (row) => row.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
