/**
 * `npm run new:subgraph` works: it runs in a copy of the repository (the working tree's files, node_modules shared
 * by links, the workspace links made anew so they point into the copy), and the copy then passes what `npm test`
 * would ask of the new department — composition, codegen, migrations and generated docs current, format and lint
 * clean, the new subgraph's code type-checked, the anatomy test, and the new subgraph's own unit and subgraph tests
 * against a template database migrated from the copy's migrations (the new one included).
 *
 * The whole repository's typecheck and test run are left out on purpose: they take minutes, and everything the
 * generator changes outside the new subgraph is a list entry each one of these checks reads.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '@credit-hub/kit/db';
import { withDatabase } from '@credit-hub/kit/testing';
import pg from 'pg';

const run = promisify(execFile);
const NAME = 'housing';
// Generous: the machine may be shared, and each step starts a Node process of its own.
const STEP = { timeout: 10 * 60_000 };

const adminUrl = process.env.CREDIT_HUB_TEST_ADMIN_URL!;
let copy: string;
const template = `credit_hub_tpl_gen_${process.pid}`;
const timings: Record<string, number> = {};

/**
 * The environment of a command in the copy. Node's test runner marks its children (NODE_TEST_CONTEXT) and a marked
 * process runs no test files of its own: the mark is dropped so that the copy's tests run.
 */
function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Prisma's CLI would report usage to its vendor: the egress guard refuses it, and so do air-gapped sites.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: adminUrl, CHECKPOINT_DISABLE: '1', ...extra };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

/** Runs a command in the copy; the output is returned, and printed when it fails. */
async function inCopy(what: string, file: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd: copy,
      env: childEnv(env),
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${what} failed in the copy:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  } finally {
    timings[what] = Math.round((performance.now() - started) / 100) / 10;
  }
}

/** The working tree's files (tracked and untracked, ignored ones aside) copied; node_modules linked entry by entry. */
async function copyRepository(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'credit-hub-new-subgraph-'));
  const { stdout } = await run('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = stdout.split('\0').filter(Boolean);
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(path.join(repoRoot, file), path.join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // a file deleted but not yet staged
    });
  }
  // Third-party packages are shared; the workspace links are the copy's own, relative as npm writes them.
  await mkdir(path.join(dir, 'node_modules', '@credit-hub'), { recursive: true });
  for (const entry of await readdir(path.join(repoRoot, 'node_modules')))
    if (entry !== '@credit-hub')
      await symlink(path.join(repoRoot, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  for (const entry of await readdir(path.join(repoRoot, 'node_modules', '@credit-hub')))
    await cp(
      path.join(repoRoot, 'node_modules', '@credit-hub', entry),
      path.join(dir, 'node_modules', '@credit-hub', entry),
      {
        verbatimSymlinks: true,
      },
    );
  return dir;
}

before(async () => {
  copy = await copyRepository();
}, STEP);

after(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  if (copy) await rm(copy, { recursive: true, force: true });
  console.log(`new:subgraph timings (s): ${JSON.stringify(timings)}`);
});

describe('npm run new:subgraph', () => {
  it('adds a department whose checks pass at once', STEP, async () => {
    await inCopy('generate', 'npx', ['tsx', 'scripts/new-subgraph.ts', NAME, '--department', NAME]);

    // Wired into every list of subgraphs.
    const read = (file: string) => readFile(path.join(copy, file), 'utf8');
    assert.match(await read('packages/kit/src/topology.ts'), /\{ name: 'housing', port: \d+, department: 'housing' \}/);
    assert.match(await read('prisma/schema/_base.prisma'), /schemas\s*=\s*\[[^\]]*"housing"\]/);
    assert.match(await read('apps/hub/src/index.ts'), /housing: startHousingSubgraph,/);
    assert.match(await read('Dockerfile'), /^COPY subgraphs\/housing\/package\.json subgraphs\/housing\/$/m);
    assert.match(await read('docker-compose.yml'), /SUBGRAPH_URL_HOUSING: http:\/\/housing:\d+\/graphql/);
    assert.match(await read('supergraph.graphql'), /housingRecords: \[HousingRecord!\]/);
    assert.ok((await readdir(path.join(copy, 'prisma', 'migrations'))).some((d) => /^\d{4}_housing$/.test(d)));

    // What `npm run check` asks, for everything the generator touched.
    await inCopy('compose:check', 'npm', ['run', '--silent', 'compose:check']);
    await inCopy('codegen:check', 'npm', ['run', '--silent', 'codegen:check']);
    await inCopy('migrations:check', 'npm', ['run', '--silent', 'migrations:check']);
    await inCopy('docs:check', 'npm', ['run', '--silent', 'docs:check']);
    const touched = ['subgraphs/housing', 'apps/hub', 'packages/kit/src/topology.ts', 'docker-compose.yml'];
    await inCopy('format', 'npx', ['prettier', '--check', ...touched, 'package-lock.json', 'supergraph.graphql']);
    await inCopy('lint', 'npx', ['eslint', '--max-warnings', '0', ...touched.filter((f) => !f.endsWith('.yml'))]);
    await writeFile(
      path.join(copy, 'tsconfig.housing.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        include: ['subgraphs/housing/**/*.ts', 'packages/kit/src/topology.ts'],
      }),
    );
    await inCopy('typecheck', 'npx', ['tsc', '-p', 'tsconfig.housing.json']);

    // The tests: the anatomy (the new subgraph among the converted ones) and its own tiers, against the copy's schema.
    await writeFile(
      path.join(copy, 'make-template.ts'),
      `import pg from 'pg';
import { migrate } from './packages/kit/src/db/index.ts';
import { ensureReferenceData } from './packages/kit/src/reference/index.ts';
const admin = new pg.Client({ connectionString: ${JSON.stringify(adminUrl)} });
await admin.connect();
await admin.query("CREATE DATABASE ${template} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
await admin.end();
const url = ${JSON.stringify(withDatabase(adminUrl, template))};
await migrate(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
await ensureReferenceData(client);
await client.end();
`,
    );
    await inCopy('template', 'npx', ['tsx', 'make-template.ts']);
    const output = await inCopy(
      'tests',
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=tap',
        'scripts/anatomy.test.ts',
        'subgraphs/housing/src/rules.test.ts',
        'subgraphs/housing/test/housing.test.ts',
      ],
      { CREDIT_HUB_TEST_TEMPLATE: template },
    );
    assert.match(output, /^# fail 0$/m);
    assert.match(output, /the housing subgraph's anatomy/);
    assert.match(output, /reads the records of many subjects in one statement/);
  });
});
