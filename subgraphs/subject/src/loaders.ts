import { oneByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { SubjectRow } from './model.ts';

export const subjectSelect = {
  code: true,
  name: true,
  kind: true,
  regionCode: true,
  industryCode: true,
  legalRepresentative: true,
  registrationStatus: true,
  establishedOn: true,
} as const;

/** Per-request loaders: one `WHERE code IN (...)` statement per tick, results in key order. */
export function createLoaders(db: Db) {
  return {
    subject: oneByKey<string, SubjectRow>(
      (codes) => db.prisma.creditSubject.findMany({ where: { code: { in: [...codes] } }, select: subjectSelect }),
      (row) => row.code,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
