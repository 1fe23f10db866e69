/**
 * Time-made events (由时间产生的事件). The rules already compute from dates whether a term or publicity window has
 * ended, so what the public sees changes on the right day without any job. Subscribers, though, must be told: a
 * scheduled job asks each department's `TimeEventRule` which entries ended on or before today and records one
 * event per ending, with a unique key (`type:entry:day`), so running the job twice, in two processes, or again after
 * a missed day emits each ending exactly once.
 */
import type pg from 'pg';
import { clock } from '../clock.ts';
import { inPgTransaction, type Sql } from '../db/sql.ts';
import type { EventType } from './catalogue.ts';
import type { OutboxSchema } from './envelope.ts';
import { recordEvents, type NewEvent } from './outbox.ts';
import { MIN_RETENTION_DAYS, pruneEvents, type RetentionReport } from './retention.ts';

/** One ending a rule found: the event to record (without uniqueKey: the job sets it). */
export type DueEvent = NewEvent extends infer E
  ? E extends NewEvent
    ? Omit<E, 'uniqueKey' | 'source'> & {
        /** Identifies the ending: the entry and the day it ended (the unique key is `${type}:${endingKey}`). */
        endingKey: string;
      }
    : never
  : never;

export interface TimeEventRule {
  /** Name for logs and the job's report, e.g. `tax.major-violation.publicity-ended`. */
  name: string;
  source: OutboxSchema;
  type: EventType;
  /**
   * The endings whose day lies in (`since`, `today`]: the first day on which the entry is no longer listed or
   * published, as the department's rule computes it. Reads only the rule's own schema.
   */
  due(sql: Sql, window: { since: Date; today: Date }): Promise<DueEvent[]>;
}

export interface TimeEventReport {
  rule: string;
  found: number;
  recorded: number;
}

const DAY = 86_400_000;

/**
 * Runs every rule for today (the kit's clock, Beijing date) with a look-back of `lookBackDays` (default 7), so a job
 * that did not run for a few days still emits what those days made; older endings are not announced afresh.
 */
export async function emitTimeEvents(
  pool: pg.Pool,
  rules: readonly TimeEventRule[],
  { lookBackDays = 7, today = clock.today() } = {},
): Promise<TimeEventReport[]> {
  const since = new Date(today.getTime() - lookBackDays * DAY);
  const reports: TimeEventReport[] = [];
  for (const rule of rules) {
    const report = await inPgTransaction(pool, async (sql) => {
      const due = await rule.due(sql, { since, today });
      const stored = await recordEvents(
        sql,
        due.map(
          ({ endingKey, ...event }) =>
            ({ ...event, source: rule.source, uniqueKey: `${event.type}:${endingKey}` }) as NewEvent,
        ),
      );
      return { rule: rule.name, found: due.length, recorded: stored.length };
    });
    reports.push(report);
  }
  return reports;
}

export interface RunningScheduler {
  /** Runs the rules now (also what the timer does); resolves with the reports. */
  runNow(): Promise<TimeEventReport[]>;
  /** Applies the retention window now (also what the timer does); null when no window is set. */
  pruneNow(): Promise<RetentionReport | null>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** Default 10 min. */
  everyMs?: number;
  /**
   * Days to keep `events.consumed` rows and relayed outbox rows (retention.ts); unset: kept for ever. Applied on
   * every run, after the rules, with the kit's clock.
   */
  retentionDays?: number | undefined;
}

/**
 * Runs the rules at start and then every `everyMs` (default 10 min): the Beijing day changes at 16:00 UTC, and a
 * run at any time after midnight emits that day's endings; the unique keys make extra runs harmless. With
 * `retentionDays`, each run then deletes the backbone's bookkeeping older than the window (any number of hubs may
 * do it: a row is deleted once).
 */
export function startTimeEvents(
  pool: pg.Pool,
  rules: readonly TimeEventRule[],
  { everyMs = 600_000, retentionDays }: SchedulerOptions = {},
): RunningScheduler {
  if (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays >= MIN_RETENTION_DAYS))
    throw new RangeError(`retentionDays must be a whole number of at least ${MIN_RETENTION_DAYS}`);
  let running: Promise<unknown> = Promise.resolve();
  // One run at a time, whatever asks for it (the timer, a test): each waits for the previous one.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  };
  const runNow = () => serial(() => emitTimeEvents(pool, rules));
  const pruneNow = () =>
    serial(async () => (retentionDays === undefined ? null : pruneEvents(pool, { retentionDays })));
  const tick = () => {
    void runNow().catch((error: unknown) => console.error('time-made events:', error));
    void pruneNow().then(
      (report) => {
        // Once per run while such a cursor stays: an operator moves or deletes it (docs/events.md, "Retention").
        if (report && report.retired.length > 0)
          console.warn(
            `event retention: the bus is pruned past the cursors of ${report.retired.join(', ')}, which stood still ` +
              'for the whole window (taken as retired; each refuses to run on until its cursor is moved or deleted)',
          );
      },
      (error: unknown) => console.error('event retention:', error),
    );
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    runNow,
    pruneNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
