import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IDENTITY_HEADER, PUBLIC_IDENTITY, requestDigest, signIdentity, type RunningService } from '@credit-hub/kit';
import { createTestDatabase, postGraphQL, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import { startSubjectSubgraph } from '@credit-hub/subgraph-subject';
import { replay, startGatewayFor, startWiretap } from './support/hub.ts';

// Runs only where TEST_REDIS_URL names a Redis server (CI's integration pass; see scripts/test.ts): two
// replicas of one subgraph share the replay cache, so a header used at one is refused at the other.
const redisUrl = process.env.TEST_REDIS_URL!;
const QUERY = `query Cities($p: String) { regions(parentCode: $p) { code } }`;
let tdb: TestDatabase;
const running: { close(): Promise<void> }[] = [];

before(async () => {
  tdb = await createTestDatabase();
});

after(async () => {
  for (const service of running.reverse()) await service.close();
  await tdb.drop();
});

async function replicas(shared: boolean): Promise<[RunningService, RunningService]> {
  const start = () =>
    startSubjectSubgraph({
      db: tdb.db,
      port: 0,
      internalSecret: TEST_INTERNAL_SECRET,
      ...(shared ? { redisUrl } : {}),
    });
  const pair: [RunningService, RunningService] = [await start(), await start()];
  running.push(...pair);
  return pair;
}

describe('replay cache across replicas (Redis)', () => {
  it('a header the gateway sent to one replica is refused by the other', async () => {
    const [a, b] = await replicas(true);
    const tap = await startWiretap(a.url);
    running.push(tap);
    const gateway = await startGatewayFor({ subject: tap.url });
    running.push(gateway);
    const answer = await postGraphQL(gateway.url, QUERY, { p: '330000' });
    assert.equal(answer.body.errors, undefined);
    const [captured] = tap.captured;
    assert.ok(captured?.headers[IDENTITY_HEADER]);
    const atB = await replay(b.url, captured!);
    assert.equal(atB.status, 401);
    assert.equal(atB.body.data ?? null, null);
    assert.deepEqual(
      atB.body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason]),
      [['UNAUTHENTICATED', 'REPLAYED']],
    );
  });

  it('the same header sent to both replicas at once is answered exactly once', async () => {
    const [a, b] = await replicas(true);
    for (let round = 0; round < 10; round += 1) {
      const variables = { p: '330100' };
      const header = await signIdentity(PUBLIC_IDENTITY, TEST_INTERNAL_SECRET, requestDigest(QUERY, variables));
      const answers = await Promise.all(
        [a, b, a, b].map((s) => postGraphQL(s.url, QUERY, variables, { [IDENTITY_HEADER]: header })),
      );
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 401, 401, 401]);
    }
  });

  it('without Redis each replica remembers only its own (which is why production configures REDIS_URL)', async () => {
    const [a, b] = await replicas(false);
    const variables = { p: '330200' };
    const header = await signIdentity(PUBLIC_IDENTITY, TEST_INTERNAL_SECRET, requestDigest(QUERY, variables));
    const send = (s: RunningService) => postGraphQL(s.url, QUERY, variables, { [IDENTITY_HEADER]: header });
    assert.equal((await send(a)).status, 200);
    assert.equal((await send(a)).status, 401);
    assert.equal((await send(b)).status, 200);
  });
});
