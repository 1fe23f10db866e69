import { clock, manyByKey, regionPrefix } from '@credit-hub/kit';
import DataLoader from 'dataloader';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import { toCaseRow, type CaseRow, type RestrictionRow } from './mappers.ts';
import { listedSql } from './rules.ts';

type CaseSource = Parameters<typeof toCaseRow>[0];

export function createLoaders(db: Db) {
  // One "today" per request: every field of a response answers as of the same China date.
  const today = clock.today();
  return {
    today,
    /**
     * Government bodies and public institutions (USCC 11…/12…) on the list today, per region prefix: every region
     * of a request in one statement. The debtor's kind is read from its code, not from the subject register
     * (department boundary).
     */
    dishonestGovernmentBodies: new DataLoader<string, string[]>(async (regionCodes) => {
      const prefixes = regionCodes.map((code) => regionPrefix(code));
      const rows = await db.prisma.$queryRaw<{ prefix: string; codes: string[] }[]>`
        SELECT p.prefix, coalesce(array_agg(DISTINCT c.subject_code ORDER BY c.subject_code) FILTER (WHERE c.subject_code IS NOT NULL), '{}') AS codes
        FROM unnest(${prefixes}::text[]) AS p(prefix)
        LEFT JOIN court.dishonest_debtor_case c
          ON c.region_code LIKE p.prefix || '%' AND ${listedSql('c', today)}
         AND (c.subject_code LIKE '11%' OR c.subject_code LIKE '12%')
        GROUP BY p.prefix`;
      const byPrefix = new Map(rows.map((r) => [r.prefix, r.codes]));
      return prefixes.map((p) => byPrefix.get(p) ?? []);
    }),
    /** Every case per subject, newest filing first: one statement for a whole page of subjects. */
    casesBySubject: manyByKey<string, CaseRow>(
      async (codes) =>
        (
          await rowsByKeys<CaseSource>(db, { model: 'DishonestDebtorCase', schema: 'court' }, 'subjectCode', codes, [
            ['filedOn', 'desc'],
            ['id', 'desc'],
          ])
        ).map(toCaseRow),
      (row) => row.subjectCode,
    ),
    /** Every 限制消费令 per subject, newest first. */
    restrictionsBySubject: manyByKey<string, RestrictionRow>(
      (codes) =>
        rowsByKeys(db, { model: 'ConsumptionRestriction', schema: 'court' }, 'subjectCode', codes, [
          ['issuedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.subjectCode,
    ),
    /** Every 限制消费令 per 执行案号 (any subject: the caller picks the debtor's). */
    restrictionsByCase: manyByKey<string, RestrictionRow>(
      (numbers) => rowsByKeys(db, { model: 'ConsumptionRestriction', schema: 'court' }, 'caseNumber', numbers),
      (row) => row.caseNumber,
    ),
    /** The listings of each 执行案号, the latest decision first (a case may be listed again after a deletion). */
    casesByNumber: manyByKey<string, CaseRow>(
      async (numbers) =>
        (
          await rowsByKeys<CaseSource>(db, { model: 'DishonestDebtorCase', schema: 'court' }, 'caseNumber', numbers, [
            ['decidedOn', 'desc'],
            ['id', 'desc'],
          ])
        ).map(toCaseRow),
      (row) => row.caseNumber,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
