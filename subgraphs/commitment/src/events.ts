/**
 * The commitment subgraph's domain events (docs/events.md), recorded in commitment.outbox in the same transaction
 * as the change: commitment.made, commitment.kept, commitment.broken, and record.published for a breach that is
 * published. The evaluation consumes kept and broken into its own facts (evaluation.commitments); the repair
 * work finds a 修复型 commitment by its `reference` (the application id) in commitment.made.
 */
import { prismaSql, type CreditCommitment, type Db } from '@credit-hub/kit/db';
import { recordEvents, type NewEvent, type TimeEventRule } from '@credit-hub/kit/events';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

const common = (c: CreditCommitment) => ({
  commitmentId: c.id,
  kind: c.kind,
  matter: c.matter,
  checkingDepartment: c.checkingDepartment,
  reference: c.reference,
});

export const commitmentMade = (tx: Tx, c: CreditCommitment) =>
  recordEvents(prismaSql(tx), [
    {
      source: 'commitment',
      type: 'commitment.made',
      department: c.recordedByDepartment,
      subject: c.subjectCode,
      payload: { ...common(c), madeOn: iso(c.madeOn), termEndsOn: iso(c.termEndsOn) },
    },
  ]);

/** kept, or broken (with record.published when its tier is published): the checking department decided it. */
export function commitmentChecked(tx: Tx, c: CreditCommitment) {
  const checkedOn = iso(c.checkedOn!);
  const events: NewEvent[] =
    c.state === 'KEPT'
      ? [
          {
            source: 'commitment',
            type: 'commitment.kept',
            department: c.checkingDepartment,
            subject: c.subjectCode,
            payload: { ...common(c), checkedOn },
          },
        ]
      : [
          {
            source: 'commitment',
            type: 'commitment.broken',
            department: c.checkingDepartment,
            subject: c.subjectCode,
            payload: {
              ...common(c),
              checkedOn,
              tier: c.tier!,
              publicityEndsOn: c.publicityEndsOn ? iso(c.publicityEndsOn) : null,
            },
          },
          ...(c.publicityEndsOn
            ? [
                {
                  source: 'commitment',
                  type: 'record.published',
                  department: c.checkingDepartment,
                  subject: c.subjectCode,
                  payload: {
                    record: 'COMMITMENT_BREACH',
                    recordId: c.id,
                    publishedOn: checkedOn,
                    publicityEndsOn: iso(c.publicityEndsOn),
                  },
                } satisfies NewEvent<'record.published'>,
              ]
            : []),
        ];
  return recordEvents(prismaSql(tx), events);
}

/**
 * The time-made end of a breach's publicity: `record.publication.ended` (COMMITMENT_BREACH, cause TERM_ENDED) on the
 * day after its last day of publicity, once (the scheduler's unique key). Reads only the commitment schema.
 */
export const breachPublicityEnded: TimeEventRule = {
  name: 'commitment.breach.publicity-ended',
  source: 'commitment',
  type: 'record.publication.ended',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, checking_department, to_char(publicity_ends_on + 1, 'YYYY-MM-DD') AS day
         FROM commitment.credit_commitment
        WHERE state = 'BROKEN' AND publicity_ends_on IS NOT NULL
          AND publicity_ends_on + 1 > $1::date AND publicity_ends_on + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; checking_department: string; day: string }[];
    return rows.map((r) => ({
      type: 'record.publication.ended' as const,
      department: r.checking_department,
      subject: r.subject_code,
      endingKey: `COMMITMENT_BREACH:${r.id}:${r.day}`,
      payload: { record: 'COMMITMENT_BREACH' as const, recordId: r.id, endedOn: r.day, cause: 'TERM_ENDED' as const },
    }));
  },
};

export const commitmentTimeRules: readonly TimeEventRule[] = [breachPublicityEnded];
