/**
 * The push subgraph's reads: subscriptions, their backlog, deliveries and delivery log (keyset pages), the metrics
 * for the dashboards and the outstanding measure-lift requests. Raw rows are parsed (zod), never cast.
 */
import { badInput, clock, readPage, toConnection, z } from '@credit-hub/kit';
import { prismaSql, type Db, type MeasureLift, type PushSubscription, type Sql } from '@credit-hub/kit/db';
import type { PushAttemptOutcome, PushDeliveryStatus } from './__generated__/types.ts';
import type {
  PushAttemptConnectionMapper,
  PushAttemptMapper,
  PushDeliveryConnectionMapper,
  PushDeliveryMapper,
  PushMetricsMapper,
} from './mappers.ts';

export async function subscriptions(
  db: Db,
  filter: { department?: string | null; includeRevoked?: boolean | null },
): Promise<PushSubscription[]> {
  return db.prisma.pushSubscription.findMany({
    where: {
      ...(filter.department ? { department: filter.department } : {}),
      ...(filter.includeRevoked ? {} : { status: { not: 'REVOKED' } }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
}

export const subscriptionById = (db: Db, id: string) => db.prisma.pushSubscription.findUnique({ where: { id } });

const countRow = z.object({ key: z.string(), n: z.coerce.number() });

/** Waiting deliveries per subscription, for a whole list in one statement (the loader's batch). */
export async function backlogs(db: Db, ids: readonly string[]): Promise<{ key: string; n: number }[]> {
  const rows = await prismaSql(db.prisma).rows(
    `SELECT subscription_id::text AS key, count(*) AS n FROM push.delivery
      WHERE status = 'PENDING' AND subscription_id = ANY($1::uuid[]) GROUP BY subscription_id`,
    [ids],
  );
  return z.array(countRow).parse(rows);
}

const seqCursor = (v: unknown): v is string => typeof v === 'string' && /^\d{1,18}$/.test(v);

const deliveryRow = z.object({
  subscriptionId: z.string(),
  eventSeq: z.coerce.bigint(),
  eventId: z.string(),
  eventType: z.string(),
  occurredAt: z.coerce.date(),
  status: z.enum(['PENDING', 'DELIVERED', 'DEAD']),
  attempts: z.coerce.number(),
  nextAt: z.coerce.date(),
  lastStatusCode: z.coerce.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.coerce.date().nullable(),
});

const DELIVERY_COLUMNS = `d.subscription_id::text AS "subscriptionId", d.event_seq AS "eventSeq", e.id::text AS "eventId",
  e.type AS "eventType", e.occurred_at AS "occurredAt", d.status::text AS status, d.attempts, d.next_at AS "nextAt",
  d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.delivered_at AS "deliveredAt"`;

/** One delivery (after a replay), on the caller's handle. */
export async function deliveryOf(
  sql: Sql,
  subscriptionId: string,
  eventSeq: bigint,
): Promise<PushDeliveryMapper | null> {
  const rows = await sql.rows(
    `SELECT ${DELIVERY_COLUMNS} FROM push.delivery d JOIN push.event e ON e.seq = d.event_seq
      WHERE d.subscription_id = $1::uuid AND d.event_seq = $2::bigint`,
    [subscriptionId, eventSeq],
  );
  return rows.length ? deliveryRow.parse(rows[0]) : null;
}

/** A subscription's deliveries, newest event first, keyset on the event's sequence number. */
export async function deliveriesOf(
  db: Db,
  subscriptionId: string,
  args: {
    status?: PushDeliveryStatus | null;
    from?: Date | null;
    to?: Date | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<PushDeliveryConnectionMapper> {
  const page = readPage(args, seqCursor);
  const rows = await prismaSql(db.prisma).rows(
    `SELECT ${DELIVERY_COLUMNS}
       FROM push.delivery d JOIN push.event e ON e.seq = d.event_seq
      WHERE d.subscription_id = $1::uuid
        AND ($2::text IS NULL OR d.status::text = $2)
        AND ($3::timestamptz IS NULL OR e.occurred_at >= $3)
        AND ($4::timestamptz IS NULL OR e.occurred_at < $4)
        AND ($5::bigint IS NULL OR d.event_seq < $5)
      ORDER BY d.event_seq DESC LIMIT $6`,
    [subscriptionId, args.status ?? null, args.from ?? null, args.to ?? null, page.after, page.limit],
  );
  const parsed: PushDeliveryMapper[] = z.array(deliveryRow).parse(rows);
  return toConnection(parsed, page, (r) => r.eventSeq.toString());
}

const attemptRow = z.object({
  id: z.coerce.bigint(),
  eventId: z.string(),
  eventType: z.string(),
  attempt: z.coerce.number(),
  at: z.coerce.date(),
  durationMs: z.coerce.number(),
  statusCode: z.coerce.number().nullable(),
  error: z.string().nullable(),
  outcome: z.enum(['DELIVERED', 'RETRY', 'DEAD', 'GONE'] satisfies PushAttemptOutcome[]),
});

/** The delivery log of a subscription (every attempt, newest first), optionally of one event. */
export async function attemptsOf(
  db: Db,
  subscriptionId: string,
  args: { eventId?: string | null; first?: number | null; after?: string | null },
): Promise<PushAttemptConnectionMapper> {
  const page = readPage(args, seqCursor);
  const rows = await prismaSql(db.prisma).rows(
    `SELECT a.id, e.id::text AS "eventId", e.type AS "eventType", a.attempt, a.at, a.duration_ms AS "durationMs",
            a.status_code AS "statusCode", a.error, a.outcome
       FROM push.attempt a JOIN push.event e ON e.seq = a.event_seq
      WHERE a.subscription_id = $1::uuid
        AND ($2::uuid IS NULL OR e.id = $2::uuid)
        AND ($3::bigint IS NULL OR a.id < $3)
      ORDER BY a.id DESC LIMIT $4`,
    [subscriptionId, args.eventId ?? null, page.after, page.limit],
  );
  const parsed: PushAttemptMapper[] = z.array(attemptRow).parse(rows);
  return toConnection(parsed, page, (r) => r.id.toString());
}

const metricsRow = z.object({
  deliveries: z.coerce.number(),
  delivered: z.coerce.number(),
  dead: z.coerce.number(),
  pending: z.coerce.number(),
  attempts: z.coerce.number(),
  succeeded: z.coerce.number(),
  lagP50: z.coerce.number().nullable(),
  lagP95: z.coerce.number().nullable(),
  timely: z.coerce.number(),
  judged: z.coerce.number(),
  backlog: z.coerce.number(),
  oldestPending: z.coerce.number().nullable(),
  disabled: z.coerce.number(),
  outstandingLifts: z.coerce.number(),
});

/**
 * The delivery metrics of the events recorded in [from, to) (default: the 24 hours before now on the hub clock),
 * in one statement. Lag is from the event's occurrence (its commit in the outbox) to the 2xx answer. 同步及时率 counts
 * a delivery as judged once it was delivered or its threshold passed while it waited or died.
 */
export async function pushMetrics(
  db: Db,
  args: { from?: Date | null; to?: Date | null },
  slaSeconds: number,
): Promise<PushMetricsMapper> {
  const now = clock.now();
  const to = args.to ?? now;
  const from = args.from ?? new Date(to.getTime() - 86_400_000);
  if (from.getTime() >= to.getTime()) throw badInput('from', 'ORDER', '`from` must be before `to`');
  const [row] = await prismaSql(db.prisma).rows(
    `WITH d AS (
       SELECT d.subscription_id, d.event_seq, d.status, d.delivered_at, e.occurred_at
         FROM push.delivery d JOIN push.event e ON e.seq = d.event_seq
        WHERE e.recorded_at >= $1 AND e.recorded_at < $2)
     SELECT
       (SELECT count(*) FROM d) AS deliveries,
       (SELECT count(*) FROM d WHERE status = 'DELIVERED') AS delivered,
       (SELECT count(*) FROM d WHERE status = 'DEAD') AS dead,
       (SELECT count(*) FROM d WHERE status = 'PENDING') AS pending,
       (SELECT count(*) FROM push.attempt a JOIN d USING (subscription_id, event_seq)) AS attempts,
       (SELECT count(*) FROM push.attempt a JOIN d USING (subscription_id, event_seq) WHERE a.outcome = 'DELIVERED') AS succeeded,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - occurred_at))
          FROM d WHERE status = 'DELIVERED') AS "lagP50",
       (SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - occurred_at))
          FROM d WHERE status = 'DELIVERED') AS "lagP95",
       (SELECT count(*) FROM d WHERE status = 'DELIVERED' AND delivered_at <= occurred_at + make_interval(secs => $4)) AS timely,
       (SELECT count(*) FROM d WHERE status = 'DELIVERED' OR occurred_at + make_interval(secs => $4) <= $3) AS judged,
       (SELECT count(*) FROM push.delivery WHERE status = 'PENDING') AS backlog,
       (SELECT extract(epoch FROM $3 - min(e.occurred_at)) FROM push.delivery x JOIN push.event e ON e.seq = x.event_seq
         WHERE x.status = 'PENDING') AS "oldestPending",
       (SELECT count(*) FROM push.subscription WHERE status = 'DISABLED') AS disabled,
       (SELECT count(*) FROM push.measure_lift WHERE acknowledged_at IS NULL) AS "outstandingLifts"`,
    [from, to, now, slaSeconds],
  );
  const m = metricsRow.parse(row);
  return {
    from,
    to,
    deliveries: m.deliveries,
    delivered: m.delivered,
    deadLetters: m.dead,
    pending: m.pending,
    attempts: m.attempts,
    successRate: m.attempts ? m.succeeded / m.attempts : null,
    lagP50Seconds: m.lagP50,
    lagP95Seconds: m.lagP95,
    slaSeconds,
    syncTimelinessRate: m.judged ? m.timely / m.judged : null,
    backlog: m.backlog,
    oldestPendingSeconds: m.oldestPending,
    disabledSubscriptions: m.disabled,
    outstandingLifts: m.outstandingLifts,
  };
}

/** Unacknowledged measure-lift requests, oldest first, of one department or (department null) all. */
export function outstandingLifts(db: Db, department: string | null, first: number): Promise<MeasureLift[]> {
  return db.prisma.measureLift.findMany({
    where: { acknowledgedAt: null, ...(department ? { department } : {}) },
    orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
    take: first,
  });
}
