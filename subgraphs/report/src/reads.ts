import { z } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { QueryReportStatisticsArgs } from './__generated__/types.ts';
import type { ReportKindName, ReportPurposeName } from './rules.ts';

const stored = z.object({
  number: z.string(),
  kind: z.enum(['PUBLIC_INFORMATION', 'SPECIAL_NO_VIOLATION']),
  subject_code: z.string(),
  subject_name: z.string(),
  period_from: z.date().nullable(),
  period_to: z.date().nullable(),
  issued_at: z.date(),
  data_cutoff: z.date(),
  pdf_sha256: z.string(),
  verification_code: z.string(),
  signature: z.string(),
  key_id: z.string(),
  data_digest: z.string(),
});
export type StoredReport = z.infer<typeof stored>;

/** One issued report by number (without the PDF bytes), or null. */
export async function reportByNumber(db: Db, number: string): Promise<StoredReport | null> {
  const rows = await db.prisma.$queryRaw<unknown[]>`
    SELECT number, kind, subject_code, subject_name, period_from, period_to, issued_at, data_cutoff, pdf_sha256,
           verification_code, signature, key_id, data_digest
      FROM report.issued_report WHERE number = ${number}`;
  return rows.length ? stored.parse(rows[0]) : null;
}

const count = z.object({ kind: z.string(), purpose: z.string(), count: z.coerce.number() });

/** Reports issued per kind and purpose, issue day (China) inside [from, to]. */
export async function reportCounts(
  db: Db,
  { from, to }: Pick<QueryReportStatisticsArgs, 'from' | 'to'>,
): Promise<{ kind: ReportKindName; purpose: ReportPurposeName; count: number }[]> {
  const rows = await db.prisma.$queryRaw<unknown[]>`
    SELECT kind, purpose, count(*) AS count
      FROM report.issued_report
     WHERE (${from ?? null}::date IS NULL OR (issued_at AT TIME ZONE 'Asia/Shanghai')::date >= ${from ?? null}::date)
       AND (${to ?? null}::date IS NULL OR (issued_at AT TIME ZONE 'Asia/Shanghai')::date <= ${to ?? null}::date)
     GROUP BY kind, purpose
     ORDER BY kind, purpose`;
  return rows.map((r) => {
    const c = count.parse(r);
    return { kind: c.kind as ReportKindName, purpose: c.purpose as ReportPurposeName, count: c.count };
  });
}
