import {
  DateTimeScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { ApiKey } from './resolvers/ApiKey.ts';
import { AuditEntry } from './resolvers/AuditEntry.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';

/** 访问控制 — the platform's access subgraph: API keys of departmental systems and the audit trail. */
export const accessSubgraph: SubgraphDefinition<Loaders> = {
  name: 'access',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers: { DateTime: DateTimeScalar, Query, Mutation, ApiKey, AuditEntry },
  createLoaders,
};

export const startAccessSubgraph = (options: SubgraphOptions) => startSubgraph(accessSubgraph, options);
