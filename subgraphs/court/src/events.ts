/**
 * The court's domain events (docs/events.md): recorded in the same transaction as the change, into court.outbox.
 * A listing whose term ends leaves the list by itself (rules.ts); `termEnded` is the scheduled job's rule that
 * announces that day once. A later PERIOD_ENDED deletion by the court records the same ending under the same
 * unique key, so subscribers hear of one ending once, whichever comes first.
 */
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvent, type NewEvent, type TimeEventRule } from '@credit-hub/kit/events';
import type { DepartmentSnapshot } from '@credit-hub/kit/events';
import { z } from 'zod';
import { WITHDRAWAL_REASONS } from './rules.ts';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayAfter = (d: Date) => iso(new Date(d.getTime() + 86_400_000));

type ListedCase = { id: bigint; subjectCode: string; publishedOn: Date; listedUntil: Date | null; courtName: string };

/** The events of the court's writes, built apart from recording them so the state snapshot restates the same ones. */
export const caseListedEvent = (c: ListedCase): NewEvent => ({
  source: 'court',
  type: 'list.entry.added',
  department: 'court',
  subject: c.subjectCode,
  payload: {
    list: 'DISHONEST_DEBTOR',
    entryId: String(c.id),
    listedOn: iso(c.publishedOn),
    endsOn: c.listedUntil ? iso(c.listedUntil) : null,
    authority: c.courtName,
  },
});
export const caseListed = (tx: Tx, c: ListedCase) => recordEvent(prismaSql(tx), caseListedEvent(c));

export const caseWithdrawnEvent = (
  c: { id: bigint; subjectCode: string; listedUntil: Date | null },
  reason: string,
  withdrawnOn: Date,
  revocation: boolean,
): NewEvent => {
  const periodEnded = reason === 'PERIOD_ENDED' && c.listedUntil !== null;
  // PERIOD_ENDED confirms the ending the term already made: it left the list the day after its last day.
  const removedOn = periodEnded ? dayAfter(c.listedUntil!) : iso(withdrawnOn);
  return {
    source: 'court',
    type: 'list.entry.removed',
    department: 'court',
    subject: c.subjectCode,
    uniqueKey: periodEnded ? `list.entry.removed:DISHONEST_DEBTOR:${c.id}:${removedOn}` : null,
    payload: {
      list: 'DISHONEST_DEBTOR',
      entryId: String(c.id),
      removedOn,
      cause: periodEnded
        ? 'TERM_ENDED'
        : revocation
          ? 'WITHDRAWN'
          : reason === 'PERFORMED' || reason === 'SETTLEMENT_PERFORMED'
            ? 'PERFORMED'
            : 'REMOVED',
      ground: reason,
    },
  };
};
export const caseWithdrawn = (
  tx: Tx,
  c: { id: bigint; subjectCode: string; listedUntil: Date | null },
  reason: string,
  withdrawnOn: Date,
  revocation: boolean,
) => recordEvent(prismaSql(tx), caseWithdrawnEvent(c, reason, withdrawnOn, revocation));

type Restriction = { id: bigint; subjectCode: string; issuedOn: Date; courtName: string };
export const restrictionIssuedEvent = (r: Restriction): NewEvent => ({
  source: 'court',
  type: 'list.entry.added',
  department: 'court',
  subject: r.subjectCode,
  payload: {
    list: 'CONSUMPTION_RESTRICTED',
    entryId: String(r.id),
    listedOn: iso(r.issuedOn),
    endsOn: null,
    authority: r.courtName,
  },
});
export const restrictionIssued = (tx: Tx, r: Restriction) => recordEvent(prismaSql(tx), restrictionIssuedEvent(r));

export const restrictionLiftedEvent = (
  r: { id: bigint; subjectCode: string },
  liftedOn: Date,
  reason: string,
): NewEvent => ({
  source: 'court',
  type: 'list.entry.removed',
  department: 'court',
  subject: r.subjectCode,
  payload: {
    list: 'CONSUMPTION_RESTRICTED',
    entryId: String(r.id),
    removedOn: iso(liftedOn),
    cause: 'REMOVED',
    ground: reason,
  },
});
export const restrictionLifted = (tx: Tx, r: { id: bigint; subjectCode: string }, liftedOn: Date, reason: string) =>
  recordEvent(prismaSql(tx), restrictionLiftedEvent(r, liftedOn, reason));

/** A listing with a term leaves the list the day after `listed_until` (rules.ts `listedSql`). */
export const termEnded: TimeEventRule = {
  name: 'court.dishonest-debtor.term-ended',
  source: 'court',
  type: 'list.entry.removed',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, to_char(listed_until + 1, 'YYYY-MM-DD') AS day
         FROM court.dishonest_debtor_case
        WHERE status = 'ACTIVE' AND listed_until IS NOT NULL
          AND listed_until + 1 > $1::date AND listed_until + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; day: string }[];
    return rows.map((r) => ({
      type: 'list.entry.removed' as const,
      department: 'court',
      subject: r.subject_code,
      endingKey: `DISHONEST_DEBTOR:${r.id}:${r.day}`,
      payload: {
        list: 'DISHONEST_DEBTOR' as const,
        entryId: r.id,
        removedOn: r.day,
        cause: 'TERM_ENDED' as const,
        ground: null,
      },
    }));
  },
};

export const courtTimeRules: readonly TimeEventRule[] = [termEnded];

/**
 * The court's state snapshot for a metrics backfill (docs/adr/0113-metrics-backfill-from-department-snapshots.md):
 * every 失信被执行人 case and 限制消费 order the court holds, restated as the events its writes and its term-ended rule
 * recorded — listed, and when it left the list (withdrawn, lifted, or its term ran out before `today`). Reads the
 * court's own schema only; the events are built by the same functions as the live writes (above).
 */
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
