import { clock, manyByKey, oneByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import { abnormalLoaders } from './abnormal/loaders.ts';
import type { AnnualReportMapper, RegistrationMapper } from './mappers.ts';
import { seriousLoaders } from './serious/loaders.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): one `WHERE subject_code = ANY($1)` statement
 * per batch, whatever the number of subjects in the request. The features' loaders are spread in.
 */
export function createLoaders(db: Db) {
  // One "today" per request: every field of a response answers as of the same China date, even when the request
  // runs across midnight (an annual report turns MISSING, a 严重违法失信名单 entry EXPIRED, on a day boundary).
  const today = clock.today();
  return {
    today,
    /** 登记信息 per subject. */
    registrationBySubject: oneByKey<string, RegistrationMapper>(
      (codes) => rowsByKeys(db, { model: 'Registration', schema: 'market' }, 'subjectCode', codes),
      (row) => row.subjectCode,
    ),
    /** Every year's report per subject, newest year first. */
    annualReportsBySubject: manyByKey<string, AnnualReportMapper>(
      (codes) => rowsByKeys(db, { model: 'AnnualReport', schema: 'market' }, 'subjectCode', codes, [['year', 'desc']]),
      (row) => row.subjectCode,
    ),
    ...abnormalLoaders(db),
    ...seriousLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
