/**
 * The court's domain events (docs/events.md): recorded in the same transaction as the change, into court.outbox.
 * A listing whose term ends leaves the list by itself (rules.ts); `termEnded` is the scheduled job's rule that
 * announces that day once. A later PERIOD_ENDED deletion by the court records the same ending under the same
 * unique key, so subscribers hear of one ending once, whichever comes first.
 */
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvent, type NewEvent, type TimeEventRule } from '@credit-hub/kit/events';

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
