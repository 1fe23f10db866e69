import { oneByKey, regionPrefix } from '@credit-hub/kit';
import DataLoader from 'dataloader';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { SubjectRow } from './mappers.ts';

/** Per-request loaders: one `WHERE code IN (...)` statement per tick, results in key order. */
export function createLoaders(db: Db) {
  return {
    /** Government bodies and public institutions per region prefix, all regions of a request at once. */
    governmentBodyCount: new DataLoader<string, number>(async (regionCodes) => {
      const prefixes = regionCodes.map((code) => regionPrefix(code));
      const rows = await db.prisma.$queryRaw<{ prefix: string; n: number }[]>`
        SELECT p.prefix, count(s.code)::int AS n
        FROM unnest(${prefixes}::text[]) AS p(prefix)
        LEFT JOIN subject.credit_subject s
          ON s.region_code LIKE p.prefix || '%' AND s.kind IN ('GOVERNMENT_BODY', 'PUBLIC_INSTITUTION')
        GROUP BY p.prefix`;
      const byPrefix = new Map(rows.map((r) => [r.prefix, r.n]));
      return prefixes.map((p) => byPrefix.get(p) ?? 0);
    }),
    subject: oneByKey<string, SubjectRow>(
      (codes) => rowsByKeys(db, { model: 'CreditSubject', schema: 'subject' }, 'code', codes),
      (row) => row.code,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
