/**
 * The government subgraph's reads: the arrears list (a keyset page with its count) and the batch statements the
 * loaders run. Raw rows are parsed (zod), never cast.
 */
import {
  badInput,
  dateIdKey,
  dateIdSeek,
  isDateIdCursor,
  readPage,
  regionPrefix,
  toConnection,
  z,
} from '@credit-hub/kit';
import { validateUscc } from '@credit-hub/kit/codes';
import { Prisma, rowsByKeys, type Db } from '@credit-hub/kit/db';
import type { QueryArrearsArgs } from './__generated__/types.ts';
import type { ArrearsConnectionMapper, ArrearsMapper } from './mappers.ts';

/** A code filter: a valid USCC (normalised), or a BAD_USER_INPUT naming the failed rule. */
function codeFilter(raw: string | null | undefined, field: string): string | null {
  if (raw === null || raw === undefined) return null;
  const result = validateUscc(raw);
  if (!result.valid) throw badInput(field, result.reason, `\`${field}\`: ${result.message}`);
  return result.code;
}

/** The filter of an arrears list, shared by the page and its count. */
export function arrearsFilter(args: QueryArrearsArgs): Prisma.ArrearsWhereInput {
  const debtorCode = codeFilter(args.debtorCode, 'debtorCode');
  const creditorCode = codeFilter(args.creditorCode, 'creditorCode');
  return {
    ...(args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(debtorCode ? { debtorCode } : {}),
    ...(creditorCode ? { creditorCode } : {}),
  };
}

/** 拖欠中小企业账款, newest record first; the keyset cursor is (recordedOn, id). */
export async function listArrears(db: Db, args: QueryArrearsArgs): Promise<ArrearsConnectionMapper> {
  const page = readPage(args, isDateIdCursor);
  const where = arrearsFilter(args);
  const rows = await db.prisma.arrears.findMany({
    where: { AND: [where, dateIdSeek('recordedOn', page.after, 'desc')] },
    orderBy: [{ recordedOn: 'desc' }, { id: 'desc' }],
    take: page.limit,
  });
  return {
    ...toConnection(rows, page, dateIdKey('recordedOn')),
    totalCount: () => db.prisma.arrears.count({ where }),
  };
}

/** A subject's arrears on both sides. */
export interface SubjectArrears {
  /** As the debtor (a body's page: what it owes). */
  owed: ArrearsMapper[];
  /** As the creditor (an enterprise's page: what government bodies owe it). */
  owedTo: ArrearsMapper[];
}

/**
 * Arrears of each subject on both sides, newest record first, for all `codes` (in their order): one branch of the
 * read path's statement (rowsByKeys, ADR 0080) matching either key column.
 */
export async function arrearsOfSubjects(db: Db, codes: readonly string[]): Promise<SubjectArrears[]> {
  const keys = [...codes];
  const rows = await rowsByKeys<ArrearsMapper>(
    db,
    { model: 'Arrears', schema: 'government' },
    ['debtorCode', 'creditorCode'],
    keys,
    [
      ['recordedOn', 'desc'],
      ['id', 'desc'],
    ],
  );
  const bySubject = new Map<string, SubjectArrears>(keys.map((k) => [k, { owed: [], owedTo: [] }]));
  for (const row of rows) {
    bySubject.get(row.debtorCode)?.owed.push(row);
    bySubject.get(row.creditorCode)?.owedTo.push(row);
  }
  return keys.map((k) => bySubject.get(k)!);
}

/** Arrears of a region not yet cleared, summed per owing body. */
export interface RegionArrears {
  /** Arrears not cleared (OUTSTANDING or PARTLY_PAID). */
  count: number;
  /** Σ (amount − paid) over them, in 元. */
  outstanding: Prisma.Decimal;
  /** The bodies that still owe, largest outstanding amount first (then by code). */
  bodies: { code: string; outstanding: Prisma.Decimal }[];
}

const RegionArrearsRow = z.object({
  prefix: z.string(),
  debtor: z.string(),
  n: z.number().int(),
  // Σ of Decimal(16, 2) as text: exact, where a float would round.
  outstanding: z.string().regex(/^\d+(\.\d+)?$/),
});

const noArrears = (): RegionArrears => ({ count: 0, outstanding: new Prisma.Decimal(0), bodies: [] });

/**
 * Uncleared arrears per region prefix (330100 covers 杭州市 and its districts), summed per body: every region of a
 * request in one statement, in the order of `prefixes`.
 */
export async function regionArrears(db: Db, prefixes: readonly string[]): Promise<RegionArrears[]> {
  const rows = await db.prisma.$queryRaw<unknown[]>`
    /* regionArrears */
    SELECT p.prefix, a.debtor_code AS debtor, count(*)::int AS n, sum(a.amount - a.paid_amount)::text AS outstanding
    FROM (SELECT DISTINCT prefix FROM unnest(${prefixes}::text[]) AS u(prefix)) AS p
    JOIN government.arrears a ON a.region_code LIKE p.prefix || '%' AND a.status <> 'CLEARED'
    GROUP BY p.prefix, a.debtor_code`;
  const byPrefix = new Map<string, RegionArrears>();
  for (const row of z.array(RegionArrearsRow).parse(rows)) {
    const region = byPrefix.get(row.prefix) ?? noArrears();
    const outstanding = new Prisma.Decimal(row.outstanding);
    region.count += row.n;
    region.outstanding = region.outstanding.plus(outstanding);
    region.bodies.push({ code: row.debtor, outstanding });
    byPrefix.set(row.prefix, region);
  }
  for (const region of byPrefix.values())
    region.bodies.sort((a, b) => b.outstanding.comparedTo(a.outstanding) || (a.code < b.code ? -1 : 1));
  return prefixes.map((p) => byPrefix.get(p) ?? noArrears());
}
