import type { Db } from '@credit-hub/kit/db';
import type { MeasureRow } from './mappers.ts';
import { currentMeasures } from './reads.ts';

/** The catalogue of a request: every measure's current version (retired included), read at most once per request. */
export function catalogueLoaders(db: Db) {
  let catalogue: Promise<MeasureRow[]> | null = null;
  return { catalogue: () => (catalogue ??= currentMeasures(db.prisma)) };
}
