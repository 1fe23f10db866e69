/**
 * Market supervision's domain events (docs/events.md), recorded in the same transaction as the change into
 * market.outbox: 经营异常名录 / 经营异常状态 and 严重违法失信名单 entries added and removed. A 严重违法失信 entry
 * whose term ends leaves the list by itself (serious/rules.ts); `seriousTermEnded` announces that day once.
 */
import { clock } from '@credit-hub/kit';
import { prismaSql, type Db } from '@credit-hub/kit/db';
import {
  auditRepairAct,
  endingsUpTo,
  recordEvent,
  type ConsumerDefinition,
  type DepartmentSnapshot,
  type NewEvent,
  type RepairApproved,
  type TimeEventRule,
} from '@credit-hub/kit/events';
import { z } from 'zod';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
type Cause = 'REMOVED' | 'WITHDRAWN' | 'REPAIRED';

type MarketList = 'ABNORMAL_OPERATION' | 'SERIOUS_ILLEGAL';

// The events of market supervision's writes, built apart from recording them so the state snapshot restates the same
// ones (docs/adr/0124-department-snapshots-and-exact-cut.md).
export const entryAddedEvent = (
  list: MarketList,
  e: { id: bigint; subjectCode: string; listedOn: Date; listingAuthority: string },
  endsOn: Date | null,
): NewEvent => ({
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
export const entryAdded = (
  tx: Tx,
  list: MarketList,
  e: { id: bigint; subjectCode: string; listedOn: Date; listingAuthority: string },
  endsOn: Date | null,
) => recordEvent(prismaSql(tx), entryAddedEvent(list, e, endsOn));

export const entryRemovedEvent = (
  list: MarketList,
  e: { id: bigint | string; subjectCode: string; removedOn: Date | null },
  cause: Cause,
  ground: string | null,
): NewEvent => ({
  source: 'market',
  type: 'list.entry.removed',
  department: 'market',
  subject: e.subjectCode,
  payload: { list, entryId: String(e.id), removedOn: iso(e.removedOn ?? clock.today()), cause, ground },
});
export const entryRemoved = (
  tx: Tx,
  list: MarketList,
  e: { id: bigint; subjectCode: string; removedOn: Date | null },
  cause: Cause,
  ground: string | null,
) => recordEvent(prismaSql(tx), entryRemovedEvent(list, e, cause, ground));

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
                repair_applied_on = $4::date, penalty_performed = true, harm_removed = true, no_new_heavy_penalty = true,
                repair_query_code = $5
          WHERE id = $1::bigint AND status = 'LISTED' AND expires_on >= $2::date
          RETURNING subject_code`,
        [p.recordId, p.approvedOn, ground, p.appliedOn, p.queryCode],
      );
    } else if (p.recordKind === 'ABNORMAL_OPERATION') {
      list = 'ABNORMAL_OPERATION';
      rows = await sql.rows(
        `UPDATE market.abnormal_operation
            SET status = 'REMOVED', removed_on = $2::date, removal_reason = $3, applied_on = $4::date,
                removal_deadline = NULL, repair_query_code = $5
          WHERE id = $1::bigint AND status = 'LISTED'
          RETURNING subject_code`,
        [p.recordId, p.approvedOn, ground, p.appliedOn, p.queryCode],
      );
    } else return;
    const [row] = rows as { subject_code: string }[];
    if (!row) return;
    await recordEvent(
      sql,
      entryRemovedEvent(
        list,
        { id: p.recordId, subjectCode: row.subject_code, removedOn: new Date(`${p.approvedOn}T00:00:00Z`) },
        'REPAIRED',
        'REPAIRED',
      ),
    );
    const field = list === 'SERIOUS_ILLEGAL' ? 'Mutation.removeSeriousIllegal' : 'Mutation.removeAbnormalOperation';
    await auditRepairAct(sql, event, 'market', row.subject_code, field, `entry ${p.recordId}`);
  },
};

const date = (v: string) => new Date(`${v}T00:00:00Z`);
const abnormalRow = z.object({
  id: z.string(),
  subject_code: z.string(),
  listing_authority: z.string(),
  listed_on: z.string(),
  removed_on: z.string().nullable(),
  removal_reason: z.string().nullable(),
  repair_query_code: z.string().nullable(),
  status: z.enum(['LISTED', 'REMOVED', 'REVOKED']),
});
const seriousRow = z.object({
  id: z.string(),
  subject_code: z.string(),
  listing_authority: z.string(),
  listed_on: z.string(),
  expires_on: z.string(),
  removed_on: z.string().nullable(),
  removal_ground: z.enum(['EARLY_REMOVAL', 'REVOKED']).nullable(),
  repair_query_code: z.string().nullable(),
  status: z.enum(['LISTED', 'REMOVED', 'REVOKED']),
});

/**
 * Market supervision's state snapshot for a metrics backfill (ADR 0113, ADR 0124). Restates every 经营异常名录 /
 * 经营异常状态 entry and every 严重违法失信名单 entry as listed, and how it left: 移出 (REMOVED), 撤销 (WITHDRAWN),
 * 提前移出 or a 信用修复 act in the platform's window (REPAIRED: the entries the repair consumer removed hold the act's query
 * code), or the end of its term (TERM_ENDED: the term-ended rule's own events up to `today`). Entries are never deleted
 * by the department's writes, so every entry is restated.
 */
export const marketSnapshot: DepartmentSnapshot = async (sql, { today }) => {
  const events: NewEvent[] = [];
  const abnormal = await sql.rows(
    `SELECT id::text, subject_code, listing_authority, listed_on::text, removed_on::text, removal_reason,
            repair_query_code, status::text
       FROM market.abnormal_operation ORDER BY id`,
  );
  for (const raw of abnormal) {
    const a = abnormalRow.parse(raw);
    const entry = {
      id: BigInt(a.id),
      subjectCode: a.subject_code,
      listedOn: date(a.listed_on),
      listingAuthority: a.listing_authority,
      removedOn: a.removed_on ? date(a.removed_on) : null,
    };
    events.push(entryAddedEvent('ABNORMAL_OPERATION', entry, null));
    if (a.status === 'LISTED' || !entry.removedOn) continue;
    if (a.repair_query_code !== null)
      events.push(entryRemovedEvent('ABNORMAL_OPERATION', entry, 'REPAIRED', 'REPAIRED'));
    else
      events.push(
        entryRemovedEvent(
          'ABNORMAL_OPERATION',
          entry,
          a.status === 'REVOKED' ? 'WITHDRAWN' : 'REMOVED',
          a.removal_reason,
        ),
      );
  }
  const serious = await sql.rows(
    `SELECT id::text, subject_code, listing_authority, listed_on::text, expires_on::text, removed_on::text,
            removal_ground::text, repair_query_code, status::text
       FROM market.serious_illegal_listing ORDER BY id`,
  );
  for (const raw of serious) {
    const r = seriousRow.parse(raw);
    const entry = {
      id: BigInt(r.id),
      subjectCode: r.subject_code,
      listedOn: date(r.listed_on),
      listingAuthority: r.listing_authority,
      removedOn: r.removed_on ? date(r.removed_on) : null,
    };
    events.push(entryAddedEvent('SERIOUS_ILLEGAL', entry, date(r.expires_on)));
    if (r.status === 'LISTED' || !entry.removedOn) continue;
    if (r.repair_query_code !== null) events.push(entryRemovedEvent('SERIOUS_ILLEGAL', entry, 'REPAIRED', 'REPAIRED'));
    else
      events.push(
        entryRemovedEvent(
          'SERIOUS_ILLEGAL',
          entry,
          r.removal_ground === 'REVOKED' ? 'WITHDRAWN' : 'REPAIRED',
          r.removal_ground,
        ),
      );
  }
  events.push(...(await endingsUpTo(seriousTermEnded, sql, today)));
  return events;
};
