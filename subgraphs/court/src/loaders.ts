import { manyByKey, oneByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { toCaseRow, type CaseRow, type RestrictionRow } from './model.ts';

export function createLoaders(db: Db) {
  return {
    /** Every case per subject, newest filing first: one statement for a whole page of subjects. */
    casesBySubject: manyByKey<string, CaseRow>(
      async (codes) =>
        (
          await db.prisma.dishonestDebtorCase.findMany({
            where: { subjectCode: { in: [...codes] } },
            orderBy: [{ filedOn: 'desc' }, { id: 'desc' }],
          })
        ).map(toCaseRow),
      (row) => row.subjectCode,
    ),
    /** Every 限制消费令 per subject, newest first. */
    restrictionsBySubject: manyByKey<string, RestrictionRow>(
      (codes) =>
        db.prisma.consumptionRestriction.findMany({
          where: { subjectCode: { in: [...codes] } },
          orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }],
        }),
      (row) => row.subjectCode,
    ),
    /** Cases by normalised 执行案号. */
    caseByNumber: oneByKey<string, CaseRow>(
      async (numbers) =>
        (await db.prisma.dishonestDebtorCase.findMany({ where: { caseNumber: { in: [...numbers] } } })).map(toCaseRow),
      (row) => row.caseNumber,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
