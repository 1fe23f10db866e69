import { oneByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { IndustryRow, RegionRow, SubjectRow } from './model.ts';

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

/**
 * Per-request loaders. Regions and industries are reference data of a few hundred rows, yet they
 * are loaded per request like everything else: one statement each, whatever the page size, and
 * never stale after an administrator edits them.
 */
export function createLoaders(db: Db) {
  return {
    subject: oneByKey<string, SubjectRow>(
      (codes) => db.prisma.creditSubject.findMany({ where: { code: { in: [...codes] } }, select: subjectSelect }),
      (row) => row.code,
    ),
    region: oneByKey<string, RegionRow>(
      (codes) => db.prisma.region.findMany({ where: { code: { in: [...codes] } } }),
      (row) => row.code,
    ),
    industry: oneByKey<string, IndustryRow>(
      (codes) => db.prisma.industry.findMany({ where: { code: { in: [...codes] } } }),
      (row) => row.code,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
