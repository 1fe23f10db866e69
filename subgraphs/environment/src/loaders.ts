import { clock, manyByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { DischargePermitMapper, EnvironmentalPenaltyMapper, EnvironmentalRatingMapper } from './mappers.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): each is one `WHERE subject_code = ANY($1)`
 * statement for a whole page of subjects.
 */
export function createLoaders(db: Db) {
  // One "today" per request: the rating in force, its flags and a permit's status all answer as of the same China
  // date, even when the request runs across midnight.
  const today = clock.today();
  return {
    today,
    /** Every year's rating per subject, newest year first (the first in force is the current rating). */
    ratingsBySubject: manyByKey<string, EnvironmentalRatingMapper>(
      (codes) =>
        rowsByKeys(db, { model: 'EnvironmentalRating', schema: 'environment' }, 'subjectCode', codes, [
          ['year', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** 环境行政处罚 per subject, newest decision first. */
    penaltiesBySubject: manyByKey<string, EnvironmentalPenaltyMapper>(
      (codes) =>
        rowsByKeys(db, { model: 'EnvironmentalPenalty', schema: 'environment' }, 'subjectCode', codes, [
          ['decidedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** 排污许可证 per subject, latest validity first. */
    permitsBySubject: manyByKey<string, DischargePermitMapper>(
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
