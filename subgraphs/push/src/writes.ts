/**
 * The push subgraph's writes: administrators create, revoke and enable webhook subscriptions and replay deliveries;
 * a department acknowledges a measure-lift request. Each validates first (rules.ts) and runs its change and its
 * audit WRITE entry in one transaction (`ctx.audited`).
 */
import { randomBytes } from 'node:crypto';
import {
  badInput,
  clock,
  conflict,
  forbidden,
  newId,
  notFound,
  optionalText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { prismaSql, type MeasureLift, type PushSubscription } from '@credit-hub/kit/db';
import type {
  CreatePushSubscriptionInput,
  MutationAcknowledgeMeasureLiftArgs,
  MutationEnablePushSubscriptionArgs,
  MutationReplayPushEventArgs,
  MutationReplayPushEventsArgs,
} from './__generated__/types.ts';
import { catalogueTypes } from './events.ts';
import { deliveryOf } from './reads.ts';
import { checkNewSubscription, checkUuid, webhookSecretFrom, type PushConfig } from './rules.ts';
import type { PushDeliveryMapper } from './mappers.ts';

type Ctx = SubgraphContext<unknown, PushConfig>;

/** Creates a subscription; its secret is returned once (it is kept to sign, never shown again). */
export async function createSubscription(
  ctx: Ctx,
  input: CreatePushSubscriptionInput,
): Promise<{ subscription: PushSubscription; secret: string }> {
  const checked = checkNewSubscription(input, catalogueTypes(), ctx.config.allowPrivateUrls);
  const secret = webhookSecretFrom(randomBytes(32));
  const id = newId();
  const owner = checked.department ?? checked.serviceName;
  const subscription = await ctx.audited(
    {
      subjectCode: null,
      fields: ['Mutation.createPushSubscription'],
      detail: `subscription ${id} for ${owner}: ${checked.url} (${checked.eventTypes.join(',')})`,
    },
    (tx) =>
      tx.pushSubscription.create({
        data: { id, ...checked, secret, createdBy: ctx.identity.actor, createdAt: clock.now() },
      }),
  );
  return { subscription, secret };
}

/** Revokes a subscription: nothing more is queued or sent. Revoking a revoked one keeps the first revocation. */
export function revokeSubscription(ctx: Ctx, rawId: string): Promise<PushSubscription> {
  const id = checkUuid(rawId, 'id', 'a subscription');
  return ctx.audited(
    { subjectCode: null, fields: ['Mutation.revokePushSubscription'], detail: `subscription ${id}` },
    async (tx) => {
      const existing = await tx.pushSubscription.findUnique({ where: { id } });
      if (!existing) throw notFound('push subscription', id, { field: 'id' });
      if (existing.status === 'REVOKED') return existing;
      return tx.pushSubscription.update({
        where: { id },
        data: { status: 'REVOKED', revokedAt: clock.now(), revokedBy: ctx.identity.actor },
      });
    },
  );
}

/**
 * Enables a disabled subscription. With `redeliverDeadLetters` its dead letters are queued again (attempts start
 * over), so that they go out before the later events of their subjects.
 */
export function enableSubscription(ctx: Ctx, args: MutationEnablePushSubscriptionArgs): Promise<PushSubscription> {
  const id = checkUuid(args.id, 'id', 'a subscription');
  const redeliver = args.redeliverDeadLetters ?? true;
  return ctx.audited(
    {
      subjectCode: null,
      fields: ['Mutation.enablePushSubscription'],
      detail: `subscription ${id}${redeliver ? ', dead letters queued again' : ''}`,
    },
    async (tx) => {
      const existing = await tx.pushSubscription.findUnique({ where: { id } });
      if (!existing) throw notFound('push subscription', id, { field: 'id' });
      if (existing.status === 'REVOKED')
        throw conflict('id', 'ALREADY_REVOKED', `push subscription ${id} is revoked and cannot be enabled`);
      if (existing.status === 'ACTIVE') return existing;
      const now = clock.now();
      if (redeliver)
        await prismaSql(tx).execute(
          `UPDATE push.delivery SET status = 'PENDING', attempts = 0, next_at = $2
            WHERE subscription_id = $1::uuid AND status = 'DEAD'`,
          [id, now],
        );
      await prismaSql(tx).execute(REHEAD, [id]);
      await prismaSql(tx).rows(`SELECT pg_notify('push_delivery', '')::text AS woken`);
      return tx.pushSubscription.update({
        where: { id },
        data: { status: 'ACTIVE', disabledAt: null, disabledReason: null },
      });
    },
  );
}

/** The subscription a replay names: it must exist and not be revoked. */
async function replayable(tx: Parameters<Parameters<Ctx['audited']>[1]>[0], id: string) {
  const subscription = await tx.pushSubscription.findUnique({ where: { id } });
  if (!subscription) throw notFound('push subscription', id, { field: 'subscriptionId' });
  if (subscription.status === 'REVOKED')
    throw conflict(
      'subscriptionId',
      'ALREADY_REVOKED',
      `push subscription ${id} is revoked: nothing is replayed to it`,
    );
  return subscription;
}

/**
 * Queues events again for a subscription (replay): a delivered or dead delivery starts over; one still waiting is
 * left as it is; an event of its types it never had (recorded before it existed) is queued. Same webhook-id.
 */
const REQUEUE = `
  INSERT INTO push.delivery (subscription_id, event_seq, order_key, status, attempts, next_at, created_at)
  SELECT $1::uuid, e.seq, coalesce(e.subject_code, e.id::text), 'PENDING'::push."PushDeliveryStatus", 0, $2, $2
    FROM push.event e
   WHERE e.type = ANY ($3::text[]) AND (e.target_department IS NULL OR e.target_department = $4) AND %WHERE%
  ON CONFLICT (subscription_id, event_seq) DO UPDATE
     SET status = 'PENDING', attempts = 0, next_at = excluded.next_at
   WHERE push.delivery.status <> 'PENDING'`;

/**
 * After deliveries of a subscription were queued again: each subject's queue head is its earliest waiting delivery
 * (a replayed event earlier than the current head goes first).
 */
const REHEAD = `
  INSERT INTO push.queue (subscription_id, order_key, head_seq, next_at)
  SELECT DISTINCT ON (order_key) subscription_id, order_key, event_seq, next_at
    FROM push.delivery WHERE subscription_id = $1::uuid AND status = 'PENDING'
   ORDER BY order_key, event_seq
  ON CONFLICT (subscription_id, order_key) DO UPDATE SET head_seq = excluded.head_seq, next_at = excluded.next_at
   WHERE excluded.head_seq < push.queue.head_seq`;

export function replayEvent(ctx: Ctx, args: MutationReplayPushEventArgs): Promise<PushDeliveryMapper> {
  const subscriptionId = checkUuid(args.subscriptionId, 'subscriptionId', 'a subscription');
  const eventId = checkUuid(args.eventId, 'eventId', 'an event');
  return ctx.audited(
    {
      subjectCode: null,
      fields: ['Mutation.replayPushEvent'],
      detail: `event ${eventId} to subscription ${subscriptionId}`,
    },
    async (tx) => {
      const subscription = await replayable(tx, subscriptionId);
      const event = await tx.pushEvent.findUnique({ where: { id: eventId } });
      if (!event) throw notFound('push event', eventId, { field: 'eventId' });
      if (
        !subscription.eventTypes.includes(event.type) ||
        (event.targetDepartment !== null && event.targetDepartment !== subscription.department)
      )
        throw badInput(
          'eventId',
          'NOT_SUBSCRIBED',
          `event ${eventId} (${event.type}) is not of a type subscription ${subscriptionId} receives`,
        );
      const sql = prismaSql(tx);
      await sql.execute(REQUEUE.replace('%WHERE%', 'e.seq = $5::bigint'), [
        subscriptionId,
        clock.now(),
        subscription.eventTypes,
        subscription.department,
        event.seq,
      ]);
      await sql.execute(REHEAD, [subscriptionId]);
      await sql.rows(`SELECT pg_notify('push_delivery', '')::text AS woken`);
      const delivery = await deliveryOf(sql, subscriptionId, event.seq);
      if (!delivery) throw new Error(`replay of ${eventId} left no delivery`);
      return delivery;
    },
  );
}

/** The longest period one replay may cover. */
export const MAX_REPLAY_DAYS = 31;

export function replayEvents(ctx: Ctx, args: MutationReplayPushEventsArgs): Promise<number> {
  const subscriptionId = checkUuid(args.subscriptionId, 'subscriptionId', 'a subscription');
  const { from, to } = args;
  if (from.getTime() >= to.getTime()) throw badInput('to', 'ORDER', '`to` must be after `from`');
  if (to.getTime() - from.getTime() > MAX_REPLAY_DAYS * 86_400_000)
    throw badInput('to', 'RANGE', `one replay covers at most ${MAX_REPLAY_DAYS} days; replay longer periods in parts`);
  return ctx.audited(
    {
      subjectCode: null,
      fields: ['Mutation.replayPushEvents'],
      detail: `events of ${from.toISOString()}–${to.toISOString()} to subscription ${subscriptionId}`,
    },
    async (tx) => {
      const subscription = await replayable(tx, subscriptionId);
      const sql = prismaSql(tx);
      const queued = await sql.execute(REQUEUE.replace('%WHERE%', 'e.occurred_at >= $5 AND e.occurred_at < $6'), [
        subscriptionId,
        clock.now(),
        subscription.eventTypes,
        subscription.department,
        from,
        to,
      ]);
      await sql.rows(`SELECT pg_notify('push_delivery', '')::text AS woken`);
      await sql.execute(REHEAD, [subscriptionId]);
      return queued;
    },
  );
}

/**
 * A department acknowledges a measure-lift request: only an officer or system of the department asked
 * (supervisors read, they do not answer for a department). Acknowledging twice is a CONFLICT.
 */
export async function acknowledgeLift(ctx: Ctx, args: MutationAcknowledgeMeasureLiftArgs): Promise<MeasureLift> {
  const id = checkUuid(args.id, 'id', 'a measure-lift request');
  const note = optionalText(args.note, 'note', 500);
  const department = ctx.identity.department;
  if (!department || (ctx.identity.role !== 'OFFICER' && ctx.identity.role !== 'SYSTEM'))
    throw forbidden('only the department asked acknowledges a measure-lift request', {
      field: 'acknowledgeMeasureLift',
    });
  const existing = await ctx.db.prisma.measureLift.findUnique({ where: { id } });
  if (!existing) throw notFound('measure-lift request', id, { field: 'id' });
  if (existing.department !== department)
    throw forbidden(`measure-lift request ${id} was sent to another department`, { field: 'id' });
  return ctx.audited(
    {
      subjectCode: existing.subjectCode,
      fields: ['Mutation.acknowledgeMeasureLift'],
      detail: `measure-lift request ${id}${note ? `: ${note}` : ''}`,
    },
    async (tx) => {
      const done = await tx.measureLift.updateMany({
        where: { id, acknowledgedAt: null },
        data: { acknowledgedAt: clock.now(), acknowledgedBy: ctx.identity.actor, note },
      });
      if (done.count === 0)
        throw conflict('id', 'ALREADY_ACKNOWLEDGED', `measure-lift request ${id} was already acknowledged`);
      return tx.measureLift.findUniqueOrThrow({ where: { id } });
    },
  );
}
