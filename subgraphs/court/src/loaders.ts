import { clock, manyByKey, regionPrefix } from '@credit-hub/kit';
import { rowsByKeys, type Db, type DishonestDebtorCase } from '@credit-hub/kit/db';
import DataLoader from 'dataloader';
import { toCaseMapper, type DishonestDebtorCaseMapper } from './mappers.ts';
import { governmentBodiesOnList } from './reads.ts';
import { restrictionLoaders } from './restrictions/loaders.ts';

const CASES = { model: 'DishonestDebtorCase', schema: 'court' } as const;

/**
 * Every DataLoader of one request (built fresh per request by the kit): one statement per batch, whatever the
 * number of subjects in the request. A feature folder's loaders are spread in.
 */
export function createLoaders(db: Db) {
  // One "today" per request: every field of a response answers as of the same China date.
  const today = clock.today();
  return {
    today,
    /** Government bodies and public institutions on the list today, per region (RegionIntegrity). */
    dishonestGovernmentBodies: new DataLoader<string, string[]>((regionCodes) =>
      governmentBodiesOnList(
        db,
        regionCodes.map((code) => regionPrefix(code)),
        today,
      ),
    ),
    /** Every case per subject, newest filing first: one statement for a whole page of subjects. */
    casesBySubject: manyByKey<string, DishonestDebtorCaseMapper>(
      async (codes) =>
        (
          await rowsByKeys<DishonestDebtorCase>(db, CASES, 'subjectCode', codes, [
            ['filedOn', 'desc'],
            ['id', 'desc'],
          ])
        ).map(toCaseMapper),
      (row) => row.subjectCode,
    ),
    /** The listings of each 执行案号, the latest decision first (a case may be listed again after a deletion). */
    casesByNumber: manyByKey<string, DishonestDebtorCaseMapper>(
      async (numbers) =>
        (
          await rowsByKeys<DishonestDebtorCase>(db, CASES, 'caseNumber', numbers, [
            ['decidedOn', 'desc'],
            ['id', 'desc'],
          ])
        ).map(toCaseMapper),
      (row) => row.caseNumber,
    ),
    ...restrictionLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
