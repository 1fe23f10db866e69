import {
  DateScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { MajorTaxViolation, TaxResponsiblePerson } from './resolvers/MajorTaxViolation.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import { TaxCreditRating } from './resolvers/TaxCreditRating.ts';

/** 税务 — tax department: 纳税信用 levels, the A-level red list and 重大税收违法失信主体. */
export const taxSubgraph: SubgraphDefinition<Loaders> = {
  name: 'tax',
  department: 'tax',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: {
    Date: DateScalar,
    Query,
    Mutation,
    CreditSubject,
    TaxCreditRating,
    MajorTaxViolation,
    TaxResponsiblePerson,
  },
  createLoaders,
};

export const startTaxSubgraph = (options: SubgraphOptions) => startSubgraph(taxSubgraph, options);
