import { randomBytes, randomUUID } from 'node:crypto';
import { appendAudit, type AuditEvent, type Identity } from '@credit-hub/kit';
import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';
import { apiKeyFrom, PREFIX_LENGTH, SECRET_BYTES } from '../src/rules.ts';

type KeyColumns = Prisma.ApiKeyCreateManyInput;

/**
 * The access subgraph's rows for tests that stand on stored keys and a stored trail. A key is made by the
 * subgraph's own rule (apiKeyFrom: prefix and hash of a real key), so the gateway would accept it; the trail is
 * appended through the kit's writer, so the hash chain holds (verifyAudit) as it does in production.
 */
export function accessSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    /** An API key of a department's system (read scope, made by admin-1, in force unless the test says otherwise). */
    apiKey: seed.rows('ApiKey', (given: Partial<Omit<KeyColumns, 'prefix' | 'hash'>>): KeyColumns => {
      const { prefix, hash } = apiKeyFrom(randomBytes(PREFIX_LENGTH), randomBytes(SECRET_BYTES));
      return {
        id: randomUUID(),
        prefix,
        hash,
        name: '税务征管系统',
        department: 'tax',
        scopes: ['read'],
        createdBy: 'admin-1',
        ...given,
      };
    }),
    /** Entries of the audit trail as `who` leaves them in one request of `subgraph`. */
    auditEntries: (who: Identity, events: AuditEvent[], subgraph = 'tax') =>
      appendAudit(db, who, { requestId: `req-${randomUUID()}`, subgraph }, events),
  };
}
