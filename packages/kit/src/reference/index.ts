import { INDUSTRIES } from './industries.ts';
import { REGIONS } from './regions.ts';

export { REGIONS, findRegion, regionName, regionFullName, type Region } from './regions.ts';
export { INDUSTRIES, industryName, type Industry } from './industries.ts';

/** The smallest client shape needed, so pg.Client, pg.Pool and pool clients all fit. */
export interface QueryClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Upserts the reference lists. One statement per table (unnest of parallel arrays) rather than one per
 * row, because this runs on every test-template build and every demo start. Names are updated in
 * place so a corrected name reaches existing databases; rows are never deleted, since subjects may
 * still point at a division that has been retired.
 */
export async function ensureReferenceData(client: QueryClient): Promise<void> {
  await client.query(
    `INSERT INTO subject.region (code, name, level, parent_code)
     SELECT * FROM unnest($1::char(6)[], $2::text[], $3::smallint[], $4::char(6)[])
     ON CONFLICT (code) DO UPDATE
       SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
    [
      REGIONS.map((r) => r.code),
      REGIONS.map((r) => r.name),
      REGIONS.map((r) => r.level),
      REGIONS.map((r) => r.parentCode),
    ],
  );
  await client.query(
    `INSERT INTO subject.industry (code, name)
     SELECT * FROM unnest($1::varchar(4)[], $2::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [INDUSTRIES.map((i) => i.code), INDUSTRIES.map((i) => i.name)],
  );
}
