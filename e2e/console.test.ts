import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startGateway } from '@credit-hub/gateway';
import {
  createTestDatabase,
  makeUscc,
  postGraphQL,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { getIntrospectionQuery } from 'graphql';
import Provider from 'oidc-provider';
import { startTestHub } from './support/hub.ts';

// Console sign-in and the developer explorer, over real HTTP through the whole hub: a real OpenID Connect issuer
// (oidc-provider) runs in this process, and the tests walk its authorization code + PKCE flow as a browser would,
// keeping each site's cookies apart.

let tdb: TestDatabase;
let dev: Hub;
let production: Hub;
let issuer: http.Server;
let issuerUrl: string;
const company = makeUscc('91', '330106', 'MA2K0C01');
const CLIENT_SECRET = 'console-client-secret-for-tests-0123456789';

/**
 * A free port below the kernel's ephemeral range (32768 and up), for a server started a moment later: a port of that
 * range, probed free and closed, could meanwhile become another test's outgoing connection or listen(0) (a hub then
 * could not bind its gateway's port).
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = http.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** One site's cookies, as a browser keeps them (name → value; a cleared cookie is dropped). */
class Jar {
  readonly cookies = new Map<string, string>();
  readonly raw: string[] = [];
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      this.raw.push(line);
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A browser request: no redirect followed, the jar's cookies sent, the answer's cookies kept. */
async function visit(jar: Jar, url: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (jar.cookies.size) headers.set('cookie', jar.header());
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.take(response);
  return response;
}

/** The whole sign-in at the issuer: login as `account`, consent, back to the gateway's callback. */
async function signInWithOidc(gateway: string, account: string, returnTo = '/explorer') {
  const hubJar = new Jar();
  const issuerJar = new Jar();
  const login = await visit(hubJar, `${gateway}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  assert.equal(login.status, 302);
  const authorize = new URL(login.headers.get('location')!);
  assert.equal(authorize.origin, issuerUrl);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.match(authorize.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
  let location = authorize.href;
  // Follow the issuer's redirects, answering its login and consent prompts, until it sends the browser back.
  for (let step = 0; step < 12; step += 1) {
    const url = new URL(location, issuerUrl);
    if (url.origin !== issuerUrl) break;
    const response = await visit(issuerJar, url.href);
    if (response.status === 200 && /\/interaction\//.test(url.pathname)) {
      const page = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? (/consent/i.test(page) ? 'consent' : 'login');
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login: account, password: 'x' } : { prompt });
      const submitted = await visit(issuerJar, url.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      location = submitted.headers.get('location')!;
      continue;
    }
    assert.ok([302, 303].includes(response.status), `issuer step ${url.pathname}: ${response.status}`);
    location = response.headers.get('location')!;
  }
  const callback = new URL(location);
  assert.equal(callback.pathname, '/auth/callback');
  assert.ok(callback.searchParams.get('code'));
  const done = await visit(hubJar, callback.href);
  return { done, jar: hubJar };
}

const ACCOUNTS: Record<string, Record<string, string>> = {
  'tax-officer-01': { name: '王税务', role: 'officer', department: 'tax' },
  'supervisor-01': { name: '李监管', role: 'supervisor' },
  'visitor-01': { name: '无角色' },
  // A 法人 account of the province's 统一身份认证: the enterprise role and the USCC it is bound to.
  'enterprise-01': { name: '杭州登录测试科技有限公司', role: 'enterprise', uscc: company },
};

let devPort: number;
let prodPort: number;

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.create({
    data: { code: company, name: '杭州登录测试科技有限公司', kind: 'ENTERPRISE', regionCode: '330106' },
  });
  await tdb.db.prisma.taxCreditRating.create({
    data: {
      subjectCode: company,
      regionCode: '330106',
      year: 2024,
      level: 'B',
      score: 80,
      evaluatedOn: new Date('2025-04-20'),
      authority: '国家税务总局杭州市西湖区税务局',
    },
  });
  const issuerPort = await freePort();
  devPort = await freePort();
  prodPort = await freePort();
  issuerUrl = `http://127.0.0.1:${issuerPort}`;
  const provider = new Provider(issuerUrl, {
    clients: [
      {
        client_id: 'credit-hub-console',
        client_secret: CLIENT_SECRET,
        redirect_uris: [`http://127.0.0.1:${devPort}/auth/callback`, `http://127.0.0.1:${prodPort}/auth/callback`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // PKCE required for every client, confidential ones included.
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'role', 'department', 'uscc'] },
    findAccount: async (_ctx: unknown, id: string) =>
      ACCOUNTS[id] ? { accountId: id, claims: async () => ({ sub: id, ...ACCOUNTS[id] }) } : undefined,
    cookies: { keys: ['issuer-cookie-key-for-tests-0123456789'] },
  });
  issuer = http.createServer(provider.callback());
  await new Promise<void>((resolve) => issuer.listen(issuerPort, '127.0.0.1', resolve));
  const consoleFor = (port: number) => ({
    sessionSecret: 'session-secret-for-console-tests-0123456789',
    oidc: {
      issuer: issuerUrl,
      clientId: 'credit-hub-console',
      clientSecret: CLIENT_SECRET,
      redirectUri: `http://127.0.0.1:${port}/auth/callback`,
      scope: 'openid profile',
      claims: { role: 'role', department: 'department' },
    },
  });
  dev = await startTestHub(tdb.url, tdb.db, { gatewayPort: devPort, console: consoleFor(devPort) });
  production = await startTestHub(tdb.url, tdb.db, {
    gatewayPort: prodPort,
    production: true,
    console: consoleFor(prodPort),
  });
});

after(async () => {
  await dev?.close();
  await production?.close();
  await new Promise((resolve) => issuer?.close(resolve));
  await tdb?.drop();
});

const origin = (hub: Hub) => hub.gatewayUrl.replace(/\/graphql$/, '');
const RATING = `query Rating($code: ID!) { subject(code: $code) { taxCreditRatings { level } } }`;

describe('console sign-in with OpenID Connect (code + PKCE)', () => {
  it('signs a tax officer in: session cookie, /auth/me, and GraphQL runs as that officer', async () => {
    const { done, jar } = await signInWithOidc(origin(dev), 'tax-officer-01', '/explorer');
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/explorer');
    const session = jar.raw.find((line) => line.startsWith('credit-hub-session='))!;
    assert.ok(session, 'a session cookie is set');
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Lax/i);
    assert.match(session, /Path=\//);
    assert.doesNotMatch(session, /Secure/i, 'plain HTTP development: not Secure');
    assert.ok(!jar.cookies.has('credit-hub-signin'), 'the sign-in-in-progress cookie is cleared');
    // The cookie holds no readable token: it is sealed (JWE, five parts) and names nobody in clear text.
    const sealed = decodeURIComponent(jar.cookies.get('credit-hub-session')!);
    assert.equal(sealed.split('.').length, 5);
    assert.doesNotMatch(Buffer.from(sealed.split('.')[3]!, 'base64url').toString('latin1'), /tax-officer/);

    const me = await visit(jar, `${origin(dev)}/auth/me`);
    assert.deepEqual(await me.json(), {
      signedIn: true,
      actor: 'tax-officer-01',
      role: 'OFFICER',
      roles: ['OFFICER'],
      department: 'tax',
      departmentName: '税务局',
      name: '王税务',
      via: 'oidc',
    });

    const anonymous = await postGraphQL(dev.gatewayUrl, RATING, { code: company });
    assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const signedIn = await postGraphQL(
      dev.gatewayUrl,
      RATING,
      { code: company },
      { cookie: jar.header(), origin: origin(dev) },
    );
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.body.errors, undefined, JSON.stringify(signedIn.body.errors));
    assert.deepEqual((signedIn.body.data as any).subject.taxCreditRatings, [{ level: 'B' }]);
  });

  it('signs an enterprise in, bound to its USCC: /auth/me, and its own 信用修复 cases through GraphQL', async () => {
    const { done, jar } = await signInWithOidc(origin(dev), 'enterprise-01', '/my');
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/my');
    const me = await visit(jar, `${origin(dev)}/auth/me`);
    assert.deepEqual(await me.json(), {
      signedIn: true,
      actor: 'enterprise-01',
      role: 'ENTERPRISE',
      roles: ['ENTERPRISE'],
      department: null,
      departmentName: null,
      name: '杭州登录测试科技有限公司',
      via: 'oidc',
      subjectCode: company,
    });
    const mine = await postGraphQL(
      dev.gatewayUrl,
      `{ myRepairCases { id } }`,
      {},
      { cookie: jar.header(), origin: origin(dev) },
    );
    assert.equal(mine.body.errors, undefined, JSON.stringify(mine.body.errors));
    assert.deepEqual((mine.body.data as any).myRepairCases, []);
    // Its files go up with the same session (POST /uploads/repair); a case that is not its own is refused there.
    const upload = await fetch(`${origin(dev)}/uploads/repair?case=1&purpose=PROOF&fileName=a.pdf`, {
      method: 'POST',
      headers: { cookie: jar.header(), origin: origin(dev), 'content-type': 'application/pdf' },
      body: '%PDF-1.7\n',
    });
    assert.equal(upload.status, 404, 'authenticated by the session, then no such case');
  });

  it('refuses a cookie-signed request from another origin, or with no origin at all (CSRF)', async () => {
    const { jar } = await signInWithOidc(origin(dev), 'tax-officer-01');
    const attempts: Record<string, string>[] = [
      { cookie: jar.header(), origin: 'http://evil.example' },
      { cookie: jar.header() },
      { cookie: jar.header(), 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const refused = await postGraphQL(dev.gatewayUrl, RATING, { code: company }, headers);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.equal(refused.body.errors?.[0]?.extensions?.reason, 'CROSS_SITE');
    }
    const sameSite = await postGraphQL(
      dev.gatewayUrl,
      RATING,
      { code: company },
      { cookie: jar.header(), 'sec-fetch-site': 'same-origin' },
    );
    assert.equal(sameSite.body.errors, undefined);
  });

  it('signs out: the cookie is cleared and the old one no longer works', async () => {
    const { jar } = await signInWithOidc(origin(dev), 'supervisor-01');
    const stolen = jar.header();
    const crossSite = await visit(jar, `${origin(dev)}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
    });
    assert.equal(crossSite.status, 403, 'a foreign page cannot sign the person out');
    const logout = await visit(jar, `${origin(dev)}/auth/logout`, {
      method: 'POST',
      headers: { origin: origin(dev), accept: 'application/json' },
    });
    assert.equal(logout.status, 200);
    assert.deepEqual(await logout.json(), { signedIn: false });
    assert.ok(!jar.cookies.has('credit-hub-session'), 'the cookie is cleared');
    const replayed = await fetch(`${origin(dev)}/auth/me`, { headers: { cookie: stolen } });
    assert.deepEqual(await replayed.json(), { signedIn: false });
    const graphql = await postGraphQL(dev.gatewayUrl, '{ __typename }', {}, { cookie: stolen, origin: origin(dev) });
    assert.equal(graphql.status, 401);
    assert.equal(graphql.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal((await fetch(`${origin(dev)}/auth/logout`)).status, 405, 'GET cannot sign out');
  });

  it('refuses a person the issuer knows but who has no hub role, and a callback without a sign-in', async () => {
    const { done, jar } = await signInWithOidc(origin(dev), 'visitor-01');
    assert.equal(done.status, 403);
    assert.equal(((await done.json()) as any).errors[0].extensions.reason, 'NO_HUB_ROLE');
    assert.ok(!jar.cookies.has('credit-hub-session'));
    const forged = await fetch(`${origin(dev)}/auth/callback?code=abc&state=xyz`);
    assert.equal(forged.status, 400);
    assert.equal(((await forged.json()) as any).errors[0].extensions.code, 'BAD_REQUEST');
  });

  it('does not follow a returnTo to another site', async () => {
    const { done } = await signInWithOidc(origin(dev), 'supervisor-01', '//evil.example/x');
    assert.equal(done.headers.get('location'), '/');
  });

  it('answers 502 IDENTITY_PROVIDER_UNAVAILABLE while the issuer is down, and the gateway still serves', async () => {
    const deadIssuer = `http://127.0.0.1:${await freePort()}`;
    const gateway = await startGateway({
      port: 0,
      internalSecret: TEST_INTERNAL_SECRET,
      auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
      console: {
        oidc: {
          issuer: deadIssuer,
          clientId: 'x',
          redirectUri: 'http://127.0.0.1:1/auth/callback',
          scope: 'openid',
          claims: { role: 'role', department: 'department' },
        },
      },
      stopOnTerminationSignals: false,
      log: () => undefined,
    });
    try {
      const base = gateway.url.replace(/\/graphql$/, '');
      const login = await fetch(`${base}/auth/login`, { redirect: 'manual' });
      assert.equal(login.status, 502);
      assert.equal(((await login.json()) as any).errors[0].extensions.code, 'IDENTITY_PROVIDER_UNAVAILABLE');
      assert.equal((await fetch(`${base}/health`)).status, 200);
    } finally {
      await gateway.close();
    }
  });

  it('in production: Secure __Host- cookies, and the same flow', async () => {
    const { done, jar } = await signInWithOidc(origin(production), 'supervisor-01');
    assert.equal(done.status, 303);
    const session = jar.raw.find((line) => line.startsWith('__Host-credit-hub-session='))!;
    assert.ok(session, jar.raw.join('\n'));
    assert.match(session, /; Secure/i);
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Lax/i);
    assert.doesNotMatch(session, /Domain=/i);
    const me = (await (await visit(jar, `${origin(production)}/auth/me`)).json()) as any;
    assert.equal(me.role, 'SUPERVISOR');
  });
});

describe('development sign-in', () => {
  it('mints a session for a chosen role and department from its page', async () => {
    const page = await fetch(`${origin(dev)}/auth/dev?returnTo=/console`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /开发环境登录/);
    assert.match(html, /name="returnTo" value="\/console"/);
    const jar = new Jar();
    const signedIn = await visit(jar, `${origin(dev)}/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(dev), accept: 'text/html' },
      body: new URLSearchParams({ role: 'officer', department: 'tax', returnTo: '/console' }),
    });
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get('location'), '/console');
    const me = (await (await visit(jar, `${origin(dev)}/auth/me`)).json()) as any;
    assert.equal(me.role, 'OFFICER');
    assert.equal(me.department, 'tax');
    assert.equal(me.via, 'dev');
    const rating = await postGraphQL(
      dev.gatewayUrl,
      RATING,
      { code: company },
      { cookie: jar.header(), origin: origin(dev) },
    );
    assert.deepEqual((rating.body.data as any).subject.taxCreditRatings, [{ level: 'B' }]);
  });

  it('refuses a bad role or department naming the field, and a foreign page', async () => {
    const post = (body: Record<string, string>, origin_ = origin(dev)) =>
      fetch(`${origin(dev)}/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin_ },
        body: new URLSearchParams(body),
      });
    const role = await post({ role: 'root' });
    assert.equal(role.status, 400);
    assert.equal(((await role.json()) as any).errors[0].extensions.field, 'role');
    const department = await post({ role: 'officer', department: 'nowhere' });
    assert.equal(((await department.json()) as any).errors[0].extensions.field, 'department');
    assert.equal((await post({ role: 'admin' }, 'http://evil.example')).status, 403);
  });

  it('does not exist in production', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await fetch(`${origin(production)}/auth/dev`, {
        method,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(production) },
        body: method === 'POST' ? 'role=admin' : undefined,
      });
      assert.equal(response.status, 404, method);
      assert.equal(((await response.json()) as any).errors[0].extensions.code, 'ROUTE_NOT_FOUND');
    }
  });
});

describe('the developer explorer', () => {
  it('serves GraphiQL in development from local files only', async () => {
    const page = await fetch(`${origin(dev)}/explorer`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self'/);
    const html = await page.text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(references.length >= 5, references.join(' '));
    for (const reference of references) {
      assert.match(reference, /^\/explorer\/assets\//, `${reference} is served by the gateway`);
      const asset = await fetch(`${origin(dev)}${reference}`);
      assert.equal(asset.status, 200, reference);
      const text = await asset.text();
      if (reference.endsWith('.css')) {
        assert.doesNotMatch(text, /@import/, `${reference} imports nothing`);
        assert.doesNotMatch(text, /url\(\s*["']?(https?:)?\/\//, `${reference} loads no font or image from outside`);
      } else {
        assert.match(asset.headers.get('content-type') ?? '', /javascript/);
        // (The bundles' help texts may name a CDN; what matters is that nothing is fetched from one.)
        const cdn = /https?:\/\/[^"'\s]*(unpkg|jsdelivr|cdnjs|esm\.sh|googleapis)/.exec(text);
        assert.equal(cdn, null, `${reference} loads nothing from a CDN`);
      }
    }
    const ours = await (await fetch(`${origin(dev)}/explorer/assets/explorer.js`)).text();
    assert.doesNotMatch(ours, /https?:\/\//, 'our script reaches only this gateway');
    assert.equal((await fetch(`${origin(dev)}/explorer/assets/other.js`)).status, 404);
  });

  it('opens with the examples and introspects the schema in development, as the page does', async () => {
    const config = (await (await fetch(`${origin(dev)}/explorer/config.json`)).json()) as any;
    assert.equal(config.schemaUrl, null, 'development: GraphiQL introspects');
    assert.ok(config.tabs.length >= 4);
    assert.match(config.tabs[0].query, /subject\(code: \$code\)/);
    const response = await fetch(dev.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        origin: origin(dev),
      },
      body: JSON.stringify({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as any;
    const query = body.data.__schema.types.find((t: { name: string }) => t.name === 'Query');
    assert.ok(query.fields.some((f: { name: string; description: string }) => f.name === 'searchSubjects'));
  });

  it('in production sends the public to sign in, and serves a signed-in person the schema docs', async () => {
    const page = await fetch(`${origin(production)}/explorer`, { redirect: 'manual' });
    assert.equal(page.status, 302);
    assert.equal(page.headers.get('location'), '/auth/login?returnTo=%2Fexplorer');
    for (const route of ['/explorer/config.json', '/explorer/schema.json']) {
      const refused = await fetch(`${origin(production)}${route}`);
      assert.equal(refused.status, 401, route);
      assert.equal(((await refused.json()) as any).errors[0].extensions.code, 'UNAUTHENTICATED');
    }
    const { done, jar } = await signInWithOidc(origin(production), 'tax-officer-01', '/explorer');
    assert.equal(done.headers.get('location'), '/explorer');
    const signedIn = await visit(jar, `${origin(production)}/explorer`);
    assert.equal(signedIn.status, 200);
    const config = (await (await visit(jar, `${origin(production)}/explorer/config.json`)).json()) as any;
    assert.equal(config.schemaUrl, '/explorer/schema.json');
    const schema = (await (await visit(jar, `${origin(production)}${config.schemaUrl}`)).json()) as any;
    const query = schema.__schema.types.find((t: { name: string }) => t.name === 'Query');
    const search = query.fields.find((f: { name: string }) => f.name === 'searchSubjects');
    assert.match(search?.description ?? '', /信用主体查询/, 'the docs carry the descriptions');
    // GraphQL introspection itself stays off in production, for signed-in people too.
    const introspection = await postGraphQL(
      production.gatewayUrl,
      '{ __schema { types { name } } }',
      {},
      { cookie: jar.header(), origin: origin(production) },
    );
    assert.match(introspection.body.errors?.[0]?.message ?? '', /introspection/i);
  });
});
