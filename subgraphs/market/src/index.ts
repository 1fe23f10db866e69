import {
  DateScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { AbnormalOperation } from './resolvers/AbnormalOperation.ts';
import { AnnualReport } from './resolvers/AnnualReport.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import { Registration } from './resolvers/Registration.ts';
import { SeriousIllegalListing } from './resolvers/SeriousIllegalListing.ts';

/** 市场监管 — market supervision: registration, annual reports, 经营异常名录 and 严重违法失信名单. */
export const marketSubgraph: SubgraphDefinition<Loaders> = {
  name: 'market',
  department: 'market',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: {
    Date: DateScalar,
    Query,
    Mutation,
    CreditSubject,
    Registration,
    AnnualReport,
    AbnormalOperation,
    SeriousIllegalListing,
  },
  createLoaders,
};

export const startMarketSubgraph = (options: SubgraphOptions) => startSubgraph(marketSubgraph, options);
