/**
 * The transactional outbox (事务性发件箱): a writer records its domain events with the SAME `Sql` handle as its state
 * change, inside the same transaction, into its own schema's `outbox` table. Commit → the events exist; rollback →
 * they never did. Nothing here talks to a broker: the relay (relay.ts, nats.ts) moves committed rows on.
 */
import { clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { isPersonKey } from '../codes/person-key.ts';
import type { Sql } from '../db/sql.ts';
import { currentVersion, payloadSchema, SUBJECTLESS_TYPES, type EventType, type PayloadOf } from './catalogue.ts';
import { OUTBOX_SCHEMAS, type EventEnvelope, type OutboxSchema } from './envelope.ts';

interface NewEventOf<T extends EventType> {
  /** The writing subgraph (whose schema's outbox receives the row). */
  source: OutboxSchema;
  type: T;
  department: string;
  /** A subject code as the departments store it (USCC or person key): sorted into subjectCode / personKey. */
  subject?: string;
  subjectCode?: string | null;
  personKey?: string | null;
  payload: PayloadOf<T>;
  /** Default: the catalogue's current version of `type`. */
  version?: number;
  /** Default: the kit's clock now. */
  occurredAt?: Date;
  /** Default: a new uuid. */
  id?: string;
  /**
   * Set only for events that must exist at most once whatever runs them (time-made events): a second record
   * with the same key is silently skipped.
   */
  uniqueKey?: string | null;
}

/** An event to record: its payload type follows its `type` (a union discriminated by `type`). */
export type NewEvent<T extends EventType = EventType> = { [K in T]: NewEventOf<K> }[T];

/** A stored subject code as the envelope names it: a natural person's key goes in personKey. */
export function subjectOf(code: string): { subjectCode: string | null; personKey: string | null } {
  return isPersonKey(code) ? { subjectCode: null, personKey: code } : { subjectCode: code, personKey: null };
}

/** A payload or envelope the catalogue rejects: a programming error in the writer, so the write fails with it. */
export class InvalidEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEvent';
  }
}

/** Checks one event against the catalogue and fills its defaults. */
export function validateEvent(event: NewEvent): EventEnvelope & { uniqueKey: string | null } {
  if (!OUTBOX_SCHEMAS.includes(event.source)) throw new InvalidEvent(`unknown outbox ${String(event.source)}`);
  const version = event.version ?? currentVersion(event.type);
  const named = event.subject
    ? subjectOf(event.subject)
    : { subjectCode: event.subjectCode, personKey: event.personKey };
  const schema = payloadSchema(event.type, version);
  if (!schema) throw new InvalidEvent(`event type ${event.type} v${version} is not in the catalogue`);
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success)
    throw new InvalidEvent(
      `${event.type} v${version} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  // A snapshot item names a subject exactly when the event it restates does (ADR 0130: decisions, quarantine; ADR 0131: a 双随机 draw).
  const restated = event.type === 'state.snapshot' ? (parsed.data as { type?: EventType }).type : undefined;
  const subjectless = SUBJECTLESS_TYPES.has(event.type) || (restated !== undefined && SUBJECTLESS_TYPES.has(restated));
  if (!named.subjectCode && !named.personKey && !subjectless)
    throw new InvalidEvent(`${event.type}: an event names its subject (subjectCode or personKey)`);
  return {
    id: event.id ?? newId(),
    type: event.type,
    version,
    subjectCode: named.subjectCode ?? null,
    personKey: named.personKey ?? null,
    department: event.department,
    source: event.source,
    occurredAt: event.occurredAt ?? clock.now(),
    payload: parsed.data,
    uniqueKey: event.uniqueKey ?? null,
  };
}

/** The channel a committed outbox row is announced on (NOTIFY is delivered at commit, never on rollback). */
export const OUTBOX_CHANNEL = 'credit_events_outbox';

/**
 * Records events in the writer's transaction (one statement, whatever the count). Returns the envelopes actually
 * stored: one with a `uniqueKey` already present is left out.
 */
export async function recordEvents(sql: Sql, events: readonly NewEvent[]): Promise<EventEnvelope[]> {
  if (events.length === 0) return [];
  const checked = events.map(validateEvent);
  const bySource = new Map<OutboxSchema, typeof checked>();
  for (const e of checked) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  const stored: EventEnvelope[] = [];
  for (const [source, group] of bySource) {
    const rows = group.map((e) => ({
      id: e.id,
      type: e.type,
      version: e.version,
      subject_code: e.subjectCode,
      person_key: e.personKey,
      department: e.department,
      occurred_at: e.occurredAt.toISOString(),
      payload: e.payload,
      unique_key: e.uniqueKey,
    }));
    // The schema name comes from OUTBOX_SCHEMAS (checked above), never from input.
    const inserted = await sql.rows(
      `WITH ins AS (
         INSERT INTO "${source}".outbox (id, type, version, subject_code, person_key, department, occurred_at, payload, unique_key)
         SELECT r.id, r.type, r.version, r.subject_code, r.person_key, r.department, r.occurred_at, r.payload, r.unique_key
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(doc, ord)
          CROSS JOIN LATERAL jsonb_to_record(e.doc) AS r(id uuid, type text, version int, subject_code text,
                person_key text, department text, occurred_at timestamptz, payload jsonb, unique_key text)
          ORDER BY e.ord
         ON CONFLICT (unique_key) DO NOTHING
         RETURNING id)
       SELECT ins.id::text AS id FROM ins CROSS JOIN (SELECT pg_notify('${OUTBOX_CHANNEL}', '${source}')) AS n`,
      [JSON.stringify(rows)],
    );
    const ids = new Set((inserted as { id: string }[]).map((r) => r.id));
    for (const e of group) if (ids.has(e.id)) stored.push(stripKey(e));
  }
  return stored;
}

function stripKey(e: EventEnvelope & { uniqueKey: string | null }): EventEnvelope {
  const { uniqueKey: _key, ...envelope } = e;
  return envelope;
}

/** Records one event in the writer's transaction; null when its `uniqueKey` was already recorded. */
export async function recordEvent<T extends EventType>(sql: Sql, event: NewEvent<T>): Promise<EventEnvelope | null> {
  const [stored] = await recordEvents(sql, [event as unknown as NewEvent]);
  return stored ?? null;
}
