import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoData } from '@credit-hub/datagen';
import { startGateway } from '@credit-hub/gateway';
import { DEV_SECRETS, type RunningService } from '@credit-hub/kit';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { startTestHub, startWiretap } from './support/hub.ts';

// A slow department costs only its own fields (gateway/src/fetcher.ts): the market subgraph answers after 5 s behind a
// delaying proxy, the gateway in front of it gives the market 600 ms (and the others ample time). The answer carries every other department's
// fields and one SUBGRAPH_UNAVAILABLE naming the market, and it arrives while the market's answer is still held — an
// order of events, not a measured time.
let tdb: TestDatabase;
let hub: Hub;
let slow: Awaited<ReturnType<typeof startWiretap>>;
let gateway: RunningService;
let inProcess: RunningService;
let held = 0;
let answeredLate = 0;
let code: string;

const PROFILE = `query($c: ID!) { subject(code: $c) {
  code name region { code }
  isALevelTaxpayer isMajorTaxViolator
  isDishonestDebtor
  isInAbnormalOperationList isSeriousIllegal
} }`;

before(async () => {
  tdb = await createTestDatabase();
  await loadDemoData(tdb.url, { subjects: 40, seed: 5, personKeySecret: DEV_SECRETS.PERSON_KEY_SECRET });
  const first = await tdb.db.prisma.creditSubject.findFirst({
    where: { kind: 'ENTERPRISE' },
    select: { code: true },
    orderBy: { code: 'asc' },
  });
  code = first!.code;
  hub = await startTestHub(tdb.url, tdb.db);
  // Warm every subgraph through the hub's own gateway (no delay, default deadlines): a process's first request loads
  // the reference data and compiles its paths, and on a loaded machine that alone passed 600 ms at the subject
  // subgraph, which then timed out instead of the market. The deadline under test is the market's, not a cold start's.
  await postGraphQL(hub.gatewayUrl, PROFILE, { c: code });
  slow = await startWiretap(hub.subgraphs.market.service.url, { delayMs: 5_000 });
  gateway = await startGateway({
    port: 0,
    internalSecret: hub.internalSecret,
    subgraphUrls: {
      ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.url])),
      market: slow.url,
    },
    // Only the market's deadline is under test: the others get a generous one, so a loaded machine's slow answer
    // from another department cannot be mistaken for the market's (the test is about whose fields go missing).
    subgraphTimeouts: { defaultMs: 30_000, bySubgraph: { market: 600 } },
    auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
    stopOnTerminationSignals: false,
    log: () => undefined,
  });
  // The same in-process (the all-in-one hub's workers, ADR 0114): the market's schema runs in the gateway's process
  // and holds its answer 5 s; nothing can be aborted there, so the deadline must hold without a socket to close.
  const market = hub.subgraphs.market.service.inProcess!;
  inProcess = await startGateway({
    port: 0,
    internalSecret: hub.internalSecret,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.url])),
    inProcessSubgraphs: {
      ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.inProcess])),
      market: {
        commitTrails: (trails) => market.commitTrails(trails),
        async execute(request) {
          held += 1;
          const answer = await market.execute(request);
          await new Promise((resolve) => setTimeout(resolve, 5_000).unref());
          answeredLate += 1;
          return answer;
        },
      },
    },
    // Only the market's deadline is under test: the others get a generous one, so a loaded machine's slow answer
    // from another department cannot be mistaken for the market's (the test is about whose fields go missing).
    subgraphTimeouts: { defaultMs: 30_000, bySubgraph: { market: 600 } },
    auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
    stopOnTerminationSignals: false,
    log: () => undefined,
  });
});

after(async () => {
  await inProcess?.close();
  await gateway?.close();
  await slow?.close();
  await hub?.close();
  await tdb?.drop();
});

describe('a subgraph slower than its deadline', () => {
  it('is left out of the answer, named, while every other department answers', async () => {
    const { status, body } = await postGraphQL(gateway.url, PROFILE, { c: code });
    // The market's answer was still held when the gateway answered.
    assert.equal(slow.answered(), 0);
    assert.equal(slow.captured.length, 1);
    assert.equal(status, 200);
    const subject = (body.data as any).subject;
    assert.equal(subject.code, code);
    assert.equal(typeof subject.name, 'string');
    assert.equal(typeof subject.region.code, 'string');
    assert.equal(typeof subject.isALevelTaxpayer, 'boolean');
    assert.equal(typeof subject.isMajorTaxViolator, 'boolean');
    assert.equal(typeof subject.isDishonestDebtor, 'boolean');
    assert.equal(subject.isInAbnormalOperationList, null);
    assert.equal(subject.isSeriousIllegal, null);
    assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
    const [error] = body.errors!;
    assert.equal(
      error!.message,
      'The market subgraph (department: market) did not answer within 600 ms: its fields are missing from this answer',
    );
    assert.deepEqual(error!.extensions, {
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'market',
      department: 'market',
      reason: 'TIMEOUT',
      timeoutMs: 600,
    });
  });

  it('is left out in-process too, with the same error, while its schema is still running', async () => {
    const { status, body } = await postGraphQL(inProcess.url, PROFILE, { c: code });
    assert.equal(held, 1);
    assert.equal(answeredLate, 0);
    assert.equal(status, 200);
    const subject = (body.data as any).subject;
    assert.equal(subject.code, code);
    assert.equal(typeof subject.isALevelTaxpayer, 'boolean');
    assert.equal(typeof subject.isDishonestDebtor, 'boolean');
    assert.equal(subject.isInAbnormalOperationList, null);
    assert.equal(subject.isSeriousIllegal, null);
    assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
    assert.equal(
      body.errors![0]!.message,
      'The market subgraph (department: market) did not answer within 600 ms: its fields are missing from this answer',
    );
    assert.deepEqual(body.errors![0]!.extensions, {
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'market',
      department: 'market',
      reason: 'TIMEOUT',
      timeoutMs: 600,
    });
  });

  it('answers in full through a gateway whose deadline the subgraphs meet', async () => {
    const { body } = await postGraphQL(hub.gatewayUrl, PROFILE, { c: code });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(typeof (body.data as any).subject.isInAbnormalOperationList, 'boolean');
  });
});
