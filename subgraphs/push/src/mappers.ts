import type { Connection } from '@credit-hub/kit';
import type { MeasureLift, PushSubscription } from '@credit-hub/kit/db';
import type { PushAttemptOutcome, PushDeliveryStatus } from './__generated__/types.ts';

/**
 * The parent types the push subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts).
 */

/** A row of push.subscription; the secret never leaves through it (the schema has no field for it). */
export type PushSubscriptionMapper = PushSubscription;

/** A subscription just made, with the secret shown this once. */
export interface CreatedPushSubscriptionMapper {
  subscription: PushSubscription;
  secret: string;
}

/** A delivery joined with its event (reads.ts parses the row). */
export interface PushDeliveryMapper {
  subscriptionId: string;
  eventSeq: bigint;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  status: PushDeliveryStatus;
  attempts: number;
  nextAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

/** An attempt joined with its event. */
export interface PushAttemptMapper {
  id: bigint;
  eventId: string;
  eventType: string;
  attempt: number;
  at: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  outcome: PushAttemptOutcome;
}

export type PushDeliveryConnectionMapper = Pick<Connection<PushDeliveryMapper>, 'nodes' | 'pageInfo'>;
export type PushAttemptConnectionMapper = Pick<Connection<PushAttemptMapper>, 'nodes' | 'pageInfo'>;

/** A catalogue entry. */
export interface PushEventTypeMapper {
  name: string;
}

/** The metrics as reads.ts computes them. */
export interface PushMetricsMapper {
  from: Date;
  to: Date;
  deliveries: number;
  delivered: number;
  deadLetters: number;
  pending: number;
  attempts: number;
  successRate: number | null;
  lagP50Seconds: number | null;
  lagP95Seconds: number | null;
  slaSeconds: number;
  syncTimelinessRate: number | null;
  backlog: number;
  oldestPendingSeconds: number | null;
  disabledSubscriptions: number;
  outstandingLifts: number;
}

/** A row of push.measure_lift. */
export type MeasureLiftMapper = MeasureLift;
