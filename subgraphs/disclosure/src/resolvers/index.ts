import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { ImportJob } from '../imports/resolvers/ImportJob.ts';
import { AdministrativeLicence } from './AdministrativeLicence.ts';
import { AdministrativePenalty } from './AdministrativePenalty.ts';
import { Authority } from './Authority.ts';
import { CreditSubject } from './CreditSubject.ts';
import { HighFrequencyOffender } from './HighFrequencyOffender.ts';
import { Mutation } from './Mutation.ts';
import { QuarantineEntry } from './QuarantineEntry.ts';
import { Query } from './Query.ts';
import { Revision } from './Revision.ts';
import { Submission } from './Submission.ts';

/** The 双公示 resolver map, one object type per file (the import's types from imports/resolvers/). */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CreditSubject,
  AdministrativePenalty,
  AdministrativeLicence,
  Revision,
  QuarantineEntry,
  Submission,
  Authority,
  HighFrequencyOffender,
  ImportJob,
};
