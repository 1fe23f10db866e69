import { createHash } from 'node:crypto';
import { Prisma, type Db } from './client.ts';

/**
 * The read path of every DataLoader (ADR 0006, ADR 0080): rows of a model by key, shaped exactly as Prisma's findMany
 * returns them (camelCase fields, enums as labels, `Decimal`, `BigInt`, `Date`), but sent straight to the
 * node-postgres pool as a named prepared statement — nothing of Prisma's runtime or query compiler runs per request.
 *
 * Every `rowsByKeys` call of one turn of the event loop goes into ONE statement: the loaders of an entity fetch each
 * dispatch their batch in the same turn (DataLoader schedules them together), so an `_entities` fetch costs one
 * statement however many tables its fields read (the market subgraph read four tables in four statements before).
 * Calls of the same table, key and order are merged into one branch with the union of their keys; each caller gets
 * back only the rows of its own keys. The statement's text depends only on the set of branches, so a subgraph has a
 * handful of distinct texts, each prepared once per connection (`name` = a digest of the text).
 *
 * Each branch is a scalar subquery aggregating its rows as JSON arrays in their order, one column per branch:
 *   SELECT (SELECT coalesce(json_agg(json_build_array(c1, c2, …) ORDER BY …), '[]') FROM t
 *           WHERE k = ANY((SELECT $1::text[])::text[])) AS b0, …
 * JSON cannot carry every type exactly, so the columns that would lose something are sent as text or as a number and
 * converted back: int8 and numeric as text (BigInt, Decimal), timestamps and dates as epoch milliseconds.
 */
type Order = readonly (readonly [field: string, direction: 'asc' | 'desc'])[];

type Convert = (value: unknown) => unknown;

interface ModelSql {
  model: string;
  table: string;
  /** `json_build_array(…)` of every scalar column, in `fields` order. */
  row: string;
  fields: string[];
  convert: (Convert | null)[];
  column: Map<string, string>;
}

const identity = null;
const toBigInt: Convert = (v) => BigInt(v as string);
const toDecimal: Convert = (v) => new Prisma.Decimal(v as string);
const toDate: Convert = (v) => new Date(v as number);

const models = new Map<string, ModelSql>();

function modelSql(model: Prisma.ModelName, schema: string): ModelSql {
  const cacheKey = `${schema}.${model}`;
  let sql = models.get(cacheKey);
  if (sql) return sql;
  const definition = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
  if (!definition) throw new Error(`unknown Prisma model ${model}`);
  const column = new Map<string, string>();
  const expressions: string[] = [];
  const fields: string[] = [];
  const convert: (Convert | null)[] = [];
  for (const field of definition.fields) {
    if (field.kind !== 'scalar' && field.kind !== 'enum') continue;
    const name = `"${field.dbName ?? field.name}"`;
    column.set(field.name, name);
    fields.push(field.name);
    // Enums (and lists of them) come back as their labels, strings, booleans, Int, Float and Json as themselves.
    if (field.kind === 'enum' || ['String', 'Boolean', 'Int', 'Float', 'Json'].includes(field.type)) {
      expressions.push(name);
      convert.push(identity);
      continue;
    }
    if (field.isList) throw new Error(`rowsByKeys: ${model}.${field.name} is a list of ${field.type}`);
    if (field.type === 'BigInt' || field.type === 'Decimal') {
      expressions.push(`${name}::text`);
      convert.push(field.type === 'BigInt' ? toBigInt : toDecimal);
    } else if (field.type === 'DateTime') {
      // A timestamp without zone is UTC in this schema (Prisma's convention); a date is its UTC midnight. Whole
      // milliseconds, as a Date holds them (floor, as Date truncates a parsed fraction of a millisecond).
      expressions.push(`floor(extract(epoch from ${name}) * 1000)::float8`);
      convert.push(toDate);
    } else {
      throw new Error(`rowsByKeys: ${model}.${field.name} has type ${field.type}, which it does not read`);
    }
  }
  // json_build_array takes at most 100 arguments (PostgreSQL's limit on function arguments).
  if (expressions.length > 100) throw new Error(`rowsByKeys: ${model} has more than 100 columns`);
  sql = {
    model,
    table: `"${schema}"."${definition.dbName ?? definition.name}"`,
    row: `json_build_array(${expressions.join(', ')})`,
    fields,
    convert,
    column,
  };
  models.set(cacheKey, sql);
  return sql;
}

function shape(sql: ModelSql, values: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < sql.fields.length; i++) {
    const value = values[i];
    const convert = sql.convert[i];
    row[sql.fields[i]!] = value === null || value === undefined ? null : convert ? convert(value) : value;
  }
  return row;
}

interface Call {
  keys: readonly (string | bigint)[];
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

interface Branch {
  signature: string;
  sql: ModelSql;
  /** The key fields: a row belongs to a caller when any of them holds one of its keys. */
  keyFields: readonly string[];
  /** The key columns, matched against the same parameter (OR). */
  columns: readonly string[];
  cast: 'text[]' | 'bigint[]';
  order: string;
  calls: Call[];
}

/** The calls of one turn of the event loop, per database handle. */
class Batch {
  branches = new Map<string, Branch>();
  constructor(private readonly db: Db) {}

  add(branch: Omit<Branch, 'calls'>, call: Call) {
    const existing = this.branches.get(branch.signature);
    if (existing) existing.calls.push(call);
    else this.branches.set(branch.signature, { ...branch, calls: [call] });
  }

  async run() {
    // Sorted, so that the same set of branches makes the same text (and reuses its prepared statement).
    const branches = [...this.branches.values()].sort((a, b) => (a.signature < b.signature ? -1 : 1));
    const values: string[][] = branches.map((branch) => {
      const keys = new Set<string>();
      for (const call of branch.calls) for (const key of call.keys) keys.add(String(key));
      return [...keys];
    });
    const { name, text } = statementFor(branches);
    let result: Record<string, unknown[][]>;
    try {
      const [first] = await this.db.read<Record<string, unknown[][]>>({ name, text, values });
      result = first!;
    } catch (error) {
      for (const branch of branches) for (const call of branch.calls) call.reject(error);
      return;
    }
    // A failure while shaping the rows (a type this module does not read) fails the callers, never the process.
    try {
      branches.forEach((branch, i) => {
        const rows = result[`b${i}`]!.map((values) => shape(branch.sql, values));
        if (branch.calls.length === 1) {
          branch.calls[0]!.resolve(rows);
          return;
        }
        for (const call of branch.calls) {
          const mine = new Set(call.keys.map(String));
          call.resolve(rows.filter((row) => branch.keyFields.some((field) => mine.has(String(row[field])))));
        }
      });
    } catch (error) {
      for (const branch of branches) for (const call of branch.calls) call.reject(error);
    }
  }
}

/**
 * The statement of a set of branches: its text depends on nothing but their models and signatures, so it is built and named (a
 * SHA-1 of the text) once per set and kept — a subgraph sends a handful of distinct sets again and again, and building
 * and hashing the text was a visible share of every entity fetch (docs/adr/0129). Bounded: past `STATEMENT_CACHE_SIZE`
 * sets (never reached by the fixed loaders of a subgraph) it starts again from empty rather than growing.
 */
export const STATEMENT_CACHE_SIZE = 256;
const statements = new Map<string, { name: string; text: string }>();

/** The number of statement texts kept (tests). */
export const cachedStatementCount = () => statements.size;

function statementFor(branches: readonly Omit<Branch, 'calls'>[]): { name: string; text: string } {
  const key = branches.map((branch) => `${branch.sql.model}|${branch.signature}`).join('\n');
  const cached = statements.get(key);
  if (cached) return cached;
  const columns = branches.map((branch, i) => {
    const order = branch.order ? ` ORDER BY ${branch.order}` : '';
    // The keys reach the planner as an init plan's value, not as a constant: with a constant array PostgreSQL
    // estimates every element against the column's statistics, and a batch credit check's 1,000 keys cost 11 ms of
    // planning for a statement that runs in 3 (docs/adr/0132). The plan is the same index scan either way.
    const keys = `(SELECT $${i + 1}::${branch.cast})::${branch.cast}`;
    const where = branch.columns.map((column) => `${column} = ANY(${keys})`).join(' OR ');
    return (
      `(SELECT coalesce(json_agg(${branch.sql.row}${order}), '[]'::json) FROM ${branch.sql.table} ` +
      `WHERE ${where}) AS b${i}`
    );
  });
  const text = `SELECT ${columns.join(', ')}`;
  const statement = { name: `by_keys_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
  if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
  statements.set(key, statement);
  return statement;
}

const pending = new WeakMap<Db, Batch>();

function batchOf(db: Db): Batch {
  let batch = pending.get(db);
  if (!batch) {
    const created = new Batch(db);
    batch = created;
    pending.set(db, created);
    // setImmediate runs after every promise job and nextTick of this turn, so after every DataLoader of the turn
    // has dispatched (DataLoader dispatches on a nextTick after the current promise jobs).
    setImmediate(() => {
      pending.delete(db);
      void created.run();
    });
  }
  return batch;
}

/**
 * The rows of `target` whose `keyField` is one of `keys` (or, given several key fields, whose any key field is), in
 * `orderBy` order. The promise settles after this turn, with the statement every call of the turn shares.
 */
export function rowsByKeys<T>(
  db: Db,
  target: { model: Prisma.ModelName; schema: string },
  keyField: string | readonly string[],
  keys: readonly (string | bigint)[],
  orderBy: Order = [],
): Promise<T[]> {
  let sql: ModelSql;
  try {
    sql = modelSql(target.model, target.schema);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  const keyFields = typeof keyField === 'string' ? [keyField] : keyField;
  const columns: string[] = [];
  for (const field of keyFields) {
    const column = sql.column.get(field);
    if (!column) return Promise.reject(new Error(`${target.model} has no field ${field}`));
    columns.push(column);
  }
  if (keys.length === 0) return Promise.resolve([]);
  const order: string[] = [];
  for (const [field, direction] of orderBy) {
    const column = sql.column.get(field);
    if (!column) return Promise.reject(new Error(`${target.model} has no field ${field}`));
    order.push(`${column} ${direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  const cast = typeof keys[0] === 'bigint' ? 'bigint[]' : 'text[]';
  const signature = `${sql.table}|${columns.join('+')}|${cast}|${order.join(',')}`;
  return new Promise<T[]>((resolve, reject) => {
    batchOf(db).add(
      { signature, sql, keyFields, columns, cast, order: order.join(', ') },
      { keys, resolve: resolve as (rows: unknown[]) => void, reject },
    );
  });
}
