/**
 * The gateway against a peer (issue 19): the public profile query through our gateway and through Hive Gateway, in
 * front of the SAME running subgraphs, measured in interleaved pairs in one run, in both layouts:
 *
 *   split       every subgraph its own process, our gateway its own process (the production layout);
 *   all-in-one  `npm start`'s hub (HUB_WORKERS workers, each a gateway executing every subgraph in-process; ADR 0114),
 *               Hive Gateway in front of its subgraphs' HTTP ports (shared by the workers).
 *
 * Hive Gateway is installed for this scenario only, into a folder of the system's temporary directory (never a
 * dependency of the hub), with the npm `overrides` pin its install needs (docs/TOOLCHAIN: a registry version gap of
 * @graphql-tools/delegate). It signs the caller's identity for the subgraphs as our gateway does (a plugin calling the
 * kit's signer), so both pay the same subgraph costs.
 *
 * Reported per gateway: req/s, p50/p99, and CPU milliseconds per request — of the gateway, of the subgraphs and of
 * PostgreSQL (every process's utime + stime from /proc, over the measured window). Loopback only, bounded: each
 * measurement lasts `duration` seconds, `pairs` pairs per layout.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { serviceArgs, SUBGRAPHS, V8_FLAGS } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';

const HIVE_VERSION = '2.15.1';
const DELEGATE_PIN = '12.3.3';
const SECRET = 'bench-only-internal-identity-secret-0123456789';

// The public profile: the site's own persisted operation, sent as text to both gateways.
const PROFILE = readFileSync(path.join(repoRoot, 'gateway/operations/SubjectProfile.graphql'), 'utf8');

const require = createRequire(import.meta.url);
// Hive Gateway runs from its own folder: tsx is named by its file here. Our services start as every service process
// does (the kit's serviceArgs), from the repository's root.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** CPU time (utime + stime) of a process, in milliseconds; 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** A process and every process under it (the all-in-one hub's primary and its workers). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, parent] of parents) if (parent === tree[i] && !tree.includes(pid)) tree.push(pid);
  return tree;
}

/** The PostgreSQL server's processes: the postmaster (postmaster.pid) and its children (backends, workers). */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Starts a Node process and waits for a line matching `ready` on its output, or for `ready` URL to answer 200. */
function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp | URL,
  cwd = repoRoot,
): Promise<{ child: ChildProcess; output: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s:\n${output.join('')}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (ready instanceof RegExp && ready.test(output.join(''))) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    if (ready instanceof URL) {
      const poll = async () => {
        if (child.exitCode !== null) return;
        const ok = await fetch(ready)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) {
          clearTimeout(timer);
          resolve({ child, output });
        } else setTimeout(poll, 250);
      };
      void poll();
    }
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output.join('').slice(-2000)}`));
    });
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Installs the peer into a temporary folder (once; kept for later runs), never into the hub's dependencies. */
function ensureHive(): string {
  const dir = path.join(os.tmpdir(), `credit-hub-bench-hive-${HIVE_VERSION}`);
  if (existsSync(path.join(dir, 'node_modules/@graphql-hive/gateway/dist/bin.js'))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'credit-hub-bench-peer',
        private: true,
        dependencies: { '@graphql-hive/gateway': HIVE_VERSION },
        overrides: { '@graphql-tools/delegate': DELEGATE_PIN },
      },
      null,
      2,
    ),
  );
  console.log(`installing Hive Gateway ${HIVE_VERSION} into ${dir} (benchmark peer only)`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'inherit',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error('installing Hive Gateway failed');
  return dir;
}

/**
 * Hive Gateway's configuration: the signed identity header our subgraphs require, made by the kit's own signer for
 * the public caller (the profile is public), from the body it sends.
 */
function hiveConfig(dir: string): string {
  const identity = pathToFileURL(path.join(repoRoot, 'packages/kit/src/access/identity.ts')).href;
  const file = path.join(dir, 'gateway.mjs');
  writeFileSync(
    file,
    `// Written by credit-hub's bench/peer.ts.
const { IDENTITY_HEADER, PUBLIC_IDENTITY, requestDigest, signIdentityNow } = await import(${JSON.stringify(identity)});
const secret = process.env.INTERNAL_IDENTITY_SECRET;
export const gatewayConfig = {
  plugins: () => [
    {
      onFetch({ options, setOptions }) {
        if (typeof options.body !== 'string') return;
        const { query, variables } = JSON.parse(options.body);
        const header = signIdentityNow(PUBLIC_IDENTITY, secret, requestDigest(query ?? '', variables));
        setOptions({ ...options, headers: { ...options.headers, [IDENTITY_HEADER]: header } });
      },
    },
  ],
};
`,
  );
  return file;
}

/** The supergraph with each subgraph's URL replaced by where it runs now. */
function supergraphWith(urls: Record<string, string>, dir: string): string {
  let sdl = readFileSync(path.join(repoRoot, 'supergraph.graphql'), 'utf8');
  for (const s of SUBGRAPHS) {
    sdl = sdl.replace(new RegExp(`(url: ")http://[^"]*:${s.port}/graphql(")`), `$1${urls[s.name]}$2`);
  }
  const file = path.join(dir, 'supergraph.graphql');
  writeFileSync(file, sdl);
  return file;
}

interface Measured {
  layout: string;
  gateway: 'credit-hub' | 'hive';
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  cpu: { gateway: number; subgraphs: number; postgres: number };
  /**
   * The same, less what the processes spend at rest over the same time (timers, pools, GC: `idle`, measured before
   * the pairs): the cost a request adds. On a loaded machine the rate, and so the number of requests the background
   * is divided among, falls, and the plain figure rises with the load; this one does not.
   */
  marginal: { gateway: number; subgraphs: number; postgres: number };
}

/** CPU milliseconds per second that each group of processes spends with no request. */
type IdleRates = { gateway: number; subgraphs: number; postgres: number };

async function idleRates(
  pids: { gateway: number[]; subgraphs: number[]; pgDataDir: string },
  seconds: number,
): Promise<IdleRates> {
  const sum = (list: number[]) => list.reduce((total, pid) => total + cpuMs(pid), 0);
  const pg = postgresPids(pids.pgDataDir);
  const before = { gateway: sum(pids.gateway), subgraphs: sum(pids.subgraphs), postgres: sum(pg) };
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (performance.now() - started) / 1000;
  return {
    gateway: (sum(pids.gateway) - before.gateway) / elapsed,
    subgraphs: (sum(pids.subgraphs) - before.subgraphs) / elapsed,
    postgres: (sum(postgresPids(pids.pgDataDir)) - before.postgres) / elapsed,
  };
}

function load(url: string, codes: string[], duration: number, connections: number): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections,
        duration,
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ query: PROFILE, variables: { code: codes[i++ % codes.length] } }),
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function measure(
  layout: string,
  gateway: Measured['gateway'],
  url: string,
  pids: { gateway: number[]; subgraphs: number[]; pgDataDir: string },
  codes: string[],
  duration: number,
  connections: number,
  idle: IdleRates,
): Promise<Measured> {
  const sum = (list: number[]) => list.reduce((total, pid) => total + cpuMs(pid), 0);
  const pg = postgresPids(pids.pgDataDir);
  const before = { gateway: sum(pids.gateway), subgraphs: sum(pids.subgraphs), postgres: sum(pg) };
  const started = performance.now();
  const result = await load(url, codes, duration, connections);
  const elapsed = (performance.now() - started) / 1000;
  const after = {
    gateway: sum(pids.gateway),
    subgraphs: sum(pids.subgraphs),
    postgres: sum(postgresPids(pids.pgDataDir)),
  };
  const n = Math.max(1, result.requests.total);
  return {
    layout,
    gateway,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
    cpu: {
      gateway: (after.gateway - before.gateway) / n,
      subgraphs: (after.subgraphs - before.subgraphs) / n,
      postgres: (after.postgres - before.postgres) / n,
    },
    marginal: {
      gateway: Math.max(0, after.gateway - before.gateway - idle.gateway * elapsed) / n,
      subgraphs: Math.max(0, after.subgraphs - before.subgraphs - idle.subgraphs * elapsed) / n,
      postgres: Math.max(0, after.postgres - before.postgres - idle.postgres * elapsed) / n,
    },
  };
}

/** Checks both gateways answer the profile the same way before measuring them. */
async function sameAnswer(ours: string, hive: string, code: string) {
  const ask = async (url: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PROFILE, variables: { code } }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown };
  };
  const [a, b] = [await ask(ours), await ask(hive)];
  if (a.errors || b.errors || JSON.stringify(a.data) !== JSON.stringify(b.data))
    throw new Error(
      `the gateways answer differently:\n${JSON.stringify(a).slice(0, 600)}\n${JSON.stringify(b).slice(0, 600)}`,
    );
}

function summarise(results: Measured[]) {
  const rows: string[] = [];
  for (const layout of [...new Set(results.map((r) => r.layout))]) {
    const of = (g: Measured['gateway']) => results.filter((r) => r.layout === layout && r.gateway === g);
    const avg = (list: Measured[], pick: (m: Measured) => number) =>
      list.reduce((t, m) => t + pick(m), 0) / Math.max(1, list.length);
    const line = (g: Measured['gateway']) => {
      const list = of(g);
      const cpu = (m: Measured) => m.cpu.gateway + m.cpu.subgraphs + m.cpu.postgres;
      return (
        `  ${g.padEnd(10)} ${avg(list, (m) => m.rps)
          .toFixed(0)
          .padStart(5)} req/s  p50 ${avg(list, (m) => m.p50).toFixed(0)} ms` +
        `  p99 ${avg(list, (m) => m.p99).toFixed(0)} ms  errors ${list.reduce((t, m) => t + m.errors, 0)}` +
        `  CPU/request: gateway ${avg(list, (m) => m.cpu.gateway).toFixed(2)} ms, subgraphs ${avg(list, (m) => m.cpu.subgraphs).toFixed(2)} ms,` +
        ` PostgreSQL ${avg(list, (m) => m.cpu.postgres).toFixed(2)} ms, total ${avg(list, cpu).toFixed(2)} ms` +
        `\n             less the processes' idle CPU: gateway ${avg(list, (m) => m.marginal.gateway).toFixed(2)} ms,` +
        ` subgraphs ${avg(list, (m) => m.marginal.subgraphs).toFixed(2)} ms, PostgreSQL ${avg(list, (m) => m.marginal.postgres).toFixed(2)} ms,` +
        ` total ${avg(list, (m) => m.marginal.gateway + m.marginal.subgraphs + m.marginal.postgres).toFixed(2)} ms`
      );
    };
    const ratio =
      avg(of('credit-hub'), (m) => m.rps) /
      Math.max(
        1e-9,
        avg(of('hive'), (m) => m.rps),
      );
    rows.push(`${layout} (${of('hive').length} interleaved pairs)`, line('credit-hub'), line('hive'));
    rows.push(`  ratio credit-hub / hive: ${ratio.toFixed(2)}`);
  }
  console.log(`\nprofile query, credit-hub gateway vs Hive Gateway ${HIVE_VERSION}:\n${rows.join('\n')}`);
}

export async function benchPeer(options: {
  databaseUrl: string;
  pgDataDir: string;
  codes: string[];
  duration: number;
  connections: number;
  pairs: number;
  layouts: ('split' | 'all-in-one')[];
  /** HUB_WORKERS of the all-in-one hub. */
  workers: number;
}): Promise<void> {
  const hiveDir = ensureHive();
  const config = hiveConfig(hiveDir);
  const hiveBin = path.join(hiveDir, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  const results: Measured[] = [];
  const common = {
    NODE_ENV: 'development',
    DATABASE_URL: options.databaseUrl,
    INTERNAL_IDENTITY_SECRET: SECRET,
    RATE_LIMIT_ANONYMOUS: '1000000',
    RATE_LIMIT_AUTHENTICATED: '1000000',
    SEARCH_CHALLENGE_AFTER: '1000000',
  };
  for (const layout of options.layouts) {
    const started: ChildProcess[] = [];
    try {
      const urls: Record<string, string> = {};
      let oursUrl: string;
      let oursPid: number[];
      let subgraphPids: number[];
      if (layout === 'split') {
        for (const s of SUBGRAPHS) {
          const port = await freePort();
          const { child } = await startProcess(
            s.name,
            serviceArgs(`subgraphs/${s.name}/src/main.ts`),
            { ...common, [`${s.name.toUpperCase()}_PORT`]: String(port) },
            /subgraph listening/,
          );
          started.push(child);
          urls[s.name] = `http://127.0.0.1:${port}/graphql`;
        }
        const port = await freePort();
        const { child } = await startProcess(
          'gateway',
          serviceArgs('gateway/src/main.ts'),
          {
            ...common,
            GATEWAY_PORT: String(port),
            ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, urls[s.name]!])),
          },
          /gateway listening/,
        );
        started.push(child);
        oursUrl = `http://127.0.0.1:${port}/graphql`;
        oursPid = [child.pid!];
        subgraphPids = started.slice(0, -1).map((c) => c.pid!);
      } else {
        const port = await freePort();
        const { child, output } = await startProcess(
          'hub',
          serviceArgs('scripts/start.ts'),
          {
            ...common,
            GATEWAY_PORT: String(port),
            SUBGRAPH_PORTS: 'ephemeral',
            DEMO_SUBJECTS: '0',
            WEB_BUILD: 'skip',
            HUB_WORKERS: String(options.workers),
          },
          /gateway ready/,
        );
        started.push(child);
        for (const match of output.join('').matchAll(/subgraph (\w+) at (http:\/\/\S+)/g)) urls[match[1]!] = match[2]!;
        oursUrl = `http://127.0.0.1:${port}/graphql`;
        // The primary and its workers: their CPU counts as the gateway's (gateway and subgraphs share each worker).
        oursPid = processTree(child.pid!);
        subgraphPids = [];
      }
      const hivePort = await freePort();
      const hive = await startProcess(
        'hive',
        // The same V8 flags as our services: the comparison is of the gateways, not of their young generations.
        [...V8_FLAGS, '--import', tsxLoader, hiveBin, 'supergraph', supergraphWith(urls, hiveDir), '-c', config],
        { ...common, PORT: String(hivePort), HOST: '127.0.0.1', FORK: '1' },
        new URL(`http://127.0.0.1:${hivePort}/healthcheck`),
        hiveDir,
      );
      started.push(hive.child);
      const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
      await sameAnswer(oursUrl, hiveUrl, options.codes[0]!);
      // Warm both (JIT, plan caches, connection pools) before the measured pairs.
      await load(oursUrl, options.codes, 3, options.connections);
      await load(hiveUrl, options.codes, 3, options.connections);
      // What each group spends at rest, to tell a request's cost from the background's.
      const pidsOf = (ours: boolean) => ({
        gateway: ours ? oursPid : [hive.child.pid!],
        subgraphs: ours ? subgraphPids : layout === 'split' ? subgraphPids : oursPid,
        pgDataDir: options.pgDataDir,
      });
      const [oursIdle, hiveIdle] = await Promise.all([
        idleRates(pidsOf(true), 5),
        idleRates({ gateway: [hive.child.pid!], subgraphs: [], pgDataDir: options.pgDataDir }, 5),
      ]);
      // All-in-one: the hub process is our "gateway" and the subgraphs of Hive's requests.
      const idleOf = (ours: boolean): IdleRates =>
        ours
          ? oursIdle
          : {
              gateway: hiveIdle.gateway,
              subgraphs: layout === 'split' ? oursIdle.subgraphs : oursIdle.gateway,
              postgres: oursIdle.postgres,
            };
      for (let pair = 0; pair < options.pairs; pair++) {
        const order: Measured['gateway'][] = pair % 2 === 0 ? ['credit-hub', 'hive'] : ['hive', 'credit-hub'];
        for (const gateway of order) {
          const ours = gateway === 'credit-hub';
          results.push(
            await measure(
              layout,
              gateway,
              ours ? oursUrl : hiveUrl,
              // In the all-in-one layout the hub process serves Hive's subgraph calls too.
              pidsOf(ours),
              options.codes,
              options.duration,
              options.connections,
              idleOf(ours),
            ),
          );
        }
      }
    } finally {
      for (const child of started.reverse()) await stop(child);
    }
  }
  summarise(results);
}

// `tsx bench/peer.ts` alone is not a command: bench/run.ts runs it (`npm run bench -- --only peer`).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  console.error('run it through npm run bench -- --only peer');
