import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditSubject } from './CreditSubject.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { RecordMark, recordEntity } from './records.ts';
import { RepairCase } from './RepairCase.ts';
import { RepairFile, RepairTransition } from './RepairFile.ts';

/** The repair subgraph's resolver map. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  CreditSubject,
  AdministrativePenalty: recordEntity('ADMINISTRATIVE_PENALTY'),
  AbnormalOperation: recordEntity('ABNORMAL_OPERATION'),
  SeriousIllegalListing: recordEntity('SERIOUS_ILLEGAL'),
  MajorTaxViolation: recordEntity('MAJOR_TAX_VIOLATION'),
  RecordMark,
  RepairCase,
  RepairFile,
  RepairTransition,
  Query,
  Mutation,
};
