/**
 * The test command. Test files are chosen and run by TIER, and a file's tier is its folder (docs/architecture.md):
 *
 *   unit       any `*.test.ts` under a `src/` folder (and scripts/*.test.ts): no database, no server. Runs
 *              without the test database's settings, so a unit test that reaches for one fails loudly; it
 *              starts at once, while the database is being prepared.
 *   subgraph   `*.test.ts` under a `test/` folder (subgraphs/<name>/test, packages/<name>/test, scripts/test):
 *              one service or library in process against its own clone of a migrated template database.
 *   e2e        `*.test.ts` anywhere under `e2e/`: the whole hub (gateway and every subgraph) over real HTTP.
 *              Browser tests (e2e/web) run after the other database files, alone, so Chromium is not starved.
 *
 * `*.redis.test.ts` runs only where TEST_REDIS_URL names a Redis (CI's second pass), in its folder's tier;
 * `*.nats.test.ts` likewise only where TEST_NATS_URL names a NATS server with JetStream.
 *
 *   tsx scripts/test.ts                     every tier
 *   tsx scripts/test.ts --integration       the subgraph and e2e tiers (the ones that need a database)
 *   tsx scripts/test.ts --tier=unit         one tier (repeatable)
 *   tsx scripts/test.ts path/to/x.test.ts   these files, each in its own tier
 *
 * The database tiers use an embedded PostgreSQL in .data/pg-test-<pid>, or the server in TEST_DATABASE_URL;
 * one migrated template database is built per run and each test file clones it (packages/kit/src/testing), so
 * files run in parallel. Every test process (and every process they start) runs with the outbound-traffic
 * guard (scripts/egress-guard.mjs, through NODE_OPTIONS): a connection attempt to anything but this machine
 * is refused and recorded, and the run fails if there was one, listing them.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import {
  dataDir,
  EmbeddedPostgresUnavailable,
  migrate,
  repoRoot,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from '../packages/kit/src/db/index.ts';
import { ensureReferenceData } from '@credit-hub/kit/reference';
import { withDatabase } from '../packages/kit/src/testing/index.ts';
import { ensureAuthorities } from '../subgraphs/disclosure/src/authorities/writes.ts';
import { TIERS, tierOf, type Tier } from './tiers.ts';

const ROOTS = ['packages', 'apps', 'subgraphs', 'gateway', 'scripts', 'e2e'];

async function findTests(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name === 'generated') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findTests(full)));
    else if (entry.name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

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

async function prepareTemplate(adminUrl: string): Promise<string> {
  const template = `credit_hub_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${template} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
    );
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, template);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await ensureReferenceData(client);
  await ensureAuthorities(client);
  await client.end();
  return template;
}

async function dropTemplate(adminUrl: string, template: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
  // Clones left behind by a crashed test file are removed too, so a server never fills up.
  const stale = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ '^t_[0-9a-f]{12}$'`,
  );
  for (const row of stale.rows)
    await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}

const GUARD = path.join(repoRoot, 'scripts', 'egress-guard.mjs');

/** The guard's log: attempts to leave this machine (and `loaded` marks), one JSON object a line. */
async function egressReport(log: string): Promise<{ processes: number; attempts: Record<string, unknown>[] }> {
  const lines = (await readFile(log, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    processes: new Set(lines.filter((l) => l.kind === 'loaded').map((l) => l.pid)).size,
    attempts: lines.filter((l) => l.kind !== 'loaded'),
  };
}

/** Runs test files in one Node test-runner process; resolves with its exit code and, when captured, its output. */
function runFiles(
  files: string[],
  env: NodeJS.ProcessEnv,
  capture: boolean,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
      cwd: repoRoot,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env,
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (c, signal) => resolve({ code: c ?? (signal ? 1 : 0), output }));
  });
}

function parseTiers(args: string[]): Set<Tier> {
  const chosen = new Set<Tier>();
  for (const arg of args) {
    if (arg === '--integration') ['subgraph', 'e2e'].forEach((t) => chosen.add(t as Tier));
    else if (arg.startsWith('--tier=')) {
      const tier = arg.slice('--tier='.length) as Tier;
      if (!TIERS.includes(tier)) throw new Error(`unknown tier ${tier}: one of ${TIERS.join(', ')}`);
      chosen.add(tier);
    } else if (arg.startsWith('--layout=')) continue;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
  }
  return chosen.size ? chosen : new Set(TIERS);
}

async function main() {
  const args = process.argv.slice(2);
  const tiers = parseTiers(args);
  const explicit = args.filter((a) => !a.startsWith('--'));
  let files =
    explicit.length > 0
      ? explicit.map((f) => path.resolve(f))
      : (await Promise.all(ROOTS.map((r) => findTests(path.join(repoRoot, r))))).flat();
  files = files.filter((f) => tiers.has(tierOf(f)));
  // Tests that need an external Redis run only where one is named (CI's integration pass); the default
  // path must work on a machine with nothing but Node and npm.
  if (!process.env.TEST_REDIS_URL) files = files.filter((f) => !f.endsWith('.redis.test.ts'));
  if (!process.env.TEST_NATS_URL) files = files.filter((f) => !f.endsWith('.nats.test.ts'));
  files.sort();
  const unitFiles = files.filter((f) => tierOf(f) === 'unit');
  const databaseFiles = files.filter((f) => tierOf(f) !== 'unit');
  const count = (tier: Tier) => files.filter((f) => tierOf(f) === tier).length;
  console.log(`test files: ${TIERS.map((t) => `${count(t)} ${t}`).join(', ')}`);

  const egressLog = path.join(dataDir, `egress-${process.pid}.log`);
  // A fresh checkout has no .data yet when only unit tests run (no embedded server makes it): the guard's log would be
  // lost and the run fail as unguarded.
  await mkdir(dataDir, { recursive: true });
  await rm(egressLog, { force: true });
  // --layout=in-process: the e2e hubs' gateways execute the subgraphs in-process (the all-in-one layout, ADR 0114).
  const layout = args.find((a) => a.startsWith('--layout='))?.slice('--layout='.length);
  if (layout && layout !== 'http' && layout !== 'in-process')
    throw new Error(`unknown layout ${layout}: http or in-process`);
  const guarded: NodeJS.ProcessEnv = {
    ...process.env,
    ...(layout ? { CREDIT_HUB_TEST_LAYOUT: layout } : {}),
    NODE_ENV: 'test',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(GUARD).href}`.trim(),
    CREDIT_HUB_EGRESS_LOG: egressLog,
  };
  // The unit tier needs no database: it runs while the database tiers' server and template are prepared.
  // Its output is printed as one block when it ends, so the two runs' reports do not interleave line by line.
  const unitRun = unitFiles.length
    ? runFiles(unitFiles, { ...guarded, CREDIT_HUB_TEST_ADMIN_URL: '', CREDIT_HUB_TEST_TEMPLATE: '' }, true).then(
        (result) => {
          process.stdout.write(`\n== unit tier: ${unitFiles.length} files ==\n${result.output}`);
          return result.code;
        },
      )
    : Promise.resolve(0);

  let databaseCode = 0;
  if (databaseFiles.length) {
    let server: EmbeddedServer | null = null;
    const external = process.env.TEST_DATABASE_URL;
    // A cluster of its own per run (initdb takes under a second): concurrent runs never share a server.
    const clusterDir = path.join(dataDir, `pg-test-${process.pid}`);
    let adminUrl = external;
    if (!adminUrl) {
      try {
        server = await startEmbeddedPostgres({ dataDir: clusterDir, port: await freePort() });
      } catch (error) {
        if (!(error instanceof EmbeddedPostgresUnavailable)) throw error;
        console.error(`${error.message} For the tests, TEST_DATABASE_URL names that server.`);
        await unitRun;
        process.exit(2);
      }
      adminUrl = server.adminUrl;
    }
    console.log(
      `test database server: ${external ? new URL(external).host + ' (TEST_DATABASE_URL)' : 'embedded PostgreSQL (a fresh cluster in .data for this run)'}`,
    );
    const template = await prepareTemplate(adminUrl);
    try {
      // The browser tests (e2e/web) run last and alone: a headless Chromium beside two other files' hubs on a
      // two-core machine has been seen to leave a page unrendered for minutes.
      const browserFiles = databaseFiles.filter((f) =>
        path.relative(repoRoot, f).split(path.sep).join('/').startsWith('e2e/web/'),
      );
      const otherFiles = databaseFiles.filter((f) => !browserFiles.includes(f));
      const env = { ...guarded, CREDIT_HUB_TEST_ADMIN_URL: adminUrl, CREDIT_HUB_TEST_TEMPLATE: template };
      console.log(`\n== subgraph and e2e tiers: ${databaseFiles.length} files ==`);
      if (otherFiles.length) databaseCode = (await runFiles(otherFiles, env, false)).code;
      if (browserFiles.length) {
        await unitRun;
        console.log(`\n== browser tests: ${browserFiles.length} files, after the others ==`);
        databaseCode = (await runFiles(browserFiles, env, false)).code || databaseCode;
      }
    } finally {
      await dropTemplate(adminUrl, template);
      await server?.stop();
      if (server) await rm(clusterDir, { recursive: true, force: true });
    }
  }
  const unitCode = await unitRun;
  let code = unitCode || databaseCode;

  const egress = await egressReport(egressLog);
  if (files.length && egress.processes === 0) {
    console.error('outbound-traffic guard: it ran in no test process (scripts/egress-guard.mjs)');
    code = 1;
  } else if (egress.attempts.length > 0) {
    console.error(
      `outbound-traffic guard: ${egress.attempts.length} connection attempt(s) to outside this machine ` +
        `during the tests (air-gapped sites allow none):`,
    );
    for (const a of egress.attempts) console.error(`  ${a.kind} ${a.target} (pid ${a.pid} ${a.argv})\n${a.stack}`);
    code = 1;
  } else {
    console.log(
      `outbound-traffic guard: no connection attempt to outside this machine (${egress.processes} processes)`,
    );
  }
  await rm(egressLog, { force: true });
  if (unitCode) console.error('the unit tier failed (its report is above, under "== unit tier")');
  process.exit(code);
}

await main();
