import { manyByKey } from '@credit-hub/kit';
import { rowsByKeys, type Db, type Licence, type Penalty, type Revision } from '@credit-hub/kit/db';
import { withKind, type LicenceRow, type PenaltyRow } from './mappers.ts';

const NEWEST_FIRST = [
  ['decidedOn', 'desc'],
  ['id', 'desc'],
] as const;

/**
 * Per-request loaders: a page of N subjects costs one statement per table, whatever N is. Records are loaded
 * whole per subject (published or not); visibility is decided in plain functions (publicity.ts) so the counts
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
      (ids) =>
        db.prisma.revision.findMany({
          where: { kind: 'CF', recordId: { in: ids.map((id) => BigInt(id)) } },
          orderBy: { id: 'asc' },
        }),
      (row) => row.recordId.toString(),
    ),
    licenceRevisions: manyByKey<string, Revision>(
      (ids) =>
        db.prisma.revision.findMany({
          where: { kind: 'XK', recordId: { in: ids.map((id) => BigInt(id)) } },
          orderBy: { id: 'asc' },
        }),
      (row) => row.recordId.toString(),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
