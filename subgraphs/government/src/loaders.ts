import { clock, manyByKey, regionPrefix } from '@credit-hub/kit';
import { rowsByKeys, type Db } from '@credit-hub/kit/db';
import DataLoader from 'dataloader';
import type { ArrearsPaymentMapper, CommitmentMapper, ComplaintMapper } from './mappers.ts';
import { arrearsOfSubjects, regionArrears, type RegionArrears, type SubjectArrears } from './reads.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): each is one statement for a whole page of
 * subjects (or arrears, or regions), so 2 or 50 subjects cost the same number of statements.
 */
export function createLoaders(db: Db) {
  // One "today" per request: overdue flags, days overdue and the evaluation all answer as of the same China date,
  // even when the request runs across midnight.
  const today = clock.today();
  return {
    today,
    /**
     * Arrears per subject on both sides — what it owes (debtor) and what it is owed (creditor) — newest record
     * first, in one statement: both lists then resolve together, so their payments load in one batch too.
     */
    arrearsBySubject: new DataLoader<string, SubjectArrears>((codes) => arrearsOfSubjects(db, codes)),
    /** Payments per arrear (keyed by the id as a string), oldest first. */
    paymentsByArrears: manyByKey<string, ArrearsPaymentMapper>(
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
    commitmentsByBody: manyByKey<string, CommitmentMapper>(
      (codes) =>
        rowsByKeys(db, { model: 'Commitment', schema: 'government' }, 'bodyCode', codes, [
          ['madeOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.bodyCode,
    ),
    /** 政府违约 complaints per body complained about, newest first. */
    complaintsByBody: manyByKey<string, ComplaintMapper>(
      (codes) =>
        rowsByKeys(db, { model: 'Complaint', schema: 'government' }, 'bodyCode', codes, [
          ['receivedOn', 'desc'],
          ['id', 'desc'],
        ]),
      (row) => row.bodyCode,
    ),
    /** Uncleared arrears per region code (by its prefix), summed per body: every region of a request at once. */
    regionArrears: new DataLoader<string, RegionArrears>((regionCodes) =>
      regionArrears(
        db,
        regionCodes.map((code) => regionPrefix(code)),
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
