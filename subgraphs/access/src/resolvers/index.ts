import { DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { AuditEntry } from '../audit-log/resolvers/AuditEntry.ts';
import { ApiKey } from './ApiKey.ts';
import { Caller } from './Caller.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

/** The access subgraph's resolver map, one object type per file (the audit trail's types from audit-log/resolvers/). */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  ApiKey,
  Caller,
  AuditEntry,
};
