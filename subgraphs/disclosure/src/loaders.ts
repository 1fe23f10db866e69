import { manyByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db, type Licence, type Penalty, type Revision } from '@credit-hub/kit/db';
import { withKind, type LicenceRow, type PenaltyRow } from './mappers.ts';
import type { DisclosureKind } from './__generated__/types.ts';

const NEWEST_FIRST = [
  ['decidedOn', 'desc'],
  ['id', 'desc'],
] as const;

/**
 * The revisions of a page of records of one kind, oldest first: one `WHERE record_id = ANY($1)` statement (ADR 0006).
 * Penalties and licences number their ids separately, so the other kind's revisions of the same ids are dropped.
 */
async function revisionsOf(db: Db, kind: DisclosureKind, ids: readonly string[]) {
  const rows = await rowsByKeys<Revision>(
    db,
    { model: 'Revision', schema: 'disclosure' },
    'recordId',
    ids.map((id) => BigInt(id)),
    [['id', 'asc']],
  );
  return rows.filter((r) => r.kind === kind);
}

/**
 * Per-request loaders: a page of N subjects costs one statement per table, whatever N is. Records are loaded
 * whole per subject (published or not); visibility is decided in plain functions (rules.ts) so the counts
 * and the lists agree.
 */
export function createLoaders(db: Db) {
  return {
    penaltiesBySubject: manyByKey<string, PenaltyRow>(
      async (codes) =>
        (
          await rowsByKeys<Penalty>(db, { model: 'Penalty', schema: 'disclosure' }, 'subjectCode', codes, NEWEST_FIRST)
        ).map(withKind),
      (row) => row.subjectCode,
    ),
    licencesBySubject: manyByKey<string, LicenceRow>(
      async (codes) =>
        (
          await rowsByKeys<Licence>(db, { model: 'Licence', schema: 'disclosure' }, 'subjectCode', codes, NEWEST_FIRST)
        ).map(withKind),
      (row) => row.subjectCode,
    ),
    penaltyRevisions: manyByKey<string, Revision>(
      (ids) => revisionsOf(db, 'CF', ids),
      (row) => row.recordId.toString(),
    ),
    licenceRevisions: manyByKey<string, Revision>(
      (ids) => revisionsOf(db, 'XK', ids),
      (row) => row.recordId.toString(),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
