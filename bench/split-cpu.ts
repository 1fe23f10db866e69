/**
 * CPU per profile request of every process of the split layout, for a FIXED number of requests (ADR 0129): the
 * gateway and every subgraph each its own process, as bench/peer.ts starts them, on the bench's database
 * (`npm run bench` loads it first). After a warm-up, exactly `--requests` public profile requests on 8 connections;
 * each process's utime + stime from /proc before and after, divided by the requests. With `--profile <dir>`, V8's
 * sampling profiler runs in every service process over the measured requests (bench/cpu-profiler.mjs) and writes one
 * .cpuprofile per service: shares of where the time goes, which — unlike req/s — a loaded machine hardly moves.
 *
 *   npx tsx bench/split-cpu.ts --pg-port 55651 --requests 800 [--profile /tmp/profiles] [--subjects 20000]
 *
 * Loopback only, bounded by the request count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { serviceArgs, SUBGRAPHS } from '@credit-hub/kit';
import { dataDir, repoRoot, startEmbeddedPostgres } from '@credit-hub/kit/db';

const { values } = parseArgs({
  options: {
    'pg-port': { type: 'string', default: '54331' },
    subjects: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '800' },
    warm: { type: 'string', default: '300' },
    profile: { type: 'string' },
  },
});
const REQUESTS = Math.min(Number(values.requests), 100_000);
const SECRET = 'bench-only-internal-identity-secret-0123456789';
const PROFILE = readFileSync(path.join(repoRoot, 'gateway/operations/SubjectProfile.graphql'), 'utf8');
const profileDir = values.profile ? path.resolve(values.profile) : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });

const pgServer = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, 'pg-bench'),
  port: Number(values['pg-port']),
});
const databaseUrl = await pgServer.ensureDatabase(`bench_v3_${Number(values.subjects)}`);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
/** utime + stime of a process, in milliseconds (USER_HZ 100). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const env = {
  NODE_ENV: 'development',
  DATABASE_URL: databaseUrl,
  INTERNAL_IDENTITY_SECRET: SECRET,
  RATE_LIMIT_ANONYMOUS: '1000000',
  RATE_LIMIT_AUTHENTICATED: '1000000',
  SEARCH_CHALLENGE_AFTER: '1000000',
  ...(profileDir ? { SPLIT_CPU_PROFILE_DIR: profileDir } : {}),
};
const profiler = path.join(repoRoot, 'bench/cpu-profiler.mjs');

function start(entry: string, own: Record<string, string>, ready: RegExp) {
  return new Promise<ChildProcess>((resolve, reject) => {
    // Started as deployed (the kit's serviceArgs), the profiler loaded after tsx's hook.
    const child = spawn(process.execPath, serviceArgs(entry, ['--import', profiler]), {
      cwd: repoRoot,
      env: { ...process.env, ...env, ...own },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${output}`)));
  });
}

const services: { name: string; child: ChildProcess }[] = [];
try {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // A fixed sample (the same codes in the same order at every run), so that two runs send the same requests.
  const codes = (
    await client.query<{ code: string }>(
      `SELECT code FROM subject.credit_subject WHERE kind <> 'NATURAL_PERSON' ORDER BY md5(code) LIMIT 2000`,
    )
  ).rows.map((r) => r.code);
  await client.end();
  if (codes.length === 0) throw new Error('no subjects: run `npm run bench` once to load the database');

  const urls: Record<string, string> = {};
  for (const s of SUBGRAPHS) {
    const port = await freePort();
    const child = await start(
      `subgraphs/${s.name}/src/main.ts`,
      { [`${s.name.toUpperCase()}_PORT`]: String(port) },
      /subgraph listening/,
    );
    services.push({ name: s.name, child });
    urls[s.name] = `http://127.0.0.1:${port}/graphql`;
  }
  const gatewayPort = await freePort();
  const gateway = await start(
    'gateway/src/main.ts',
    {
      GATEWAY_PORT: String(gatewayPort),
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, urls[s.name]!])),
    },
    /gateway listening/,
  );
  services.push({ name: 'gateway', child: gateway });
  const url = `http://127.0.0.1:${gatewayPort}/graphql`;

  let next = 0;
  const send = (amount: number) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        {
          url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          connections: 8,
          amount,
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                body: JSON.stringify({ query: PROFILE, variables: { code: codes[next++ % codes.length] } }),
              }),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
  await send(Math.min(Number(values.warm), 10_000));
  next = 0;
  if (profileDir) for (const s of services) s.child.kill('SIGUSR1');
  const before = services.map((s) => cpuMs(s.child.pid!));
  const result = await send(REQUESTS);
  const after = services.map((s) => cpuMs(s.child.pid!));
  if (profileDir) {
    for (const s of services) s.child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  const n = Math.max(1, result.requests.total);
  let subgraphs = 0;
  const rows = services.map((s, i) => {
    const ms = (after[i]! - before[i]!) / n;
    if (s.name !== 'gateway') subgraphs += ms;
    return `  ${s.name.padEnd(12)} ${ms.toFixed(3)} ms`;
  });
  console.log(
    `${n} profile requests, ${result.errors + result.non2xx} errors; CPU per request:\n${rows.join('\n')}\n` +
      `  subgraphs    ${subgraphs.toFixed(3)} ms${profileDir ? `\nprofiles in ${profileDir}` : ''}`,
  );
} finally {
  for (const s of services) s.child.kill('SIGTERM');
  await pgServer.stop();
}
