/**
 * Market supervision's domain events (docs/events.md), recorded in the same transaction as the change into
 * market.outbox: 经营异常名录 / 经营异常状态 and 严重违法失信名单 entries added and removed. A 严重违法失信 entry
 * whose term ends leaves the list by itself (serious/rules.ts); `seriousTermEnded` announces that day once.
 */
import { clock } from '@credit-hub/kit';
import { prismaSql, type Db } from '@credit-hub/kit/db';
import {
  auditRepairAct,
  recordEvent,
  type ConsumerDefinition,
  type RepairApproved,
  type TimeEventRule,
} from '@credit-hub/kit/events';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
type Cause = 'REMOVED' | 'WITHDRAWN' | 'REPAIRED';

export const entryAdded = (
  tx: Tx,
  list: 'ABNORMAL_OPERATION' | 'SERIOUS_ILLEGAL',
  e: { id: bigint; subjectCode: string; listedOn: Date; listingAuthority: string },
  endsOn: Date | null,
) =>
  recordEvent(prismaSql(tx), {
    source: 'market',
    type: 'list.entry.added',
    department: 'market',
    subject: e.subjectCode,
    payload: {
      list,
      entryId: String(e.id),
      listedOn: iso(e.listedOn),
      endsOn: endsOn ? iso(endsOn) : null,
      authority: e.listingAuthority,
    },
  });

export const entryRemoved = (
  tx: Tx,
  list: 'ABNORMAL_OPERATION' | 'SERIOUS_ILLEGAL',
  e: { id: bigint; subjectCode: string; removedOn: Date | null },
  cause: Cause,
  ground: string | null,
) =>
  recordEvent(prismaSql(tx), {
    source: 'market',
    type: 'list.entry.removed',
    department: 'market',
    subject: e.subjectCode,
    payload: { list, entryId: String(e.id), removedOn: iso(e.removedOn ?? clock.today()), cause, ground },
  });

/** An entry in force leaves the 严重违法失信名单 the day after `expires_on` (serious/rules.ts `seriousStatus`). */
export const seriousTermEnded: TimeEventRule = {
  name: 'market.serious-illegal.term-ended',
  source: 'market',
  type: 'list.entry.removed',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, to_char(expires_on + 1, 'YYYY-MM-DD') AS day
         FROM market.serious_illegal_listing
        WHERE status = 'LISTED' AND expires_on + 1 > $1::date AND expires_on + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; day: string }[];
    return rows.map((r) => ({
      type: 'list.entry.removed' as const,
      department: 'market',
      subject: r.subject_code,
      endingKey: `SERIOUS_ILLEGAL:${r.id}:${r.day}`,
      payload: {
        list: 'SERIOUS_ILLEGAL' as const,
        entryId: r.id,
        removedOn: r.day,
        cause: 'TERM_ENDED' as const,
        ground: null,
      },
    }));
  },
};

export const marketTimeRules: readonly TimeEventRule[] = [seriousTermEnded];

/**
 * 信用修复 decided by market supervision in the platform's window ("谁认定、谁修复"): its system consumes
 * `repair.approved` and performs its own act in its own schema — a 严重违法失信名单 entry is removed early
 * (提前移出, ground EARLY_REMOVAL, the three conditions of 总局令第44号 found met by the approving officer), an
 * 经营异常名录 entry is removed (移出, the cause cured) — and announces it with `list.entry.removed` (cause REPAIRED).
 * An entry no longer in force is left as it is: nothing remains to repair.
 */
export const marketRepairConsumer: ConsumerDefinition = {
  name: 'market.repair',
  types: ['repair.approved'],
  async handle(event, sql) {
    const p = event.payload as RepairApproved;
    if (event.department !== 'market' || !/^\d{1,18}$/.test(p.recordId)) return;
    const ground = `信用修复（查询码 ${p.queryCode}）：${p.basis}`;
    let list: 'SERIOUS_ILLEGAL' | 'ABNORMAL_OPERATION';
    let rows: unknown[];
    if (p.recordKind === 'SERIOUS_ILLEGAL') {
      list = 'SERIOUS_ILLEGAL';
      rows = await sql.rows(
        `UPDATE market.serious_illegal_listing
            SET status = 'REMOVED', removed_on = $2::date, removal_ground = 'EARLY_REMOVAL', removal_basis = $3,
                repair_applied_on = $4::date, penalty_performed = true, harm_removed = true, no_new_heavy_penalty = true
          WHERE id = $1::bigint AND status = 'LISTED' AND expires_on >= $2::date
          RETURNING subject_code`,
        [p.recordId, p.approvedOn, ground, p.appliedOn],
      );
    } else if (p.recordKind === 'ABNORMAL_OPERATION') {
      list = 'ABNORMAL_OPERATION';
      rows = await sql.rows(
        `UPDATE market.abnormal_operation
            SET status = 'REMOVED', removed_on = $2::date, removal_reason = $3, applied_on = $4::date,
                removal_deadline = NULL
          WHERE id = $1::bigint AND status = 'LISTED'
          RETURNING subject_code`,
        [p.recordId, p.approvedOn, ground, p.appliedOn],
      );
    } else return;
    const [row] = rows as { subject_code: string }[];
    if (!row) return;
    await recordEvent(sql, {
      source: 'market',
      type: 'list.entry.removed',
      department: 'market',
      subject: row.subject_code,
      payload: { list, entryId: p.recordId, removedOn: p.approvedOn, cause: 'REPAIRED', ground: 'REPAIRED' },
    });
    const field = list === 'SERIOUS_ILLEGAL' ? 'Mutation.removeSeriousIllegal' : 'Mutation.removeAbnormalOperation';
    await auditRepairAct(sql, event, 'market', row.subject_code, field, `entry ${p.recordId}`);
  },
};
