import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { startTestHub } from './support/hub.ts';

// Runs only where TEST_REDIS_URL names a Redis server (CI's integration pass; see scripts/test.ts).
const redisUrl = process.env.TEST_REDIS_URL!;
let tdb: TestDatabase;
const hubs: Hub[] = [];

before(async () => {
  tdb = await createTestDatabase();
});

after(async () => {
  for (const hub of hubs) await hub.close();
  await tdb.drop();
});

async function gatewayPair(shared: boolean) {
  const prefix = `credit-hub:test:${randomBytes(6).toString('hex')}:`;
  const rateLimit = {
    windowSeconds: 60,
    anonymousPerWindow: 4,
    authenticatedPerWindow: 100,
    ...(shared ? { redisUrl, redisPrefix: prefix } : {}),
  };
  const a = await startTestHub(tdb.url, tdb.db, { rateLimit });
  const b = await startTestHub(tdb.url, tdb.db, { rateLimit });
  hubs.push(a, b);
  return [a, b] as const;
}

const status = async (hub: Hub) => (await postGraphQL(hub.gatewayUrl, '{ regions { code } }')).status;

describe('rate limits across gateway replicas', () => {
  it('two gateways sharing Redis enforce one limit per client', async () => {
    const [a, b] = await gatewayPair(true);
    assert.deepEqual([await status(a), await status(b), await status(a), await status(b)], [200, 200, 200, 200]);
    assert.equal(await status(a), 429);
    assert.equal(await status(b), 429);
  });

  it('without Redis each replica counts on its own (which is why Redis is needed)', async () => {
    const [a, b] = await gatewayPair(false);
    for (let i = 0; i < 4; i += 1) assert.equal(await status(a), 200);
    assert.equal(await status(a), 429);
    assert.equal(await status(b), 200);
  });
});
