import { DateScalar, loadSchemaFile, startSubgraph, type SubgraphDefinition } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { createLoaders, type Loaders } from './loaders.ts';
import { CreditSubject } from './resolvers/CreditSubject.ts';
import { Query } from './resolvers/Query.ts';

/** 主体库 — the subject register: owns CreditSubject, its kinds, regions and search. */
export const subjectSubgraph: SubgraphDefinition<Loaders> = {
  name: 'subject',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: { Date: DateScalar, Query, CreditSubject },
  createLoaders,
};

export const startSubjectSubgraph = (options: { db: Db; port: number; host?: string; production?: boolean }) =>
  startSubgraph(subjectSubgraph, options);
