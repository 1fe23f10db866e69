import { manyByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { PenaltyRow, PermitRow, RatingRow } from './mappers.ts';

/** Per-request loaders: each is one `WHERE subject_code IN (...)` statement for a whole page of subjects. */
export function createLoaders(db: Db) {
  return {
    /** Every year's rating per subject, newest year first (the first is the latest rating). */
    ratingsBySubject: manyByKey<string, RatingRow>(
      (codes) =>
        rowsByKeys(db, { model: 'EnvironmentalRating', schema: 'environment' }, 'subjectCode', codes, [
          ['year', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** 环境行政处罚 per subject, newest decision first. */
    penaltiesBySubject: manyByKey<string, PenaltyRow>(
      (codes) =>
        rowsByKeys(db, { model: 'EnvironmentalPenalty', schema: 'environment' }, 'subjectCode', codes, [
          ['decidedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** 排污许可证 per subject, latest validity first. */
    permitsBySubject: manyByKey<string, PermitRow>(
      (codes) =>
        rowsByKeys(db, { model: 'DischargePermit', schema: 'environment' }, 'subjectCode', codes, [
          ['validFrom', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
