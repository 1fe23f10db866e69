import type { Connection } from '@credit-hub/kit';
import type { Arrears, ArrearsPayment, Commitment, Complaint } from '@credit-hub/kit/db';

/**
 * The parent types the government subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds
 * them (codegen.ts; the evaluation's is in integrity-evaluation/mappers.ts). Resolver types are generated against
 * these: a resolver that reads a field its parent does not carry fails to compile.
 */

/**
 * The government subgraph knows a subject by its key. `isDishonestDebtor` belongs to the court subgraph
 * (@external): it is present only when the gateway passed it in the representation for a field that @requires it
 * (absent when not asked for, null when the courts could not answer). `T` is the generated CreditSubject
 * (codegen passes it: a generic `<Type>Mapper`), so the fact's type follows the schema instead of a hand-written
 * mirror, and no resolver casts the parent.
 */
export type CreditSubjectMapper<T extends { code: unknown; isDishonestDebtor?: unknown }> = Pick<T, 'code'> &
  Partial<Pick<T, 'isDishonestDebtor'>>;

/**
 * A region of the shared RegionIntegrity entity. The two counts come from the subject register and the
 * courts, in the representation the gateway passes for `dishonestDebtorRatio` (@requires); typed from the
 * generated RegionIntegrity (`T`), as CreditSubjectMapper is.
 */
export type RegionIntegrityMapper<
  T extends { regionCode: unknown; governmentBodyCount?: unknown; dishonestGovernmentBodyCount?: unknown },
> = Pick<T, 'regionCode'> & Partial<Pick<T, 'governmentBodyCount' | 'dishonestGovernmentBodyCount'>>;

/** 拖欠中小企业账款 as stored. */
export type ArrearsMapper = Arrears;
export type ArrearsPaymentMapper = ArrearsPayment;
/** 政府承诺 as stored; `overdue` is computed from today. */
export type CommitmentMapper = Commitment;
/** A 政府违约 complaint as stored. */
export type ComplaintMapper = Complaint;

/** A page of arrears; `totalCount` is counted only when asked for. */
export type ArrearsConnectionMapper = Connection<ArrearsMapper> & { totalCount: () => Promise<number> };
