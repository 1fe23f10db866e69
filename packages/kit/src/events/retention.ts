/**
 * Retention of the backbone's bookkeeping (保留期限): `events.consumed` gains a row per consumer and event, and every
 * outbox keeps its rows after they were relayed; both only matter for a while. The dedup rows guard against a
 * redelivery (a crash between commit and acknowledgement, a NATS redelivery, a replay from a moved cursor), and an
 * outbox row's `unique_key` keeps a time-made event from being recorded twice while its rule still looks back at
 * its day (7 days). Older rows are deleted by the scheduler (`startTimeEvents`, `retentionDays`), the cut-off taken
 * from the kit's clock. The bus (`events.event`) and the dead letters are kept: the bus is what a replay reads.
 */
import type pg from 'pg';
import { clock } from '../clock.ts';
import { OUTBOX_SCHEMAS } from './envelope.ts';

/** The shortest window accepted: longer than the time rules' 7-day look-back, so no ending is announced twice. */
export const MIN_RETENTION_DAYS = 8;

export interface RetentionReport {
  /** Rows deleted from events.consumed. */
  consumed: number;
  /** Relayed rows deleted from the departments' outboxes. */
  outbox: number;
  /** The cut-off: rows consumed or relayed before it were deleted. */
  before: Date;
}

const DAY = 86_400_000;

/**
 * Deletes dedup rows consumed, and outbox rows relayed, more than `retentionDays` before the kit's clock now, in
 * chunks of `chunk` rows (short transactions: writers and consumers are never held up for long).
 */
export async function pruneEvents(
  pool: pg.Pool,
  { retentionDays, now = clock.now(), chunk = 5000 }: { retentionDays: number; now?: Date; chunk?: number },
): Promise<RetentionReport> {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS)
    throw new RangeError(`retentionDays must be a whole number of at least ${MIN_RETENTION_DAYS}`);
  const before = new Date(now.getTime() - retentionDays * DAY);
  const report: RetentionReport = { consumed: 0, outbox: 0, before };
  const inChunks = async (statement: string): Promise<number> => {
    let total = 0;
    for (;;) {
      const deleted = (await pool.query(statement, [before, chunk])).rowCount ?? 0;
      total += deleted;
      if (deleted < chunk) return total;
    }
  };
  report.consumed = await inChunks(
    `DELETE FROM events.consumed WHERE ctid = ANY (ARRAY(
       SELECT ctid FROM events.consumed WHERE consumed_at < $1 LIMIT $2))`,
  );
  // Schema names from OUTBOX_SCHEMAS, never from input. Only relayed rows: a waiting row is never lost.
  for (const schema of OUTBOX_SCHEMAS)
    report.outbox += await inChunks(
      `DELETE FROM "${schema}".outbox WHERE position = ANY (ARRAY(
         SELECT position FROM "${schema}".outbox WHERE relayed_at < $1 LIMIT $2))`,
    );
  return report;
}
