import { manyByKey, regionPrefix } from '@credit-hub/kit';
import { Prisma, rowsByKeys, type Db } from '@credit-hub/kit/db';
import DataLoader from 'dataloader';
import type { ArrearsRow, CommitmentRow, ComplaintRow, PaymentRow } from './mappers.ts';

/** A subject's arrears on both sides. */
export interface SubjectArrears {
  /** As the debtor (a body's page: what it owes). */
  owed: ArrearsRow[];
  /** As the creditor (an enterprise's page: what government bodies owe it). */
  owedTo: ArrearsRow[];
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

const newestRecordFirst = [{ recordedOn: 'desc' as const }, { id: 'desc' as const }];

/**
 * Per-request loaders: each is one `WHERE … IN (...)` statement for a whole page of subjects (or arrears,
 * or regions), so 2 or 50 subjects cost the same number of statements.
 */
export function createLoaders(db: Db) {
  return {
    /**
     * Arrears per subject on both sides — what it owes (debtor) and what it is owed (creditor) — newest record
     * first, in one statement: both lists then resolve together, so their payments load in one batch too.
     */
    arrearsBySubject: new DataLoader<string, SubjectArrears>(async (codes) => {
      const keys = [...codes];
      const rows = await db.prisma.arrears.findMany({
        where: { OR: [{ debtorCode: { in: keys } }, { creditorCode: { in: keys } }] },
        orderBy: newestRecordFirst,
      });
      const bySubject = new Map<string, SubjectArrears>(keys.map((k) => [k, { owed: [], owedTo: [] }]));
      for (const row of rows) {
        bySubject.get(row.debtorCode)?.owed.push(row);
        bySubject.get(row.creditorCode)?.owedTo.push(row);
      }
      return keys.map((k) => bySubject.get(k)!);
    }),
    /** Payments per arrear (keyed by the id as a string), oldest first. */
    paymentsByArrears: manyByKey<string, PaymentRow>(
      (ids) =>
        rowsByKeys(
          db,
          { model: 'ArrearsPayment', schema: 'government' },
          'arrearsId',
          ids.map((id) => BigInt(id)),
          [
            ['paidOn', 'asc'],
            ['id', 'asc'],
          ],
        ),
      (row) => row.arrearsId.toString(),
    ),
    /** 政府承诺 per body, newest first. */
    commitmentsByBody: manyByKey<string, CommitmentRow>(
      (codes) =>
        rowsByKeys(db, { model: 'Commitment', schema: 'government' }, 'bodyCode', codes, [
          ['madeOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.bodyCode,
    ),
    /** 政府违约 complaints per body complained about, newest first. */
    complaintsByBody: manyByKey<string, ComplaintRow>(
      (codes) =>
        rowsByKeys(db, { model: 'Complaint', schema: 'government' }, 'bodyCode', codes, [
          ['receivedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.bodyCode,
    ),
    /**
     * Uncleared arrears per region code (its prefix: 330100 covers 杭州市 and its districts), summed per body:
     * every region of a request in one statement.
     */
    regionArrears: new DataLoader<string, RegionArrears>(async (regionCodes) => {
      const prefixes = regionCodes.map((code) => regionPrefix(code));
      const rows = await db.prisma.$queryRaw<{ prefix: string; debtor: string; n: number; outstanding: string }[]>`
        SELECT p.prefix, a.debtor_code AS debtor, count(*)::int AS n, sum(a.amount - a.paid_amount)::text AS outstanding
        FROM (SELECT DISTINCT prefix FROM unnest(${prefixes}::text[]) AS u(prefix)) AS p
        JOIN government.arrears a ON a.region_code LIKE p.prefix || '%' AND a.status <> 'CLEARED'
        GROUP BY p.prefix, a.debtor_code`;
      const byPrefix = new Map<string, RegionArrears>();
      for (const row of rows) {
        const region = byPrefix.get(row.prefix) ?? { count: 0, outstanding: new Prisma.Decimal(0), bodies: [] };
        const outstanding = new Prisma.Decimal(row.outstanding);
        region.count += row.n;
        region.outstanding = region.outstanding.plus(outstanding);
        region.bodies.push({ code: row.debtor, outstanding });
        byPrefix.set(row.prefix, region);
      }
      for (const region of byPrefix.values())
        region.bodies.sort((a, b) => b.outstanding.comparedTo(a.outstanding) || (a.code < b.code ? -1 : 1));
      return prefixes.map((p) => byPrefix.get(p) ?? { count: 0, outstanding: new Prisma.Decimal(0), bodies: [] });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
