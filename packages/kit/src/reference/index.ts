import { pgSql, type PgQueryable } from '../db/sql.ts';
import { upsertRows } from '../db/upsert.ts';
import { INDUSTRIES, type Industry } from './industries.ts';
import { REGIONS, type Region } from './regions.ts';

export { REGIONS, findRegion, regionName, regionFullName, type Region } from './regions.ts';
export { INDUSTRIES, industryName, type Industry } from './industries.ts';

/** The smallest client shape needed, so pg.Client, pg.Pool and pool clients all fit. */
export type QueryClient = PgQueryable;

/**
 * Upserts the reference lists, one statement per table (the kit's unnest upsert), because this runs on every
 * test-template build and every demo start. Names are updated in place so a corrected name reaches existing
 * databases; rows are never deleted, since subjects may still point at a division that has been retired.
 */
export async function ensureReferenceData(client: QueryClient): Promise<void> {
  const sql = pgSql(client);
  await upsertRows(
    sql,
    {
      table: 'subject.region',
      columns: {
        code: { type: 'char(6)', value: (r: Region) => r.code },
        name: { type: 'text', value: (r) => r.name },
        level: { type: 'smallint', value: (r) => r.level },
        parent_code: { type: 'char(6)', value: (r) => r.parentCode },
      },
      key: ['code'],
      onConflict: 'update',
    },
    REGIONS,
  );
  await upsertRows(
    sql,
    {
      table: 'subject.industry',
      columns: {
        code: { type: 'varchar(4)', value: (i: Industry) => i.code },
        name: { type: 'text', value: (i) => i.name },
      },
      key: ['code'],
      onConflict: 'update',
    },
    INDUSTRIES,
  );
}
