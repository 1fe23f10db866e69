/**
 * The tax department's time-made events (docs/events.md). Its writes record their events themselves (writes.ts:
 * rating.changed, list.entry.added/removed). A 重大税收违法失信主体 entry is published until `publicity_ends_on`
 * (rules.ts `entryStatus`) and leaves the list by itself the day after; `publicityEnded` announces that day once.
 */
import {
  auditRepairAct,
  recordEvent,
  type ConsumerDefinition,
  endingsUpTo,
  type DepartmentSnapshot,
  type NewEvent,
  type RepairApproved,
  type TimeEventRule,
} from '@credit-hub/kit/events';
import { z } from 'zod';

const iso = (d: Date) => d.toISOString().slice(0, 10);

// The events of the tax department's writes, built apart from recording them so the state snapshot restates the
// same ones (docs/adr/0124-department-snapshots-and-exact-cut.md).

/** A 纳税信用 level that changed (the first level of a year has no previous one). */
export const ratingChangedEvent = (
  r: { id: bigint; subjectCode: string; year: number; level: string },
  previousLevel: string | null,
): NewEvent => ({
  source: 'tax',
  type: 'rating.changed',
  department: 'tax',
  subjectCode: r.subjectCode,
  payload: { scheme: 'TAX_CREDIT', year: r.year, level: r.level, previousLevel, ratingId: String(r.id) },
});

/** A 重大税收违法失信主体 entry published. */
export const violatorListedEvent = (e: {
  id: bigint;
  subjectCode: string;
  publishedOn: Date;
  publicityEndsOn: Date;
  inspectingAuthority: string;
}): NewEvent => ({
  source: 'tax',
  type: 'list.entry.added',
  department: 'tax',
  subjectCode: e.subjectCode,
  payload: {
    list: 'MAJOR_TAX_VIOLATOR',
    entryId: String(e.id),
    listedOn: iso(e.publishedOn),
    endsOn: iso(e.publicityEndsOn),
    authority: e.inspectingAuthority,
  },
});

/** Publication of an entry stopped: by the department (REMOVED) or by its 信用修复 act (REPAIRED). */
export const violatorRemovedEvent = (
  e: { id: bigint | string; subjectCode: string },
  removedOn: string,
  cause: 'REMOVED' | 'REPAIRED',
  ground: string,
): NewEvent => ({
  source: 'tax',
  type: 'list.entry.removed',
  department: 'tax',
  subjectCode: e.subjectCode,
  payload: { list: 'MAJOR_TAX_VIOLATOR', entryId: String(e.id), removedOn, cause, ground },
});

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
              removal_reason = $3, stop_applied_on = $4::date, repair_query_code = $5
        WHERE id = $1::bigint AND status = 'PUBLISHED' AND publicity_ends_on >= $2::date
        RETURNING subject_code`,
      [p.recordId, p.approvedOn, `信用修复（查询码 ${p.queryCode}）：${p.basis}`, p.appliedOn, p.queryCode],
    )) as { subject_code: string }[];
    if (!row) return;
    await recordEvent(
      sql,
      violatorRemovedEvent({ id: p.recordId, subjectCode: row.subject_code }, p.approvedOn, 'REPAIRED', 'PAID_IN_FULL'),
    );
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

const date = (v: string) => new Date(`${v}T00:00:00Z`);
const ratingRow = z.object({
  id: z.string(),
  subject_code: z.string(),
  year: z.number(),
  level: z.string(),
  updated_at: z.date(),
});
const violationRow = z.object({
  id: z.string(),
  subject_code: z.string(),
  published_on: z.string(),
  publicity_ends_on: z.string(),
  inspecting_authority: z.string(),
  status: z.enum(['PUBLISHED', 'REMOVED']),
  removed_on: z.string().nullable(),
  removal_ground: z.string().nullable(),
  repair_query_code: z.string().nullable(),
});

/**
 * The tax department's state snapshot for a metrics backfill (ADR 0113, ADR 0124). Restates:
 * - every 纳税信用 rating as its current level (no previous level), at the row's last change: the levels a rating went
 *   through before are not kept, so the level of a rating at a day before its last change cannot be restated;
 * - every 重大税收违法失信主体 entry as published, and its stop: by the department (cause REMOVED, its ground), by a
 *   信用修复 act (cause REPAIRED: the entries the repair consumer stopped hold the act's query code), or by the end of its three years
 *   (cause TERM_ENDED: the publicity-ended rule's own events for every day up to `today`).
 * Rows are never deleted by the department's writes, so nothing is lost but the intermediate rating levels.
 */
export const taxSnapshot: DepartmentSnapshot = async (sql, { today }) => {
  const events: NewEvent[] = [];
  const ratings = await sql.rows(
    `SELECT id::text, subject_code, year::int AS year, level::text, updated_at FROM tax.credit_rating ORDER BY id`,
  );
  for (const raw of ratings) {
    const r = ratingRow.parse(raw);
    events.push({
      ...ratingChangedEvent({ id: BigInt(r.id), subjectCode: r.subject_code, year: r.year, level: r.level }, null),
      occurredAt: r.updated_at,
    });
  }
  const entries = await sql.rows(
    `SELECT id::text, subject_code, published_on::text, publicity_ends_on::text, inspecting_authority, status::text,
            removed_on::text, removal_ground::text, repair_query_code
       FROM tax.major_violation ORDER BY id`,
  );
  for (const raw of entries) {
    const e = violationRow.parse(raw);
    const entry = {
      id: BigInt(e.id),
      subjectCode: e.subject_code,
      publishedOn: date(e.published_on),
      publicityEndsOn: date(e.publicity_ends_on),
      inspectingAuthority: e.inspecting_authority,
    };
    events.push(violatorListedEvent(entry));
    if (e.status === 'REMOVED' && e.removed_on) {
      const repaired = e.repair_query_code !== null;
      events.push(violatorRemovedEvent(entry, e.removed_on, repaired ? 'REPAIRED' : 'REMOVED', e.removal_ground ?? ''));
    }
  }
  events.push(...(await endingsUpTo(publicityEnded, sql, today)));
  return events;
};
