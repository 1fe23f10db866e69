import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startGateway, type GatewayOptions } from '@credit-hub/gateway';
import type { Hub } from '@credit-hub/hub';
import type { RunningService } from '@credit-hub/kit';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { startTestHub } from './support/hub.ts';

// The gateway's own state across replicas: two gateways in front of the same subgraphs, sharing one Redis (as
// REDIS_URL configures them), must act as one — one search budget per client, a challenge solution good once on
// either, a logout that ends the session on both. Without Redis each replica keeps its own (the last test shows
// why that is not enough). Runs only where TEST_REDIS_URL names a Redis server (scripts/test.ts).
const redisUrl = process.env.TEST_REDIS_URL!;
const SEARCHES = 2;
let tdb: TestDatabase;
let hub: Hub;
const replicas: RunningService[] = [];

const origin = (url: string) => url.replace(/\/graphql$/, '');

/** The options both replicas of one deployment share: secrets, limits and (when `shared`) the Redis prefix. */
function deployment(shared: boolean): Partial<GatewayOptions> {
  const prefix = `credit-hub:test:${randomBytes(6).toString('hex')}:`;
  return {
    rateLimit: {
      windowSeconds: 60,
      anonymousPerWindow: 10_000,
      authenticatedPerWindow: 10_000,
      ...(shared ? { redisUrl, redisPrefix: prefix } : {}),
    },
    // A cheap puzzle (the test solves it in milliseconds); one signing key for the replicas, as in production.
    challenge: {
      searchesPerWindow: SEARCHES,
      windowSeconds: 600,
      algorithm: 'SHA-256',
      cost: 1,
      maxNumber: 2000,
      hmacKey: 'altcha-key-shared-by-replicas-0123456789',
    },
    console: { sessionSecret: 'session-secret-shared-by-replicas-0123456789' },
  };
}

/** Two gateway replicas of one deployment, in front of the test hub's subgraphs. */
async function pair(shared: boolean): Promise<[RunningService, RunningService]> {
  const options = deployment(shared);
  const replica = () =>
    startGateway({
      port: 0,
      internalSecret: hub.internalSecret,
      subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.url])),
      auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
      stopOnTerminationSignals: false,
      log: () => undefined,
      ...options,
    });
  const both: [RunningService, RunningService] = [await replica(), await replica()];
  replicas.push(...both);
  return both;
}

before(async () => {
  tdb = await createTestDatabase();
  hub = await startTestHub(tdb.url, tdb.db);
});

after(async () => {
  for (const replica of replicas) await replica.close();
  await hub?.close();
  await tdb?.drop();
});

/** An anonymous search (this process's address is the client on both replicas). */
async function search(gateway: RunningService, headers: Record<string, string> = {}) {
  const { body } = await postGraphQL(
    gateway.url,
    '{ searchSubjects(query: "科技", first: 1) { totalCount } }',
    {},
    headers,
  );
  return (body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
}

/** What the site's widget does: fetch a challenge from `gateway`, solve it, encode the payload for the header. */
async function solved(gateway: RunningService): Promise<string> {
  const challenge = (await (await fetch(`${origin(gateway.url)}/auth/altcha/challenge`)).json()) as any;
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
  assert.ok(solution, 'solvable');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** Signs in at the development sign-in of `gateway`; the session cookie. */
async function signIn(gateway: RunningService): Promise<string> {
  const response = await fetch(`${origin(gateway.url)}/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(gateway.url) },
    body: new URLSearchParams({ role: 'supervisor' }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith('credit-hub-session='));
  assert.ok(cookie, 'a session cookie is set');
  return cookie;
}

const whoIs = async (gateway: RunningService, cookie: string) =>
  ((await (await fetch(`${origin(gateway.url)}/auth/me`, { headers: { cookie } })).json()) as { role?: string }).role ??
  null;

describe('gateway state shared by replicas through Redis', () => {
  it('counts one search budget per client across the replicas', async () => {
    const [a, b] = await pair(true);
    assert.deepEqual([await search(a), await search(b)], ['OK', 'OK']);
    assert.equal(await search(a), 'CHALLENGE_REQUIRED', 'the budget spent on either replica is spent');
    assert.equal(await search(b), 'CHALLENGE_REQUIRED');
  });

  it('accepts a solved challenge once, whichever replica it is sent to', async () => {
    const [a, b] = await pair(true);
    await search(a);
    await search(b);
    const solution = await solved(a);
    assert.equal(await search(b, { 'x-altcha': solution }), 'OK', 'a challenge of one replica is good on the other');
    assert.equal(await search(a, { 'x-altcha': solution }), 'CHALLENGE_REQUIRED', 'and only once');
    assert.equal(await search(b, { 'x-altcha': solution }), 'CHALLENGE_REQUIRED');
  });

  it('ends a logged-out session on every replica', async () => {
    const [a, b] = await pair(true);
    const cookie = await signIn(a);
    assert.deepEqual([await whoIs(a, cookie), await whoIs(b, cookie)], ['SUPERVISOR', 'SUPERVISOR']);
    const logout = await fetch(`${origin(b.url)}/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: origin(b.url) },
    });
    assert.equal(logout.status, 200);
    assert.deepEqual([await whoIs(a, cookie), await whoIs(b, cookie)], [null, null]);
    const query = await postGraphQL(a.url, '{ regions { code } }', {}, { cookie, origin: origin(a.url) });
    assert.equal(query.status, 401, 'the other replica refuses the ended session');
  });

  it('without Redis each replica keeps its own (which is why Redis is needed)', async () => {
    const [a, b] = await pair(false);
    await search(a);
    await search(a);
    assert.equal(await search(a), 'CHALLENGE_REQUIRED');
    assert.equal(await search(b), 'OK', 'the other replica has a fresh budget for the same client');
    const cookie = await signIn(a);
    await fetch(`${origin(a.url)}/auth/logout`, { method: 'POST', headers: { cookie, origin: origin(a.url) } });
    assert.equal(await whoIs(a, cookie), null);
    assert.equal(await whoIs(b, cookie), 'SUPERVISOR', 'the other replica never heard of the logout');
  });
});
