import { manyByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { SeriousIllegalListingMapper } from './mappers.ts';

/** The 严重违法失信名单 loaders, spread into the market's createLoaders. */
export function seriousLoaders(db: Db) {
  return {
    /** 严重违法失信名单 entries per subject, in force or not, newest listing first. */
    seriousBySubject: manyByKey<string, SeriousIllegalListingMapper>(
      (codes) =>
        rowsByKeys(db, { model: 'SeriousIllegalListing', schema: 'market' }, 'subjectCode', codes, [
          ['listedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
  };
}
