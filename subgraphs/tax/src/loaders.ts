import { manyByKey, oneByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { PersonRow, RatingRow, ViolationRow } from './mappers.ts';

const RATING = { model: 'TaxCreditRating', schema: 'tax' } as const;
const VIOLATION = { model: 'MajorTaxViolation', schema: 'tax' } as const;
const PERSON = { model: 'TaxResponsiblePerson', schema: 'tax' } as const;

export function createLoaders(db: Db) {
  return {
    /** All years of ratings per subject, newest first: one statement for a whole page of subjects. */
    ratingsBySubject: manyByKey<string, RatingRow>(
      (codes) => rowsByKeys(db, RATING, 'subjectCode', codes, [['year', 'desc']]),
      (row) => row.subjectCode,
    ),
    violationsBySubject: manyByKey<string, ViolationRow>(
      (codes) =>
        rowsByKeys(db, VIOLATION, 'subjectCode', codes, [
          ['publishedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** Further responsible persons per entry, in the order given: one statement for a whole page of entries. */
    personsByViolation: manyByKey<bigint, PersonRow>(
      (ids) => rowsByKeys(db, PERSON, 'violationId', ids, [['id', 'asc']]),
      (row) => row.violationId,
    ),
    violation: oneByKey<bigint, ViolationRow>(
      (ids) => rowsByKeys(db, VIOLATION, 'id', ids),
      (row) => row.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
