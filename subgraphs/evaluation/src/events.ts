/**
 * The events the evaluation consumes (docs/events.md): the 践诺 outcomes of subjects' credit commitments
 * (commitment.kept, commitment.broken, and a breach's publicity ended by 信用修复), kept in the evaluation's own
 * `commitment_fact` table so that scoring reads its own schema, never the commitment subgraph's. The consumer is listed in apps/hub/src/events.ts (HUB_CONSUMERS).
 */
import type { ConsumerDefinition, DeliveredEvent } from '@credit-hub/kit/events';

interface CheckedPayload {
  commitmentId: string;
  kind: string;
  matter: string;
  checkingDepartment: string;
  checkedOn: string;
  publicityEndsOn?: string | null;
}

/**
 * Upserts one fact per commitment: a commitment is checked once, so a repeat of the same outcome (a replay) changes
 * nothing, and the later event wins if the commitment subgraph ever corrects one.
 */
export const commitmentFactsConsumer: ConsumerDefinition = {
  name: 'evaluation.commitments',
  types: ['commitment.kept', 'commitment.broken', 'record.publication.ended'],
  async handle(event: DeliveredEvent, sql) {
    if (event.type === 'record.publication.ended') {
      // A breach repaired (信用修复) is published no longer: its last day of publicity is the day before the repair,
      // so the evaluation, which counts a breach while published, stops counting it (docs/rules/repair.md).
      const ended = event.payload as { record: string; recordId: string; endedOn: string; cause: string };
      if (ended.record !== 'COMMITMENT_BREACH' || ended.cause !== 'REPAIRED') return;
      await sql.execute(
        `UPDATE evaluation.commitment_fact SET publicity_ends_on = $2::date - 1, event_id = $3::uuid
          WHERE commitment_id = $1::uuid AND outcome = 'BROKEN'
            AND (publicity_ends_on IS NULL OR publicity_ends_on >= $2::date)`,
        [ended.recordId, ended.endedOn, event.id],
      );
      return;
    }
    const p = event.payload as CheckedPayload;
    const subject = event.subjectCode ?? event.personKey;
    await sql.execute(
      `INSERT INTO evaluation.commitment_fact (commitment_id, subject_code, outcome, kind, matter, checking_department,
                                               checked_on, publicity_ends_on, event_id)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::date, $8::date, $9::uuid)
       ON CONFLICT (commitment_id) DO UPDATE SET outcome = EXCLUDED.outcome, checked_on = EXCLUDED.checked_on,
         publicity_ends_on = EXCLUDED.publicity_ends_on, event_id = EXCLUDED.event_id`,
      [
        p.commitmentId,
        subject,
        event.type === 'commitment.kept' ? 'KEPT' : 'BROKEN',
        p.kind,
        p.matter,
        p.checkingDepartment,
        p.checkedOn,
        p.publicityEndsOn ?? null,
        event.id,
      ],
    );
  },
};

export const EVALUATION_CONSUMERS: readonly ConsumerDefinition[] = [commitmentFactsConsumer];
