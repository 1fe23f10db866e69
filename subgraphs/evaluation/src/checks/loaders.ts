import type { Db } from '@credit-hub/kit/db';
import type { MeasureRow } from '../catalogue/model.ts';
import { currentMeasures } from '../catalogue/store.ts';
import { createCheckRecorder, createFeedbackLoader } from './store.ts';

/**
 * Per-request loaders of the credit checks: the catalogue is read once per request (one statement, however many
 * subjects are checked), checks are recorded in one insert per batch, feedback read in one statement.
 */
export function createCheckLoaders(db: Db) {
  let catalogue: Promise<MeasureRow[]> | null = null;
  return {
    /** Every measure's current version (retired included), read at most once per request. */
    catalogue: () => (catalogue ??= currentMeasures(db.prisma)),
    recordCheck: createCheckRecorder(db),
    feedbackByCheck: createFeedbackLoader(db),
  };
}
