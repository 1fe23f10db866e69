/**
 * The report service's domain event (docs/events.md): `report.issued`, recorded with the issued report in one
 * transaction into report.outbox (writes.ts) — the supervisors' 信用报告出具数 (docs/metrics.md) — and restated from
 * the stored reports for a metrics backfill (docs/adr/0124-department-snapshots-and-exact-cut.md).
 */
import { chinaToday, toIsoDate, z } from '@credit-hub/kit';
import type { DepartmentSnapshot, NewEvent } from '@credit-hub/kit/events';

/** The event of an issued report, built apart from recording it so the state snapshot restates the same one. */
export const reportIssuedEvent = (r: {
  number: string;
  kind: string;
  subjectCode: string;
  purpose: string;
  issuedAt: Date;
}): NewEvent => ({
  source: 'report',
  type: 'report.issued',
  department: 'platform',
  subject: r.subjectCode,
  occurredAt: r.issuedAt,
  payload: {
    number: r.number,
    kind: r.kind as 'PUBLIC_INFORMATION' | 'SPECIAL_NO_VIOLATION',
    purpose: r.purpose,
    issuedOn: toIsoDate(chinaToday(r.issuedAt))!,
  },
});

const reportRow = z.object({
  number: z.string(),
  kind: z.string(),
  subject_code: z.string(),
  purpose: z.string(),
  issued_at: z.date(),
});

/**
 * The report service's state snapshot for a metrics backfill (ADR 0113, ADR 0124): every issued report it keeps, as
 * issued at its `issued_at`. Issued reports are never deleted by the service, so every one is restated.
 */
export const reportSnapshot: DepartmentSnapshot = async (sql) => {
  const rows = await sql.rows(
    `SELECT number, kind, subject_code, purpose, issued_at FROM report.issued_report ORDER BY issued_at, number`,
  );
  return rows.map((raw) => {
    const r = reportRow.parse(raw);
    return reportIssuedEvent({
      number: r.number,
      kind: r.kind,
      subjectCode: r.subject_code,
      purpose: r.purpose,
      issuedAt: r.issued_at,
    });
  });
};
