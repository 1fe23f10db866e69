import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { AbnormalOperation } from '../abnormal/resolvers/AbnormalOperation.ts';
import { SeriousIllegalListing } from '../serious/resolvers/SeriousIllegalListing.ts';
import { AnnualReport } from './AnnualReport.ts';
import { CreditSubject } from './CreditSubject.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Registration } from './Registration.ts';

/** The market's resolver map, one object type per file (a feature folder's types from its own resolvers/). */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CreditSubject,
  Registration,
  AnnualReport,
  AbnormalOperation,
  SeriousIllegalListing,
};
