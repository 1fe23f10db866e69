import type { Connection } from '@credit-hub/kit';
import type { Arrears, ArrearsPayment, Commitment, Complaint } from '@credit-hub/kit/db';
import type { EvaluationResult } from './evaluation.ts';

/**
 * The government subgraph knows a subject by its key. `isDishonestDebtor` belongs to the court subgraph: it
 * is present only when the gateway passed it in the representation for a field that @requires it (absent
 * when not asked for, null when the courts could not answer).
 */
export interface SubjectRef {
  code: string;
  isDishonestDebtor?: boolean | null;
}

export type ArrearsRow = Arrears;
export type PaymentRow = ArrearsPayment;
export type CommitmentRow = Commitment;
export type ComplaintRow = Complaint;

/** A computed 政务诚信 evaluation of one body and year (src/evaluation.ts); nothing is stored. */
export type EvaluationRow = EvaluationResult & { bodyCode: string; year: number; asOf: Date };

/**
 * A region of the shared RegionIntegrity entity. The two counts come from the subject register and the
 * courts, in the representation the gateway passes for `dishonestDebtorRatio` (@requires).
 */
export interface RegionIntegrityRef {
  regionCode: string;
  governmentBodyCount?: number | null;
  dishonestGovernmentBodyCount?: number | null;
}

/** A page of arrears as resolvers receive it; `totalCount` is counted only when asked for. */
export type ArrearsPage = Connection<ArrearsRow> & { totalCount: () => Promise<number> };
/**
 * The same under the name codegen.ts maps today. That mapping cannot compile (the generated file declares its
 * own `ArrearsConnection`): codegen.ts should map `ArrearsConnection: '../model.ts#ArrearsPage'`.
 */
export type ArrearsConnection = ArrearsPage;
