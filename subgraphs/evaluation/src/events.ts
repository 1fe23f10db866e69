/**
 * The events the evaluation consumes (docs/events.md): the 践诺 outcomes of subjects' credit commitments
 * (commitment.kept, commitment.broken), kept in the evaluation's own `commitment_fact` table so that scoring reads
 * its own schema, never the commitment subgraph's. The consumer is listed in apps/hub/src/events.ts (HUB_CONSUMERS).
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
  types: ['commitment.kept', 'commitment.broken'],
  async handle(event: DeliveredEvent, sql) {
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
