import {
  DateScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { ConsumptionRestriction } from './resolvers/ConsumptionRestriction.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { DishonestDebtorCase } from './resolvers/DishonestDebtorCase.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import { RegionIntegrity } from './resolvers/RegionIntegrity.ts';

/** 法院 — courts: 失信被执行人 (dishonest judgment debtors) and 限制消费令 (consumption restrictions). */
export const courtSubgraph: SubgraphDefinition<Loaders> = {
  name: 'court',
  department: 'court',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: {
    Date: DateScalar,
    Query,
    Mutation,
    CreditSubject,
    DishonestDebtorCase,
    ConsumptionRestriction,
    RegionIntegrity,
  },
  createLoaders,
};

export const startCourtSubgraph = (options: SubgraphOptions) => startSubgraph(courtSubgraph, options);
