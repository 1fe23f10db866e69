/**
 * The access subgraph's reads of API keys (the audit trail's are in audit-log/reads.ts). Administrators' lists,
 * not subject pages: no loader is involved.
 */
import type { Db } from '@credit-hub/kit/db';
import type { QueryApiKeysArgs } from './__generated__/types.ts';
import type { ApiKeyMapper } from './mappers.ts';

/** API keys, newest first: of one department when asked, revoked ones only when asked. */
export function listApiKeys(db: Db, args: QueryApiKeysArgs): Promise<ApiKeyMapper[]> {
  return db.prisma.apiKey.findMany({
    where: {
      ...(args.department ? { department: args.department } : {}),
      ...(args.includeRevoked ? {} : { revokedAt: null }),
    },
    orderBy: { createdAt: 'desc' },
  });
}
