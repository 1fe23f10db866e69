/** The facts the quality metrics are computed from, gathered in one statement. */
import { toIsoDate, z } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { DecisionFact } from './rules.ts';

const factRows = z.array(
  z.object({
    kind: z.enum(['CF', 'XK']),
    authorityCode: z.string(),
    documentNumber: z.string(),
    department: z.string(),
    decidedOn: z.date(),
    firstReceivedAt: z.date().nullable(),
    firstOk: z.boolean().nullable(),
  }),
);

/**
 * Every decision decided in [from, to] (optionally of one department): the declared register ∪ the stored
 * records ∪ identifiable quarantined rows, with its first receipt. One statement.
 */
export async function decisionFacts(
  db: Db,
  from: string,
  to: string,
  department: string | null,
): Promise<DecisionFact[]> {
  const rows = await db.prisma.$queryRawUnsafe<unknown[]>(
    `WITH keyed AS (
       SELECT kind::text AS kind, authority_code, document_number, decided_on, department, NULL::timestamptz AS at,
         NULL::boolean AS ok
       FROM disclosure.declared_decision WHERE decided_on BETWEEN $1::date AND $2::date
       UNION ALL
       SELECT 'CF', authority_code, document_number, decided_on, department, first_received_at, true
       FROM disclosure.penalty WHERE decided_on BETWEEN $1::date AND $2::date
       UNION ALL
       SELECT 'XK', authority_code, document_number, decided_on, department, first_received_at, true
       FROM disclosure.licence WHERE decided_on BETWEEN $1::date AND $2::date
       UNION ALL
       SELECT kind::text, authority_code, document_number, decided_on, department, received_at, false
       FROM disclosure.quarantine
       WHERE authority_code IS NOT NULL AND decided_on BETWEEN $1::date AND $2::date
     )
     SELECT kind, authority_code AS "authorityCode", document_number AS "documentNumber",
       min(department) AS department, min(decided_on) AS "decidedOn",
       min(at) AS "firstReceivedAt",
       (array_agg(ok ORDER BY at, ok DESC) FILTER (WHERE at IS NOT NULL))[1] AS "firstOk"
     FROM keyed
     GROUP BY kind, authority_code, document_number
     HAVING $3::text IS NULL OR min(department) = $3::text`,
    from,
    to,
    department,
  );
  return factRows.parse(rows).map((r) => ({ ...r, decidedOn: toIsoDate(r.decidedOn)! }));
}
