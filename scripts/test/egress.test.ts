/**
 * Air-gapped sites must see no connection attempt to anything but this machine. The test runner loads the
 * outbound-traffic guard (scripts/egress-guard.mjs) into every test process and fails the run on any attempt;
 * this file proves the guard catches what it must (without a packet leaving even if it did not), that the
 * vendor telemetry @apollo/gateway bundles is what it catches when left on, and that a whole hub start —
 * migrations, demo data, nine subgraphs, the gateway, a query and the shutdown — attempts nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '@credit-hub/kit/db';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';

const GUARD = pathToFileURL(path.join(repoRoot, 'scripts', 'egress-guard.mjs')).href;
/**
 * Loaded before the guard: if the guard ever let a non-loopback connection through, it would reach this
 * stand-in instead of the network, and the test would fail on the REACHED line.
 */
const SENTINEL = `data:text/javascript,${encodeURIComponent(`
import net from 'node:net'; import dns from 'node:dns'; import dgram from 'node:dgram';
const local = (h) => h === undefined || h === 'localhost' || String(h).startsWith('127.') || h === '::1';
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...a) {
  const o = Array.isArray(a[0]) ? a[0][0] : a[0];
  if (o && typeof o === 'object' && !o.path && !local(o.host)) { console.log('REACHED tcp', o.host); this.destroy(new Error('sentinel')); return this; }
  return connect.apply(this, a);
};
const lookup = dns.lookup;
dns.lookup = function (h, ...r) { if (!local(h) && !net.isIP(h)) { console.log('REACHED dns', h); r.find((x) => typeof x === 'function')?.(new Error('sentinel')); return; } return lookup.call(this, h, ...r); };
dgram.Socket.prototype.send = function () { console.log('REACHED udp'); };
`)}`;

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'egress-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Entry {
  pid: number;
  kind: string;
  target?: string;
}

async function entries(log: string): Promise<Entry[]> {
  return (await readFile(log, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Entry);
}

/** Runs a script (CommonJS, in the repository) in a fresh Node process with the sentinel and the guard. */
function guarded(script: string, env: Record<string, string | undefined> = {}) {
  const log = path.join(dir, `${Math.random().toString(36).slice(2)}.log`);
  return new Promise<{ stdout: string; log: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', SENTINEL, '--import', GUARD, '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, NODE_OPTIONS: '', ...env, CREDIT_HUB_EGRESS_LOG: log },
      // stderr: the detectors' own warnings about the refused connections.
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.on('error', reject);
    child.on('exit', () => resolve({ stdout, log }));
  });
}

describe('the outbound-traffic guard', () => {
  it('refuses and records TCP, TLS, fetch, DNS and UDP to anything but loopback, and lets loopback through', async () => {
    const { stdout, log } = await guarded(`
      const net = require('node:net'), http = require('node:http'), dns = require('node:dns'), dgram = require('node:dgram');
      const tries = [
        () => fetch('http://192.0.2.1/'),
        () => fetch('https://example.invalid/'),
        () => new Promise((ok, no) => net.connect(5432, '192.0.2.1').on('error', no).on('connect', ok)),
        () => new Promise((ok, no) => http.get('http://[2001:db8::1]/').on('error', no)),
        () => dns.promises.lookup('metadata.google.internal'),
        () => new Promise((ok, no) => dns.resolve4('example.invalid', (e) => (e ? no(e) : ok()))),
        () => new Promise((ok, no) => dgram.createSocket('udp4').send('x', 53, '192.0.2.1', (e) => (e ? no(e) : ok()))),
      ];
      (async () => {
        for (const t of tries) console.log(await t().then(() => 'PASSED', (e) => e.code ?? e.cause?.code));
        const server = http.createServer((q, s) => s.end('local')).listen(0, '127.0.0.1', async () => {
          const { port } = server.address();
          console.log(await (await fetch('http://127.0.0.1:' + port)).text(), await (await fetch('http://localhost:' + port)).text());
          server.close();
        });
      })();
    `);
    assert.doesNotMatch(stdout, /REACHED|PASSED/);
    assert.equal(stdout.match(/EGRESS_BLOCKED/g)?.length, 7, stdout);
    assert.match(stdout, /local local/, 'loopback connections work');
    const recorded = (await entries(log)).filter((e) => e.kind !== 'loaded');
    assert.deepEqual(
      recorded.map((e) => `${e.kind} ${e.target}`),
      [
        'tcp 192.0.2.1:80',
        'tcp example.invalid:443',
        'tcp 192.0.2.1:5432',
        'tcp 2001:db8::1:80',
        'dns metadata.google.internal',
        'dns example.invalid',
        'udp 192.0.2.1:53',
      ],
    );
  });

  it("catches the cloud-metadata detectors @apollo/gateway's telemetry runs when it is left on", async () => {
    const { stdout, log } = await guarded(
      `const { ApolloGateway } = require('@apollo/gateway');
       new ApolloGateway({ supergraphSdl: require('node:fs').readFileSync('supergraph.graphql', 'utf8') });
       setTimeout(() => process.exit(0), 1500);`,
      { APOLLO_TELEMETRY_DISABLED: undefined },
    );
    assert.doesNotMatch(stdout, /REACHED/);
    const targets = new Set((await entries(log)).filter((e) => e.kind !== 'loaded').map((e) => e.target));
    // Alibaba Cloud ECS, AWS EC2 / Azure VM, GCP: what the audit saw during npm test.
    for (const target of ['100.100.100.200:80', '169.254.169.254:80', 'metadata.google.internal.:80'])
      assert.ok(targets.has(target), `${target} in ${[...targets].join(', ')}`);
  });
});

describe('a hub start attempts no outbound connection', () => {
  let tdb: TestDatabase;
  before(async () => {
    tdb = await createTestDatabase();
  });
  after(async () => {
    await tdb.drop();
  });

  it('npm start (migrations, demo data, every subgraph, the gateway), a query and the shutdown: nothing leaves', async () => {
    const log = path.join(dir, 'hub.log');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        // Whatever the operator's environment says, the gateway turns Apollo's telemetry off itself.
        APOLLO_TELEMETRY_DISABLED: undefined,
        NODE_ENV: 'development',
        NODE_OPTIONS: `--import ${GUARD}`,
        CREDIT_HUB_EGRESS_LOG: log,
        DATABASE_URL: tdb.url,
        DEMO_SUBJECTS: '40',
        GATEWAY_PORT: '0',
        SUBGRAPH_PORTS: 'ephemeral',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        const ready = /gateway ready: (\S+)/.exec(out);
        if (ready) resolve(ready[1]!);
      });
      void exited.then(() => reject(new Error(`the hub stopped before it was ready:\n${out}`)));
    });
    const answer = await postGraphQL(url, `{ searchSubjects(query: "有限公司", first: 5) { totalCount } }`);
    assert.equal(answer.body.errors, undefined);
    assert.ok((answer.body.data as any).searchSubjects.totalCount > 0, 'demo data loaded');
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const logged = await entries(log);
    assert.ok(
      logged.some((e) => e.kind === 'loaded' && e.pid === child.pid),
      'the guard ran in the hub process',
    );
    assert.deepEqual(
      logged.filter((e) => e.kind !== 'loaded'),
      [],
    );
  });
});
