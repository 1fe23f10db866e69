import type { ListFlag } from './catalogue/rules.ts';
import type { EvaluationFact } from './scoring/rules.ts';

/** The facts of other departments a CreditSubject representation may carry: creditEvaluation's and creditCheck's. */
type Fact = EvaluationFact | ListFlag;

/**
 * The evaluation subgraph knows a subject by its key; every other field is another department's (@external) and
 * present only when the gateway passed it for a field that @requires it (absent when not asked for, null when the
 * department could not answer). `T` is the generated CreditSubject (codegen passes it: a generic `<Type>Mapper`),
 * so the facts are typed from the schema and a change to a @requires selection reaches the compiler; no resolver
 * casts the parent.
 */
export type CreditSubjectMapper<T extends { code: unknown } & Partial<Record<Fact, unknown>>> = Pick<T, 'code'> &
  Partial<Pick<T, Fact>>;
