/**
 * The upsert of a list in one statement: `INSERT … SELECT * FROM unnest($1::t1[], $2::t2[], …) ON CONFLICT (key)
 * DO UPDATE SET …` (or DO NOTHING), one array parameter per column whatever the number of rows. Reference lists and
 * registers are written this way because they run at every start and every test-template build, and one statement
 * per row there costs seconds; a declared list of decisions uses it for the same reason.
 */
import type { Sql } from './sql.ts';

export interface UpsertTable<R> {
  /** The schema-qualified table, e.g. `disclosure.authority`. */
  table: string;
  /** Each column: its SQL type (the array parameter is cast to `type[]`) and its value in a row. */
  columns: Readonly<Record<string, { type: string; value: (row: R) => unknown }>>;
  /** The conflict target: the columns of the unique key. */
  key: readonly string[];
  /**
   * On a key already stored: `update` refreshes every other column in place (names corrected upstream reach existing
   * databases; nothing is deleted), `nothing` keeps the stored row (the count is then of new rows only).
   */
  onConflict: 'update' | 'nothing';
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const TABLE = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;
// Plain and parameterised types, and quoted enum types of a schema: disclosure."DisclosureKind", varchar(18).
const TYPE = /^(?:[a-z_][a-z0-9_]*\.)?(?:[a-z_][a-z0-9_ ]*(?:\(\d+(?:,\d+)?\))?|"[A-Za-z_][A-Za-z0-9_]*")$/;

/** The statement for a table, checked: names and types are code, never input, and must look like it. */
export function upsertStatement(spec: {
  table: string;
  columns: Readonly<Record<string, { type: string }>>;
  key: readonly string[];
  onConflict: 'update' | 'nothing';
}): string {
  if (!TABLE.test(spec.table)) throw new Error(`upsert: ${JSON.stringify(spec.table)} is not a schema.table name`);
  const columns = Object.keys(spec.columns);
  if (columns.length === 0) throw new Error('upsert: no columns');
  for (const column of columns) {
    if (!IDENTIFIER.test(column)) throw new Error(`upsert: ${JSON.stringify(column)} is not a column name`);
    const type = spec.columns[column]!.type;
    if (!TYPE.test(type)) throw new Error(`upsert: ${JSON.stringify(type)} is not a SQL type`);
  }
  if (spec.key.length === 0 || spec.key.some((k) => !columns.includes(k)))
    throw new Error(`upsert: the key (${spec.key.join(', ')}) must be columns of the statement`);
  const arrays = columns.map((c, i) => `$${i + 1}::${spec.columns[c]!.type}[]`).join(', ');
  const rest = columns.filter((c) => !spec.key.includes(c));
  const action =
    spec.onConflict === 'nothing' || rest.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
  return (
    `INSERT INTO ${spec.table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays}) ` +
    `ON CONFLICT (${spec.key.join(', ')}) ${action}`
  );
}

/** Writes `rows` in one statement; returns the rows inserted or updated (inserted only, with `nothing`). */
export async function upsertRows<R>(sql: Sql, spec: UpsertTable<R>, rows: readonly R[]): Promise<number> {
  if (rows.length === 0) return 0;
  const text = upsertStatement(spec);
  return sql.execute(
    text,
    Object.values(spec.columns).map((column) => rows.map((row) => column.value(row))),
  );
}
