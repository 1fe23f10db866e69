import {
  DateScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { Arrears, ArrearsPayment } from './resolvers/Arrears.ts';
import { Commitment, Complaint } from './resolvers/Commitment.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { IntegrityEvaluation } from './resolvers/IntegrityEvaluation.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import { RegionIntegrity } from './resolvers/RegionIntegrity.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';

const resolvers: Resolvers = {
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

/**
 * 政务诚信 — government integrity: arrears of government bodies and public institutions to SMEs, their policy
 * commitments, 政府违约 complaints, a yearly evaluation per body and the region figures (政府失信被执行人占比).
 */
export const governmentSubgraph: SubgraphDefinition<Loaders> = {
  name: 'government',
  department: 'government',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const startGovernmentSubgraph = (options: SubgraphOptions) => startSubgraph(governmentSubgraph, options);
