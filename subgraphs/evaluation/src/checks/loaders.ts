import type { RequestHooks } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { OUTBOX_CHANNEL } from '@credit-hub/kit/events';
import DataLoader from 'dataloader';
import type { CheckRow, FeedbackRow } from './mappers.ts';
import { currentFeedback, loadChecks } from './reads.ts';
import { recordChecks, type CheckToRecord } from './writes.ts';

/**
 * Per-request loaders of the credit checks: checks are recorded in one insert per batch, replayed checks (an
 * idempotency key repeated) read back in one statement, feedback read in one statement.
 *
 * A request's checks are announced to the relay with its audit trail (ADR 0133), not at their own commit: announced at
 * once, the relay and the consumers woke to a batch's 1,000 events while its audit entries were still being written,
 * and on a machine of few cores took their time from the answer. The NOTIFY travels in the trail's transaction, so it
 * costs no statement; outside a request the checks' statement announces them itself.
 */
export function checkLoaders(db: Db, request?: RequestHooks) {
  return {
    /** The id of the check that stands for each one resolved (ADR 0050); a check is answered only once stored. */
    recordCheck: new DataLoader<CheckToRecord, string | null>(
      async (checks) => {
        const recorded = await recordChecks(db, checks, { announce: !request });
        request?.announceWithTrail({ channel: OUTBOX_CHANNEL, payload: 'evaluation' });
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
