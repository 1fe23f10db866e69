import assert from 'node:assert/strict';
import { Prisma, type Db } from '../db/client.ts';
import { z } from 'zod';
import type { postGraphQL } from './fixtures.ts';

/**
 * The mutation-test harness every subgraph's writes tests share: the audit trail's WRITE rows, a "nothing was
 * written" snapshot, and refusal assertions that check the data is null as well as the error's code, field and
 * rule (a leak that also raised an error must fail the test).
 */

/** What a GraphQL call over HTTP answered (postGraphQL, postAs). */
export type GraphQLAnswer = Awaited<ReturnType<typeof postGraphQL>>;

const WriteRowSchema = z.object({
  actor: z.string(),
  role: z.string(),
  department: z.string().nullable(),
  subject_code: z.string().nullable(),
  fields: z.string(),
  detail: z.string().nullable(),
});
/** One WRITE entry of the audit trail, as a test compares it. */
export type WriteRow = z.infer<typeof WriteRowSchema>;

/** The audit trail's WRITE entries, oldest first. */
export async function writeRows(db: Db): Promise<WriteRow[]> {
  const rows = await db.prisma.$queryRaw<unknown[]>`
    SELECT actor, role, department, subject_code, fields, detail FROM audit.entry WHERE action = 'WRITE' ORDER BY seq`;
  return z.array(WriteRowSchema).parse(rows);
}

const TABLE = /^[a-z_]+\.[a-z_]+$/;

/**
 * Everything a write could change, as one comparable string: every row of `tables` ("schema.table") and the
 * number of WRITE entries in the audit trail. "Nothing was written" means this did not move.
 */
export async function snapshot(db: Db, tables: readonly string[]): Promise<string> {
  const contents = await Promise.all(
    tables.map(async (table) => {
      if (!TABLE.test(table)) throw new Error(`snapshot: ${table} is not a schema.table name`);
      const rows = await db.prisma.$queryRaw<{ row: string }[]>`
        SELECT row_to_json(t)::text AS row FROM ${Prisma.raw(table)} t ORDER BY 1`;
      return [table, rows.map((r) => r.row)] as const;
    }),
  );
  const writes = (await writeRows(db)).length;
  return JSON.stringify({ ...Object.fromEntries(contents), writes });
}

/** Runs a refused write and checks that nothing at all moved (the tables' rows and the audit trail). */
export async function refusedWrite(
  db: Db,
  tables: readonly string[],
  run: () => Promise<GraphQLAnswer>,
  check: (answer: GraphQLAnswer) => void,
): Promise<void> {
  const before = await snapshot(db, tables);
  check(await run());
  assert.equal(await snapshot(db, tables), before, 'a refused write changed stored rows or the audit trail');
}

/**
 * A refusal: the first error carries `code` (and `field`, `rule` when given), and the answer holds no data — a
 * mutation or root field refused is `data: null` or a null field, never a half-made record.
 */
export function assertRefused(answer: GraphQLAnswer, expected: { code: string; field?: string; rule?: string }) {
  const error = answer.body.errors?.[0];
  assert.ok(error, `expected a ${expected.code} error, got ${JSON.stringify(answer.body)}`);
  assert.equal(error.extensions?.code, expected.code, error.message);
  if (expected.field !== undefined) assert.equal(error.extensions?.field, expected.field, error.message);
  if (expected.rule !== undefined) assert.equal(error.extensions?.rule, expected.rule, error.message);
  assertNoData(answer);
}

/** BAD_USER_INPUT naming `field` and `rule`, with no data. */
export const assertBadInput = (answer: GraphQLAnswer, field: string, rule: string) =>
  assertRefused(answer, { code: 'BAD_USER_INPUT', field, rule });

/** CONFLICT (the record exists, the act was done, the state moved) naming `field` and `rule`, with no data. */
export const assertConflict = (answer: GraphQLAnswer, field: string, rule: string) =>
  assertRefused(answer, { code: 'CONFLICT', field, rule });

/** An answer without errors; returns `data[field]` (typed by the caller; tests read loosely typed answers). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function assertOk<T = any>(answer: GraphQLAnswer, field: string): T {
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  const data = answer.body.data as Record<string, T> | null | undefined;
  assert.ok(data, `expected data, got ${JSON.stringify(answer.body)}`);
  return data[field] as T;
}

/**
 * FORBIDDEN, and the refused field holds nothing: at the error's `path` (or the given one) the data is null — or
 * the whole `data` is, when a non-null field made the refusal spread to the root.
 */
export function expectForbidden(answer: GraphQLAnswer, path?: readonly (string | number)[]) {
  const error = answer.body.errors?.find((e) => e.extensions?.code === 'FORBIDDEN');
  assert.ok(error, `expected a FORBIDDEN error, got ${JSON.stringify(answer.body)}`);
  const at = path ?? (error.path as (string | number)[] | undefined) ?? [];
  let value: unknown = answer.body.data;
  for (const key of at) {
    if (value === null || value === undefined) break;
    value = (value as Record<string | number, unknown>)[key];
  }
  assert.equal(value ?? null, null, `data at ${at.join('.')} must be null when refused, got ${JSON.stringify(value)}`);
  return error;
}

/** No data at all: `data` absent or null, or every root field null. */
function assertNoData(answer: GraphQLAnswer) {
  const data = answer.body.data as Record<string, unknown> | null | undefined;
  if (data === null || data === undefined) return;
  for (const [field, value] of Object.entries(data))
    assert.equal(value, null, `refused, yet ${field} holds ${JSON.stringify(value)}`);
}
