import { clock, manyByKey, oneByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { MajorTaxViolationMapper, TaxCreditRatingMapper, TaxResponsiblePersonMapper } from './mappers.ts';

const RATING = { model: 'TaxCreditRating', schema: 'tax' } as const;
const VIOLATION = { model: 'MajorTaxViolation', schema: 'tax' } as const;
const PERSON = { model: 'TaxResponsiblePerson', schema: 'tax' } as const;

/**
 * Every DataLoader of one request (built fresh per request by the kit): one statement per batch, whatever the
 * number of subjects in the request.
 */
export function createLoaders(db: Db) {
  // One "today" per request: every field of a response answers as of the same China date, even when the request
  // runs across midnight (a rating's validity and an entry's publicity end on a day boundary).
  const today = clock.today();
  return {
    today,
    /** All years of ratings per subject, newest first: one statement for a whole page of subjects. */
    ratingsBySubject: manyByKey<string, TaxCreditRatingMapper>(
      (codes) => rowsByKeys(db, RATING, 'subjectCode', codes, [['year', 'desc']]),
      (row) => row.subjectCode,
    ),
    /** Black-list entries per subject, newest publication first, whatever their status. */
    violationsBySubject: manyByKey<string, MajorTaxViolationMapper>(
      (codes) =>
        rowsByKeys(db, VIOLATION, 'subjectCode', codes, [
          ['publishedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** Further responsible persons per entry, in the order given: one statement for a whole page of entries. */
    personsByViolation: manyByKey<bigint, TaxResponsiblePersonMapper>(
      (ids) => rowsByKeys(db, PERSON, 'violationId', ids, [['id', 'asc']]),
      (row) => row.violationId,
    ),
    /** One black-list entry by id. */
    violation: oneByKey<bigint, MajorTaxViolationMapper>(
      (ids) => rowsByKeys(db, VIOLATION, 'id', ids),
      (row) => row.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
