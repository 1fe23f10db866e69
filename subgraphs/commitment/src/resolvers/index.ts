import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CommitmentDepartment } from './CommitmentDepartment.ts';
import { CreditCommitment } from './CreditCommitment.ts';
import { CreditSubject } from './CreditSubject.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

/** The commitment subgraph's resolver map, one object type per file. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  CreditSubject,
  CreditCommitment,
  CommitmentDepartment,
  Query,
  Mutation,
};
