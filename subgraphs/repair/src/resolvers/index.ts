import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditSubject } from './CreditSubject.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { AbnormalOperation } from './AbnormalOperation.ts';
import { AdministrativePenalty } from './AdministrativePenalty.ts';
import { CreditCommitment } from './CreditCommitment.ts';
import { MajorTaxViolation } from './MajorTaxViolation.ts';
import { RecordMark } from './RecordMark.ts';
import { SeriousIllegalListing } from './SeriousIllegalListing.ts';
import { RepairCase } from './RepairCase.ts';
import { RepairFile } from './RepairFile.ts';
import { RepairTransition } from './RepairTransition.ts';

/** The repair subgraph's resolver map. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  CreditSubject,
  AdministrativePenalty,
  AbnormalOperation,
  SeriousIllegalListing,
  MajorTaxViolation,
  CreditCommitment,
  RecordMark,
  RepairCase,
  RepairFile,
  RepairTransition,
  Query,
  Mutation,
};
