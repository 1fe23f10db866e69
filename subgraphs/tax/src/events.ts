/**
 * The tax department's time-made events (docs/events.md). Its writes record their events themselves (writes.ts:
 * rating.changed, list.entry.added/removed). A 重大税收违法失信主体 entry is published until `publicity_ends_on`
 * (rules.ts `entryStatus`) and leaves the list by itself the day after; `publicityEnded` announces that day once.
 */
import {
  auditRepairAct,
  recordEvent,
  type ConsumerDefinition,
  type RepairApproved,
  type TimeEventRule,
} from '@credit-hub/kit/events';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export const publicityEnded: TimeEventRule = {
  name: 'tax.major-violation.publicity-ended',
  source: 'tax',
  type: 'list.entry.removed',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, to_char(publicity_ends_on + 1, 'YYYY-MM-DD') AS day
         FROM tax.major_violation
        WHERE status <> 'REMOVED' AND publicity_ends_on + 1 > $1::date AND publicity_ends_on + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; day: string }[];
    return rows.map((r) => ({
      type: 'list.entry.removed' as const,
      department: 'tax',
      subject: r.subject_code,
      endingKey: `MAJOR_TAX_VIOLATOR:${r.id}:${r.day}`,
      payload: {
        list: 'MAJOR_TAX_VIOLATOR' as const,
        entryId: r.id,
        removedOn: r.day,
        cause: 'TERM_ENDED' as const,
        ground: null,
      },
    }));
  },
};

export const taxTimeRules: readonly TimeEventRule[] = [publicityEnded];

/**
 * 信用修复 of a 重大税收违法失信主体 entry, decided by the tax department in the platform's window ("谁认定、谁修复"):
 * the department's system consumes `repair.approved` and stops publication itself (ground PAID_IN_FULL, 国家税务总局令
 * 第54号 第四章), in its own schema and with its own `list.entry.removed` (cause REPAIRED). An entry no longer
 * published (removed meanwhile, or its three years over) is left as it is: the event has nothing left to do.
 */
export const taxRepairConsumer: ConsumerDefinition = {
  name: 'tax.repair',
  types: ['repair.approved'],
  async handle(event, sql) {
    const p = event.payload as RepairApproved;
    if (p.recordKind !== 'MAJOR_TAX_VIOLATION' || event.department !== 'tax' || !/^\d{1,18}$/.test(p.recordId)) return;
    const [row] = (await sql.rows(
      `UPDATE tax.major_violation
          SET status = 'REMOVED', removed_on = $2::date, removal_ground = 'PAID_IN_FULL',
              removal_reason = $3, stop_applied_on = $4::date
        WHERE id = $1::bigint AND status = 'PUBLISHED' AND publicity_ends_on >= $2::date
        RETURNING subject_code`,
      [p.recordId, p.approvedOn, `信用修复（查询码 ${p.queryCode}）：${p.basis}`, p.appliedOn],
    )) as { subject_code: string }[];
    if (!row) return;
    await recordEvent(sql, {
      source: 'tax',
      type: 'list.entry.removed',
      department: 'tax',
      subject: row.subject_code,
      payload: {
        list: 'MAJOR_TAX_VIOLATOR',
        entryId: p.recordId,
        removedOn: p.approvedOn,
        cause: 'REPAIRED',
        ground: 'PAID_IN_FULL',
      },
    });
    await auditRepairAct(
      sql,
      event,
      'tax',
      row.subject_code,
      'Mutation.removeMajorTaxViolation',
      `entry ${p.recordId}`,
    );
  },
};
