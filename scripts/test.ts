/**
 * The test command. Prepares a database server (embedded PostgreSQL in .data/pg-test, or the server in
 * TEST_DATABASE_URL), builds one migrated template database, then runs every test file with Node's test
 * runner. Each test file clones the template (packages/kit/src/testing), so files run in parallel.
 *
 *   tsx scripts/test.ts                 all tests
 *   tsx scripts/test.ts --integration   only the tiers that talk to a database or a server
 *   tsx scripts/test.ts path/to/x.test.ts ...
 *
 * Every test process (and every process they start) runs with the outbound-traffic guard
 * (scripts/egress-guard.mjs, through NODE_OPTIONS): a connection attempt to anything but this machine is
 * refused and recorded, and the run fails if there was one, listing them.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
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
import { ensureAuthorities } from '../subgraphs/disclosure/src/authorities.ts';

const ROOTS = ['packages', 'subgraphs', 'gateway', 'scripts'];

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

/** Integration tests are the ones that need the database; they name it by importing the harness. */
async function needsDatabase(file: string): Promise<boolean> {
  const { readFile } = await import('node:fs/promises');
  return /kit\/testing|testing\/index|createTestDatabase|startTestHub/.test(await readFile(file, 'utf8'));
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

async function main() {
  const args = process.argv.slice(2);
  const integrationOnly = args.includes('--integration');
  const explicit = args.filter((a) => !a.startsWith('--'));
  let files =
    explicit.length > 0
      ? explicit.map((f) => path.resolve(f))
      : (await Promise.all(ROOTS.map((r) => findTests(path.join(repoRoot, r))))).flat();
  if (integrationOnly) {
    const flags = await Promise.all(files.map(needsDatabase));
    files = files.filter((_, i) => flags[i]);
  }
  // Tests that need an external Redis run only where one is named (CI's integration pass); the default
  // path must work on a machine with nothing but Node and npm.
  if (!process.env.TEST_REDIS_URL) files = files.filter((f) => !f.endsWith('.redis.test.ts'));
  files.sort();

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
      process.exit(2);
    }
    adminUrl = server.adminUrl;
  }
  console.log(
    `test database server: ${external ? new URL(external).host + ' (TEST_DATABASE_URL)' : 'embedded PostgreSQL (a fresh cluster in .data for this run)'}`,
  );
  const template = await prepareTemplate(adminUrl);
  const egressLog = path.join(dataDir, `egress-${process.pid}.log`);
  await rm(egressLog, { force: true });
  let code = 1;
  try {
    code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
        cwd: repoRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          NODE_ENV: 'test',
          CREDIT_HUB_TEST_ADMIN_URL: adminUrl,
          CREDIT_HUB_TEST_TEMPLATE: template,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(GUARD).href}`.trim(),
          CREDIT_HUB_EGRESS_LOG: egressLog,
        },
      });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    const egress = await egressReport(egressLog);
    if (egress.processes === 0) {
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
  } finally {
    await dropTemplate(adminUrl, template);
    await server?.stop();
    if (server) await rm(clusterDir, { recursive: true, force: true });
  }
  process.exit(code);
}

await main();
