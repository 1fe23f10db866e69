/**
 * Gateway memory soak (`npm run bench -- --only memory [--soak-seconds 600]`), run by bench/run.ts beside its hub:
 * a gateway process of its own (gateway/src/main.ts, production mode, logging at info as deployed) in front of the
 * hub's subgraphs. Its maximum rate is measured first (the public profile, full speed); then it serves 80 % of that
 * rate for the soak while its resident memory is read from /proc every second. Reported: idle RSS, peak, RSS over
 * the soak's first and last tenth and the growth between them, errors (transport, non-2xx and GraphQL errors).
 * Loopback only; bounded by --soak-seconds (at most 900).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { serviceArgs, V8_FLAGS } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import type { MemoryProbe, ProbeMessage } from './memory-probe.ts';

const MB = 1024 * 1024;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** Asks the gateway for its memory after a full collection (bench/memory-probe.ts). */
function probe(child: ChildProcess, snapshot?: string): Promise<MemoryProbe> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the gateway did not answer the memory probe in 120 s')), 120_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as MemoryProbe);
    });
    child.send({ probe: true, ...(snapshot ? { snapshot } : {}) } satisfies ProbeMessage);
  });
}

const secretValue = () => randomBytes(36).toString('base64url');

function load(options: {
  url: string;
  bodies: string[];
  connections: number;
  duration: number;
  overallRate?: number;
  /** Counts the answers as they come (the probes note how many requests were served before each). */
  counted?: { responses: number };
}): Promise<{ result: autocannon.Result; graphqlErrors: number }> {
  let i = 0;
  let graphqlErrors = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: options.connections,
        duration: options.duration,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: options.bodies[i++ % options.bodies.length] }),
            onResponse: (_status, body) => {
              if (options.counted) options.counted.responses += 1;
              if (body.includes('"errors"')) graphqlErrors += 1;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, graphqlErrors })),
    );
  });
}

export async function benchGatewayMemory(options: {
  subgraphUrls: Record<string, string>;
  internalSecret: string;
  bodies: string[];
  soakSeconds: number;
  connections: number;
  port: number;
  /** V8 flags of the gateway under test (e.g. `--max-semi-space-size=16`), to measure a production setting. */
  nodeFlags?: string[];
  /** A folder for heap snapshots after the first and the last tenth's collection (large files; none by default). */
  snapshotDir?: string | undefined;
}): Promise<void> {
  const soakSeconds = Math.min(Math.max(options.soakSeconds, 10), 900);
  const nodeFlags = options.nodeFlags ?? [];
  const child = spawn(
    process.execPath,
    // As deployed (the kit's serviceArgs); flags given here come after the kit's V8 flags, so they win.
    serviceArgs('gateway/src/main.ts', [...nodeFlags, '--expose-gc', '--import', './bench/memory-probe.ts']),
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        GATEWAY_PORT: String(options.port),
        INTERNAL_IDENTITY_SECRET: options.internalSecret,
        AUTH_JWT_SECRET: secretValue(),
        SESSION_SECRET: secretValue(),
        ALTCHA_HMAC_KEY: secretValue(),
        PUBLIC_ORIGIN: `http://127.0.0.1:${options.port}`,
        RATE_LIMIT_ANONYMOUS: '100000000',
        RATE_LIMIT_AUTHENTICATED: '100000000',
        SEARCH_CHALLENGE_AFTER: '100000000',
        ...Object.fromEntries(
          Object.entries(options.subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url]),
        ),
      },
      // Its access lines (one per request) are written as deployed, to a sink nobody reads; the probe's channel.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const base = `http://127.0.0.1:${options.port}`;
  try {
    for (let i = 0; ; i += 1) {
      if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}`);
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 1200) throw new Error('the gateway did not start in 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = `${base}/graphql`;
    const startRss = rssOf(child.pid!);
    // Maximum rate: full speed for 15 s (also the warm-up: JIT, caches, connection pools).
    const max = await load({ url, bodies: options.bodies, connections: options.connections, duration: 15 });
    const maxRate = max.result.requests.average;
    await new Promise((r) => setTimeout(r, 5000));
    const idleRss = rssOf(child.pid!);
    const target = Math.max(1, Math.round(maxRate * 0.8));
    console.log(
      `gateway memory soak: max ${maxRate.toFixed(0)} req/s (15 s, ${options.connections} connections); ` +
        `now ${target} req/s (80 %) for ${soakSeconds} s`,
    );
    const idleHeap = await probe(child);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssOf(child.pid!)), 1000);
    // One forced full collection in the middle of every tenth, under the load (10 pauses in all).
    const probes: MemoryProbe[] = [];
    const counted = { responses: 0 };
    const soakStart = Date.now();
    const answered: number[] = [];
    const probing = (async () => {
      for (let k = 0; k < 10; k += 1) {
        const due = soakStart + ((k + 0.5) * soakSeconds * 1000) / 10;
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
        answered.push(counted.responses);
        const snapshot =
          options.snapshotDir && (k === 0 || k === 9)
            ? path.resolve(options.snapshotDir, `gateway-tenth-${k + 1}.heapsnapshot`)
            : undefined;
        probes.push(await probe(child, snapshot));
      }
    })();
    const soak = await load({
      url,
      bodies: options.bodies,
      connections: options.connections,
      duration: soakSeconds,
      overallRate: target,
      counted,
    });
    clearInterval(sampler);
    await probing;
    const tenth = Math.max(1, Math.floor(samples.length / 10));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = mean(samples.slice(0, tenth));
    const late = mean(samples.slice(-tenth));
    const peak = Math.max(...samples);
    const errors = soak.result.errors + soak.result.non2xx + soak.graphqlErrors;
    const l = soak.result.latency;
    const first = probes[0]!;
    const last = probes[probes.length - 1]!;
    const mb = (bytes: number) => (bytes / MB).toFixed(1);
    const growth = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
    console.log(
      [
        `  node flags: ${[...V8_FLAGS, ...nodeFlags].join(' ')}`,
        `  RSS at start ${(startRss / MB).toFixed(0)} MB, idle after warm-up ${(idleRss / MB).toFixed(0)} MB, ` +
          `peak ${(peak / MB).toFixed(0)} MB`,
        `  RSS first tenth ${(early / MB).toFixed(0)} MB, last tenth ${(late / MB).toFixed(0)} MB: ` +
          `growth ${(((late - early) / early) * 100).toFixed(1)} %`,
        `  heap used after a full collection: idle ${mb(idleHeap.heapUsed)} MB, first tenth ${mb(first.heapUsed)} MB, ` +
          `last tenth ${mb(last.heapUsed)} MB: growth ${growth(first.heapUsed, last.heapUsed)}; ` +
          `old space used ${mb(first.oldSpaceUsed)} → ${mb(last.oldSpaceUsed)} MB; ` +
          `heap reserved ${mb(first.heapTotal)} → ${mb(last.heapTotal)} MB (young generation ${mb(first.newSpace)} → ` +
          `${mb(last.newSpace)} MB); outside the heap ${mb(first.external)} → ${mb(last.external)} MB; ` +
          `RSS right after it ${mb(first.rss)} → ${mb(last.rss)} MB`,
        `  heap used after a full collection per tenth (requests served by then): ` +
          probes.map((p, k) => `${mb(p.heapUsed)} (${answered[k]})`).join(', ') +
          ' MB',
        `  served ${soak.result.requests.total} requests, ${soak.result.requests.average.toFixed(0)} req/s, ` +
          `p50 ${l.p50} ms, p99 ${l.p99} ms; errors ${errors} ` +
          `(transport ${soak.result.errors}, non-2xx ${soak.result.non2xx}, GraphQL ${soak.graphqlErrors}); ` +
          `warm-up errors ${max.result.errors + max.result.non2xx + max.graphqlErrors}`,
      ].join('\n'),
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}
