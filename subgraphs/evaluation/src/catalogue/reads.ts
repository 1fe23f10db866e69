import { Prisma, type Db } from '@credit-hub/kit/db';
import { measureRows, type MeasureRow } from './mappers.ts';

type Client = Db['prisma'];

export const MEASURE_COLUMNS = Prisma.sql`id, code, version, name, kind, lists, matters, content,
  basis_title AS "basisTitle", basis_number AS "basisNumber", basis_article AS "basisArticle",
  basis_verification AS "basisVerification", basis_sources AS "basisSources", basis_note AS "basisNote", status,
  change_note AS "changeNote", changed_by AS "changedBy", created_at AS "createdAt"`;

/** Every measure's current (highest) version, retired ones included, by code: one statement. */
export async function currentMeasures(client: Client): Promise<MeasureRow[]> {
  return measureRows.parse(
    await client.$queryRaw<unknown[]>`
      SELECT DISTINCT ON (code) ${MEASURE_COLUMNS} FROM evaluation.measure ORDER BY code, version DESC`,
  );
}

/** Every version of one measure, oldest first. */
export async function measureVersions(client: Client, code: string): Promise<MeasureRow[]> {
  return measureRows.parse(
    await client.$queryRaw<unknown[]>`
      SELECT ${MEASURE_COLUMNS} FROM evaluation.measure WHERE code = ${code} ORDER BY version`,
  );
}
