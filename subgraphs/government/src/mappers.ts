import type { Connection } from '@credit-hub/kit';
import type { Arrears, ArrearsPayment, Commitment, Complaint } from '@credit-hub/kit/db';
import type { EvaluationResult } from './evaluation.ts';

/**
 * The government subgraph knows a subject by its key. `isDishonestDebtor` belongs to the court subgraph
 * (@external): it is present only when the gateway passed it in the representation for a field that @requires it
 * (absent when not asked for, null when the courts could not answer). `T` is the generated CreditSubject
 * (codegen passes it: a generic `<Type>Mapper`), so the fact's type follows the schema instead of a hand-written
 * mirror, and no resolver casts the parent.
 */
export type CreditSubjectMapper<T extends { code: unknown; isDishonestDebtor?: unknown }> = Pick<T, 'code'> &
  Partial<Pick<T, 'isDishonestDebtor'>>;

export type ArrearsRow = Arrears;
export type PaymentRow = ArrearsPayment;
export type CommitmentRow = Commitment;
export type ComplaintRow = Complaint;

/** A computed 政务诚信 evaluation of one body and year (src/evaluation.ts); nothing is stored. */
export type EvaluationRow = EvaluationResult & { bodyCode: string; year: number; asOf: Date };

/**
 * A region of the shared RegionIntegrity entity. The two counts come from the subject register and the
 * courts, in the representation the gateway passes for `dishonestDebtorRatio` (@requires); typed from the
 * generated RegionIntegrity (`T`), as CreditSubjectMapper is.
 */
export type RegionIntegrityMapper<
  T extends { regionCode: unknown; governmentBodyCount?: unknown; dishonestGovernmentBodyCount?: unknown },
> = Pick<T, 'regionCode'> & Partial<Pick<T, 'governmentBodyCount' | 'dishonestGovernmentBodyCount'>>;

/** A page of arrears as resolvers receive it; `totalCount` is counted only when asked for. */
export type ArrearsPage = Connection<ArrearsRow> & { totalCount: () => Promise<number> };

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type ArrearsMapper = ArrearsRow;
export type ArrearsPaymentMapper = PaymentRow;
export type CommitmentMapper = CommitmentRow;
export type ComplaintMapper = ComplaintRow;
export type IntegrityEvaluationMapper = EvaluationRow;
export type ArrearsConnectionMapper = ArrearsPage;
