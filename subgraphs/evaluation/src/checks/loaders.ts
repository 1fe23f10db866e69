import type { Db } from '@credit-hub/kit/db';
import DataLoader from 'dataloader';
import type { CheckRow, FeedbackRow } from './mappers.ts';
import { currentFeedback, loadChecks } from './reads.ts';
import { recordChecks, type CheckToRecord } from './writes.ts';

/**
 * Per-request loaders of the credit checks: checks are recorded in one insert per batch, replayed checks (an
 * idempotency key repeated) read back in one statement, feedback read in one statement.
 */
export function checkLoaders(db: Db) {
  return {
    /** The id of the check that stands for each one resolved (ADR 0050); a check is answered only once stored. */
    recordCheck: new DataLoader<CheckToRecord, string | null>((checks) => recordChecks(db, checks), {
      // Every check is its own record, even the same subject twice: nothing to cache.
      cache: false,
    }),
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
