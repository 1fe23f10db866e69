import { manyByKey, oneByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { AbnormalRow, AnnualReportRow, RegistrationRow, SeriousRow } from './mappers.ts';

/** Per-request loaders: each is one `WHERE subject_code IN (...)` statement for a whole page of subjects. */
export function createLoaders(db: Db) {
  return {
    registrationBySubject: oneByKey<string, RegistrationRow>(
      (codes) => rowsByKeys(db, { model: 'Registration', schema: 'market' }, 'subjectCode', codes),
      (row) => row.subjectCode,
    ),
    /** Every year's report per subject, newest year first. */
    annualReportsBySubject: manyByKey<string, AnnualReportRow>(
      (codes) => rowsByKeys(db, { model: 'AnnualReport', schema: 'market' }, 'subjectCode', codes, [['year', 'desc']]),
      (row) => row.subjectCode,
    ),
    /** 经营异常名录 entries per subject, listed and removed, newest listing first. */
    abnormalBySubject: manyByKey<string, AbnormalRow>(
      (codes) =>
        rowsByKeys(db, { model: 'AbnormalOperation', schema: 'market' }, 'subjectCode', codes, [
          ['listedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** 严重违法失信名单 entries per subject, listed and removed, newest listing first. */
    seriousBySubject: manyByKey<string, SeriousRow>(
      (codes) =>
        rowsByKeys(db, { model: 'SeriousIllegalListing', schema: 'market' }, 'subjectCode', codes, [
          ['listedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
