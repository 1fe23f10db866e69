/**
 * What the push subgraph does with events: takes them from the event backbone (idempotent by event id), queues one
 * delivery per matching subscription in the same transaction, learns who restricted whom from credit-check events,
 * and answers a subject's leaving a black list or a repaired record with measure.lift.required to each department
 * that intercepted or restricted it within the window (多端联动). Everything runs on the caller's transaction (`Sql`),
 * so an event is taken with all its consequences or not at all.
 *
 * The backbone's envelope is read in one place (`fromEnvelope`): the rest of the subgraph sees `IncomingEvent`.
 */
import { randomUUID } from 'node:crypto';
import { z } from '@credit-hub/kit';
import type { Sql } from '@credit-hub/kit/db';
import { knownEventTypes, liftTargets, MEASURE_LIFT_REQUIRED, type PushConfig } from './rules.ts';

/** An event as the push subgraph keeps it. */
export interface IncomingEvent {
  id: string;
  type: string;
  subjectCode: string | null;
  department: string;
  occurredAt: Date;
  version: number;
  payload: Record<string, unknown>;
}

/**
 * The event types of the backbone's catalogue the push subgraph can deliver. Until the backbone's catalogue is
 * merged this is the list of issue 16; `catalogueTypes()` is what subscriptions are checked against.
 */
export const BACKBONE_TYPES = [
  'list.entry.added',
  'list.entry.removed',
  'record.published',
  'record.publication.ended',
  'rating.changed',
  'disclosure.record.accepted',
  'disclosure.record.revised',
  'disclosure.record.repaired',
  'evaluation.grade.changed',
  'credit.check.recorded',
] as const;

export const catalogueTypes = (): string[] => knownEventTypes(BACKBONE_TYPES);

/** Event types whose payload names the checking department and the measure kind it applied. */
const CREDIT_CHECK_RECORDED = 'credit.check.recorded';

const envelope = z.object({
  id: z.string().uuid(),
  type: z.string().min(1),
  subjectCode: z.string().max(22).nullable().optional(),
  department: z.string().min(1),
  occurredAt: z.coerce.date(),
  version: z.coerce.number().int().positive().default(1),
  payload: z.record(z.string(), z.unknown()).default({}),
});

/** The backbone's envelope as the push subgraph keeps it (validated: a malformed envelope fails loudly). */
export function fromEnvelope(value: unknown): IncomingEvent {
  const e = envelope.parse(value);
  return { ...e, id: e.id.toLowerCase(), subjectCode: e.subjectCode ?? null };
}

const checkPayload = z.object({
  department: z.string().min(1).optional(),
  action: z.string().min(1),
});

/** A subject's leaving a black list, or a repaired record: the reasons for a measure are gone. */
export function isLiftCause(event: IncomingEvent): boolean {
  if (!event.subjectCode) return false;
  if (event.type === 'list.entry.removed') return event.payload.listType === 'BLACK';
  if (event.type === 'disclosure.record.repaired') return true;
  if (event.type === 'record.publication.ended') return event.payload.reason === 'REPAIRED';
  return false;
}

const inserted = z.object({ seq: z.coerce.bigint(), id: z.string() });

/**
 * Takes events (each once: an id already taken is skipped) and queues their deliveries. Returns the number taken.
 * `now` is the hub clock's instant: recorded time, first due time.
 */
export async function takeEvents(
  sql: Sql,
  events: readonly IncomingEvent[],
  config: Pick<PushConfig, 'liftWindowDays'>,
  now: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const fresh = await insertEvents(sql, events, now, null);
  const taken = events.filter((e) => fresh.has(e.id));
  for (const event of taken) {
    if (event.type === CREDIT_CHECK_RECORDED && event.subjectCode) await learnCheck(sql, event);
    if (isLiftCause(event)) await requestLifts(sql, event, config.liftWindowDays, now);
  }
  if (fresh.size > 0) await sql.rows(`SELECT pg_notify('push_delivery', '')`);
  return fresh.size;
}

/** Inserts events and their deliveries in two statements; returns the ids that were new. */
async function insertEvents(
  sql: Sql,
  events: readonly IncomingEvent[],
  now: Date,
  targetDepartment: string | null,
): Promise<Set<string>> {
  const rows = await sql.rows(
    `INSERT INTO push.event (id, type, subject_code, department, occurred_at, recorded_at, payload_version, payload,
                             target_department)
     SELECT e.id, e.type, e.subject_code, e.department, e.occurred_at, $6, e.version, e.payload, $7
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $8::int[], $9::jsonb[])
            WITH ORDINALITY AS e(id, type, subject_code, department, occurred_at, version, payload, n)
      ORDER BY e.n
     ON CONFLICT (id) DO NOTHING
     RETURNING seq, id::text AS id`,
    [
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.subjectCode),
      events.map((e) => e.department),
      events.map((e) => e.occurredAt),
      now,
      targetDepartment,
      events.map((e) => e.version),
      events.map((e) => JSON.stringify(e.payload)),
    ],
  );
  const fresh = z.array(inserted).parse(rows);
  if (fresh.length === 0) return new Set();
  // One delivery per subscription that wants the type (a targeted event: only its department's); revoked ones get
  // none, disabled ones queue and wait until enabled again.
  await sql.execute(
    `INSERT INTO push.delivery (subscription_id, event_seq, order_key, status, attempts, next_at, created_at)
     SELECT s.id, e.seq, coalesce(e.subject_code, e.id::text), 'PENDING'::push."PushDeliveryStatus", 0, $2, $2
       FROM push.event e JOIN push.subscription s
         ON s.status <> 'REVOKED' AND e.type = ANY (s.event_types)
        AND (e.target_department IS NULL OR s.department = e.target_department)
      WHERE e.seq = ANY ($1::bigint[])`,
    [fresh.map((r) => r.seq), now],
  );
  return new Set(fresh.map((r) => r.id));
}

/** Records which department checked the subject and what its check applied. */
async function learnCheck(sql: Sql, event: IncomingEvent): Promise<void> {
  const payload = checkPayload.safeParse(event.payload);
  if (!payload.success) throw new Error(`credit.check.recorded ${event.id}: payload without department/action`);
  await sql.execute(
    `INSERT INTO push.credit_check (event_id, subject_code, department, action, checked_at)
     VALUES ($1::uuid, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
    [event.id, event.subjectCode, payload.data.department ?? event.department, payload.data.action, event.occurredAt],
  );
}

const checkRow = z.object({ department: z.string(), action: z.string(), checkedAt: z.coerce.date() });

/**
 * Asks each department whose checks intercepted or restricted the subject within the window to lift its measure:
 * one measure_lift row and one measure.lift.required event (targeted at that department) per department.
 */
async function requestLifts(sql: Sql, cause: IncomingEvent, windowDays: number, now: Date): Promise<void> {
  const rows = await sql.rows(
    `SELECT department, action, checked_at AS "checkedAt" FROM push.credit_check
      WHERE subject_code = $1 AND checked_at >= $2::timestamptz - make_interval(days => $3) AND checked_at <= $2`,
    [cause.subjectCode, cause.occurredAt, windowDays],
  );
  const targets = liftTargets(z.array(checkRow).parse(rows), cause.occurredAt, windowDays);
  for (const target of targets) {
    const id = randomUUID();
    const eventId = randomUUID();
    const added = await sql.execute(
      `INSERT INTO push.measure_lift (id, event_id, cause_event_id, cause_type, subject_code, department, actions,
                                      last_checked_at, requested_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::text[], $8, $9)
       ON CONFLICT (cause_event_id, department) DO NOTHING`,
      [id, eventId, cause.id, cause.type, cause.subjectCode, target.department, target.actions, target.lastCheckedAt, now],
    );
    if (added === 0) continue;
    const lift: IncomingEvent = {
      id: eventId,
      type: MEASURE_LIFT_REQUIRED,
      subjectCode: cause.subjectCode,
      department: 'platform',
      occurredAt: now,
      version: 1,
      payload: {
        requestId: id,
        department: target.department,
        actions: target.actions,
        lastCheckedAt: target.lastCheckedAt.toISOString(),
        cause: { id: cause.id, type: cause.type, occurredAt: cause.occurredAt.toISOString() },
        windowDays,
      },
    };
    await insertEvents(sql, [lift], now, target.department);
  }
}
