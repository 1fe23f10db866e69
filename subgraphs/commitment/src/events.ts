/**
 * The commitment subgraph's domain events (docs/events.md), recorded in commitment.outbox in the same transaction
 * as the change: commitment.made, commitment.kept, commitment.broken, and record.published for a breach that is
 * published. The evaluation consumes kept and broken into its own facts (evaluation.commitments); the repair
 * work finds a 修复型 commitment by its `reference` (the application id) in commitment.made.
 */
import { isUuid } from '@credit-hub/kit';
import { prismaSql, type CreditCommitment, type Db } from '@credit-hub/kit/db';
import {
  auditRepairAct,
  endingsUpTo,
  recordEvent,
  recordEvents,
  type ConsumerDefinition,
  type DepartmentSnapshot,
  type NewEvent,
  type RepairApproved,
  type TimeEventRule,
} from '@credit-hub/kit/events';
import { repairableFrom } from './rules.ts';

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

// The events of the department's writes, built apart from recording them so the state snapshot restates the same
// ones (docs/adr/0124-department-snapshots-and-exact-cut.md).

/** A broken commitment whose tier is published: the breach's publicity (公示) from the check. */
export const breachPublishedEvent = (
  c: Pick<CreditCommitment, 'id' | 'subjectCode' | 'checkingDepartment' | 'checkedOn' | 'tier' | 'publicityEndsOn'>,
): NewEvent<'record.published'> => ({
  source: 'commitment',
  type: 'record.published',
  department: c.checkingDepartment,
  subject: c.subjectCode,
  payload: {
    record: 'COMMITMENT_BREACH',
    recordId: c.id,
    publishedOn: iso(c.checkedOn!),
    publicityEndsOn: iso(c.publicityEndsOn!),
    // The department's first day of 信用修复 (the tier's minimum publicity): the repair window reads it.
    repairableFrom: iso(repairableFrom(c.tier!, c.checkedOn!)!),
  },
});

/** The department's 信用修复 act on a breach (the repair consumer below): its publicity ends on the approval day. */
export const breachRepairedEvent = (
  c: { id: string; subjectCode: string; checkingDepartment: string },
  approvedOn: string,
): NewEvent => ({
  source: 'commitment',
  type: 'record.publication.ended',
  department: c.checkingDepartment,
  subject: c.subjectCode,
  payload: { record: 'COMMITMENT_BREACH', recordId: c.id, endedOn: approvedOn, cause: 'REPAIRED' },
});

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
          ...(c.publicityEndsOn ? [breachPublishedEvent(c)] : []),
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
          AND (repaired_on IS NULL OR repaired_on > publicity_ends_on)
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

/**
 * 信用修复 of a broken commitment, decided by the department that checked it ("谁认定、谁修复"): its system consumes
 * `repair.approved` and performs the department's act in the commitment schema — the breach is no longer published
 * from the approval day (`repaired_on`) — and announces it with `record.publication.ended` (COMMITMENT_BREACH, cause
 * REPAIRED), which the evaluation, the push and the window hear. A breach no longer published is left as it is.
 */
export const commitmentRepairConsumer: ConsumerDefinition = {
  name: 'commitment.repair',
  types: ['repair.approved'],
  async handle(event, sql) {
    const p = event.payload as RepairApproved;
    if (p.recordKind !== 'COMMITMENT_BREACH' || !isUuid(p.recordId)) return;
    const [row] = (await sql.rows(
      `UPDATE commitment.credit_commitment
          SET repaired_on = $2::date, repair_basis = $4, updated_at = now()
        WHERE id = $1::uuid AND state = 'BROKEN' AND checking_department = $3 AND repaired_on IS NULL
          AND publicity_ends_on IS NOT NULL AND publicity_ends_on >= $2::date
        RETURNING subject_code`,
      [p.recordId, p.approvedOn, event.department, `信用修复（查询码 ${p.queryCode}）：${p.basis}`],
    )) as { subject_code: string }[];
    if (!row) return;
    await recordEvent(
      sql,
      breachRepairedEvent(
        { id: p.recordId, subjectCode: row.subject_code, checkingDepartment: event.department },
        p.approvedOn,
      ),
    );
    await auditRepairAct(
      sql,
      event,
      'commitment',
      row.subject_code,
      'Mutation.checkCreditCommitment',
      `breach ${p.recordId} 信用修复`,
    );
  },
};

/**
 * The commitment subgraph's state snapshot for a metrics backfill (ADR 0113, ADR 0124): of its events the metrics
 * take the published breaches (`record.published`, COMMITMENT_BREACH) and their ends — by a 信用修复 act (REPAIRED, on
 * `repaired_on`) or by the end of their publicity (TERM_ENDED: the publicity-ended rule's own events up to `today`).
 * `commitment.made`, `kept` and `broken` feed the evaluation, not the metrics, and are not restated. Commitments are
 * never deleted by the writes.
 */
export const commitmentSnapshot: DepartmentSnapshot = async (sql, { today }) => {
  const rows = (await sql.rows(
    `SELECT id::text AS id, subject_code, checking_department, checked_on::text, tier::text AS tier,
            publicity_ends_on::text, repaired_on::text
       FROM commitment.credit_commitment
      WHERE state = 'BROKEN' AND publicity_ends_on IS NOT NULL AND checked_on IS NOT NULL AND tier IS NOT NULL
      ORDER BY checked_on, id`,
  )) as {
    id: string;
    subject_code: string;
    checking_department: string;
    checked_on: string;
    tier: NonNullable<CreditCommitment['tier']>;
    publicity_ends_on: string;
    repaired_on: string | null;
  }[];
  const date = (v: string) => new Date(`${v}T00:00:00Z`);
  const events: NewEvent[] = [];
  for (const r of rows) {
    const c = { id: r.id, subjectCode: r.subject_code, checkingDepartment: r.checking_department };
    events.push(
      breachPublishedEvent({
        ...c,
        checkedOn: date(r.checked_on),
        tier: r.tier,
        publicityEndsOn: date(r.publicity_ends_on),
      }),
    );
    if (r.repaired_on) events.push(breachRepairedEvent(c, r.repaired_on));
  }
  events.push(...(await endingsUpTo(breachPublicityEnded, sql, today)));
  return events;
};
