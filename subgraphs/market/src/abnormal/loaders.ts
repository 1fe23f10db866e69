import { manyByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { AbnormalOperationMapper } from './mappers.ts';

/** The 经营异常名录 loaders, spread into the market's createLoaders. */
export function abnormalLoaders(db: Db) {
  return {
    /** 经营异常名录 entries and marks per subject, in force or not, newest listing first. */
    abnormalBySubject: manyByKey<string, AbnormalOperationMapper>(
      (codes) =>
        rowsByKeys(db, { model: 'AbnormalOperation', schema: 'market' }, 'subjectCode', codes, [
          ['listedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
  };
}
