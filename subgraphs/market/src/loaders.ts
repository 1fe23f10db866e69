import { manyByKey, oneByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { AbnormalRow, AnnualReportRow, RegistrationRow, SeriousRow } from './model.ts';

/** Per-request loaders: each is one `WHERE subject_code IN (...)` statement for a whole page of subjects. */
export function createLoaders(db: Db) {
  return {
    registrationBySubject: oneByKey<string, RegistrationRow>(
      (codes) => db.prisma.registration.findMany({ where: { subjectCode: { in: [...codes] } } }),
      (row) => row.subjectCode,
    ),
    /** Every year's report per subject, newest year first. */
    annualReportsBySubject: manyByKey<string, AnnualReportRow>(
      (codes) =>
        db.prisma.annualReport.findMany({
          where: { subjectCode: { in: [...codes] } },
          orderBy: [{ subjectCode: 'asc' }, { year: 'desc' }],
        }),
      (row) => row.subjectCode,
    ),
    /** 经营异常名录 entries per subject, listed and removed, newest listing first. */
    abnormalBySubject: manyByKey<string, AbnormalRow>(
      (codes) =>
        db.prisma.abnormalOperation.findMany({
          where: { subjectCode: { in: [...codes] } },
          orderBy: [{ listedOn: 'desc' }, { id: 'desc' }],
        }),
      (row) => row.subjectCode,
    ),
    /** 严重违法失信名单 entries per subject, listed and removed, newest listing first. */
    seriousBySubject: manyByKey<string, SeriousRow>(
      (codes) =>
        db.prisma.seriousIllegalListing.findMany({
          where: { subjectCode: { in: [...codes] } },
          orderBy: [{ listedOn: 'desc' }, { id: 'desc' }],
        }),
      (row) => row.subjectCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
