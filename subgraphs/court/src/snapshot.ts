/**
 * The court's state snapshot for a metrics backfill (docs/adr/0113-metrics-backfill-from-department-snapshots.md):
 * every 失信被执行人 case and 限制消费 order the court holds, restated as the events its writes and its term-ended rule
 * recorded — listed, and when it left the list (withdrawn, lifted, or its term ran out before `today`). Reads the
 * court's own schema only; the events are built by the same functions as the live writes (events.ts).
 */
import type { DepartmentSnapshot } from '@credit-hub/kit/events';
import type { NewEvent } from '@credit-hub/kit/events';
import { z } from 'zod';
import { caseListedEvent, caseWithdrawnEvent, restrictionIssuedEvent, restrictionLiftedEvent } from './events.ts';
import { WITHDRAWAL_REASONS } from './rules.ts';

const date = (v: string) => new Date(`${v}T00:00:00Z`);
const caseRow = z.object({
  id: z.string(),
  subject_code: z.string(),
  published_on: z.string(),
  listed_until: z.string().nullable(),
  court_name: z.string(),
  status: z.enum(['ACTIVE', 'WITHDRAWN']),
  withdrawn_on: z.string().nullable(),
  withdrawal_reason: z.string().nullable(),
});
const restrictionRow = z.object({
  id: z.string(),
  subject_code: z.string(),
  issued_on: z.string(),
  court_name: z.string(),
  status: z.enum(['ACTIVE', 'WITHDRAWN']),
  lifted_on: z.string().nullable(),
  lift_reason: z.string().nullable(),
});

export const courtSnapshot: DepartmentSnapshot = async (sql, { today }) => {
  const events: NewEvent[] = [];
  const cases = await sql.rows(
    `SELECT id::text, subject_code, published_on::text, listed_until::text, court_name, status::text,
            withdrawn_on::text, withdrawal_reason::text
       FROM court.dishonest_debtor_case ORDER BY id`,
  );
  for (const raw of cases) {
    const c = caseRow.parse(raw);
    const listed = {
      id: BigInt(c.id),
      subjectCode: c.subject_code,
      publishedOn: date(c.published_on),
      listedUntil: c.listed_until ? date(c.listed_until) : null,
      courtName: c.court_name,
    };
    events.push(caseListedEvent(listed));
    if (c.status === 'WITHDRAWN' && c.withdrawn_on && c.withdrawal_reason) {
      const rule = WITHDRAWAL_REASONS[c.withdrawal_reason as keyof typeof WITHDRAWAL_REASONS];
      events.push(caseWithdrawnEvent(listed, c.withdrawal_reason, date(c.withdrawn_on), rule?.kind === 'REVOCATION'));
    } else if (c.listed_until && c.listed_until < today) {
      // The term-ended rule's event (events.ts termEnded): the day after the last listed day, once that day has come.
      events.push(caseWithdrawnEvent(listed, 'PERIOD_ENDED', date(today), false));
    }
  }
  const restrictions = await sql.rows(
    `SELECT id::text, subject_code, issued_on::text, court_name, status::text, lifted_on::text, lift_reason
       FROM court.consumption_restriction ORDER BY id`,
  );
  for (const raw of restrictions) {
    const r = restrictionRow.parse(raw);
    const issued = {
      id: BigInt(r.id),
      subjectCode: r.subject_code,
      issuedOn: date(r.issued_on),
      courtName: r.court_name,
    };
    events.push(restrictionIssuedEvent(issued));
    if (r.status === 'WITHDRAWN' && r.lifted_on)
      events.push(restrictionLiftedEvent(issued, date(r.lifted_on), r.lift_reason ?? ''));
  }
  return events;
};
