/**
 * 双公示 domain events (docs/events.md), recorded in the same transaction as the change into disclosure.outbox.
 * Intake records `disclosure.record.accepted` / `.revised` per stored row (intake/writes.ts). A repair records
 * `disclosure.record.repaired` and the generic `record.publication.ended` (cause REPAIRED) that other departments
 * and subscribers act on. A penalty whose publicity window ends leaves the public pages by itself (rules.ts
 * `isPublic`); `penaltyPublicityEnded` announces that day once.
 */
import type { Sql } from '@credit-hub/kit/db';
import {
  auditRepairAct,
  recordEvents,
  type ConsumerDefinition,
  type RepairApproved,
  type TimeEventRule,
} from '@credit-hub/kit/events';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export const penaltyRepaired = (
  sql: Sql,
  p: { id: bigint; subjectCode: string; department: string; documentNumber: string | null; decidedOn: Date },
  repairedOn: string,
) => {
  const common = { source: 'disclosure' as const, department: p.department, subject: p.subjectCode };
  return recordEvents(sql, [
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

/**
 * 信用修复 of a 双公示 penalty approved in the platform's window by the department that reported it ("谁认定、
 * 谁修复"): the disclosure subgraph consumes `repair.approved` and ends the penalty's publicity in its own schema, as
 * `repairPenalty` does, announcing it with `disclosure.record.repaired` and `record.publication.ended` (REPAIRED).
 * Only the reporting department's approval counts; a penalty already repaired is left as it is.
 */
export const disclosureRepairConsumer: ConsumerDefinition = {
  name: 'disclosure.repair',
  types: ['repair.approved'],
  async handle(event, sql) {
    const p = event.payload as RepairApproved;
    if (p.recordKind !== 'ADMINISTRATIVE_PENALTY' || !/^\d{1,18}$/.test(p.recordId)) return;
    const [row] = (await sql.rows(
      `UPDATE disclosure.penalty
          SET repaired_on = $2::date, repair_applied_on = $3::date, repair_reason = $4
        WHERE id = $1::bigint AND department = $5 AND repaired_on IS NULL
        RETURNING id, subject_code AS "subjectCode", department, document_number AS "documentNumber",
                  decided_on AS "decidedOn"`,
      [p.recordId, p.approvedOn, p.appliedOn, `信用修复（查询码 ${p.queryCode}）：${p.basis}`, event.department],
    )) as { id: string; subjectCode: string; department: string; documentNumber: string | null; decidedOn: Date }[];
    if (!row) return;
    await penaltyRepaired(sql, { ...row, id: BigInt(row.id) }, p.approvedOn);
    await auditRepairAct(sql, event, 'disclosure', row.subjectCode, 'Mutation.repairPenalty', `penalty ${p.recordId}`);
  },
};
