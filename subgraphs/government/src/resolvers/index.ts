import { DateScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { IntegrityEvaluation } from '../integrity-evaluation/resolvers/IntegrityEvaluation.ts';
import { Arrears } from './Arrears.ts';
import { ArrearsPayment } from './ArrearsPayment.ts';
import { Commitment } from './Commitment.ts';
import { Complaint } from './Complaint.ts';
import { CreditSubject } from './CreditSubject.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { RegionIntegrity } from './RegionIntegrity.ts';

/** The government subgraph's resolver map, one object type per file (the evaluation's from its feature folder). */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  CreditSubject,
  RegionIntegrity,
  Arrears,
  ArrearsPayment,
  Commitment,
  Complaint,
  IntegrityEvaluation,
};
