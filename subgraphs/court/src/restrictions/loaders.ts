import { manyByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { ConsumptionRestrictionMapper } from './mappers.ts';

const RESTRICTIONS = { model: 'ConsumptionRestriction', schema: 'court' } as const;

/** The 限制消费令 loaders, spread into the court's createLoaders. */
export function restrictionLoaders(db: Db) {
  return {
    /** Every 限制消费令 per subject, newest first. */
    restrictionsBySubject: manyByKey<string, ConsumptionRestrictionMapper>(
      (codes) =>
        rowsByKeys(db, RESTRICTIONS, 'subjectCode', codes, [
          ['issuedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** Every 限制消费令 per 执行案号 (any subject: the caller picks the debtor's). */
    restrictionsByCase: manyByKey<string, ConsumptionRestrictionMapper>(
      (numbers) => rowsByKeys(db, RESTRICTIONS, 'caseNumber', numbers),
      (row) => row.caseNumber,
    ),
  };
}
