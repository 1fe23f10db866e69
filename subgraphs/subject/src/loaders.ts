import { oneByKey, regionPrefix } from '@credit-hub/kit';
import DataLoader from 'dataloader';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { CreditSubjectMapper } from './mappers.ts';
import { governmentBodyCounts } from './reads.ts';

/** Per-request loaders: one `WHERE code = ANY(...)` statement per tick, results in key order. */
export function createLoaders(db: Db) {
  return {
    /** Government bodies and public institutions per region prefix, all regions of a request at once. */
    governmentBodyCount: new DataLoader<string, number>((regionCodes) =>
      governmentBodyCounts(
        db,
        regionCodes.map((code) => regionPrefix(code)),
      ),
    ),
    subject: oneByKey<string, CreditSubjectMapper>(
      (codes) => rowsByKeys(db, { model: 'CreditSubject', schema: 'subject' }, 'code', codes),
      (row) => row.code,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
