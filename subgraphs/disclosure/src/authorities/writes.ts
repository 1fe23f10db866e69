/** Writing the authority register: the shipped list at start, and one authority at a time by administrators. */
import { badInput, DEPARTMENTS } from '@credit-hub/kit';
import { validateUscc } from '@credit-hub/kit/codes';
import { pgSql, upsertRows, type PgQueryable, type UpsertTable } from '@credit-hub/kit/db';
import type { Context } from '../context.ts';
import type { MutationRegisterAuthorityArgs } from '../__generated__/types.ts';
import { AUTHORITIES, type Authority } from './rules.ts';

// The package's `./authorities` entry (the hub's start, the test template, tests) is this file: the list with its writer.
export { AUTHORITIES, type Authority } from './rules.ts';

const REGISTER: UpsertTable<Authority> = {
  table: 'disclosure.authority',
  columns: {
    code: { type: 'varchar(18)', value: (a) => a.code },
    name: { type: 'text', value: (a) => a.name },
    department: { type: 'text', value: (a) => a.department },
    region_code: { type: 'char(6)', value: (a) => a.regionCode },
  },
  key: ['code'],
  // Names, departments and regions are refreshed in place; rows are never deleted, since records keep pointing at an
  // authority after it is reorganised.
  onConflict: 'update',
};

/** Upserts the shipped register in one statement (the kit's unnest upsert), on a node-postgres client. */
export async function ensureAuthorities(client: PgQueryable, authorities: readonly Authority[] = AUTHORITIES) {
  await upsertRows(pgSql(client), REGISTER, authorities);
}

/** Adds or updates one authority (ADMIN): its code a valid USCC, its department one of the topology. */
export async function registerAuthority(ctx: Context, { input }: MutationRegisterAuthorityArgs) {
  const checked = validateUscc(input.code.trim().toUpperCase());
  if (!checked.valid) throw badInput('input.code', `USCC_${checked.reason}`, `\`input.code\`: ${checked.message}`);
  if (!Object.hasOwn(DEPARTMENTS, input.department))
    throw badInput(
      'input.department',
      'ENUM',
      `\`input.department\` must be one of ${Object.keys(DEPARTMENTS).join(', ')}`,
    );
  if (!/^\d{6}$/.test(input.regionCode))
    throw badInput('input.regionCode', 'FORMAT', '`input.regionCode` must be six digits (GB/T 2260)');
  const name = input.name.trim();
  if (!name || name.length > 200) throw badInput('input.name', 'LENGTH', '`input.name` must hold 1–200 characters');
  const data = { name, department: input.department, regionCode: input.regionCode };
  return ctx.audited({ subjectCode: null, fields: ['Mutation.registerAuthority'], detail: checked.code }, (tx) =>
    tx.authority.upsert({ where: { code: checked.code }, create: { code: checked.code, ...data }, update: data }),
  );
}
