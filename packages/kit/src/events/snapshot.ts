/**
 * A department's state snapshot for a metrics backfill (docs/adr/0113-metrics-backfill-from-department-snapshots.md):
 * the department reads its own schema and records, into its own outbox, the events its current state implies, each
 * wrapped as one `state.snapshot` item of a backfill run. Only the metrics consumer takes that type, so a snapshot
 * never re-announces a change to the subscribers of the inner type.
 */
import { createHash } from 'node:crypto';
import { clock } from '../clock.ts';
import type { Sql } from '../db/index.ts';
import { SNAPSHOT_TYPES } from './catalogue.ts';
import { recordEvents, type NewEvent } from './outbox.ts';
import type { TimeEventRule } from './scheduled.ts';

export type SnapshotType = (typeof SNAPSHOT_TYPES)[number];
const isSnapshotType = (t: string): t is SnapshotType => (SNAPSHOT_TYPES as readonly string[]).includes(t);

/** A department's snapshot: reads its own schema through `sql` and returns the events its state implies. */
export type DepartmentSnapshot = (sql: Sql, options: { today: string }) => Promise<NewEvent[]>;

/**
 * Wraps the implied events as `state.snapshot` items of run `runId` and records them in the caller's transaction.
 * Each item has a unique key (run, inner type and content), so a department that runs its snapshot twice in one run
 * records it once. Returns how many were new.
 */
export async function recordSnapshot(sql: Sql, runId: string, events: readonly NewEvent[]): Promise<number> {
  const wrapped: NewEvent[] = events.map((e) => {
    if (!isSnapshotType(e.type)) throw new Error(`state.snapshot: ${e.type} is not a type a snapshot restates`);
    const subject = e.subject ?? e.subjectCode ?? e.personKey ?? null;
    const key = createHash('sha256')
      .update(JSON.stringify([e.type, e.department, subject, e.payload]))
      .digest('hex')
      .slice(0, 40);
    return {
      source: e.source,
      type: 'state.snapshot',
      department: e.department,
      ...(e.subject ? { subject: e.subject } : { subjectCode: e.subjectCode ?? null, personKey: e.personKey ?? null }),
      payload: {
        runId,
        type: e.type,
        occurredAt: (e.occurredAt ?? clock.now()).toISOString(),
        payload: e.payload as Record<string, unknown>,
      },
      uniqueKey: `state.snapshot:${runId}:${key}`,
    } as NewEvent;
  });
  let stored = 0;
  for (let i = 0; i < wrapped.length; i += 1000) stored += (await recordEvents(sql, wrapped.slice(i, i + 1000))).length;
  return stored;
}

/**
 * The endings a department's time rule has made up to `today` (its own `due` over all days), as the events the
 * scheduled job records for them: a snapshot restates a term that ran out with the rule's own code.
 */
export async function endingsUpTo(rule: TimeEventRule, sql: Sql, today: string): Promise<NewEvent[]> {
  const due = await rule.due(sql, { since: new Date(0), today: new Date(`${today}T00:00:00Z`) });
  return due.map(({ endingKey: _key, ...event }) => ({ ...event, source: rule.source }) as NewEvent);
}
