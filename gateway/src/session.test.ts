import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Request, Response } from 'express';
import { AuthError, roleFromClaims } from './auth.ts';
import { SearchChallenge } from './challenge.ts';
import { localPath, readCookie, sameOrigin, Sessions } from './session/session.ts';

// The pieces of console sign-in and the search challenge on their own; e2e/console.test.ts and
// e2e/search-challenge.test.ts run them through the hub over HTTP.

/** As much of an Express request as these functions read. */
function request(headers: Record<string, string>, protocol = 'http'): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { header: (name: string) => lower[name.toLowerCase()], protocol } as unknown as Request;
}

/** Records the cookies a response sets and clears. */
function response() {
  const set = new Map<string, { value: string; options: Record<string, unknown> }>();
  const cleared: string[] = [];
  const res = {
    cookie: (name: string, value: string, options: Record<string, unknown>) => set.set(name, { value, options }),
    clearCookie: (name: string) => cleared.push(name),
  } as unknown as Response;
  return { res, set, cleared };
}

const secret = 'unit-test-session-secret-0123456789abcdef';

describe('sessions', () => {
  it('seal a session into a cookie that reads back, and that nobody can read or alter', async () => {
    const sessions = new Sessions({ secret, maxAgeSeconds: 3600, production: false });
    const { res, set } = response();
    const started = await sessions.start(res, {
      actor: 'alice',
      role: 'OFFICER',
      department: 'tax',
      name: '张三',
      via: 'oidc',
    });
    const cookie = set.get('credit-hub-session')!;
    assert.deepEqual(cookie.options, { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 3_600_000 });
    assert.doesNotMatch(cookie.value, /alice|tax/);
    const read = await sessions.read(request({ cookie: `other=1; credit-hub-session=${cookie.value}` }));
    assert.deepEqual(read, started);

    const parts = cookie.value.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    assert.equal(await sessions.read(request({ cookie: `credit-hub-session=${parts.join('.')}` })), 'invalid');
    const other = new Sessions({ secret: `${secret}-other`, maxAgeSeconds: 3600, production: false });
    assert.equal(await other.read(request({ cookie: `credit-hub-session=${cookie.value}` })), 'invalid');
    assert.equal(await sessions.read(request({})), null);
  });

  it('end: the same cookie is refused afterwards, and production cookies are Secure with the __Host- prefix', async () => {
    const sessions = new Sessions({ secret, maxAgeSeconds: 60, production: true });
    const { res, set } = response();
    await sessions.start(res, { actor: 'bob', role: 'ADMIN', department: null, name: 'bob', via: 'dev' });
    const cookie = set.get('__Host-credit-hub-session')!;
    assert.equal(cookie.options.secure, true);
    const req = request({ cookie: `__Host-credit-hub-session=${cookie.value}` });
    assert.equal(((await sessions.read(req)) as { actor: string }).actor, 'bob');
    const ended = response();
    await sessions.end(req, ended.res);
    assert.deepEqual(ended.cleared, ['__Host-credit-hub-session']);
    assert.equal(await sessions.read(req), 'invalid');
  });

  it('expire', async () => {
    const sessions = new Sessions({ secret, maxAgeSeconds: 3600, production: false });
    const sealed = await sessions.seal({ sid: 'x', actor: 'a', role: 'ADMIN' }, -1);
    assert.equal(await sessions.open(sealed), null);
  });
});

describe('cookie-signed requests and redirects', () => {
  it('come from the same origin only', () => {
    const host = { host: 'hub.example:4000' };
    assert.equal(sameOrigin(request({ ...host, origin: 'http://hub.example:4000' }), undefined), true);
    assert.equal(sameOrigin(request({ ...host, origin: 'http://evil.example' }), undefined), false);
    assert.equal(sameOrigin(request({ ...host, origin: 'https://hub.example:4000' }), undefined), false);
    assert.equal(sameOrigin(request({ ...host, origin: 'null' }), undefined), false);
    assert.equal(sameOrigin(request({ ...host, 'sec-fetch-site': 'same-origin' }), undefined), true);
    assert.equal(sameOrigin(request({ ...host, 'sec-fetch-site': 'same-site' }), undefined), false);
    assert.equal(sameOrigin(request(host), undefined), false, 'no evidence of the origin: refused');
    // Behind a proxy the configured public origin decides, not the Host the gateway sees.
    const proxied = request({ host: '10.0.0.5:4000', origin: 'https://credit.example.gov.cn' });
    assert.equal(sameOrigin(proxied, 'https://credit.example.gov.cn'), true);
  });

  it('return only to a path on this site', () => {
    assert.equal(localPath('/console/repairs?x=1'), '/console/repairs?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/a\nb', 7])
      assert.equal(localPath(bad), '/', String(bad));
  });

  it('read one cookie among several, tolerating broken ones', () => {
    const req = request({ cookie: 'a=1; broken; b=%E4%BD%A0; c=%E0%A4%A' });
    assert.equal(readCookie(req, 'b'), '你');
    assert.equal(readCookie(req, 'c'), undefined);
    assert.equal(readCookie(req, 'missing'), undefined);
  });
});

describe("the issuer's claims", () => {
  it('map to the hub role as bearer tokens do, with configurable claim names', () => {
    assert.deepEqual(roleFromClaims({ role: 'Officer', department: 'court' }), {
      role: 'OFFICER',
      department: 'court',
    });
    assert.deepEqual(roleFromClaims({ role: 'supervisor', department: 'tax' }), {
      role: 'SUPERVISOR',
      department: null,
    });
    assert.deepEqual(roleFromClaims({ hub_role: 'admin', org: 'x' }, { role: 'hub_role', department: 'org' }), {
      role: 'ADMIN',
      department: null,
    });
    assert.throws(() => roleFromClaims({ role: 'officer' }), AuthError);
    assert.throws(() => roleFromClaims({ role: 'root' }), AuthError);
    assert.throws(() => roleFromClaims({}), AuthError);
  });
});

describe('the search budget', () => {
  it('is counted per client', async () => {
    const challenge = new SearchChallenge({ searchesPerWindow: 2, windowSeconds: 600 });
    await challenge.admit('203.0.113.1', undefined);
    await challenge.admit('203.0.113.1', undefined);
    await assert.rejects(challenge.admit('203.0.113.1', undefined), (error: Error & { extensions?: any }) => {
      assert.equal(error.extensions?.code, 'CHALLENGE_REQUIRED');
      assert.equal(error.extensions?.reason, 'LIMIT');
      return true;
    });
    await challenge.admit('198.51.100.2', undefined);
  });

  it('starts again when the window is over', async () => {
    // A window long enough that the second admit falls inside it even on a loaded machine (50 ms was not).
    const challenge = new SearchChallenge({ searchesPerWindow: 1, windowSeconds: 1.5 });
    await challenge.admit('c', undefined);
    await assert.rejects(challenge.admit('c', undefined));
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await challenge.admit('c', undefined);
  });
});
