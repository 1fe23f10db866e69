/**
 * The connection budget's failure modes against a real server (docs/operations.md, "Connection budget"): a request
 * that finds every connection of its pool busy, or a server that refuses a new connection ("too many connections",
 * SQLSTATE 53300), is answered with DATABASE_UNAVAILABLE, `retryable: true` — never with the driver's or Prisma's
 * message — on the read path (node-postgres, rowsByKeys) and on a Prisma path (a list) alike.
 *
 * The server's refusal is provoked with a role limited to one connection (CONNECTION LIMIT 1): the server answers it
 * exactly as at max_connections (same SQLSTATE 53300), without starving the other test files sharing the server.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import { createDb, type Db } from '@credit-hub/kit/db';
import {
  callers,
  createTestDatabase,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startMarketSubgraph } from '../src/index.ts';

let tdb: TestDatabase;
const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code registration { name }
  isInAbnormalOperationList isSeriousIllegal } } }`;
const LIST = `{ abnormalOperations(first: 5) { totalCount nodes { id } } }`;
const reps = { r: [{ __typename: 'CreditSubject', code: makeUscc('91', '330106', 'MA2U0001') }] };

/** A market subgraph on its own pool; closed with it. */
async function marketOn(db: Db): Promise<RunningService & { db: Db }> {
  const service = await startMarketSubgraph({
    db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    stopOnTerminationSignals: false,
    production: true,
  });
  return {
    ...service,
    db,
    close: async () => {
      await service.close();
      await db.close();
    },
  };
}

function assertRetryable(
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  reason: string,
) {
  const error = body.errors?.[0];
  assert.ok(error, JSON.stringify(body));
  assert.equal(error.extensions?.code, 'DATABASE_UNAVAILABLE', JSON.stringify(body));
  assert.equal(error.extensions?.retryable, true);
  assert.equal(error.extensions?.reason, reason);
  assert.match(error.message, /^Temporarily unavailable: .*retry in a moment$/);
  // Nothing of the driver: no SQLSTATE text, no pool message, no Prisma code, no role or host.
  assert.doesNotMatch(
    JSON.stringify(body),
    /too many connections for role|timeout exceeded|Prisma|P20\d\d|127\.0\.0\.1|budget_/,
  );
}

before(async () => {
  tdb = await createTestDatabase();
});
after(() => tdb?.drop());

describe('an exhausted pool', () => {
  it('answers DATABASE_UNAVAILABLE (POOL_EXHAUSTED) on the read path and on a Prisma list, then recovers', async () => {
    const market = await marketOn(createDb(tdb.url, { poolSize: 1, connectTimeoutMs: 150 }));
    try {
      // The only connection of the pool is held, as by a long request.
      const held = await market.db.pool.connect();
      try {
        const entity = await postAs(market.url, callers.public, ENTITY, reps);
        assert.equal(entity.status, 200);
        assert.equal((entity.body.data as any)._entities[0].registration, null);
        assertRetryable(entity.body as never, 'POOL_EXHAUSTED');
        const list = await postAs(market.url, callers.public, LIST);
        assert.equal(list.body.data?.abnormalOperations ?? null, null);
        assertRetryable(list.body as never, 'POOL_EXHAUSTED');
      } finally {
        held.release();
      }
      // Once the connection is free, the same request is answered.
      const again = await postAs(market.url, callers.public, ENTITY, reps);
      assert.equal(again.body.errors, undefined, JSON.stringify(again.body.errors));
      assert.equal((again.body.data as any)._entities[0].isSeriousIllegal, false);
    } finally {
      await market.close();
    }
  });
});

describe('a server that refuses the connection', () => {
  const role = `budget_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let admin: Db;
  let roleUrl: string;

  before(async () => {
    admin = tdb.db;
    await admin.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' CONNECTION LIMIT 1`);
    await admin.pool.query(`GRANT USAGE ON SCHEMA market, subject, access TO ${role}`);
    await admin.pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA market TO ${role}`);
    const url = new URL(tdb.url);
    url.username = role;
    url.password = password;
    roleUrl = url.toString();
  });
  after(async () => {
    await admin?.pool.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin?.pool.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  });

  it('answers DATABASE_UNAVAILABLE (TOO_MANY_CONNECTIONS) while the server is full, then recovers', async () => {
    // Another process of the deployment holds the role's one connection.
    const otherPool = createDb(roleUrl, { poolSize: 1 });
    const other = await otherPool.pool.connect();
    const market = await marketOn(createDb(roleUrl, { poolSize: 4, connectTimeoutMs: 2_000 }));
    try {
      const entity = await postAs(market.url, callers.public, ENTITY, reps);
      assert.equal(entity.status, 200);
      assertRetryable(entity.body as never, 'TOO_MANY_CONNECTIONS');
      const list = await postAs(market.url, callers.public, LIST);
      assertRetryable(list.body as never, 'TOO_MANY_CONNECTIONS');
      other.release();
      await otherPool.close();
      const again = await postAs(market.url, callers.public, ENTITY, reps);
      assert.equal(again.body.errors, undefined, JSON.stringify(again.body.errors));
    } finally {
      await otherPool.close().catch(() => undefined);
      await market.close();
    }
  });
});
