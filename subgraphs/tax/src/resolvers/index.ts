import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditSubject } from './CreditSubject.ts';
import { MajorTaxViolation } from './MajorTaxViolation.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { TaxCreditRating } from './TaxCreditRating.ts';
import { TaxResponsiblePerson } from './TaxResponsiblePerson.ts';

/** The tax subgraph's resolver map, one object type per file. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CreditSubject,
  TaxCreditRating,
  MajorTaxViolation,
  TaxResponsiblePerson,
};
