import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

type ArrearsColumns = Prisma.ArrearsCreateManyInput;
type PaymentColumns = Prisma.ArrearsPaymentCreateManyInput;
type CommitmentColumns = Prisma.CommitmentCreateManyInput;
type ComplaintColumns = Prisma.ComplaintCreateManyInput;

/**
 * The 政务诚信 office's rows as the subgraph writes them, for tests that stand on stored records. Days are given as
 * YYYY-MM-DD; a row's region is positions 3–8 of the body's USCC (as `regionFor` derives it); what a test does not
 * state is the state a new record has (OUTSTANDING, PENDING).
 */
export function governmentSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    /** An arrear of a body (`debtorCode`) to a market subject, due on `due` and recorded on `recorded`. */
    arrears: seed.rows(
      'Arrears',
      ({
        due,
        recorded,
        ...given
      }: Pick<ArrearsColumns, 'debtorCode' | 'creditorCode' | 'description' | 'amount'> &
        Partial<Omit<ArrearsColumns, 'dueOn' | 'recordedOn'>> & { due: string; recorded: string }): ArrearsColumns => ({
        regionCode: given.debtorCode.slice(2, 8),
        dueOn: d(due),
        recordedOn: d(recorded),
        ...given,
      }),
    ),
    /** A payment against an arrear (the arrear's paid amount and status are the test's to state). */
    payment: seed.rows(
      'ArrearsPayment',
      ({ paid, ...given }: Pick<PaymentColumns, 'arrearsId' | 'amount'> & { paid: string }): PaymentColumns => ({
        paidOn: d(paid),
        ...given,
      }),
    ),
    /** A 政府承诺 of a body, made on `made` and due on `due`; PENDING unless stated. */
    commitment: seed.rows(
      'Commitment',
      ({
        made,
        due,
        ...given
      }: Pick<CommitmentColumns, 'bodyCode' | 'content'> &
        Partial<Omit<CommitmentColumns, 'madeOn' | 'dueOn'>> & { made: string; due: string }): CommitmentColumns => ({
        regionCode: given.bodyCode.slice(2, 8),
        madeOn: d(made),
        dueOn: d(due),
        ...given,
      }),
    ),
    /** A 政府违约 complaint against a body, received on `received`; PENDING unless stated. */
    complaint: seed.rows(
      'Complaint',
      ({
        received,
        ...given
      }: Pick<ComplaintColumns, 'bodyCode' | 'content'> &
        Partial<Omit<ComplaintColumns, 'receivedOn'>> & { received: string }): ComplaintColumns => ({
        regionCode: given.bodyCode.slice(2, 8),
        receivedOn: d(received),
        ...given,
      }),
    ),
  };
}
