import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startGateway } from '@credit-hub/gateway';
import type { Hub } from '@credit-hub/hub';
import type { RunningService } from '@credit-hub/kit';
import { createTestDatabase, type TestDatabase } from '@credit-hub/kit/testing';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The anti-crawler measures of the public site, through the real hub: after a few searches an anonymous client
// must solve a proof-of-work challenge (the gateway's own ALTCHA), each solution works once; and a browser that
// hits the rate limit gets a Chinese page with Retry-After instead of a raw 429.

const SEARCHES = 3;
let tdb: TestDatabase;
let hub: Hub;
let limited: RunningService;
let searchHash: string;
const origin = (url: string) => url.replace(/\/graphql$/, '');

before(async () => {
  tdb = await createTestDatabase();
  hub = await startTestHub(tdb.url, tdb.db, {
    // A cheap puzzle: the test solves it in a few milliseconds; production's costs are in docs/security.md.
    challenge: { searchesPerWindow: SEARCHES, windowSeconds: 600, algorithm: 'SHA-256', cost: 1, maxNumber: 2000 },
  });
  limited = await startGateway({
    port: 0,
    internalSecret: hub.internalSecret,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.url])),
    auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
    rateLimit: { windowSeconds: 60, anonymousPerWindow: 2, authenticatedPerWindow: 2 },
    stopOnTerminationSignals: false,
    log: () => undefined,
  });
  const manifest = (await (await fetch(`${origin(hub.gatewayUrl)}/operations/manifest.json`)).json()) as {
    name: string;
    sha256: string;
  }[];
  searchHash = manifest.find((m) => m.name === 'SearchSubjects')!.sha256;
});

after(async () => {
  await limited?.close();
  await hub?.close();
  await tdb?.drop();
});

/** The public site's search, by the published operation's hash, as its pages send it (all from this address). */
async function search(extraHeaders: Record<string, string> = {}) {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...extraHeaders },
    body: JSON.stringify({
      variables: { query: '科技', first: 5 },
      extensions: { persistedQuery: { version: 1, sha256Hash: searchHash } },
    }),
  });
  const body = (await response.json()) as any;
  return { status: response.status, body, code: body.errors?.[0]?.extensions?.code as string | undefined };
}

/** What the site's widget does: fetch a challenge, solve it, encode the payload for the header. */
async function solved(): Promise<string> {
  const response = await fetch(`${origin(hub.gatewayUrl)}/auth/altcha/challenge`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const challenge = (await response.json()) as any;
  assert.ok(challenge.signature, 'the challenge is signed by the gateway');
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
  assert.ok(solution, 'solvable');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('the search challenge', () => {
  it(`lets ${SEARCHES} searches through, then asks for a solved challenge`, async () => {
    for (let i = 0; i < SEARCHES; i += 1) {
      const { status, body } = await search();
      assert.equal(status, 200);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.ok(body.data.searchSubjects);
    }
    const refused = await search();
    assert.equal(refused.status, 403);
    assert.equal(refused.code, 'CHALLENGE_REQUIRED');
    const extensions = refused.body.errors[0].extensions;
    assert.equal(extensions.reason, 'LIMIT');
    assert.equal(extensions.challengeUrl, '/auth/altcha/challenge');
    assert.equal(extensions.header, 'x-altcha');
    assert.equal(refused.body.data, undefined, 'nothing was searched');
  });

  it('accepts a solved challenge once, with a fresh budget, and refuses it replayed', async () => {
    const payload = await solved();
    const accepted = await search({ 'x-altcha': payload });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.errors, undefined, JSON.stringify(accepted.body.errors));
    const replayed = await search({ 'x-altcha': payload });
    assert.equal(replayed.code, 'CHALLENGE_REQUIRED');
    assert.equal(replayed.body.errors[0].extensions.reason, 'REPLAYED');
    // The budget the solution bought: the searches after it pass without a header, up to the limit again.
    for (let i = 1; i < SEARCHES; i += 1) assert.equal((await search()).body.errors, undefined);
    assert.equal((await search()).code, 'CHALLENGE_REQUIRED');
  });

  it('refuses a forged or tampered solution', async () => {
    const payload = JSON.parse(Buffer.from(await solved(), 'base64').toString()) as any;
    payload.solution.counter += 1;
    const tampered = await search({ 'x-altcha': Buffer.from(JSON.stringify(payload)).toString('base64') });
    assert.equal(tampered.body.errors[0].extensions.reason, 'INVALID');
    const garbage = await search({ 'x-altcha': 'not-a-payload' });
    assert.equal(garbage.body.errors[0].extensions.reason, 'INVALID');
  });

  it('leaves other operations alone, and never asks signed-in people', async () => {
    assert.equal((await search()).code, 'CHALLENGE_REQUIRED', 'this client is still over its budget');
    const regions = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    });
    assert.equal(((await regions.json()) as any).errors, undefined, 'not a search: not counted, not refused');
    const token = await tokenFor({ role: 'supervisor' });
    for (let i = 0; i < SEARCHES + 2; i += 1) {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ query: '{ searchSubjects(query: "科技", first: 1) { totalCount } }' }),
      });
      assert.equal(((await response.json()) as any).errors, undefined);
    }
  });

  it('counts report verifications like searches (report numbers are not probed in bulk, docs/reports.md)', async () => {
    const codes: string[] = [];
    for (let i = 0; i <= SEARCHES; i += 1) {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($n: String!) { verifyReport(number: $n, code: "K7Q4-9MZP") { number } }',
          variables: { n: `XY33010620261120${String(i).padStart(6, '0')}` },
        }),
      });
      codes.push(String(((await response.json()) as any).errors?.[0]?.extensions?.code));
      if (codes.at(-1) === 'CHALLENGE_REQUIRED') break;
    }
    // This client may have spent its budget in the tests before: each answer is NOT_FOUND until the challenge.
    assert.equal(codes.at(-1), 'CHALLENGE_REQUIRED', codes.join(', '));
    assert.ok(
      codes.slice(0, -1).every((c) => c === 'NOT_FOUND'),
      codes.join(', '),
    );
  });
});

describe('the busy page', () => {
  it('answers a browser over the rate limit with a Chinese page and Retry-After, a GraphQL client with JSON', async () => {
    const url = `${limited.url}?query=${encodeURIComponent('{ regions { code } }')}`;
    // Two requests use up the limit (the limiter counts them, whatever Apollo then answers).
    for (let i = 0; i < 2; i += 1) {
      const warmup = await fetch(url, { headers: { accept: 'application/json' } });
      assert.notEqual(warmup.status, 429);
    }
    const page = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    assert.equal(page.status, 429);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const retryAfter = Number(page.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    const html = await page.text();
    assert.match(html, /请稍后再试/);
    assert.match(html, /<html lang="zh-CN">/);
    const json = await fetch(limited.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    });
    assert.equal(json.status, 429);
    assert.ok(json.headers.get('retry-after'));
    assert.equal(((await json.json()) as any).errors[0].extensions.code, 'RATE_LIMITED');
  });

  it('is a page of its own at /busy for the site to show', async () => {
    const page = await fetch(`${origin(hub.gatewayUrl)}/busy`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /访问繁忙，请稍后再试/);
  });
});
