import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IDENTITY_HEADER, PUBLIC_IDENTITY, requestDigest, signIdentity, type RunningService } from '@credit-hub/kit';
import { createTestDatabase, postGraphQL, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import { startSubjectSubgraph } from '@credit-hub/subgraph-subject';
import { replay, startGatewayFor, startWiretap } from './support/hub.ts';

// Item: a signed identity header is good for one request. A wiretap between the gateway and the subject
// subgraph records what the gateway really sends; the recording is then replayed byte for byte.
let tdb: TestDatabase;
let subject: RunningService;
let gateway: RunningService;
let tap: Awaited<ReturnType<typeof startWiretap>>;

const QUERY = `query Cities($p: String) { regions(parentCode: $p) { code name } }`;

before(async () => {
  tdb = await createTestDatabase();
  subject = await startSubjectSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
  tap = await startWiretap(subject.url);
  gateway = await startGatewayFor({ subject: tap.url });
});

after(async () => {
  await gateway.close();
  await tap.close();
  await subject.close();
  await tdb.drop();
});

describe('signed identity headers are single-use', () => {
  it('a header captured between gateway and subgraph is refused when replayed: 401, reason REPLAYED, no data', async () => {
    const answer = await postGraphQL(gateway.url, QUERY, { p: '330000' });
    assert.equal(answer.body.errors, undefined);
    assert.ok((answer.body.data as any).regions.some((r: { code: string }) => r.code === '330100'));
    const [captured] = tap.captured.splice(0);
    assert.ok(captured?.headers[IDENTITY_HEADER], 'the gateway sent a signed identity');

    const again = await replay(subject.url, captured!);
    assert.equal(again.status, 401);
    assert.equal(again.body.data ?? null, null);
    assert.deepEqual(
      again.body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason]),
      [['UNAUTHENTICATED', 'REPLAYED']],
    );
    assert.match(again.body.errors?.[0]?.message ?? '', /already used/);
  });

  it('the same query with the same variables, asked twice, is two requests with two headers: both answered', async () => {
    for (let i = 0; i < 3; i += 1) {
      const answer = await postGraphQL(gateway.url, QUERY, { p: '330100' });
      assert.equal(answer.body.errors, undefined);
    }
    const headers = tap.captured.splice(0).map((c) => c.headers[IDENTITY_HEADER]);
    assert.equal(headers.length, 3);
    assert.equal(new Set(headers).size, 3, 'every subgraph request carries its own one-time value');
  });

  it('a misdirected header is refused without spending its one-time value: the genuine request still runs once', async () => {
    const variables = { p: '330200' };
    const header = await signIdentity(PUBLIC_IDENTITY, TEST_INTERNAL_SECRET, requestDigest(QUERY, variables));
    const send = (v: Record<string, unknown>) => postGraphQL(subject.url, QUERY, v, { [IDENTITY_HEADER]: header });
    const misdirected = await send({ p: '330300' });
    assert.equal(misdirected.status, 401);
    assert.equal(misdirected.body.errors?.[0]?.extensions?.reason, 'OTHER_REQUEST');
    const genuine = await send(variables);
    assert.equal(genuine.status, 200);
    assert.ok((genuine.body.data as any).regions.length > 0);
    assert.equal((await send(variables)).body.errors?.[0]?.extensions?.reason, 'REPLAYED');
  });
});
