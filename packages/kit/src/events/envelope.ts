/**
 * The event envelope: what every domain event carries whatever its type. The id is the event's identity for its
 * whole life (outbox row, bus row, NATS `Nats-Msg-Id`, webhook `webhook-id`), so every consumer dedupes on it.
 */
import type { EventType } from './catalogue.ts';

/** The writing subgraphs that keep an outbox table (`<schema>.outbox`), i.e. the Postgres schema it lives in. */
export const OUTBOX_SCHEMAS = [
  'tax',
  'court',
  'market',
  'environment',
  'government',
  'disclosure',
  'evaluation',
  'push',
  'metrics',
  'commitment',
  'repair',
  'report',
] as const;
export type OutboxSchema = (typeof OUTBOX_SCHEMAS)[number];

export interface EventEnvelope<P = unknown> {
  /** uuid, stable: the dedup key everywhere. */
  id: string;
  type: EventType;
  /** Payload schema version (catalogue.ts). */
  version: number;
  /** 统一社会信用代码 of the subject, or null for a natural person (then personKey is set). */
  subjectCode: string | null;
  /** The natural person's key (ADR 0003), never the raw ID number. */
  personKey: string | null;
  /** The deciding department (a DEPARTMENTS code: tax, court, transport, ...). */
  department: string;
  /** The writing subgraph whose outbox recorded it. */
  source: OutboxSchema;
  /** When the change happened (the kit's clock at the write), ISO instant on the wire. */
  occurredAt: Date;
  payload: P;
}

/** An event as a consumer receives it: the envelope and its place on the bus (increasing, gaps allowed). */
export interface DeliveredEvent<P = unknown> extends EventEnvelope<P> {
  position: number;
}

/** The JSON form (broker messages, webhook bodies): occurredAt as an ISO string. */
export interface EventJson<P = unknown> extends Omit<EventEnvelope<P>, 'occurredAt'> {
  occurredAt: string;
}

export const toJson = <P>(event: EventEnvelope<P>): EventJson<P> => ({
  id: event.id,
  type: event.type,
  version: event.version,
  subjectCode: event.subjectCode,
  personKey: event.personKey,
  department: event.department,
  source: event.source,
  occurredAt: event.occurredAt.toISOString(),
  payload: event.payload,
});
