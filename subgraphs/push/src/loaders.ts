import { oneByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { backlogs } from './reads.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): a list of subscriptions costs one statement
 * for all their backlogs.
 */
export function createLoaders(db: Db) {
  return {
    /** Waiting deliveries per subscription id. */
    backlogBySubscription: oneByKey<string, { key: string; n: number }>(
      (ids) => backlogs(db, ids),
      (row) => row.key,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
