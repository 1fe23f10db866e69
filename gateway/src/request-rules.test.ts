import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import { PUBLIC_IDENTITY, type Identity } from '@credit-hub/kit';
import { requestRulesPlugin } from './request-rules.ts';
import { Safelist } from './safelist.ts';

// The rules on their own, inside Apollo Server's pipeline but with no HTTP at all: whatever transport a
// request came by, this is where it is checked, so these cases hold for every transport.
const PUBLISHED = 'query Hello($name: String) { hello(name: $name) }';
const officer: Identity = { ...PUBLIC_IDENTITY, actor: 'o', role: 'OFFICER', department: 'tax' };
let dir: string;
let calls: string[];

function serverWith(enforceSafelist: boolean) {
  return new ApolloServer<{ identity: Identity }>({
    typeDefs: `type Query { hello(name: String): String }
      type Mutation { bye: String }
      type Subscription { tick: String }`,
    resolvers: {
      Query: { hello: (_: unknown, { name }: { name?: string }) => (calls.push(name ?? ''), `你好 ${name ?? ''}`) },
    },
    persistedQueries: false,
    plugins: [requestRulesPlugin({ safelist: new Safelist(dir), enforceSafelist, maxTokens: 50 })],
  });
}

let enforced: ApolloServer<{ identity: Identity }>;
let open: ApolloServer<{ identity: Identity }>;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'credit-hub-safelist-'));
  writeFileSync(path.join(dir, 'Hello.graphql'), `${PUBLISHED}\n`);
  enforced = serverWith(true);
  open = serverWith(false);
  await enforced.start();
  await open.start();
});
after(async () => {
  await enforced.stop();
  await open.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function run(server: ApolloServer<{ identity: Identity }>, request: GraphQLRequest, identity = PUBLIC_IDENTITY) {
  calls = [];
  const response = await server.executeOperation(request, { contextValue: { identity } });
  assert.equal(response.body.kind, 'single');
  const result = response.body.kind === 'single' ? response.body.singleResult : {};
  return {
    status: response.http.status ?? 200,
    data: result.data ? { ...result.data } : result.data,
    codes: (result.errors ?? []).map((e) => e.extensions?.code),
    calls,
  };
}

const byHash = (hash: string, extra: Partial<GraphQLRequest> = {}): GraphQLRequest => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  ...extra,
});

describe('request rules: the safelist', () => {
  it('refuses an anonymous ad-hoc document before parsing it (403), and runs nothing', async () => {
    for (const query of ['{ hello(name: "x") }', '{ hello(', 'mutation { bye }', 'subscription { tick }']) {
      const refused = await run(enforced, { query });
      assert.deepEqual(refused.codes, ['PERSISTED_QUERY_REQUIRED'], query);
      assert.equal(refused.status, 403);
      assert.equal(refused.data, undefined);
      assert.deepEqual(refused.calls, []);
    }
  });

  it('runs a published operation named by hash (the published text, whatever `query` says) or sent as text', async () => {
    const hash = Safelist.hash(PUBLISHED);
    const named = await run(enforced, byHash(hash, { variables: { name: '世界' } }));
    assert.deepEqual(named.data, { hello: '你好 世界' });
    const smuggled = await run(enforced, byHash(hash, { query: '{ hello(name: "evil") }', variables: { name: 'a' } }));
    assert.deepEqual(smuggled.calls, ['a']);
    const asText = await run(enforced, { query: `  ${PUBLISHED}  `, variables: { name: 'b' } });
    assert.deepEqual(asText.data, { hello: '你好 b' });
  });

  it('refuses an unknown hash for everyone, and a malformed persistedQuery extension', async () => {
    for (const identity of [PUBLIC_IDENTITY, officer]) {
      const unknown = await run(open, byHash('0'.repeat(64), { query: '{ hello }' }), identity);
      assert.deepEqual(unknown.codes, ['PERSISTED_QUERY_NOT_FOUND']);
      assert.equal(unknown.status, 400);
      assert.deepEqual(unknown.calls, []);
    }
    const malformed = await run(open, { query: '{ hello }', extensions: { persistedQuery: 'yes' } });
    assert.deepEqual(malformed.codes, ['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('lets authenticated callers, and everyone when not enforced, send their own documents', async () => {
    assert.deepEqual((await run(enforced, { query: '{ hello(name: "o") }' }, officer)).calls, ['o']);
    assert.deepEqual((await run(open, { query: '{ hello(name: "p") }' })).calls, ['p']);
  });
});

describe('request rules: client mistakes are 400 with a code, never a 500', () => {
  it('refuses a document over the token limit before parsing it', async () => {
    const big = await run(open, { query: `{ ${'hello '.repeat(60)} }` });
    assert.deepEqual(big.codes, ['TOKEN_LIMIT_EXCEEDED']);
    assert.equal(big.status, 400);
  });

  it('refuses an unknown operationName, several operations without one, and a subscription', async () => {
    const cases: [GraphQLRequest, string][] = [
      [{ query: 'query A { hello }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
      [{ query: 'query A { hello } query B { hello }' }, 'OPERATION_RESOLUTION_FAILURE'],
      [{ query: 'subscription { tick }' }, 'OPERATION_NOT_SUPPORTED'],
    ];
    for (const [request, code] of cases) {
      const refused = await run(open, request, officer);
      assert.deepEqual(refused.codes, [code], request.query);
      assert.equal(refused.status, 400);
    }
    const named = await run(open, {
      query: 'query A { hello(name: "a") } query B { hello(name: "b") }',
      operationName: 'B',
    });
    assert.deepEqual(named.calls, ['b']);
  });

  it('refuses text the database cannot store before anything runs', async () => {
    const refused = await run(enforced, byHash(Safelist.hash(PUBLISHED), { variables: { name: 'a\u0000' } }));
    assert.deepEqual(refused.codes, ['BAD_USER_INPUT']);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.calls, []);
  });
});
