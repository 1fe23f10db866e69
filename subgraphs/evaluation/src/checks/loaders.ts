import type { RequestHooks } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { announceOutbox } from '@credit-hub/kit/events';
import DataLoader from 'dataloader';
import type { CheckRow, FeedbackRow } from './mappers.ts';
import { currentFeedback, loadChecks } from './reads.ts';
import { recordChecks, type CheckToRecord } from './writes.ts';

/** From this many checks in one statement, their events are announced after the request's audit trail. */
export const ANNOUNCE_AFTER_TRAIL_FROM = 100;

/**
 * Per-request loaders of the credit checks: checks are recorded in one insert per batch, replayed checks (an
 * idempotency key repeated) read back in one statement, feedback read in one statement.
 *
 * A large batch's events are announced to the relay once the request's audit trail is committed (ADR 0133), not at
 * their own commit: announced at once, the relay and the consumers woke to 1,000 events of a batch while its audit
 * entries were still being written, and on a machine of few cores took their time from the answer. The relay's poll
 * finds them anyway should the announcement be lost. A few checks are announced by their own statement: a separate
 * announcement would cost a small request one more statement for nothing.
 */
export function checkLoaders(db: Db, request?: RequestHooks) {
  let announcing = false;
  return {
    /** The id of the check that stands for each one resolved (ADR 0050); a check is answered only once stored. */
    recordCheck: new DataLoader<CheckToRecord, string | null>(
      async (checks) => {
        const later = request !== undefined && checks.length >= ANNOUNCE_AFTER_TRAIL_FROM;
        const recorded = await recordChecks(db, checks, { announce: !later });
        if (later && !announcing) {
          announcing = true;
          request.afterTrail(() => announceOutbox(db.sql, 'evaluation'));
        }
        return recorded;
      },
      {
        // Every check is its own record, even the same subject twice: nothing to cache.
        cache: false,
      },
    ),
    checkById: new DataLoader<string, CheckRow | null>(async (ids) => {
      const rows = await loadChecks(db.prisma, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    /** Current feedback per check (the newest answer per measure), one statement for all the request's checks. */
    feedbackByCheck: new DataLoader<string, FeedbackRow[]>(async (ids) => {
      const rows = await currentFeedback(db.prisma, ids);
      return ids.map((id) => rows.filter((r) => r.checkId === id));
    }),
  };
}
