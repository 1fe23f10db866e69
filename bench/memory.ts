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
import autocannon from 'autocannon';
import { repoRoot } from '@credit-hub/kit/db';

const MB = 1024 * 1024;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

const secretValue = () => randomBytes(36).toString('base64url');

function load(options: {
  url: string;
  bodies: string[];
  connections: number;
  duration: number;
  overallRate?: number;
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
}): Promise<void> {
  const soakSeconds = Math.min(Math.max(options.soakSeconds, 10), 900);
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
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
    // Its access lines (one per request) are written as deployed, to a sink nobody reads.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssOf(child.pid!)), 1000);
    const soak = await load({
      url,
      bodies: options.bodies,
      connections: options.connections,
      duration: soakSeconds,
      overallRate: target,
    });
    clearInterval(sampler);
    const tenth = Math.max(1, Math.floor(samples.length / 10));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = mean(samples.slice(0, tenth));
    const late = mean(samples.slice(-tenth));
    const peak = Math.max(...samples);
    const errors = soak.result.errors + soak.result.non2xx + soak.graphqlErrors;
    const l = soak.result.latency;
    console.log(
      [
        `  RSS at start ${(startRss / MB).toFixed(0)} MB, idle after warm-up ${(idleRss / MB).toFixed(0)} MB, ` +
          `peak ${(peak / MB).toFixed(0)} MB`,
        `  RSS first tenth ${(early / MB).toFixed(0)} MB, last tenth ${(late / MB).toFixed(0)} MB: ` +
          `growth ${(((late - early) / early) * 100).toFixed(1)} %`,
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
