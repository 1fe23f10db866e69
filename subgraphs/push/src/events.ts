/**
 * What the push subgraph does with events: takes them from the event backbone (idempotent by event id), queues one
 * delivery per matching subscription in the same transaction, learns who restricted whom from credit-check events,
 * and answers a subject's leaving a black list or a repaired record with measure.lift.required to each department
 * that intercepted or restricted it within the window (多端联动). Everything runs on the caller's transaction (`Sql`),
 * so an event is taken with all its consequences or not at all.
 *
 * The backbone's envelope is read in one place (`fromDelivered`): the rest of the subgraph sees `IncomingEvent`.
 */
import { clock, newId, z } from '@credit-hub/kit';
import type { Sql } from '@credit-hub/kit/db';
import {
  EVENT_TYPES,
  recordEvent,
  type ConsumerDefinition,
  type DepartmentSnapshot,
  type EventEnvelope,
  type NewEvent,
} from '@credit-hub/kit/events';
import { DEFAULT_CONFIG, knownEventTypes, liftTargets, MEASURE_LIFT_REQUIRED, type PushConfig } from './rules.ts';

/** An event as the push subgraph keeps it (the backbone's envelope; a person's key stands as its subject). */
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
 * Push's own delivery reports (`push.delivery.finished`): for the metrics, never delivered nor taken (a delivery of a
 * delivery report would make another one, without end).
 */
export const OWN_REPORT_TYPES: readonly string[] = ['push.delivery.finished'];
/**
 * Never pushed either: `state.snapshot`, a backfill's restatement of past changes for the metrics store (ADR 0113),
 * which subscribers were told of when they happened.
 */
const RESTATEMENT_TYPES: readonly string[] = ['state.snapshot'];
const DELIVERABLE_TYPES = EVENT_TYPES.filter((t) => !OWN_REPORT_TYPES.includes(t) && !RESTATEMENT_TYPES.includes(t));

/** The event types a subscription may name: the backbone's catalogue (measure.lift.required included). */
export const catalogueTypes = (): string[] => knownEventTypes(DELIVERABLE_TYPES);

/** The backbone's envelope as the push subgraph keeps it. */
export function fromDelivered(event: EventEnvelope): IncomingEvent {
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    subjectCode: event.subjectCode ?? event.personKey,
    department: event.department,
    occurredAt: event.occurredAt,
    version: event.version,
    payload: z.record(z.string(), z.unknown()).parse(event.payload),
  };
}

/**
 * The push subgraph's consumer of the platform bus: every catalogue type, taken in bus order (so per subject in the
 * writers' order) inside the consumer's transaction — the fan-out commits with the consumer's cursor, so a crash
 * neither loses nor doubles it.
 */
export function pushConsumer(config: Pick<PushConfig, 'liftWindowDays' | 'consumerBatch'>): ConsumerDefinition {
  return {
    name: 'push.webhooks',
    types: DELIVERABLE_TYPES,
    handle: async (event, sql) => {
      await takeEvents(sql, [fromDelivered(event)], config, clock.now());
    },
    // Batched fan-out: the batch's events and their deliveries in two statements (takeEvents keeps their order, so
    // a subject's deliveries queue in bus order); a failure re-runs the batch event by event through `handle`.
    handleBatch: async (events, sql) => {
      await takeEvents(sql, events.map(fromDelivered), config, clock.now());
    },
    batchSize: config.consumerBatch ?? DEFAULT_CONFIG.consumerBatch,
  };
}

const CREDIT_CHECK_RECORDED = 'credit.check.recorded';

const checkPayload = z.object({
  checkingDepartment: z.string().min(1),
  action: z.string().min(1),
  lists: z.array(z.string()),
});

/** Lists whose leaving ends the ground of a measure: the black lists and the watch lists (never a red list). */
export const DISCIPLINARY_LISTS = [
  'DISHONEST_DEBTOR',
  'MAJOR_TAX_VIOLATOR',
  'SERIOUS_ILLEGAL',
  'ENVIRONMENTAL_BLACKLIST',
  'CONSUMPTION_RESTRICTED',
  'ENVIRONMENTAL_WATCH',
  'ABNORMAL_OPERATION',
  'HIGH_FREQUENCY_OFFENDER',
];

/**
 * What a cause ends: for a list entry removed, that list (only the checks that found the subject on it are
 * concerned); for a repaired record, every measure (null); for an environmental rating leaving red or black, the
 * environmental black list. Anything else is no cause.
 */
export function liftCause(event: IncomingEvent): { list: string | null } | undefined {
  if (!event.subjectCode) return undefined;
  if (event.type === 'list.entry.removed') {
    const list = typeof event.payload.list === 'string' ? event.payload.list : '';
    return DISCIPLINARY_LISTS.includes(list) ? { list } : undefined;
  }
  if (event.type === 'disclosure.record.repaired') return { list: null };
  if (event.type === 'record.publication.ended' && event.payload.cause === 'REPAIRED') return { list: null };
  // The environmental black list is derived from the rating in force (docs/events.md): a rating that leaves red or
  // black (a repair, or a better rating published) ends that list for the checks that found the subject on it.
  if (event.type === 'rating.changed' && event.payload.scheme === 'ENVIRONMENTAL') {
    const black = (level: unknown) => level === 'RED' || level === 'BLACK';
    return black(event.payload.previousLevel) && !black(event.payload.level)
      ? { list: 'ENVIRONMENTAL_BLACKLIST' }
      : undefined;
  }
  return undefined;
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
  const fresh = await insertEvents(sql, events, now);
  const taken = events.filter((e) => fresh.has(e.id));
  // Credit checks are learned a run at a time, in one statement (ADR 0123): a batch of checks costs one statement,
  // not one per check. The run is written before any lift cause that follows it, so a cause sees exactly the checks
  // that precede it in bus order, as when the events were taken one by one.
  let checks: IncomingEvent[] = [];
  for (const event of taken) {
    if (event.type === CREDIT_CHECK_RECORDED && event.subjectCode) checks.push(event);
    const cause = liftCause(event);
    if (!cause) continue;
    await learnChecks(sql, checks);
    checks = [];
    await requestLifts(sql, event, cause.list, config.liftWindowDays, now);
  }
  await learnChecks(sql, checks);
  return fresh.size;
}

/** Inserts events and their deliveries in two statements; returns the ids that were new. */
async function insertEvents(sql: Sql, events: readonly IncomingEvent[], now: Date): Promise<Set<string>> {
  // One statement: the events, one delivery per subscription that wants the type (a targeted event: only its
  // department's; revoked subscriptions get none, disabled ones queue and wait until enabled again), and the
  // dispatcher's wake-up (NOTIFY is delivered at commit, never on rollback).
  const rows = await sql.rows(
    `WITH ins AS (
       INSERT INTO push.event (id, type, subject_code, department, occurred_at, recorded_at, payload_version, payload,
                               target_department)
       SELECT e.id, e.type, e.subject_code, e.department, e.occurred_at, $6, e.version, e.payload, e.target
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $7::int[], $8::jsonb[],
                     $9::text[])
              WITH ORDINALITY AS e(id, type, subject_code, department, occurred_at, version, payload, target, n)
        ORDER BY e.n
       ON CONFLICT (id) DO NOTHING
       RETURNING seq, id, type, subject_code, target_department),
     del AS (
       INSERT INTO push.delivery (subscription_id, event_seq, order_key, status, attempts, next_at, created_at)
       SELECT s.id, ins.seq, coalesce(ins.subject_code, ins.id::text), 'PENDING'::push."PushDeliveryStatus", 0, $6, $6
         FROM ins JOIN push.subscription s
           ON s.status <> 'REVOKED' AND ins.type = ANY (s.event_types)
          AND (ins.target_department IS NULL OR s.department = ins.target_department)
       RETURNING subscription_id, order_key, event_seq),
     -- A subject's queue gets a head when it had none. DO UPDATE (not DO NOTHING) locks an existing head row, so a
     -- dispatcher finishing that subject's previous delivery waits for this transaction and then sees this one.
     -- Rows are locked in (subscription, subject) order, the order the dispatcher locks them in when it records its
     -- results: a batch of many subjects and a dispatcher never wait on each other in a circle (deadlock).
     q AS (
       INSERT INTO push.queue (subscription_id, order_key, head_seq, next_at)
       SELECT subscription_id, order_key, min(event_seq), $6 FROM del GROUP BY subscription_id, order_key
        ORDER BY subscription_id, order_key
       ON CONFLICT (subscription_id, order_key) DO UPDATE SET head_seq = push.queue.head_seq
       RETURNING 1)
     SELECT ins.seq, ins.id::text AS id, (SELECT count(*) FROM del) AS deliveries, (SELECT count(*) FROM q) AS heads
       FROM ins CROSS JOIN (SELECT pg_notify('push_delivery', '')) AS woken`,
    [
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.subjectCode),
      events.map((e) => e.department),
      events.map((e) => e.occurredAt),
      now,
      events.map((e) => e.version),
      events.map((e) => JSON.stringify(e.payload)),
      // measure.lift.required goes only to the department it asks.
      events.map((e) =>
        e.type === MEASURE_LIFT_REQUIRED && typeof e.payload.department === 'string' ? e.payload.department : null,
      ),
    ],
  );
  return new Set(
    z
      .array(inserted)
      .parse(rows)
      .map((r) => r.id),
  );
}

/** Records, for each check, which department checked the subject and what its check applied: one statement. */
async function learnChecks(sql: Sql, events: readonly IncomingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const payloads = events.map((event) => {
    const payload = checkPayload.safeParse(event.payload);
    if (!payload.success) throw new Error(`credit.check.recorded ${event.id}: ${payload.error.message}`);
    return payload.data;
  });
  // A check's lists differ in length, and PostgreSQL arrays are rectangular: each travels as a JSON array.
  await sql.execute(
    `INSERT INTO push.credit_check (event_id, subject_code, department, action, lists, checked_at)
     SELECT u.event_id, u.subject_code, u.department, u.action, ARRAY(SELECT jsonb_array_elements_text(u.lists)),
            u.checked_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
            WITH ORDINALITY AS u(event_id, subject_code, department, action, lists, checked_at, n)
      ORDER BY u.n
     ON CONFLICT (event_id) DO NOTHING`,
    [
      events.map((e) => e.id),
      events.map((e) => e.subjectCode),
      payloads.map((p) => p.checkingDepartment),
      payloads.map((p) => p.action),
      payloads.map((p) => JSON.stringify(p.lists)),
      events.map((e) => e.occurredAt),
    ],
  );
}

const checkRow = z.object({ department: z.string(), action: z.string(), checkedAt: z.coerce.date() });

/**
 * Asks each department whose checks intercepted or restricted the subject within the window (and, for a list left,
 * found it on that list) to lift its measure: one measure_lift row and one measure.lift.required event, recorded in
 * this subgraph's outbox in the same transaction; the bus brings it back to the consumer, which queues it for that
 * department's subscriptions only.
 */
async function requestLifts(
  sql: Sql,
  cause: IncomingEvent,
  list: string | null,
  windowDays: number,
  now: Date,
): Promise<void> {
  const rows = await sql.rows(
    `SELECT department, action, checked_at AS "checkedAt" FROM push.credit_check
      WHERE subject_code = $1 AND checked_at >= $2::timestamptz - make_interval(days => $3) AND checked_at <= $2
        AND ($4::text IS NULL OR $4 = ANY (lists))`,
    [cause.subjectCode, cause.occurredAt, windowDays, list],
  );
  const targets = liftTargets(z.array(checkRow).parse(rows), cause.occurredAt, windowDays);
  for (const target of targets) {
    const id = newId();
    const eventId = newId();
    const added = await sql.execute(
      `INSERT INTO push.measure_lift (id, event_id, cause_event_id, cause_type, subject_code, department, actions,
                                      last_checked_at, requested_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::text[], $8, $9)
       ON CONFLICT (cause_event_id, department) DO NOTHING`,
      [
        id,
        eventId,
        cause.id,
        cause.type,
        cause.subjectCode,
        target.department,
        target.actions,
        target.lastCheckedAt,
        now,
      ],
    );
    if (added === 0) continue;
    await recordEvent(sql, {
      source: 'push',
      type: 'measure.lift.required',
      id: eventId,
      department: 'platform',
      subject: cause.subjectCode!,
      occurredAt: now,
      payload: {
        requestId: id,
        department: target.department,
        actions: target.actions,
        lastCheckedAt: target.lastCheckedAt.toISOString(),
        cause: { id: cause.id, type: cause.type, occurredAt: cause.occurredAt.toISOString() },
        windowDays,
      },
    });
  }
}

/** The delivery a finished report is about: the pushed event (id, type, subject, occurrence) and its subscription. */
export interface FinishedDelivery {
  id: string;
  type: string;
  subjectCode: string | null;
  occurredAt: Date;
  subscriptionId: string;
  subscriberDepartment: string | null;
}

/**
 * A delivery's end (`push.delivery.finished`) as the metrics count it: on time when delivered within
 * PUSH_SYNC_SLA_SECONDS of the event. The dispatcher records it when it writes the end; the state snapshot restates
 * it from the same rows, so both go through this one function (docs/adr/0130-snapshots-of-disclosure-and-push.md).
 */
export function deliveryFinishedEvent(
  d: FinishedDelivery,
  outcome: 'DELIVERED' | 'DEAD' | 'GONE',
  attempts: number,
  at: Date,
  slaMs: number,
): NewEvent {
  const latencyMs = Math.max(0, Math.round(at.getTime() - d.occurredAt.getTime()));
  return {
    source: 'push',
    type: 'push.delivery.finished',
    department: d.subscriberDepartment ?? 'platform',
    ...(d.subjectCode ? { subject: d.subjectCode } : {}),
    occurredAt: at,
    payload: {
      eventId: d.id,
      eventType: d.type,
      subscriptionId: d.subscriptionId,
      subscriberDepartment: d.subscriberDepartment,
      outcome,
      attempts,
      latencyMs,
      timely: outcome === 'DELIVERED' && latencyMs <= slaMs,
    },
  };
}

const finishedRow = z.object({
  id: z.string(),
  type: z.string(),
  subject_code: z.string().nullable(),
  occurred_at: z.date(),
  subscription_id: z.string(),
  subscriber_department: z.string().nullable(),
  outcome: z.enum(['DELIVERED', 'DEAD', 'GONE']),
  attempt: z.number().int(),
  finished_at: z.date(),
});

/**
 * The push subgraph's state snapshot for a metrics backfill (ADR 0113, ADR 0124, ADR 0130): every delivery that has
 * ended (delivered, or a dead letter), restated from its row and its last attempt — the attempt that ended it
 * (outcome DELIVERED, DEAD or GONE) gives the outcome and the attempt count; the end is the delivery's `delivered_at`
 * or, for a dead letter, the attempt's start plus its duration (the instant the dispatcher took, to the millisecond
 * the attempt log keeps). `syncSlaSeconds` is the hub's PUSH_SYNC_SLA_SECONDS, as the dispatcher judges timeliness.
 * Cannot restate: an earlier end of a delivery replayed since (a replay sets it waiting again; only its last end is
 * in the rows), and a delivery whose subscription or event row was deleted by hand.
 */
export const pushSnapshotOf =
  (syncSlaSeconds: number = DEFAULT_CONFIG.syncSlaSeconds): DepartmentSnapshot =>
  async (sql) => {
    const rows = await sql.rows(
      `SELECT e.id::text AS id, e.type, e.subject_code, e.occurred_at, d.subscription_id::text AS subscription_id,
              s.department AS subscriber_department, a.outcome, a.attempt,
              coalesce(d.delivered_at, a.at + make_interval(secs => a.duration_ms / 1000.0)) AS finished_at
         FROM push.delivery d
         JOIN push.event e ON e.seq = d.event_seq
         JOIN push.subscription s ON s.id = d.subscription_id
         JOIN LATERAL (SELECT outcome, attempt, at, duration_ms FROM push.attempt a
                        WHERE a.subscription_id = d.subscription_id AND a.event_seq = d.event_seq
                          AND a.outcome IN ('DELIVERED', 'DEAD', 'GONE')
                        ORDER BY a.id DESC LIMIT 1) a ON true
        WHERE d.status <> 'PENDING'
        ORDER BY d.subscription_id, d.event_seq`,
    );
    return rows.map((raw) => {
      const r = finishedRow.parse(raw);
      return deliveryFinishedEvent(
        {
          id: r.id,
          type: r.type,
          subjectCode: r.subject_code,
          occurredAt: r.occurred_at,
          subscriptionId: r.subscription_id,
          subscriberDepartment: r.subscriber_department,
        },
        r.outcome,
        r.attempt,
        r.finished_at,
        syncSlaSeconds * 1000,
      );
    });
  };

/** The snapshot with the default PUSH_SYNC_SLA_SECONDS (rules.ts DEFAULT_CONFIG). */
export const pushSnapshot: DepartmentSnapshot = pushSnapshotOf();
