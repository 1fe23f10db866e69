/**
 * 双公示 domain events (docs/events.md), recorded in the same transaction as the change into disclosure.outbox.
 * Intake records `disclosure.record.accepted` / `.revised` per stored row (intake/writes.ts). A repair records
 * `disclosure.record.repaired` and the generic `record.publication.ended` (cause REPAIRED) that other departments
 * and subscribers act on. A penalty whose publicity window ends leaves the public pages by itself (rules.ts
 * `isPublic`); `penaltyPublicityEnded` announces that day once.
 */
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvents, type TimeEventRule } from '@credit-hub/kit/events';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const penaltyRepaired = (
  tx: Tx,
  p: { id: bigint; subjectCode: string; department: string; documentNumber: string | null; decidedOn: Date },
  repairedOn: string,
) => {
  const common = { source: 'disclosure' as const, department: p.department, subject: p.subjectCode };
  return recordEvents(prismaSql(tx), [
    {
      ...common,
      type: 'disclosure.record.repaired',
      payload: {
        kind: 'PENALTY',
        recordId: String(p.id),
        decisionNumber: p.documentNumber ?? '',
        decidedOn: iso(p.decidedOn),
        repairedOn,
      },
    },
    {
      ...common,
      type: 'record.publication.ended',
      payload: { record: 'ADMINISTRATIVE_PENALTY', recordId: String(p.id), endedOn: repairedOn, cause: 'REPAIRED' },
    },
  ]);
};

/** A penalty is public until `publicity_ends_on` (rules.ts `isPublic`): its publication ends the day after. */
export const penaltyPublicityEnded: TimeEventRule = {
  name: 'disclosure.penalty.publicity-ended',
  source: 'disclosure',
  type: 'record.publication.ended',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, department, to_char(publicity_ends_on + 1, 'YYYY-MM-DD') AS day
         FROM disclosure.penalty
        WHERE repaired_on IS NULL AND publicity_ends_on IS NOT NULL
          AND publicity_ends_on + 1 > $1::date AND publicity_ends_on + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; department: string; day: string }[];
    return rows.map((r) => ({
      type: 'record.publication.ended' as const,
      department: r.department,
      subject: r.subject_code,
      endingKey: `ADMINISTRATIVE_PENALTY:${r.id}:${r.day}`,
      payload: {
        record: 'ADMINISTRATIVE_PENALTY' as const,
        recordId: r.id,
        endedOn: r.day,
        cause: 'TERM_ENDED' as const,
      },
    }));
  },
};

export const disclosureTimeRules: readonly TimeEventRule[] = [penaltyPublicityEnded];
